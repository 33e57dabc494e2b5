import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, suggestionsFor, writeWorkspaceFile } from '../helpers';

/**
 * What the hover over "Thursday" says. It shows the suggestions as they are; suggestionsFor would
 * recognise the article again, and so hide a refresh that never happened.
 */
async function hoverOnThursday(uri: vscode.Uri): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  const at = document.positionAt(document.getText().indexOf('Thursday') + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
const UNRESOLVED = 'the document has no date of its own';

describe('The document date, set by hand', () => {
  after(closeAllEditors);

  it('resolves relative dates against a date the user sets, and keeps it in the sidecar', async () => {
    const uri = writeWorkspaceFile('undated.txt', 'The ministers met on Thursday in Valletta and will meet again next month.\n');
    await openInEditor(uri);
    const before = await suggestionsFor(uri);
    assert.equal(before.documentDate, undefined);
    const thursday = before.mentions.find((m) => m.text === 'Thursday');
    assert.ok(thursday && !/^\d{4}/.test(thursday.value ?? ''), 'precondition: "Thursday" is unresolved without a date');

    await vscode.commands.executeCommand('factmark.setDocumentDate', '2024-05-14');
    const after = await eventually(async () => {
      const r = await suggestionsFor(uri);
      return r.documentDate === '2024-05-14' ? r : undefined;
    }, 'the document date set by hand is not used');
    const resolved = after.mentions.find((m) => m.text === 'Thursday');
    assert.match(resolved?.value ?? '', /^2024-05-\d\d$/, `"Thursday" resolved to ${resolved?.value}`);
    assert.equal(after.mentions.find((m) => m.text === 'next month')?.value, '2024-06');
    const sidecar = `${uri.fsPath}.factmark.yaml`;
    await eventually(() => fs.existsSync(sidecar) && /date: "?2024-05-14"?/.test(fs.readFileSync(sidecar, 'utf8')), 'the date is not in the sidecar');

    // Removed from the sidecar by hand: relative dates are unresolved again.
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/^\s+date: "?2024-05-14"?\n/m, ''));
    await eventually(async () => (await hoverOnThursday(uri)).includes(UNRESOLVED), 'the hover still resolves "Thursday" against the date removed from the sidecar', 20_000);
    await eventually(async () => {
      const r = await suggestionsFor(uri);
      return r.documentDate === undefined && !/^\d{4}/.test(r.mentions.find((m) => m.text === 'Thursday')?.value ?? '');
    }, 'the document date removed from the sidecar by hand is still used');
  });

  it('undoes and redoes setting the date, as an annotation action', async () => {
    const uri = writeWorkspaceFile('undated-undo.txt', 'The ministers met on Thursday in Valletta and will meet again next month.\n');
    const sidecar = `${uri.fsPath}.factmark.yaml`;
    const dated = () => fs.existsSync(sidecar) && /date: "?2024-05-14"?/.test(fs.readFileSync(sidecar, 'utf8'));
    const resolved = async () => /^2024-05-\d\d$/.test((await suggestionsFor(uri)).mentions.find((m) => m.text === 'Thursday')?.value ?? '');
    try {
      await openInEditor(uri);
      await suggestionsFor(uri);
      await vscode.commands.executeCommand('factmark.setDocumentDate', '2024-05-14');
      await eventually(dated, 'the date is not in the sidecar');
      await eventually(resolved, '"Thursday" is not resolved against the date set');
      assert.match(await hoverOnThursday(uri), /Normalised: `2024-05-\d\d`/, 'the hover does not show "Thursday" resolved against the date set');
      assert.equal(await vscode.commands.executeCommand('factmark.undo'), 'Set Document Date 2024-05-14');
      await eventually(() => fs.existsSync(sidecar) && !dated(), 'undo left the date in the sidecar');
      await eventually(async () => (await hoverOnThursday(uri)).includes(UNRESOLVED), 'the hover still resolves "Thursday" against the date undone');
      await eventually(async () => !(await resolved()), '"Thursday" still resolves against the date undone');
      assert.ok(await vscode.commands.executeCommand('factmark.redo'), 'nothing to redo');
      await eventually(dated, 'redo did not put the date back in the sidecar');
      await eventually(resolved, '"Thursday" is not resolved again after redo');
    } finally {
      await closeAllEditors();
      fs.rmSync(uri.fsPath, { force: true });
      fs.rmSync(sidecar, { force: true });
    }
  });
});
