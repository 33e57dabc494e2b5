import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, removeSuiteFiles, workspaceDir, writeWorkspaceFile } from '../helpers';
import { readQuickInput, workbench } from '../workbench';
import type { TreeRow } from '../../../src/features/tree';

/** Issue 15, items 3 and 4: search across every article's annotations, and the view across the workspace by entity. */

const ENTITIES = `factmark-entities: 1
entities:
  - id: e-sroh
    name: Roh Moo-hyun
    type: PERSON
    aliases: [President Roh, Roh]
`;

const ONE = 'President Roh spoke in Seoul on Thursday.\n';
const ONE_SIDECAR = `factmark: 1
document:
  path: one.txt
  date: "2006-03-02"
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 13
    quote: President Roh
    status: confirmed
    entity: e-sroh
  - id: a2
    type: PLACE
    start: 23
    end: 28
    quote: Seoul
    status: confirmed
facts:
  - id: f1
    label: speech
    start: 0
    end: 41
    quote: President Roh spoke in Seoul on Thursday.
    entities: [a1, a2]
    date: "2006-03-02"
`;

const TWO = 'Roh Moo-hyun met the generals in Panmunjom.\nRoh said nothing.\n';
const TWO_SIDECAR = `factmark: 1
document:
  path: two.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 12
    quote: Roh Moo-hyun
    status: confirmed
    entity: e-sroh
  - id: a2
    type: PLACE
    start: 33
    end: 42
    quote: Panmunjom
    status: confirmed
  - id: a3
    type: PERSON
    start: 44
    end: 47
    quote: Roh
    status: confirmed
    entity: e-sroh
`;

type Tree = { title: string; rows: TreeRow[] };
const tree = () => vscode.commands.executeCommand<Tree>('factmark.internal.getTree');

