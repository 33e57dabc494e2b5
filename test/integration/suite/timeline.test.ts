import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Timeline } from '../../../src/core/timeline';
import { closeAllEditors, copySampleArticle, eventually, openInEditor, suggestionsFor } from '../helpers';
import { readCspViolations, readDrawnItems } from '../pictures';
import { workbench } from '../workbench';

describe('Timeline (issue 16)', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('draws the Korea article’s dates in order, and a click selects the sentence', async function () {
    const uri = copySampleArticle(this);
    const editor = await openInEditor(uri);
    await suggestionsFor(uri);
    await vscode.commands.executeCommand('factmark.showTimeline');
    const data = await eventually(async () => vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'), 'the timeline has no data');
    const order = (needle: string) => data.items.findIndex((i) => i.quote.includes(needle));
    assert.ok(order('1953 armistice') < order('historic 2000 summit'), 'the armistice comes before the summit');
    assert.ok(order('historic 2000 summit') < data.items.findIndex((i) => i.value === '2006-03-02'), 'the summit comes before the talks');

    const wb = workbench();
    if (!wb) return; // under @vscode/test-electron there is no page to look at
    const drawn = await eventually(() => wb.evaluate(readDrawnItems, 'svg [data-key]'), 'the timeline draws nothing');
    const x = (label: string) => drawn.find((d) => d.label === label)?.x ?? NaN;
    assert.ok(x('1953') < x('2000'), `1953 is drawn left of 2000: ${JSON.stringify(drawn)}`);
    assert.ok(x('2000') < x('02 March 2006'), '2000 is drawn left of the talks');
    await wb.screenshot('timeline-korea');
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');

    // A click on the 1953 bar selects the date in the editor.
    const armistice = drawn.find((d) => d.label === '1953');
    assert.ok(armistice);
    await fetch(process.env.FACTMARK_PROBE_URL!, { method: 'POST', body: JSON.stringify({ op: 'mouseClick', x: armistice.x, y: armistice.y }) });
    await eventually(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === uri.toString() && e.document.getText(e.selection) === '1953';
    }, 'clicking the 1953 bar does not select "1953" in the editor');
    assert.ok(editor);
  });
});
