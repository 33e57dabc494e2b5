import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { readQuickInput, workbench } from '../workbench';

const ENTITIES = `# Who is who in the Korea files: keep this comment
factmark-entities: 1
entities:
  - id: e-roh
    name: Roh Moo-hyun
    type: PERSON
    aliases: [President Roh]

  - id: e-seoul
    name: Seoul
    type: PLACE
`;

const A = 'President Roh Moo-hyun spoke in Seoul on Thursday.\n';
const A_SIDECAR = `factmark: 1
document:
  path: a.txt
  date: "2006-03-02"
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 10
    end: 22
    quote: Roh Moo-hyun
    status: confirmed
    entity: e-roh
facts:
  - id: f1
    label: speech
    start: 0
    end: 49
    quote: President Roh Moo-hyun spoke in Seoul on Thursday
    entities: [a1]
`;

const B = 'Roh met the generals in Panmunjom.\n';
const B_SIDECAR = `factmark: 1
document:
  path: b.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 3
    quote: Roh
    status: confirmed
    entity: e-roh
`;

describe('One entity across articles: references, rename, workspace symbols', () => {
  let a: vscode.Uri;
  let b: vscode.Uri;
  const entitiesPath = () => path.join(workspaceDir(), 'factmark.entities.yaml');

  before(() => {
    writeWorkspaceFile('factmark.entities.yaml', ENTITIES);
    writeWorkspaceFile('entities-test/a.txt.factmark.yaml', A_SIDECAR);
    writeWorkspaceFile('entities-test/b.txt.factmark.yaml', B_SIDECAR);
    a = writeWorkspaceFile('entities-test/a.txt', A);
    b = writeWorkspaceFile('entities-test/b.txt', B);
  });
  after(async () => {
    await closeAllEditors();
    // Later suites look at the whole workspace (view, timeline, Go to Fact, Problems): leave nothing
    // behind. The articles go first: without an entities file, each of their links would be a Problem.
    const dir = path.join(workspaceDir(), 'entities-test');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(entitiesPath(), { force: true });
    const left = () =>
      vscode.languages
        .getDiagnostics()
        .filter(([uri, ds]) => (uri.fsPath.startsWith(dir + path.sep) || uri.fsPath === entitiesPath()) && ds.some((d) => d.source === 'Factmark'))
        .map(([uri]) => uri.fsPath);
    await eventually(() => left().length === 0, 'Problems stay behind for the deleted articles or entities file', 30_000).catch(() => assert.fail(`Problems left for ${JSON.stringify(left())}`));
  });

  it('Find All References on "Roh Moo-hyun" lists its mentions in both articles', async () => {
    const editor = await openInEditor(a);
    const at = editor.document.positionAt(A.indexOf('Moo-hyun'));
    const refs = await eventually(async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', a, at);
      return r && r.length >= 2 ? r : undefined;
    }, 'no references', 30_000);
    const found = refs.map((r) => `${path.basename(r.uri.fsPath)}:${r.range.start.character}-${r.range.end.character}`).sort();
    assert.deepStrictEqual(found.filter((f) => /\.txt:/.test(f)), ['a.txt:10-22', 'b.txt:0-3']);
    const wb = workbench();
    if (wb) {
      // As a user does: the cursor in the name, then Find All References (the References view).
      const rows = () => wb.evaluate(() => Array.from(document.querySelectorAll('.monaco-list-row')).map((r) => r.textContent ?? ''));
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('references-view.findReferences');
      await eventually(
        async () => {
          const r = await rows();
          // A row per article (the first one open on its mention's line, with context), and the entity's entry.
          return r.some((t) => t.startsWith('a.txt')) && r.some((t) => t.startsWith('b.txt')) && r.some((t) => t.includes('President Roh Moo-hyun spoke'));
        },
        'the References view does not list both articles, with the mention in context',
        30_000,
      );
    }
  });

  it('Ctrl+T finds an entity and a fact', async () => {
    const entity = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Roh Moo');
    assert.ok(entity.some((s) => s.name === 'Roh Moo-hyun' && s.location.uri.fsPath === entitiesPath()), JSON.stringify(entity.map((s) => s.name)));
    const fact = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'speech');
    assert.ok(fact.some((s) => s.name.startsWith('speech: President Roh') && s.location.uri.toString() === a.toString()), JSON.stringify(fact.map((s) => s.name)));
    const wb = workbench();
    if (wb) {
      await openInEditor(b);
      await vscode.commands.executeCommand('workbench.action.showAllSymbols');
      await eventually(async () => (await wb.evaluate(readQuickInput))?.value.startsWith('#'), 'Ctrl+T did not open');
      await wb.typeInQuickInput('Roh Moo', '#Roh Moo');
      await eventually(async () => (await wb.evaluate(readQuickInput))?.rows.some((r) => r.includes('Roh Moo-hyun')), 'Ctrl+T does not list the entity', 30_000);
      await wb.press('Escape');
    }
  });

  it("hovering a linked mention shows its entity's card: name, type, aliases, mentions across articles and the date seen", async () => {
    const editor = await openInEditor(a);
    const at = editor.document.positionAt(A.indexOf('Moo-hyun'));
    const raw = await eventually(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', a, at);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\/g, '');
      return text.includes('2 mentions in 2 articles') ? text : undefined;
    }, 'no entity card counting the mentions of both articles', 30_000);
    assert.match(raw, /Roh Moo-hyun\*\* · Person · entity `e-roh`/);
    const wb = workbench();
    if (wb) {
      // As a user sees it: the card drawn in the editor.
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('editor.action.showHover');
      const card = await eventually(async () => {
        const text = await wb.evaluate(() => Array.from(document.querySelectorAll('.monaco-editor .monaco-hover:not(.hidden)')).map((h) => h.textContent ?? '').join(''));
        return text.includes('2 mentions in 2 articles') ? text : undefined;
      }, 'the entity card is not drawn', 30_000);
      for (const part of ['Roh Moo-hyun', 'Person', 'Also: President Roh', 'Seen on 2006-03-02']) assert.ok(card.includes(part), `the card lacks "${part}": ${card}`);
      await wb.press('Escape');
    }
  });

  it('Rename right after the entities file changed on disk (a checkout) edits the file as it now is, and saves it', async () => {
    // With auto-save off (the host's setting, and the desktop's default), the entities file open in
    // an editor as the user left it: the rename must not edit VS Code's copy of the file before it
    // caught up with the checkout, or saving it is refused (the file on disk is newer).
    assert.strictEqual(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
    await vscode.window.showTextDocument(vscode.Uri.file(entitiesPath()), { preview: false });
    await renameAfterCheckout();
  });

  it('Rename right after a checkout brought back the entities file Factmark saw deleted edits it (file events come late)', async () => {
    await closeAllEditors();
    await openInEditor(b);
    const rename = (name: string) => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', b, new vscode.Position(0, 1), name);
    fs.rmSync(entitiesPath());
    await eventually(
      async () => {
        try {
          await rename('Roh (gone)');
          return false;
        } catch (e) {
          return /no entities file/.test(String(e));
        }
      },
      'Factmark still renames with the entities file deleted',
      30_000,
    );
    // The checkout brings it back, and F2 at once: before the file's events reach Factmark.
    fs.writeFileSync(entitiesPath(), ENTITIES);
    const edit = await rename('Roh (restored)');
    assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'no rename edit');
    await eventually(() => fs.readFileSync(entitiesPath(), 'utf8').includes('    name: Roh (restored)\n'), 'the entities file was not renamed', 30_000);
    await restoreEntities();
  });

  async function renameAfterCheckout(): Promise<void> {
    const kim = '  - id: e-kim\n    name: Kim Yong-chol\n    type: PERSON\n\n';
    const checkedOut = ENTITIES.replace('  - id: e-roh\n', `${kim}  - id: e-roh\n`);
    await openInEditor(b);
    // F2 at once: Factmark has not yet re-read the file.
    fs.writeFileSync(entitiesPath(), checkedOut);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', b, new vscode.Position(0, 1), 'Roh (checkout)');
    assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'no rename edit');
    // Saved by Factmark, as VS Code saves a refactoring's files: the user saves nothing.
    const text = await eventually(() => {
      const t = fs.readFileSync(entitiesPath(), 'utf8');
      return t.includes('name: Roh (checkout)') ? t : undefined;
    }, 'the entities file was not renamed', 30_000);
    assert.strictEqual(text, checkedOut.replace('    name: Roh Moo-hyun\n', '    name: Roh (checkout)\n').replace('aliases: [President Roh]', 'aliases: [President Roh, Roh Moo-hyun]'));
    await restoreEntities();
  }

  /** Back to the file the next test expects, in the editor too. */
  async function restoreEntities(): Promise<void> {
    // (Reverting its editor reloads it from disk at once, instead of waiting for the file watcher,
    // which was seen to take over 30 s under load.)
    fs.writeFileSync(entitiesPath(), ENTITIES);
    const uri = vscode.Uri.file(entitiesPath());
    await eventually(async () => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!doc || doc.getText() === ENTITIES) return true;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      return doc.getText() === ENTITIES;
    }, 'the entities file did not come back', 30_000);
  }

  it('Rename changes the canonical name in the entities file and nothing else, keeping its comments, and saves it', async () => {
    // The entities file in no editor, as when a user renames from an article: still saved.
    await closeAllEditors();
    const editor = await openInEditor(b);
    const at = editor.document.positionAt(1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', b, at, 'Roh Moo-hyun (president)');
    assert.ok(edit, 'no rename edit');
    assert.deepStrictEqual(edit.entries().map(([uri]) => uri.fsPath), [entitiesPath()]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = await eventually(() => {
      const t = fs.readFileSync(entitiesPath(), 'utf8');
      return t.includes('name: Roh Moo-hyun (president)') ? t : undefined;
    }, 'the entities file was not renamed');
    assert.strictEqual(text, ENTITIES.replace('    name: Roh Moo-hyun\n', '    name: Roh Moo-hyun (president)\n').replace('aliases: [President Roh]', 'aliases: [President Roh, Roh Moo-hyun]'));
    assert.strictEqual(fs.readFileSync(a.fsPath, 'utf8'), A);
    assert.strictEqual(fs.readFileSync(b.fsPath, 'utf8'), B);
    assert.strictEqual(fs.readFileSync(`${b.fsPath}.factmark.yaml`, 'utf8'), B_SIDECAR);
  });

  it('Rename works on an entities file of mixed line endings (which VS Code loads with one)', async () => {
    // One CRLF among LF lines, as a file edited on two systems: VS Code's copy has LF throughout,
    // so it never equals the disk's text byte for byte, yet it is not stale.
    const mixed = ENTITIES.replace('factmark-entities: 1\n', 'factmark-entities: 1\r\n');
    fs.writeFileSync(entitiesPath(), mixed);
    // VS Code made to read the file now (its watcher may come late under load), as a user who opened it.
    await vscode.window.showTextDocument(vscode.Uri.file(entitiesPath()), { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const editor = await openInEditor(b);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', b, editor.document.positionAt(1), 'Roh (mixed)');
    assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'no rename edit');
    const text = await eventually(() => {
      const t = fs.readFileSync(entitiesPath(), 'utf8');
      return t.includes('name: Roh (mixed)') ? t : undefined;
    }, 'the entities file was not renamed', 30_000);
    assert.strictEqual(text, ENTITIES.replace('    name: Roh Moo-hyun\n', '    name: Roh (mixed)\n').replace('aliases: [President Roh]', 'aliases: [President Roh, Roh Moo-hyun]'));
    await restoreEntities();
  });

  it('shows a mention linked to a missing entity as a Problem, with a Quick Fix that links it to the entity its text names', async () => {
    const text = 'Talks in Seoul resumed.\n';
    const sidecar = B_SIDECAR.replace('path: b.txt', 'path: c.txt').replace('start: 0\n    end: 3\n    quote: Roh', 'start: 9\n    end: 14\n    quote: Seoul').replace('type: PERSON', 'type: PLACE').replace('entity: e-roh', 'entity: e-gone');
    writeWorkspaceFile('entities-test/c.txt.factmark.yaml', sidecar);
    const c = writeWorkspaceFile('entities-test/c.txt', text);
    await openInEditor(c);
    const problem = await eventually(() => vscode.languages.getDiagnostics(c).find((d) => d.source === 'Factmark' && /e-gone/.test(d.message)), 'no Problem for the link to a missing entity', 30_000);
    assert.strictEqual(problem.range.start.character, 9);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', c, problem.range);
    const link = actions.find((x) => x.title === 'Link to Seoul (e-seoul)');
    assert.ok(link?.command, JSON.stringify(actions.map((x) => x.title)));
    await vscode.commands.executeCommand(link.command.command, ...(link.command.arguments ?? []));
    await eventually(() => fs.readFileSync(`${c.fsPath}.factmark.yaml`, 'utf8').includes('entity: e-seoul'), 'the Quick Fix did not relink the mention in the sidecar', 30_000);
    await eventually(() => !vscode.languages.getDiagnostics(c).some((d) => /e-gone/.test(d.message)), 'the Problem stays after the fix', 30_000);
  });

  it('reports a malformed entities file in Problems at its line, and never writes over it', async () => {
    const broken = ENTITIES.replace('    aliases: [President Roh]', '    aliases: [President Roh');
    fs.writeFileSync(entitiesPath(), broken);
    const uri = vscode.Uri.file(entitiesPath());
    const problems = await eventually(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Factmark');
      return d.length ? d : undefined;
    }, 'no problem reported for the malformed entities file', 30_000);
    assert.ok(problems[0].range.start.line >= 6, `located at line ${problems[0].range.start.line + 1}`);
    const editor = await openInEditor(b);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', b, editor.document.positionAt(1), 'Someone Else')),
      /has errors/,
    );
    assert.strictEqual(fs.readFileSync(entitiesPath(), 'utf8'), broken);
  });
});