describe('Search and the workspace view by entity', () => {
  let one: vscode.Uri;
  let two: vscode.Uri;
  const dir = () => path.join(workspaceDir(), 'search-test');
  const entitiesPath = () => path.join(workspaceDir(), 'factmark.entities.yaml');

  before(() => {
    writeWorkspaceFile('factmark.entities.yaml', ENTITIES);
    writeWorkspaceFile('search-test/one.txt.factmark.yaml', ONE_SIDECAR);
    writeWorkspaceFile('search-test/two.txt.factmark.yaml', TWO_SIDECAR);
    one = writeWorkspaceFile('search-test/one.txt', ONE);
    two = writeWorkspaceFile('search-test/two.txt', TWO);
  });
  after(async () => {
    await vscode.commands.executeCommand('factmark.view.clearFilter');
    await vscode.commands.executeCommand('factmark.view.showDocument');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
    await closeAllEditors();
    // Later suites look at the whole workspace: leave nothing behind (the articles before the entities file).
    await removeSuiteFiles(dir(), entitiesPath());
  });

  it('Search Annotations… finds a mention in a second article, and choosing it opens that article with the mention selected', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await openInEditor(one);
    void vscode.commands.executeCommand('factmark.searchAnnotations');
    await eventually(async () => (await wb.evaluate(readQuickInput))?.placeholder.includes('type:PERSON'), 'Search Annotations did not open', 30_000);
    // doc: keeps the articles other suites leave open in this window (their documents stay in the store) out of the answer.
    await wb.typeInQuickInput('type:place panmun doc:search-test');
    let last: unknown;
    const shown = await eventually(
      async () => {
        const q = await wb.evaluate(readQuickInput);
        last = q;
        return q && q.rows.length === 1 && q.rows[0].includes('Panmunjom') ? q : undefined;
      },
      'the search does not list the one Panmunjom mention of two.txt',
      30_000,
    ).catch((e: Error) => assert.fail(`${e.message}: ${JSON.stringify(last)}`));
    assert.match(shown.title, /1 mentions, 0 facts/);
    await wb.press('Enter');
    await eventually(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === two.toString() && e.document.getText(e.selection) === 'Panmunjom';
      },
      'choosing the result did not open two.txt with "Panmunjom" selected',
      30_000,
    );
  });

  it('the search understands entity, date and status filters, and says what it found', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    void vscode.commands.executeCommand('factmark.searchAnnotations');
    await eventually(async () => (await wb.evaluate(readQuickInput))?.placeholder.includes('type:PERSON'), 'Search Annotations did not open', 30_000);
    await wb.typeInQuickInput('entity:"roh moo-hyun" after:2006');
    // Only one.txt is dated (2006-03-02): its mention and its fact; two.txt has no date.
    const q = await eventually(
      async () => {
        const x = await wb.evaluate(readQuickInput);
        // The whole query typed and answered (a prefix such as "ent" can list two rows too).
        return x && x.value === 'entity:"roh moo-hyun" after:2006' && x.title.includes('from 2006') && x.rows.length === 2 ? x : undefined;
      },
      'the search by entity and date does not list the fact and the mention of one.txt',
      30_000,
    );
    assert.ok(q.rows.some((r) => r.includes('speech: President Roh spoke')), q.rows.join(' | '));
    assert.ok(q.rows.some((r) => r.includes('President Roh') && !r.includes('speech')), q.rows.join(' | '));
    assert.match(q.title, /1 mentions, 1 facts — entity roh moo-hyun · from 2006/);
    await wb.press('Escape');
    await eventually(async () => !(await wb.evaluate(readQuickInput)), 'the search did not close');
  });

  it('an article deleted on disk leaves the workspace index though VS Code still holds it; one with unsaved edits stays', async () => {
    const factSidecar = (doc: string, label: string) => `factmark: 1\ndocument:\n  path: ${doc}\noffsets: codepoints\nfacts:\n  - id: f1\n    label: ${label}\n    start: 0\n    end: 16\n    quote: The talks ended.\n    entities: []\n`;
    writeWorkspaceFile('search-test/gone.txt.factmark.yaml', factSidecar('gone.txt', 'vanishingtalks'));
    writeWorkspaceFile('search-test/kept.txt.factmark.yaml', factSidecar('kept.txt', 'keptunsavedtalks'));
    const gone = writeWorkspaceFile('search-test/gone.txt', 'The talks ended.\n');
    const kept = writeWorkspaceFile('search-test/kept.txt', 'The talks ended.\n');
    const found = async (label: string) => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', label)).some((x) => x.name.startsWith(`${label}:`));
    // Both open (VS Code holds their documents); kept.txt with an edit not saved.
    await openInEditor(gone);
    const editor = await openInEditor(kept);
    await editor.edit((e) => e.insert(editor.document.positionAt(17), 'More to come.\n'));
    await eventually(async () => (await found('vanishingtalks')) && (await found('keptunsavedtalks')), 'Ctrl+T does not find the two facts', 30_000);
    fs.rmSync(gone.fsPath);
    fs.rmSync(`${gone.fsPath}.factmark.yaml`);
    fs.rmSync(kept.fsPath);
    fs.rmSync(`${kept.fsPath}.factmark.yaml`);
    await eventually(async () => !(await found('vanishingtalks')), 'Ctrl+T still finds the fact of the deleted article', 30_000);
    assert.ok(await found('keptunsavedtalks'), 'the deleted article with unsaved edits left the index');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  it('an article whose folder is deleted and then restored in one move is in the workspace index again', async () => {
    const sidecar = `factmark: 1\ndocument:\n  path: back.txt\noffsets: codepoints\nfacts:\n  - id: f1\n    label: returningtalks\n    start: 0\n    end: 16\n    quote: The talks ended.\n    entities: []\n`;
    writeWorkspaceFile('search-restore/back.txt.factmark.yaml', sidecar);
    const back = writeWorkspaceFile('search-restore/back.txt', 'The talks ended.\n');
    const found = async () => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'returningtalks')).some((x) => x.name.startsWith('returningtalks:'));
    await openInEditor(back);
    await eventually(found, 'Ctrl+T does not find the fact', 30_000);
    // The folder goes (VS Code still holds the article), then comes back in one move, as an
    // Explorer undo or a restore from the trash does: one creation event, for the folder.
    const folder = path.dirname(back.fsPath);
    const aside = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-restore-'));
    fs.renameSync(folder, path.join(aside, 'search-restore'));
    await eventually(async () => !(await found()), 'Ctrl+T still finds the fact of the deleted folder', 30_000);
    fs.renameSync(path.join(aside, 'search-restore'), folder);
    await eventually(found, 'the restored article is not in the index again', 30_000);
    await closeAllEditors();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(aside, { recursive: true, force: true });
  });

  it('an article closed without saving: the workspace view drops its unsaved annotations and shows what its sidecar holds', async () => {
    const text = 'Karim Ben Salah met Elena Vassallo in Valletta.\n';
    writeWorkspaceFile('search-test/closed.txt.factmark.yaml', `factmark: 1\ndocument:\n  path: closed.txt\noffsets: codepoints\nannotations:\n  - id: a1\n    type: PLACE\n    start: 38\n    end: 46\n    quote: Valletta\n    status: confirmed\n`);
    const closed = writeWorkspaceFile('search-test/closed.txt', text);
    await vscode.commands.executeCommand('factmark.facts.focus');
    await vscode.commands.executeCommand('factmark.view.showWorkspace');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
    const leaves = (rows: TreeRow[]): TreeRow[] => rows.flatMap((r) => (r.children ? leaves(r.children) : [r]));
    const shown = async () => leaves((await tree()).rows).filter((r) => r.description?.endsWith('— search-test/closed.txt')).map((r) => r.label).sort().join(', ');
    try {
      // Typed into and annotated, unsaved: the annotation waits in memory for the save, and the view shows it.
      const editor = await openInEditor(closed);
      assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(text.length), 'More to come.\n')));
      await vscode.commands.executeCommand('factmark.internal.editAnnotations', closed, { add: [{ type: 'PERSON', start: 0, end: 15 }] });
      let last = '';
      await eventually(async () => (last = await shown()) === 'Karim Ben Salah, Valletta', 'the view does not show the unsaved annotation').catch(() => assert.fail(`the view does not show the unsaved annotation: ${last}`));
      // The article is closed with its unsaved text: the annotation went with it. (Closing its editor
      // closes the document only minutes later, when VS Code lets the model go; a change of language
      // closes the article at once, through the very same close event, as the restricted suite does.)
      const gone = new Promise<void>((done) => {
        const sub = vscode.workspace.onDidCloseTextDocument((d) => {
          if (d.uri.toString() === closed.toString() && d.languageId === 'plaintext') done(sub.dispose());
        });
      });
      await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
      await gone;
      await eventually(async () => (last = await shown()) === 'Valletta', 'the view keeps the annotation of the article closed unsaved', 30_000).catch(() =>
        assert.fail(`the view keeps the annotation of the article closed unsaved: ${last}`),
      );
      assert.doesNotMatch(fs.readFileSync(`${closed.fsPath}.factmark.yaml`, 'utf8'), /Karim/, 'the unsaved annotation was written');
    } finally {
      await vscode.commands.executeCommand('factmark.view.showDocument');
      await vscode.window.showTextDocument(closed);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // The suite's other tests count this folder's mentions: this article goes.
      for (const f of [closed.fsPath, `${closed.fsPath}.factmark.yaml`]) fs.rmSync(f, { force: true });
    }
  });

  it('the view across the workspace by entity: one row per entity whatever the spelling, mentions in context, facts with their entities, scope and filter in the title', async () => {
    await vscode.commands.executeCommand('factmark.facts.focus');
    await vscode.commands.executeCommand('factmark.view.showWorkspace');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'entity');
    let last: Tree | undefined;
    const t = await eventually(
      async () => {
        const x = (last = await tree());
        return x.rows.some((r) => r.label === 'Roh Moo-hyun · Person (3)') ? x : undefined;
      },
      'no one row for Roh Moo-hyun with his three mentions ("President Roh", "Roh Moo-hyun", "Roh")',
      30_000,
    ).catch((e: Error) => assert.fail(`${e.message}: ${last?.title} ${JSON.stringify(last?.rows.map((r) => r.label))}`));
    // (Other suites' articles may still be loaded: only this suite's rows are looked at.)
    const ours = t.rows.filter((r) => r.label.includes('Person') && r.children?.some((c) => c.description?.startsWith('search-test/')));
    assert.deepStrictEqual(ours.map((r) => r.label), ['Roh Moo-hyun · Person (3)'], 'a spelling has a row of its own');
    const roh = t.rows.find((r) => r.label === 'Roh Moo-hyun · Person (3)')!;
    assert.deepStrictEqual(
      roh.children!.map((c) => `${c.label} | ${c.description}`),
      [
        'President Roh | search-test/one.txt: President Roh spoke in Seoul on Thursday.',
        'Roh Moo-hyun | search-test/two.txt: Roh Moo-hyun met the generals in Panmunjom.',
        'Roh | search-test/two.txt: Roh said nothing.',
      ],
    );
    const facts = t.rows.find((r) => r.label.startsWith('Facts ('))!;
    const speech = facts.children!.find((c) => c.label.startsWith('speech: President Roh') && c.description?.endsWith('search-test/one.txt'))!;
    assert.match(speech.description ?? '', /2006-03-02/);
    assert.deepStrictEqual(speech.children!.map((c) => c.label), ['Roh Moo-hyun', 'Seoul']);
    assert.match(t.title, /— whole workspace, \d+ documents · by entity$/);
    await vscode.commands.executeCommand('factmark.view.filter', { text: 'roh' });
    const filtered = await eventually(async () => ((await tree()).title.includes('filtered') ? tree() : undefined), 'the title does not say the view is filtered');
    assert.match(filtered.title, /whole workspace, \d+ documents · by entity · filtered: “roh”$/);
    const wb = workbench();
    if (wb) {
      // What the user sees: the entity's row in the Factmark view.
      await eventually(
        async () => (await wb.evaluate(() => Array.from(document.querySelectorAll('.monaco-list-row')).map((r) => r.textContent ?? ''))).some((t) => t.includes('Roh Moo-hyun · Person (3)')),
        'the Factmark view does not show the row of Roh Moo-hyun',
        30_000,
      );
    }
  });
});
