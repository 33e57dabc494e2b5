import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, suggestionsFor, writeWorkspaceFile } from '../helpers';

interface Row {
  label: string;
  description?: string;
  children?: Row[];
}

// Facts and suggestions in review (issue 10, item 5): the Factmark view can list the open
// suggestions of the article, in a group that is off by default.
describe('Open suggestions in the Factmark view (issue 10)', () => {
  const text = 'Maria Costa met officials of the Harbour Board in Lisbon on Monday.\n';
  let uri: vscode.Uri;
  const rows = async () => (await vscode.commands.executeCommand<{ rows: Row[] }>('factmark.internal.getTree')).rows;
  const group = async () => (await rows()).find((r) => r.label.startsWith('Open suggestions ('));

  before(async () => {
    uri = writeWorkspaceFile('suggestions-view.txt', text);
    await openInEditor(uri);
    await vscode.commands.executeCommand('factmark.showView');
    const found = await suggestionsFor(uri);
    assert.ok(found.mentions.some((m) => m.text === 'Lisbon'), `precondition: Lisbon is suggested: ${JSON.stringify(found.mentions)}`);
  });

  after(async () => {
    await vscode.commands.executeCommand('factmark.view.hideSuggestions');
    await closeAllEditors();
    fs.rmSync(uri.fsPath, { force: true });
    fs.rmSync(`${uri.fsPath}.factmark.yaml`, { force: true });
  });

  it('is off by default, lists the suggestions when shown, and a row accepts its suggestion', async () => {
    assert.equal(await group(), undefined, 'the open-suggestions group is shown by default');
    await vscode.commands.executeCommand('factmark.view.showSuggestions');
    const shown = await eventually(group, 'no open-suggestions group after Show Open Suggestions');
    const lisbon = shown.children?.find((r) => r.label === 'Lisbon');
    assert.ok(lisbon, `Lisbon is not listed: ${JSON.stringify(shown)}`);
    assert.match(lisbon.description ?? '', /Place · suggested/);

    // The row's Accept (inline action) acts on the node it is shown on.
    const start = text.indexOf('Lisbon');
    const node = { kind: 'annotation', doc: { key: uri.toString() }, annotation: { start, end: start + 'Lisbon'.length, type: 'PLACE' } };
    await vscode.commands.executeCommand('factmark.view.acceptSuggestion', node);
    type Snapshot = { model: { annotations: Array<{ text: string; status: string }> } };
    await eventually(
      async () => (await vscode.commands.executeCommand<Snapshot>('factmark.internal.getAnnotations', uri)).model.annotations.some((a) => a.text === 'Lisbon' && a.status === 'confirmed'),
      'accepting from the view did not confirm Lisbon',
    );
    await eventually(async () => !(await group())?.children?.some((r) => r.label === 'Lisbon'), 'the accepted suggestion is still listed as open');

    await vscode.commands.executeCommand('factmark.view.hideSuggestions');
    assert.equal(await group(), undefined, 'Hide Open Suggestions left the group');
  });
});
