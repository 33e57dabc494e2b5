import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ExportOutcome } from '../../../../src/features/exportImport';
import { closeAllEditors, eventually, openInEditor } from '../../helpers';
import { workbench } from '../../workbench';

// The host scenario "multi-root" (test/host/run.mjs) opens test/fixtures/multi-root/multi-root.code-workspace:
// two folders, newsroom (brief.txt, annotated, with a fact) and archive (brief.txt, not annotated).
// The two documents have the same name on purpose (RELIABILITY-CASES I6).

interface TreeRow {
  label: string;
  description?: string;
  children?: TreeRow[];
}

const folder = (name: string) => {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `no workspace folder ${name}`);
  return f;
};
const fileIn = (name: string, ...rel: string[]) => vscode.Uri.joinPath(folder(name).uri, ...rel);
const sidecarOf = (uri: vscode.Uri) => `${uri.fsPath}.factmark.yaml`;
const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

const ENTITIES = (extra: string) => `factmark-entities: 1
entities:
  - id: e-kim
    name: Kim
    type: PERSON
${extra}`;
const KIM_YC = '  - id: e-kimyc\n    name: Kim Yong-chol\n    type: PERSON\n';
const TEXT = 'Kim met the delegation on Thursday.\n';
const SIDECAR = (name: string) => `factmark: 1
document:
  path: ${name}
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 3
    quote: Kim
    status: confirmed
    entity: e-kim
`;

const DIR = 'entities-multi-root';

