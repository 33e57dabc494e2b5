import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, suggestionsFor, writeWorkspaceFile } from '../helpers';

// Undo and redo of annotation actions (issue 10): every action undone and redone, the sidecar's
// bytes compared with the ones before and after it.
describe('Undo and redo of annotation actions (issue 10)', () => {
  const text = 'Maria Costa met officials of the Harbour Board in Lisbon on Monday. The board said Lisbon would sign the accord.\n';
  let uri: vscode.Uri;
  const sidecar = () => `${uri.fsPath}.factmark.yaml`;
  const bytes = () => (fs.existsSync(sidecar()) ? fs.readFileSync(sidecar(), 'utf8') : '');
  type Annotated = { model: { annotations: Array<{ id: string; text: string; type: string; status: string; start: number }>; facts: Array<{ id: string }> } };
  const annotations = async () => (await vscode.commands.executeCommand<Annotated>('factmark.internal.getAnnotations', uri)).model;
  const at = (name: string, n = 0) => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text.indexOf(name, i + 1);
    return { start: i, end: i + name.length };
  };

  before(async () => {
    uri = writeWorkspaceFile('history-story.txt', text);
    const editor = await openInEditor(uri);
    await suggestionsFor(uri);
    // A first annotation, so the sidecar exists before the actions under test.
    const s = at('Maria Costa');
    editor.selection = new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'PERSON' });
    // And a first fact: the sidecar writer writes a list emptied by a deletion as `facts:`, not as the
    // `facts: []` it started with (src/core/sidecar), which is no matter of undo.
    const second = at('The board said Lisbon would sign the accord.');
    await vscode.commands.executeCommand('factmark.createFact', { uri: uri.toString(), ...second, label: 'statement', entities: [], date: '' });
    await eventually(() => bytes().includes('Maria Costa') && bytes().includes('statement'), 'the sidecar was not written');
  });

  after(async () => {
    const own = await annotations();
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, { remove: [...own.annotations, ...own.facts].map((a) => a.id) });
    fs.rmSync(uri.fsPath, { force: true });
    fs.rmSync(sidecar(), { force: true });
    await closeAllEditors();
  });

  /** Runs an action, then undoes and redoes it, comparing the sidecar's bytes each time. */
  const roundTrip = async (name: string, action: () => PromiseLike<unknown>) => {
    const before = bytes();
    await action();
    const after = await eventually(() => (bytes() !== before ? bytes() : undefined), `${name} changed nothing on disk`);
    assert.ok(await vscode.commands.executeCommand('factmark.undo'), `${name}: nothing to undo`);
    await eventually(() => bytes() === before, `${name}: undo did not restore the sidecar`);
    assert.ok(await vscode.commands.executeCommand('factmark.redo'), `${name}: nothing to redo`);
    await eventually(() => bytes() === after, `${name}: redo did not restore the sidecar`);
  };
  const id = async (name: string) => (await annotations()).annotations.find((a) => a.text === name)!.id;

  it('undoes and redoes tag, accept, reject, retype, note, delete and the fact actions, byte for byte', async () => {
    const editor = await openInEditor(uri);
    const u = uri.toString();
    const suggested = (await suggestionsFor(uri)).mentions;
    const lisbon = suggested.find((m) => m.text === 'Lisbon');
    const monday = suggested.find((m) => m.text === 'Monday');
    assert.ok(lisbon && monday, `precondition: ${JSON.stringify(suggested)}`);

    await roundTrip('tag', async () => {
      const s = at('Harbour Board');
      editor.selection = new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end));
      await vscode.commands.executeCommand('factmark.tagAs', { type: 'ORGANIZATION' });
    });
    await roundTrip('accept', () => vscode.commands.executeCommand('factmark.acceptSuggestion', { uri: u, start: lisbon.start, end: lisbon.end, type: lisbon.type }));
    await roundTrip('reject', () => vscode.commands.executeCommand('factmark.rejectSuggestion', { uri: u, start: monday.start, end: monday.end, type: monday.type }));
    await roundTrip('retype', async () => vscode.commands.executeCommand('factmark.retypeAnnotation', { uri: u, id: await id('Harbour Board'), type: 'PLACE' }));
    await roundTrip('note', async () => vscode.commands.executeCommand('factmark.editNote', { uri: u, id: await id('Maria Costa'), value: 'the harbour master' }));
    await roundTrip('delete', async () => vscode.commands.executeCommand('factmark.removeAnnotation', { uri: u, id: await id('Harbour Board') }));
    const sentence = at('Maria Costa met officials of the Harbour Board in Lisbon on Monday.');
    const firstFact = (await annotations()).facts[0].id;
    await roundTrip('create fact', async () =>
      vscode.commands.executeCommand('factmark.createFact', { uri: u, ...sentence, label: 'meeting', entities: [await id('Maria Costa')], date: '2024-05-13' }),
    );
    const factId = (await annotations()).facts.find((f) => f.id !== firstFact)!.id;
    await roundTrip('edit fact', () => vscode.commands.executeCommand('factmark.editFact', { uri: u, id: factId, label: 'statement' }));
    await roundTrip('delete fact', () => vscode.commands.executeCommand('factmark.deleteFact', { uri: u, id: factId }));
  });

  it('refuses to undo once the text changed, and text undo keeps working', async () => {
    const editor = await openInEditor(uri);
    const s = at('Lisbon', 1);
    editor.selection = new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'PLACE' });
    await editor.edit((b) => b.insert(editor.document.positionAt(0), 'Update: '));
    const before = JSON.stringify(await annotations());
    assert.equal(await vscode.commands.executeCommand('factmark.undo'), undefined, 'an annotation action was undone over a text edit');
    assert.equal(JSON.stringify(await annotations()), before);
    await vscode.commands.executeCommand('undo');
    await eventually(() => editor.document.getText() === text, 'text undo did not take the edit back');
    await editor.document.save();
    // Back on the text the tag was made on, the tag can be undone again.
    assert.equal(await vscode.commands.executeCommand('factmark.undo'), 'Tag as Place', 'undo stayed blocked after the text edit was undone');
    await eventually(async () => !(await annotations()).annotations.some((a) => a.start === s.start && a.status === 'confirmed'), 'the tag was not undone');
  });

  it('undoes and redoes an import, byte for byte', async () => {
    const ann = writeWorkspaceFile('history-import.ann', `T1\tORGANIZATION 33 46\tHarbour Board\nT2\tPLACE 50 56\tLisbon\n`);
    try {
      await roundTrip('import', () => vscode.commands.executeCommand('factmark.importAnnotations', { file: ann, format: 'brat', document: uri }));
    } finally {
      fs.rmSync(ann.fsPath, { force: true });
    }
  });

  it('refuses to undo over a change it did not record, and changes nothing', async () => {
    const editor = await openInEditor(uri);
    const s = at('officials');
    editor.selection = new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'ORGANIZATION' });
    await eventually(() => bytes().includes('quote: officials'), 'the tag was not written');
    // Not an annotation action: as a hand edit of the sidecar or a quick fix would, it bypasses undo.
    const monday = at('Monday');
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, { add: [{ type: 'DATE', ...monday }] });
    const before = JSON.stringify(await annotations());
    assert.equal(await vscode.commands.executeCommand('factmark.undo'), undefined, 'undo put back a snapshot over a change it did not record');
    assert.equal(JSON.stringify(await annotations()), before, 'the refused undo changed the annotations');
  });
});
