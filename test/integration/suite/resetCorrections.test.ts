import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, findNotification, openInEditor, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { workbench } from '../workbench';

type Annotated = { model: { annotations: Array<{ id: string; text: string; type: string; status: string }> } };
type Corrections = { model?: string; rows: unknown[] };

/**
 * Every decision the system learns can be taken back (the trust rules): the corrections of the entity
 * model learnt from the user's decisions are reset from the Command Palette, after a modal question,
 * with a copy of them kept beside the file and an Undo. The annotations and the lexicon stay.
 */
describe('Reset Learnt Entity-Model Corrections (Command Palette)', function () {
  this.timeout(120_000);
  let taught: vscode.Uri | undefined;
  let other: vscode.Uri | undefined;
  let file: string | undefined;
  let existing = new Set<string>();
  // A made-up company confirmed where the shipped model reads it as one; elsewhere the model reads it as a person.
  const velmora = async (uri: vscode.Uri) => (await suggestionsFor(uri)).mentions.find((m) => m.text === 'Velmora')?.type;
  const lexiconFile = () => path.join(workspaceDir(), 'factmark.lexicon.yaml');
  const copies = () => fs.readdirSync(path.dirname(file!)).filter((n) => /^ner-adjustments\..+\.json$/.test(n));
  const rowsOf = (text: string) => (JSON.parse(text) as Corrections).rows;

  before(async function () {
    if (!workbench()) this.skip(); // the message is answered in the real workbench page
    const uri = await vscode.commands.executeCommand<string | undefined>('factmark.internal.getModelCorrectionsFile');
    if (!uri) this.skip(); // no workspace storage: the corrections last for the session only
    file = vscode.Uri.parse(uri!).fsPath;
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', true, vscode.ConfigurationTarget.Global);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    existing = new Set(copies());
    // From the shipped model: what earlier suites taught this session changes how it reads the name.
    await vscode.commands.executeCommand('factmark.resetModelCorrections', { force: true });
  });

  after(async () => {
    for (const uri of [taught, other]) {
      if (!uri) continue;
      const own = await vscode.commands.executeCommand<Annotated>('factmark.internal.getAnnotations', uri);
      await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, { remove: own.model.annotations.map((a) => a.id) });
      fs.rmSync(uri.fsPath, { force: true });
      fs.rmSync(`${uri.fsPath.slice(0, -'.txt'.length)}.factmark.yaml`, { force: true });
    }
    if (file) for (const name of copies()) if (!existing.has(name)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    fs.rmSync(lexiconFile(), { force: true });
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAllEditors();
  });

  it('asks first, keeps a copy, forgets the corrections (not the annotations nor the lexicon), and Undo brings them back', async () => {
    const wb = workbench()!;
    await vscode.commands.executeCommand('notifications.clearAll');
    const setup = new Set(copies());
    taught = writeWorkspaceFile('reset-corrections-a.txt', 'Shares of Velmora rose after the report.\n');
    other = writeWorkspaceFile('reset-corrections-b.txt', 'The talks with Velmora ended.\n');
    await openInEditor(other);
    assert.equal(await velmora(other), 'PERSON', 'precondition: the shipped model reads the name as a person there');
    await openInEditor(taught);
    await suggestionsFor(taught);
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', taught, { add: [{ start: 10, end: 17, type: 'ORGANIZATION', status: 'confirmed' }] });
    // The model learnt the decision: the name is an organisation in the other article too (the lexicon's
    // hint never changes the type the model suggests, so this is the model's correction).
    await openInEditor(other);
    await eventually(async () => (await velmora(other!)) === 'ORGANIZATION', 'precondition: the decision did not correct the model');
    const lexicon = await eventually(() => fs.existsSync(lexiconFile()) && fs.readFileSync(lexiconFile(), 'utf8'), 'precondition: the decision was not kept in the lexicon');

    // From the Command Palette the command asks first, in a modal dialog. The test host refuses to show
    // one (VS Code's DialogService in extension tests): the refusal names the question, and nothing is reset.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('factmark.resetModelCorrections')),
      /refused to show dialog in tests\. Contents: Reset the entity-model corrections Factmark learnt from your decisions/,
      'the command did not ask in a modal dialog',
    );
    assert.equal(await velmora(other), 'ORGANIZATION', 'the corrections were reset without an answer to the question');
    // Answered as the dialog's Reset does.
    assert.equal(await vscode.commands.executeCommand('factmark.resetModelCorrections', { force: true }), true, 'the command did not reset');

    // Forgotten: the shipped model reads the name as before, and the file holds no correction.
    await eventually(async () => (await velmora(other!)) === 'PERSON', 'after the reset, the shipped model does not read the name as before');
    await eventually(() => fs.existsSync(file!) && rowsOf(fs.readFileSync(file!, 'utf8')).length === 0, 'the reset corrections were not saved');
    // Kept: a copy of the corrections as they were, beside the file; the decision and the lexicon.
    const added = copies().filter((n) => !existing.has(n) && !setup.has(n));
    assert.equal(added.length, 1, `one copy of the corrections is kept beside the file, not ${JSON.stringify(added)}`);
    const copy = fs.readFileSync(path.join(path.dirname(file!), added[0]), 'utf8');
    assert.ok(rowsOf(copy).length > 0, 'the copy does not hold the corrections');
    assert.equal(fs.readFileSync(lexiconFile(), 'utf8'), lexicon, 'the reset changed the lexicon');
    const own = await vscode.commands.executeCommand<Annotated>('factmark.internal.getAnnotations', taught);
    assert.ok(own.model.annotations.some((a) => a.text === 'Velmora' && a.type === 'ORGANIZATION' && a.status === 'confirmed'), 'the reset changed the annotations');

    // The message says where the copy is, and Undo brings the corrections back.
    const notice = await findNotification(wb, 'were reset', /entity-model corrections .*were reset/, 20_000);
    assert.ok(notice, 'no message says the corrections were reset');
    assert.ok(notice.message.includes(added[0]), `the message does not name the copy ${added[0]}: ${notice.message}`);
    await wb.click(`${notice.selector} .monaco-button:text-is("Undo")`);
    await vscode.commands.executeCommand('notifications.hideList');
    await eventually(async () => (await velmora(other!)) === 'ORGANIZATION', 'Undo did not bring the corrections back');
    await eventually(() => JSON.stringify(rowsOf(fs.readFileSync(file!, 'utf8'))) === JSON.stringify(rowsOf(copy)), 'the corrections brought back were not saved as they were');
  });
});