describe('Multi-root workspace: two folders, a document of the same name in each', function () {
  let newsroom: vscode.Uri;
  let archive: vscode.Uri;
  let newsroomSidecar: string;
  /** Where the .code-workspace file is: the parent of both folders, where nothing may be written. */
  let workspaceHome: string;
  let exports: string;

  before(async () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['newsroom', 'archive'],
      'the scenario must open the two-folder .code-workspace',
    );
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('multi-root.code-workspace'), `workspace file: ${vscode.workspace.workspaceFile}`);
    newsroom = fileIn('newsroom', 'brief.txt');
    archive = fileIn('archive', 'brief.txt');
    newsroomSidecar = read(sidecarOf(newsroom))!;
    workspaceHome = path.dirname(vscode.workspace.workspaceFile!.fsPath);
    exports = path.join(workspaceHome, 'exports');
  });

  after(() => closeAllEditors());

  it('annotating a document of the second folder writes its sidecar next to it, naming the document relative to the sidecar', async () => {
    const editor = await openInEditor(archive);
    const text = editor.document.getText();
    const kim = text.indexOf('Kim Yong-chol');
    const sentence = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006';
    const at = text.indexOf(sentence);
    const after = await vscode.commands.executeCommand<{ model: { annotations: Array<{ id: string; text: string }> } }>('factmark.internal.editAnnotations', archive, {
      add: [{ type: 'PERSON', start: kim, end: kim + 'Kim Yong-chol'.length }],
    });
    const person = after.model.annotations.find((a) => a.text === 'Kim Yong-chol');
    assert.ok(person);
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', archive, {
      addFacts: [{ label: 'meeting', start: at, end: at + sentence.length, entities: [person.id] }],
    });
    const written = await eventually(() => {
      const t = read(sidecarOf(archive));
      return t?.includes('label: meeting') ? t : undefined;
    }, `no sidecar with the fact at ${sidecarOf(archive)}`);
    const yaml = parse(written);
    assert.equal(yaml.document.path, 'brief.txt', 'document.path is relative to the sidecar (they sit side by side)');
    assert.equal(yaml.annotations[0].quote, 'Kim Yong-chol');
    assert.equal(yaml.facts[0].quote, sentence);
    assert.equal(read(sidecarOf(newsroom)), newsroomSidecar, 'the sidecar of the same-named document in the first folder was touched');
    assert.ok(!fs.existsSync(path.join(workspaceHome, 'brief.txt.factmark.yaml')), 'a sidecar was written beside the .code-workspace file');
  });

  it("confirmed names are learnt into the lexicon of the document's own folder", async () => {
    const archiveLexicon = path.join(folder('archive').uri.fsPath, 'factmark.lexicon.yaml');
    const lexicon = await eventually(() => {
      const t = read(archiveLexicon);
      return t?.includes('Kim Yong-chol') ? t : undefined;
    }, 'archive/factmark.lexicon.yaml did not learn Kim Yong-chol');
    assert.ok(!lexicon.includes('Elena Vassallo'), "the first folder's names went into the second folder's lexicon");
    assert.ok(!(read(path.join(folder('newsroom').uri.fsPath, 'factmark.lexicon.yaml')) ?? '').includes('Kim Yong-chol'), "the second folder's names went into the first folder's lexicon");
    assert.ok(!fs.existsSync(path.join(workspaceHome, 'factmark.lexicon.yaml')), 'a lexicon was written beside the .code-workspace file');
  });

  it("the Factmark view's workspace mode lists the documents of both folders, told apart by folder", async () => {
    await vscode.commands.executeCommand('factmark.view.showWorkspace');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'document');
    try {
      const tree = await eventually(async () => {
        const t = await vscode.commands.executeCommand<{ title: string; rows: TreeRow[] }>('factmark.internal.getTree');
        return t.rows.length >= 2 ? t : undefined;
      }, 'the workspace view does not list two documents');
      const labels = tree.rows.map((r) => r.label).join(' | ');
      assert.match(tree.title, /2 documents/);
      assert.match(labels, /newsroom\/brief\.txt/);
      assert.match(labels, /archive\/brief\.txt/);
    } finally {
      await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
      await vscode.commands.executeCommand('factmark.view.showDocument');
    }
  });

  it('Go to Fact… offers the facts of both folders and opens the one picked in the other folder', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await closeAllEditors();
    await openInEditor(archive);
    const done = vscode.commands.executeCommand('factmark.goToFact');
    const rows = await eventually(async () => {
      const r = await wb.evaluate(() => Array.from(document.querySelectorAll('.quick-input-widget:not([style*="display: none"]) .monaco-list-row')).map((x) => x.textContent ?? ''));
      return r.length >= 2 ? r : undefined;
    }, 'Go to Fact… does not list two facts');
    assert.ok(rows.some((r) => /Elena Vassallo/.test(r) && /newsroom/.test(r)), rows.join(' | '));
    assert.ok(rows.some((r) => /Kim Yong-chol/.test(r) && /archive/.test(r)), rows.join(' | '));
    const index = rows.findIndex((r) => /newsroom/.test(r));
    await wb.evaluate((i: number) => document.querySelectorAll('.quick-input-widget .monaco-list-row')[i].setAttribute('data-fm-pick', '1'), index);
    await wb.click('[data-fm-pick="1"]');
    await done;
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor after picking a fact');
    assert.equal(editor.document.uri.toString(), newsroom.toString(), 'the fact of the first folder was not opened');
    assert.equal(editor.document.getText(editor.selection), 'Minister Elena Vassallo met port officials in Valletta on Monday');
  });

  it('exporting the whole workspace covers both folders; same-named documents do not overwrite each other', async () => {
    fs.rmSync(exports, { recursive: true, force: true });
    const csvTarget = vscode.Uri.file(path.join(exports, 'all.csv'));
    const csvOutcome = await vscode.commands.executeCommand<ExportOutcome>('factmark.exportAnnotations', { format: 'csv', scope: 'workspace', target: csvTarget });
    assert.ok(csvOutcome, 'the export was cancelled');
    assert.equal(csvOutcome.documents, 2);
    const csv = fs.readFileSync(csvTarget.fsPath, 'utf8');
    assert.ok(csv.includes('newsroom/brief.txt,a1,PERSON,confirmed,Elena Vassallo,'), csv);
    // Made in this run, so its id is a fresh random one (src/core/ids.ts).
    assert.match(csv, /^archive\/brief\.txt,a-[a-z2-9]{8},PERSON,confirmed,Kim Yong-chol,/m, csv);

    const bratTarget = vscode.Uri.file(path.join(exports, 'brat'));
    const bratOutcome = await vscode.commands.executeCommand<ExportOutcome>('factmark.exportAnnotations', { format: 'brat', scope: 'workspace', target: bratTarget });
    assert.ok(bratOutcome);
    const ann = (rel: string) => read(path.join(bratTarget.fsPath, rel)) ?? '';
    assert.match(ann('newsroom/brief.ann'), /\tPERSON \d+ \d+\tElena Vassallo$/m);
    assert.match(ann('archive/brief.ann'), /\tPERSON \d+ \d+\tKim Yong-chol$/m);
  });

  // Entities are kept per workspace folder (each folder's factmark.entities.yaml). Here the archive
  // folder was copied from the newsroom once, so both files hold an entity of the same id: two
  // entities, one per folder. Acting on one must leave the other folder alone. Last in this suite:
  // the articles it opens stay in Factmark's store until VS Code closes them, and the export test
  // above counts the workspace's annotated articles.
  describe('entities of the same id in two folders stay two entities', () => {
    const files: string[] = [];
    const write = (folderName: string, rel: string, content: string) => {
      const file = path.join(folder(folderName).uri.fsPath, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      files.push(file);
      return vscode.Uri.file(file);
    };
    let newsroom: vscode.Uri;
    let archive: vscode.Uri;
    let archive2: vscode.Uri;
    const entitiesOf = (name: string) => path.join(folder(name).uri.fsPath, 'factmark.entities.yaml');
    const sidecarText = (uri: vscode.Uri) => read(sidecarOf(uri)) ?? '';

    before(() => {
      // Both files hold both ids: the first folder's must never stand in for the second's.
      write('newsroom', 'factmark.entities.yaml', ENTITIES(KIM_YC));
      write('archive', 'factmark.entities.yaml', ENTITIES(KIM_YC));
      write('newsroom', `${DIR}/kim.txt.factmark.yaml`, SIDECAR('kim.txt'));
      write('archive', `${DIR}/kim.txt.factmark.yaml`, SIDECAR('kim.txt'));
      write('archive', `${DIR}/kim2.txt.factmark.yaml`, SIDECAR('kim2.txt'));
      newsroom = write('newsroom', `${DIR}/kim.txt`, TEXT);
      archive = write('archive', `${DIR}/kim.txt`, TEXT);
      archive2 = write('archive', `${DIR}/kim2.txt`, TEXT);
    });

    it('Split Entity… and Merge Entity Into… on an article of the second folder change that folder only', async () => {
      await openInEditor(archive);
      await eventually(async () => {
        const d = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', archive, new vscode.Position(0, 1));
        return d?.some((l) => l.uri.fsPath === entitiesOf('archive'));
      }, 'Go to Definition does not lead to the archive entities file', 30_000);
      const newsroomEntities = read(entitiesOf('newsroom'));
      const newsroomSidecar = sidecarText(newsroom);

      // Split: the Kim of the archive's second article is another person.
      await vscode.commands.executeCommand('factmark.splitEntity', { entity: 'e-kim', uri: archive.toString(), mentions: [`${archive2.toString()}#a1`], name: 'Kim Jong-su' });
      await eventually(() => (read(entitiesOf('archive')) ?? '').includes('name: Kim Jong-su') && !sidecarText(archive2).includes('entity: e-kim\n'), 'the split did not reach the archive entities file and its article', 30_000);
      assert.ok(sidecarText(archive).includes('entity: e-kim\n'), 'the mention not picked moved too');

      // Merge, from the light bulb on the archive's article.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', archive, new vscode.Range(0, 1, 0, 1));
      const merge = actions.find((a) => a.title.startsWith('Merge Entity'))?.command;
      assert.ok(merge?.arguments, `no Merge Entity action on the archive's Kim: ${actions.map((a) => a.title).join(', ')}`);
      await vscode.commands.executeCommand(merge.command, { ...(merge.arguments[0] as object), into: 'e-kimyc' });
      await eventually(() => sidecarText(archive).includes('entity: e-kimyc') && !(read(entitiesOf('archive')) ?? '').includes('id: e-kim\n'), 'the archive Kim was not merged', 30_000);

      assert.strictEqual(read(entitiesOf('newsroom')), newsroomEntities, "the newsroom's entities file changed");
      assert.strictEqual(sidecarText(newsroom), newsroomSidecar, "the newsroom's article was relinked");
    });

    after(async () => {
      await closeAllEditors();
      for (const name of ['newsroom', 'archive']) fs.rmSync(path.join(folder(name).uri.fsPath, DIR), { recursive: true, force: true });
      for (const f of files.filter((x) => x.endsWith('factmark.entities.yaml'))) fs.rmSync(f, { force: true });
    });

    it('Find All References and Merge Entity Into… keep to the folder of the entity', async () => {
      // Each article's mention leads to its own folder's entity (Go to Definition) once both files are read.
      for (const [doc, name] of [[newsroom, 'newsroom'], [archive, 'archive']] as const) {
        await openInEditor(doc);
        await eventually(async () => {
          const d = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc, new vscode.Position(0, 1));
          return d?.some((l) => l.uri.fsPath === entitiesOf(name));
        }, `Go to Definition does not lead to the ${name} entities file`, 30_000);
      }
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', archive, new vscode.Position(0, 1));
      assert.deepStrictEqual(
        refs.filter((r) => r.uri.fsPath.endsWith('.txt')).map((r) => path.relative(path.dirname(path.dirname(archive.fsPath)), r.uri.fsPath)),
        [path.join(DIR, 'kim.txt')],
      );
      assert.ok(refs.every((r) => !r.uri.fsPath.startsWith(folder('newsroom').uri.fsPath + path.sep)), `References of the archive's Kim list the newsroom's: ${JSON.stringify(refs.map((r) => r.uri.fsPath))}`);

      // Merge the newsroom's Kim into Kim Yong-chol: the newsroom's article follows, the archive's does not.
      const archiveEntities = fs.readFileSync(entitiesOf('archive'), 'utf8');
      const archiveSidecar = sidecarText(archive);
      await vscode.commands.executeCommand('factmark.mergeEntity', { entity: 'e-kim', into: 'e-kimyc', uri: newsroom.toString() });
      await eventually(() => fs.readFileSync(`${newsroom.fsPath}.factmark.yaml`, 'utf8').includes('entity: e-kimyc'), 'the newsroom mention was not relinked', 30_000);
      assert.strictEqual(sidecarText(archive), archiveSidecar, 'the archive article was relinked to an entity of another folder');
      assert.strictEqual(fs.readFileSync(entitiesOf('archive'), 'utf8'), archiveEntities);
      assert.ok(!fs.readFileSync(entitiesOf('newsroom'), 'utf8').includes('id: e-kim\n'), 'the newsroom Kim was not merged away');
    });
  });
});
