import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PlaceMap } from '../../../../src/core/places';
import type { Timeline } from '../../../../src/core/timeline';
import { copySampleArticle, eventually, openInEditor, suggestionsFor, workspaceDir } from '../../helpers';
import { readDrawnItems, readPictureValue } from '../../pictures';
import { workbench } from '../../workbench';
import { inReloadedWindow, reloadAfterTheTests } from './reloadOnce';

/**
 * The timeline and map come back after a window reload (their webview serializer), with the
 * articles and the filter they showed. The suite runs twice in one VS Code: the first run opens the
 * panels and asks for the window reload (reloadOnce.ts), which ends its extension host; the reloaded
 * window runs the suite again and checks what came back (the marker file holds the article).
 */
describe('Timeline and map after a window reload (issue 16)', function () {
  this.timeout(120_000);
  const marker = () => path.join(workspaceDir(), '.factmark-reload-phase');

  it('restores both panels, their article and the shared filter', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    if (!inReloadedWindow()) {
      const uri = copySampleArticle(this);
      await openInEditor(uri);
      await suggestionsFor(uri);
      await vscode.commands.executeCommand('factmark.showTimeline');
      await vscode.commands.executeCommand('factmark.showMap');
      await vscode.commands.executeCommand('factmark.view.filter', { text: 'Seoul' });
      await eventually(async () => ((await wb!.evaluate(readDrawnItems, 'svg circle.dot')) ?? []).length === 1, 'the map does not draw Seoul alone', 30_000);
      fs.writeFileSync(marker(), uri.toString());
      // The reloaded window runs this test again, and the marker says to check what came back.
      reloadAfterTheTests();
      return;
    }
    assert.ok(fs.existsSync(marker()), 'the window reloaded, but this suite did not open its panels before the reload (its first part failed or did not run)');
    const uri = fs.readFileSync(marker(), 'utf8');
    fs.rmSync(marker());
    // The map was in front: it comes back drawn, with the filter it had (one dot, Seoul), and its box says so.
    const map = await eventually(async () => vscode.commands.executeCommand<PlaceMap | undefined>('factmark.internal.getMap'), 'no map panel came back after the reload', 60_000);
    assert.ok(map.points.some((p) => p.place.name === 'Seoul'));
    await eventually(async () => {
      const dots = (await wb!.evaluate(readDrawnItems, 'svg circle.dot')) ?? [];
      return dots.length === 1 && dots[0].label === 'Seoul';
    }, 'the restored map does not draw Seoul alone', 60_000);
    assert.equal(await wb!.evaluate(readPictureValue, '#text'), 'Seoul');
    // And the filter is the Factmark view's again.
    const tree = await vscode.commands.executeCommand<{ title: string }>('factmark.internal.getTree');
    assert.ok(tree.title.includes('filtered'), `the view is filtered again: ${tree.title}`);
    await wb!.screenshot('reload-restored-map');
    // The timeline's tab is behind the map: VS Code revives a hidden webview when it is shown, so show it.
    await wb!.click('.tab:has-text("Timeline")');
    const timeline = await eventually(async () => vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'), 'no timeline panel came back after the reload', 60_000);
    assert.ok(timeline.items.length > 0 && timeline.items.every((i) => i.uri === uri), 'the restored timeline shows the article it showed');
    await eventually(async () => ((await wb!.evaluate(readDrawnItems, 'svg [data-key]')) ?? []).length > 0, 'the restored timeline draws nothing', 60_000);
    assert.equal(await wb!.evaluate(readPictureValue, '#text'), 'Seoul', 'the restored timeline shows the shared filter');
    await wb!.screenshot('reload-restored-timeline');
  });
});
