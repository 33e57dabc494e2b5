import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, writeWorkspaceFile } from '../helpers';
import { workbench } from '../workbench';

describe('Quoted speech and dates coloured by the grammar', () => {
  after(closeAllEditors);

  it('colours a quotation and a calendar date differently from the text around them', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    // Suggestions off, so only the grammar can colour anything.
    const config = vscode.workspace.getConfiguration('factmark');
    await config.update('suggestions.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const uri = writeWorkspaceFile('quote.txt', 'Plainword said "peace regime now" and left on 02 March 2006 quietly.\n');
      await openInEditor(uri);
      const colours = await eventually(
        () =>
          wb.evaluate(() => {
            const spans = Array.from(document.querySelectorAll('.monaco-editor .view-lines .view-line span span'));
            const colourOf = (word: string) => {
              // Monaco renders spaces as no-break spaces, so look for single words.
              const s = spans.find((x) => (x.textContent ?? '').includes(word));
              return s ? getComputedStyle(s).color : undefined;
            };
            const result = { plain: colourOf('Plainword'), quote: colourOf('peace'), date: colourOf('March') };
            return result.plain && result.quote && result.date ? result : undefined;
          }),
        'the test line was not rendered',
      );
      assert.notEqual(colours.quote, colours.plain, 'quoted speech is not coloured');
      assert.notEqual(colours.date, colours.plain, 'the calendar date is not coloured');
    } finally {
      await config.update('suggestions.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
