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
    // And a first fact, so the fact actions under test change a list that has entries.
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
    await eventually(() => bytes() === before, `${name}: undo did not restore the sidecar`).catch((e: Error) =>
      assert.fail(`${e.message}\n--- before ${name}:\n${before}\n--- after its undo:\n${bytes()}`),
    );
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

  it('undoes the document date an import set with the rest of the import, and redoes it', async () => {
    // A brat file carrying a document date (the note Factmark's brat export writes); the article's
    // sidecar has none, and its text no dateline.
    const board = at('The board');
    const ann = writeWorkspaceFile('history-import-date.ann', `T1\tORGANIZATION ${board.start} ${board.end}\tThe board\n#1\tAnnotatorNotes T1\tFactmark document date: 2024-05-13\n`);
    const dated = /^ {2}date: "?2024-05-13"?$/m;
    const tagged = () => /quote: The board$/m.test(bytes());
    // Waits for the sidecar on disk to fit, else fails showing it.
    const onDisk = (fit: () => boolean, message: string) => eventually(fit, message, 20_000).catch((e: Error) => assert.fail(`${e.message}\n--- the sidecar:\n${bytes()}`));
    try {
      assert.doesNotMatch(bytes(), dated, 'precondition: the sidecar has a document date');
      await vscode.commands.executeCommand('factmark.importAnnotations', { file: ann, format: 'brat', document: uri });
      await onDisk(() => dated.test(bytes()), 'the import did not set the document date');
      assert.match(String(await vscode.commands.executeCommand('factmark.undo')), /^Import from history-import-date\.ann$/);
      await onDisk(() => !dated.test(bytes()) && !tagged(), 'undoing the import left its document date (or its annotation) in the sidecar');
      assert.ok(await vscode.commands.executeCommand('factmark.redo'), 'nothing to redo');
      await onDisk(() => dated.test(bytes()) && tagged(), 'redoing the import did not bring its document date back');
    } finally {
      fs.rmSync(ann.fsPath, { force: true });
    }
  });

  it('keeps two actions started together as two steps, each undone on its own', async () => {
    // Two documents' worth of nothing shared: a second article, so the steps above stay as they are.
    const other = writeWorkspaceFile('history-together.txt', 'Anna Berg flew from Oslo to Madrid on Tuesday.\n');
    const otherSidecar = `${other.fsPath}.factmark.yaml`;
    const otherBytes = () => (fs.existsSync(otherSidecar) ? fs.readFileSync(otherSidecar, 'utf8') : '');
    try {
      await openInEditor(other);
      const { mentions } = await suggestionsFor(other);
      const oslo = mentions.find((m) => m.text === 'Oslo');
      const madrid = mentions.find((m) => m.text === 'Madrid');
      assert.ok(oslo && madrid, `precondition: ${JSON.stringify(mentions)}`);
      const u = other.toString();
      const decided = async () =>
        (await vscode.commands.executeCommand<Annotated>('factmark.internal.getAnnotations', other)).model.annotations.map((a) => `${a.text}:${a.status}`).sort();
      // As a click in the view while a command still writes: neither waits for the other.
      await Promise.all([
        vscode.commands.executeCommand('factmark.acceptSuggestion', { uri: u, start: oslo.start, end: oslo.end, type: oslo.type }),
        vscode.commands.executeCommand('factmark.rejectSuggestion', { uri: u, start: madrid.start, end: madrid.end, type: madrid.type }),
      ]);
      assert.deepEqual(await decided(), ['Madrid:rejected', 'Oslo:confirmed']);
      await eventually(() => /Oslo/.test(otherBytes()) && /Madrid/.test(otherBytes()), 'the two decisions were not written');
      assert.ok(await vscode.commands.executeCommand('factmark.undo'), 'nothing to undo');
      const one = await decided();
      assert.equal(one.length, 1, `one undo took back ${2 - one.length} actions: ${JSON.stringify(one)}`);
      assert.ok(await vscode.commands.executeCommand('factmark.undo'), 'the second action was not recorded: nothing left to undo');
      assert.deepEqual(await decided(), []);
    } finally {
      await vscode.commands.executeCommand('factmark.internal.editAnnotations', other, { remove: (await vscode.commands.executeCommand<Annotated>('factmark.internal.getAnnotations', other)).model.annotations.map((a) => a.id) });
      await closeAllEditors(); // no editor left on a deleted file for the suites after this one
      fs.rmSync(other.fsPath, { force: true });
      fs.rmSync(otherSidecar, { force: true });
    }
  });

  it('undoes the deletion of an orphan with its quote and context, byte for byte', async () => {
    const story = 'Maria Costa met officials of the Harbour Board in Lisbon on Monday.\n';
    const other = writeWorkspaceFile('history-orphan.txt', story);
    const otherSidecar = `${other.fsPath}.factmark.yaml`;
    const otherBytes = () => (fs.existsSync(otherSidecar) ? fs.readFileSync(otherSidecar, 'utf8') : '');
    const own = async () => vscode.commands.executeCommand<Annotated & { orphans: string[] }>('factmark.internal.getAnnotations', other);
    try {
      const editor = await openInEditor(other);
      await suggestionsFor(other);
      const s = { start: story.indexOf('Harbour Board'), end: story.indexOf('Harbour Board') + 'Harbour Board'.length };
      editor.selection = new vscode.Selection(editor.document.positionAt(s.start), editor.document.positionAt(s.end));
      await vscode.commands.executeCommand('factmark.tagAs', { type: 'ORGANIZATION' });
      const orphanId = (await own()).model.annotations.find((a) => a.start === s.start && a.type === 'ORGANIZATION')!.id;
      // Delete its text: the annotation becomes an orphan, kept in the sidecar with its quote.
      await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(s.start - ' the'.length), editor.document.positionAt(s.end))));
      await editor.document.save();
      const orphaned = await eventually(() => (/orphaned: true/.test(otherBytes()) && /quote: Harbour Board/.test(otherBytes()) ? otherBytes() : undefined), 'the orphan was not saved with its quote');
      await vscode.commands.executeCommand('factmark.removeAnnotation', { uri: other.toString(), id: orphanId });
      await eventually(() => !/Harbour Board/.test(otherBytes()), 'the orphan was not deleted');
      assert.equal(await vscode.commands.executeCommand('factmark.undo'), 'Delete');
      await eventually(() => otherBytes() === orphaned, 'undo did not put the orphan back as it was (quote, context, orphaned)');
      assert.deepEqual((await own()).orphans, [orphanId], 'the restored annotation is not an orphan');
    } finally {
      await vscode.commands.executeCommand('factmark.internal.editAnnotations', other, { remove: (await own()).model.annotations.map((a) => a.id) });
      await closeAllEditors();
      fs.rmSync(other.fsPath, { force: true });
      fs.rmSync(otherSidecar, { force: true });
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
