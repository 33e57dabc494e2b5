import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Mention } from '../../../src/core/model';
import { closeAllEditors, eventually, openInEditor, sharedDir, SAMPLE_NAME, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { readRenderedDecorations, workbench } from '../workbench';

/** The sidecar as written on disk. */
interface DiskAnnotation {
  id: string;
  type: string;
  quote: string;
  status: string;
  start: number;
  end: number;
  value?: string;
  kb?: string;
  note?: string;
}
interface DiskFact {
  id: string;
  label: string;
  quote: string;
  entities: string[];
  date?: string;
  note?: string;
}
interface DiskSidecar {
  annotations?: DiskAnnotation[];
  facts?: DiskFact[];
}

/** Reads and parses a document's sidecar file (empty when there is none). */
export function sidecarOf(uri: vscode.Uri): DiskSidecar {
  const file = `${uri.fsPath}.factmark.yaml`;
  return fs.existsSync(file) ? ((parse(fs.readFileSync(file, 'utf8')) as DiskSidecar) ?? {}) : {};
}

/** Waits until the sidecar on disk satisfies `probe`. */
export async function onDisk<T>(uri: vscode.Uri, probe: (s: DiskSidecar) => T, message: string): Promise<Exclude<T, undefined | null | false | '' | 0>> {
  return eventually(() => probe(sidecarOf(uri)), message);
}

/** A fresh copy of the shared sample article under `name` (no sidecar), open in an editor with its suggestions. */
export async function freshArticle(ctx: Mocha.Context, name: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; mentions: readonly Mention[] }> {
  const shared = sharedDir();
  const source = shared && path.join(shared, 'corpus', SAMPLE_NAME);
  if (!source || !fs.existsSync(source)) {
    console.warn(`skipped: ../shared/corpus/${SAMPLE_NAME} is not available`);
    ctx.skip();
  }
  const sidecar = path.join(workspaceDir(), `${name}.factmark.yaml`);
  fs.rmSync(sidecar, { force: true });
  const uri = writeWorkspaceFile(name, fs.readFileSync(source));
  const editor = await openInEditor(uri);
  const { mentions } = await suggestionsFor(uri);
  return { uri, editor, mentions };
}

/**
 * Puts the cursor at `position` and waits until the extension host has the change (the event the
 * extension's own listeners get first, as they were registered first); at once when it is there already.
 */
async function cursorReached(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  const target = new vscode.Selection(position, position);
  if (editor.selection.isEqual(target)) return;
  let seen = false;
  const listener = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (e.textEditor.document === editor.document && e.selections[0]?.isEqual(target)) seen = true;
  });
  try {
    editor.selection = target;
    await eventually(() => seen, 'the cursor move did not reach the extension host');
  } finally {
    listener.dispose();
  }
}

/**
 * True as soon as `reached` holds, checked on every selection or active-editor change; false when it
 * did not within `timeoutMs`. Started before the action that should move the selection, so its change is not missed.
 */
function selectionReaches(reached: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (reached()) return resolve(true);
    const check = () => reached() && finish(true);
    const listeners = [vscode.window.onDidChangeTextEditorSelection(check), vscode.window.onDidChangeActiveTextEditor(check)];
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(value: boolean): void {
      clearTimeout(timer);
      listeners.forEach((l) => l.dispose());
      resolve(value);
    }
  });
}

/** Selects the `nth` occurrence of `text`. */
export function select(editor: vscode.TextEditor, text: string, nth = 0): vscode.Selection {
  const all = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = all.indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" #${nth} is not in the document`);
  const sel = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
  editor.selection = sel;
  return sel;
}

/** Puts the cursor inside the `nth` occurrence of `text`. */
export function cursorIn(editor: vscode.TextEditor, text: string, nth = 0): void {
  const sel = select(editor, text, nth);
  const inside = sel.start.translate(0, 1);
  editor.selection = new vscode.Selection(inside, inside);
}

function find(s: DiskSidecar, quote: string, type?: string): DiskAnnotation | undefined {
  return s.annotations?.find((a) => a.quote === quote && (!type || a.type === type));
}

// Learning from decisions (the workspace lexicon) is tested in learning.test.ts; here it is off, so that
// each test sees the recognisers' own suggestions and not what an earlier test confirmed or rejected.
describe('Annotating workflow', () => {
  // The user setting as the host left it (test/host/run.mjs), put back afterwards for the suites after this one.
  let learn: boolean | undefined;
  before(async () => {
    learn = vscode.workspace.getConfiguration('factmark').inspect<boolean>('suggestions.learn')?.globalValue;
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', learn, vscode.ConfigurationTarget.Global);
  });

describe('Workflow 1 · label set', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('factmark').update('labels', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('factmark').update('patterns', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('tags with a custom type from settings, picked by its key in "Tag Selection As…"', async function () {
    const { uri, editor } = await freshArticle(this, 'workflow-labels.txt');
    await vscode.workspace.getConfiguration('factmark').update('labels', [{ name: 'treaty', colour: '#e11d48', key: 'w' }], vscode.ConfigurationTarget.Global);
    select(editor, 'armistice');
    const wb = workbench();
    if (wb) {
      // as a user: the picker opens, one key picks the label
      const done = vscode.commands.executeCommand('factmark.tagAs');
      await eventually(() => wb.evaluate(() => !!document.querySelector('.quick-input-widget:not([style*="display: none"]) .quick-input-list')), 'the label picker did not open');
      const items = await wb.evaluate(() => document.querySelector('.quick-input-widget .quick-input-list')?.textContent ?? '');
      assert.match(items, /Person.*Organisation.*Place.*Date.*Treaty/s);
      await eventually(() => wb.quickInputHasFocus(), 'the label picker does not have the keyboard focus');
      await wb.press('w');
      await done;
    } else {
      await vscode.commands.executeCommand('factmark.tagAs', { type: 'TREATY' });
    }
    const a = await onDisk(uri, (s) => find(s, 'armistice', 'TREATY'), 'the TREATY annotation is not in the sidecar');
    assert.equal(a.status, 'confirmed');
  });

  it('draws suggestions of a custom type (from factmark.patterns) in the label colour', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.workspace.getConfiguration('factmark').update('patterns', [{ pattern: 'armistice', type: 'TREATY' }], vscode.ConfigurationTarget.Global);
    const editor = vscode.window.activeTextEditor!;
    select(editor, 'armistice', 1);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const drawn = await eventually(async () => {
      const r = (await wb.evaluate(readRenderedDecorations)).filter((d) => d.text === 'armistice');
      return r.length >= 2 ? r : undefined;
    }, 'the TREATY suggestions are not drawn');
    const backgrounds = new Set(drawn.map((d) => d.background));
    const light = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light;
    assert.ok(backgrounds.has(light ? 'rgba(225, 29, 72, 0.2)' : 'rgba(225, 29, 72, 0.24)'), [...backgrounds].join(', '));
  });
});

describe('Workflow 2 · tagging', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  before(async function () {
    ({ uri, editor } = await freshArticle(this, 'workflow-tagging.txt'));
  });
  after(closeAllEditors);

  it('tags every cursor of a multi-cursor selection', async () => {
    const a = select(editor, 'Panmunjeom');
    const b = select(editor, 'Demilitarized Zone');
    editor.selections = [a, b];
    await vscode.commands.executeCommand('factmark.tagPlace');
    const s = await onDisk(uri, (x) => (find(x, 'Panmunjeom', 'PLACE') && find(x, 'Demilitarized Zone', 'PLACE') ? x : undefined), 'both places are not in the sidecar');
    assert.equal(find(s, 'Panmunjeom')?.status, 'confirmed');
  });

  it('tags every occurrence of the selected text, whole words only', async () => {
    select(editor, 'armistice');
    const added = await vscode.commands.executeCommand<number>('factmark.tagAllOccurrences', { type: 'ORGANIZATION' });
    const expected = editor.document.getText().match(/\barmistice\b/g)!.length;
    assert.equal(added, expected);
    await onDisk(uri, (s) => s.annotations?.filter((a) => a.quote === 'armistice').length === expected, `${expected} armistice annotations`);
  });

  it('allows nested spans ("North Korean leader [Kim Jong Il]")', async () => {
    select(editor, 'North Korean leader Kim Jong Il');
    await vscode.commands.executeCommand('factmark.tagPerson');
    select(editor, 'Kim Jong Il');
    await vscode.commands.executeCommand('factmark.tagPerson');
    await onDisk(uri, (s) => find(s, 'North Korean leader Kim Jong Il', 'PERSON') && find(s, 'Kim Jong Il', 'PERSON'), 'the nested annotations are not both stored');
  });

  it('adds a note, a normalised value and a knowledge-base id to the annotation under the cursor', async () => {
    cursorIn(editor, 'Kim Jong Il');
    await vscode.commands.executeCommand('factmark.editKb', { value: 'Q10665' });
    await vscode.commands.executeCommand('factmark.editNote', { value: 'North Korean leader' });
    const a = await onDisk(uri, (s) => {
      const k = find(s, 'Kim Jong Il');
      return k?.kb && k.note ? k : undefined;
    }, 'kb id and note not written');
    assert.equal(a.kb, 'Q10665');
    assert.equal(a.note, 'North Korean leader');
    select(editor, '1953');
    await vscode.commands.executeCommand('factmark.tagDate');
    cursorIn(editor, '1953');
    await vscode.commands.executeCommand('factmark.editValue', { value: '1953-07-27' });
    await onDisk(uri, (s) => find(s, '1953')?.value === '1953-07-27', 'the value is not written');
  });

  it('retypes and removes the annotation under the cursor', async () => {
    cursorIn(editor, 'Demilitarized Zone');
    await vscode.commands.executeCommand('factmark.retypeAnnotation', { type: 'ORGANIZATION' });
    await onDisk(uri, (s) => find(s, 'Demilitarized Zone')?.type === 'ORGANIZATION', 'not retyped on disk');
    await vscode.commands.executeCommand('factmark.removeAnnotation');
    await onDisk(uri, (s) => !find(s, 'Demilitarized Zone'), 'not removed from disk');
  });

  it('tags the selection with the keybinding Alt+M P, and offers the Factmark menu in the editor', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.window.showTextDocument(editor.document);
    select(editor, 'Park Chan-bong');
    // Keys go where the focus is: into the editor, not a view or a quick input left by an earlier test.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await eventually(() => wb.editorHasFocus(), 'the editor did not take the focus');
    await wb.press('Alt+m');
    await wb.press('p');
    const a = await onDisk(uri, (s) => find(s, 'Park Chan-bong', 'PERSON'), 'Alt+M P did not tag Park Chan-bong');
    assert.equal(a.status, 'confirmed');
  });
});

describe('Workflow 3 · suggestions', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  let mentions: readonly Mention[];
  before(async function () {
    ({ uri, editor, mentions } = await freshArticle(this, 'workflow-suggestions.txt'));
  });
  after(closeAllEditors);

  it('accepts the suggestion under the cursor (a confirmed annotation) and rejects another (hidden)', async () => {
    cursorIn(editor, 'Roh Moo-hyun');
    assert.equal(await vscode.commands.executeCommand('factmark.acceptSuggestion'), 1);
    cursorIn(editor, 'Panmunjeom');
    assert.equal(await vscode.commands.executeCommand('factmark.rejectSuggestion'), 1);
    const s = await onDisk(uri, (x) => (find(x, 'Roh Moo-hyun') && find(x, 'Panmunjeom') ? x : undefined), 'decisions not written');
    assert.equal(find(s, 'Roh Moo-hyun')?.status, 'confirmed');
    assert.equal(find(s, 'Roh Moo-hyun')?.type, 'PERSON');
    assert.equal(find(s, 'Panmunjeom')?.status, 'rejected');
    const wb = workbench();
    if (wb) {
      select(editor, 'Panmunjeom');
      editor.revealRange(editor.selection);
      await eventually(async () => {
        const r = await wb.evaluate(readRenderedDecorations);
        return r.some((d) => d.text === 'Roh Moo-hyun') && !r.some((d) => d.text === 'Panmunjeom');
      }, 'the rejected suggestion is still drawn, or the accepted one is not');
    }
  });

  it('accepts every suggestion in a selection', async () => {
    const paragraph = 'South Korean President Roh Moo-hyun and President Bush';
    select(editor, paragraph);
    const inside = mentions.filter((m) => {
      const start = editor.document.getText().indexOf(paragraph);
      return m.start >= start && m.end <= start + paragraph.length && m.text !== 'Roh Moo-hyun';
    });
    assert.ok(inside.length >= 1, 'no suggestion in the paragraph');
    assert.equal(await vscode.commands.executeCommand('factmark.acceptSuggestion'), inside.length);
    await onDisk(uri, (s) => inside.every((m) => find(s, m.text, m.type)?.status === 'confirmed'), 'not all accepted');
  });

  it('offers accept / reject in the light bulb and accepts all dates of the document from it', async () => {
    const at = editor.document.positionAt(editor.document.getText().indexOf('Thursday') + 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Accept "Thursday" as Date'), titles.join(' | '));
    assert.ok(titles.includes('Reject "Thursday" as Date'), titles.join(' | '));
    const all = actions.find((a) => /^Accept all \d+ Date suggestions/.test(a.title));
    assert.ok(all?.command, titles.join(' | '));
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand(all.command.command, ...(all.command.arguments ?? []));
    const dates = mentions.filter((m) => m.type === 'DATE');
    const s = await onDisk(uri, (x) => (dates.every((m) => find(x, m.text, 'DATE')?.status === 'confirmed') ? x : undefined), 'not every date accepted');
    assert.equal(find(s, 'Thursday')?.value, '2006-03-02', 'the normalised value is kept');
  });
});

describe('Workflow 4 · facts', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const sentence = 'Two-star generals from North and South Korea sat across from each other in the historic truce village of Panmunjeom Thursday, in the heavily fortified Demilitarized Zone that separates the two countries.';
  before(async function () {
    ({ uri, editor } = await freshArticle(this, 'workflow-facts.txt'));
    select(editor, 'Panmunjeom');
    await vscode.commands.executeCommand('factmark.tagPlace');
  });
  after(closeAllEditors);

  /** The id of a fact on the sentence: the one made by the first test, or one made here when a test runs alone. */
  async function aFact(): Promise<string> {
    const made = sidecarOf(uri).facts?.[0]?.id;
    if (made) return made;
    select(editor, sentence);
    const id = await vscode.commands.executeCommand<string>('factmark.createFact', { label: 'meeting', entities: [await idOf(uri, 'Panmunjeom')], date: '2006-03-02' });
    assert.ok(id, 'no fact made');
    await onDisk(uri, (s) => s.facts?.find((x) => x.id === id), 'the fact is not in the sidecar');
    return id;
  }

  it('creates a fact from a selection, linking the entities inside it and pre-filling the date', async () => {
    select(editor, sentence);
    const wb = workbench();
    let id: string | undefined;
    if (wb) {
      const done = vscode.commands.executeCommand<string>('factmark.createFact', { label: 'meeting' });
      const list = await eventually(() => wb.evaluate(() => {
        const w = document.querySelector('.quick-input-widget:not([style*="display: none"])');
        return w?.querySelector('.quick-input-list')?.textContent ?? '';
      }), 'the entities picker did not open');
      assert.match(list, /Panmunjeom/);
      await eventually(() => wb.quickInputHasFocus(), 'the entities picker does not have the keyboard focus');
      await wb.press('Enter'); // keep the pre-picked entities
      const date = await eventually(() => wb.evaluate(() => (document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value ?? ''), 'no date box');
      assert.equal(date, '2006-03-02', 'the date is not pre-filled from "Thursday"');
      await eventually(() => wb.quickInputHasFocus(), 'the date box does not have the keyboard focus');
      await wb.press('Enter');
      id = await done;
    } else {
      const panmunjeom = (await vscode.commands.executeCommand<{ model: { annotations: Array<{ id: string; text: string }> } }>('factmark.internal.getAnnotations', uri)).model.annotations.find((a) => a.text === 'Panmunjeom')!;
      id = await vscode.commands.executeCommand<string>('factmark.createFact', { label: 'meeting', entities: [panmunjeom.id], date: '2006-03-02' });
    }
    assert.ok(id);
    const f = await onDisk(uri, (s) => s.facts?.find((x) => x.id === id), 'the fact is not in the sidecar');
    assert.equal(f.label, 'meeting');
    assert.equal(f.quote, sentence);
    assert.equal(f.date, '2006-03-02');
    const panmunjeom = find(sidecarOf(uri), 'Panmunjeom')!;
    assert.deepEqual(f.entities, [panmunjeom.id]);
  });

  it('draws facts with a gutter mark and a line background', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await aFact();
    select(editor, 'Panmunjeom');
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    await eventually(() => wb.evaluate(() => document.querySelectorAll('.monaco-editor .glyph-margin-widgets .cgmr, .monaco-editor .margin-view-overlays .cgmr').length > 0), 'no gutter mark');
    await eventually(() => wb.isStill('.editor-group-container.active'), 'the editor did not settle');
    await wb.screenshot('fact-decorations', '.editor-group-container.active');
  });

  it('edits and deletes a fact', async () => {
    const id = await aFact();
    await vscode.commands.executeCommand('factmark.editFact', { uri: uri.toString(), id, label: 'event', date: '2006-03-03', note: 'first talks in two years' });
    const f = await onDisk(uri, (s) => s.facts?.find((x) => x.id === id && x.label === 'event'), 'not edited');
    assert.equal(f.date, '2006-03-03');
    assert.equal(f.note, 'first talks in two years');
    cursorIn(editor, 'Two-star');
    await vscode.commands.executeCommand('factmark.deleteFact');
    await onDisk(uri, (s) => !s.facts?.length, 'not deleted');
  });
});

interface TreeRow {
  label: string;
  description?: string;
  children?: TreeRow[];
}
interface TreeSnapshot {
  title: string;
  rows: TreeRow[];
  revealed?: string;
}
const tree = (arg?: object) => vscode.commands.executeCommand<TreeSnapshot>('factmark.internal.getTree', arg);
const labelsOf = (rows: TreeRow[]) => rows.map((r) => r.label);

/** Annotation id of a quote in the store. */
async function idOf(uri: vscode.Uri, quote: string): Promise<string> {
  const snap = await vscode.commands.executeCommand<{ model: { annotations: Array<{ id: string; text: string }> } }>('factmark.internal.getAnnotations', uri);
  const a = snap.model.annotations.find((x) => x.text === quote);
  assert.ok(a, `no annotation on "${quote}"`);
  return a.id;
}

describe('Workflow 5–7 · the Factmark view, navigation and hover cards', () => {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const sentence = 'Two-star generals from North and South Korea sat across from each other in the historic truce village of Panmunjeom Thursday, in the heavily fortified Demilitarized Zone that separates the two countries.';
  let factId: string;

  before(async function () {
    // A second annotated document, so that the workspace view and navigation across documents
    // have somewhere to go even when this suite runs on its own.
    fs.rmSync(path.join(workspaceDir(), 'workflow-view-other.txt.factmark.yaml'), { force: true });
    const other = await openInEditor(writeWorkspaceFile('workflow-view-other.txt', 'Reporters waited in Seoul all day.\n'));
    select(other, 'Seoul');
    await vscode.commands.executeCommand('factmark.tagPlace');
    ({ uri, editor } = await freshArticle(this, 'workflow-view.txt'));
    for (const [quote, command] of [['Panmunjeom', 'factmark.tagPlace'], ['Roh Moo-hyun', 'factmark.tagPerson'], ['Bush', 'factmark.tagPerson']]) {
      select(editor, quote);
      await vscode.commands.executeCommand(command);
    }
    cursorIn(editor, 'Thursday');
    await vscode.commands.executeCommand('factmark.acceptAllOfType', { type: 'DATE' });
    select(editor, sentence);
    factId = (await vscode.commands.executeCommand<string>('factmark.createFact', { label: 'meeting', entities: [await idOf(uri, 'Panmunjeom')], date: '2006-03-02' }))!;
    assert.ok(factId);
    await vscode.commands.executeCommand('factmark.view.showDocument');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
  });
  after(async () => {
    await vscode.commands.executeCommand('factmark.view.filter', {});
    await vscode.commands.executeCommand('factmark.view.showDocument');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
    await closeAllEditors();
  });

  it('shows the document’s facts and entities grouped by type, with counts in the labels and the title', async () => {
    await vscode.window.showTextDocument(editor.document);
    const t = await eventually(async () => {
      const x = await tree();
      return x.rows.length > 0 && x.rows[0].label === 'Facts (1)' ? x : undefined;
    }, 'the tree does not show the fact');
    assert.deepEqual(labelsOf(t.rows).slice(0, 3), ['Facts (1)', 'Person (2)', 'Place (1)']);
    assert.match(labelsOf(t.rows)[3], /^Date \(\d+\)$/);
    assert.match(t.title, /^1 facts · \d+ entities — workflow-view\.txt$/);
    assert.deepEqual(labelsOf(t.rows[1].children!), ['Roh Moo-hyun', 'Bush']);
  });

  it('groups by entity, by date (chronologically) and by document', async () => {
    await vscode.commands.executeCommand('factmark.view.groupBy', 'date');
    const byDate = labelsOf((await tree()).rows).map((l) => l.replace(/ \(\d+\)$/, ''));
    const calendar = byDate.filter((l) => /^\d{4}/.test(l));
    assert.deepEqual(calendar, [...calendar].sort(), 'date groups are not chronological');
    assert.ok(calendar.includes('1953') && calendar.includes('2006-03-02'), byDate.join(' | '));
    const march = (await tree()).rows.find((r) => r.label.startsWith('2006-03-02'))!;
    assert.ok(march.children!.some((c) => c.label.startsWith('meeting: Two-star generals')), 'the fact is not under its date');
    await vscode.commands.executeCommand('factmark.view.groupBy', 'entity');
    assert.ok(labelsOf((await tree()).rows).includes('Panmunjeom · Place (1)'));
    await vscode.commands.executeCommand('factmark.view.groupBy', 'document');
    assert.deepEqual(labelsOf((await tree()).rows).map((l) => l.replace(/ \(\d+\)$/, '')), ['workflow-view.txt']);
    await vscode.commands.executeCommand('factmark.view.groupBy', 'type');
  });

  it('filters by text and by type', async () => {
    await vscode.commands.executeCommand('factmark.view.filter', { text: 'bush' });
    let t = await tree();
    assert.deepEqual(labelsOf(t.rows), ['Person (1)']);
    assert.match(t.title, /filtered/);
    await vscode.commands.executeCommand('factmark.view.filter', { types: ['FACT', 'PLACE'] });
    t = await tree();
    assert.deepEqual(labelsOf(t.rows), ['Facts (1)', 'Place (1)']);
    await vscode.commands.executeCommand('factmark.view.filter', {});
  });

  it('switches to the whole workspace', async () => {
    await vscode.commands.executeCommand('factmark.view.showWorkspace');
    const t = await tree();
    const docs = Number(/(\d+) documents/.exec(t.title)?.[1]);
    assert.ok(docs >= 2, `the workspace view shows ${t.title}`);
    await vscode.commands.executeCommand('factmark.view.showDocument');
  });

  it('reveals the item at the cursor in the tree, copies a citation and deletes from the context menu', async () => {
    await vscode.commands.executeCommand('factmark.facts.focus');
    await vscode.window.showTextDocument(editor.document);
    cursorIn(editor, 'Bush');
    const bush = await idOf(uri, 'Bush');
    const t = await tree({ revealAtCursor: true });
    assert.ok(t.revealed?.endsWith(`#${bush}`), `revealed ${t.revealed}`);
    const text = editor.document.getText();
    const start = text.indexOf('Bush');
    const node = { kind: 'annotation', doc: { key: uri.toString(), name: 'workflow-view.txt' }, annotation: { id: bush, text: 'Bush', start, end: start + 4 } };
    const cited = await vscode.commands.executeCommand<string>('factmark.view.copyCitation', node);
    assert.equal(cited, `“Bush” — workflow-view.txt, offset ${start}–${start + 4}`);
    assert.equal(await vscode.env.clipboard.readText(), cited);
    await vscode.commands.executeCommand('factmark.view.delete', node);
    await onDisk(uri, (s) => !find(s, 'Bush'), 'Bush was not deleted from the sidecar');
  });

  it('selects the span in the editor when a tree row is clicked', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.commands.executeCommand('factmark.facts.focus');
    // The list recycles its row elements and re-renders when the tree follows the cursor, so a row
    // found a moment ago may show another item (or be gone) by the time it is clicked. Each step
    // therefore looks again and clicks again until the view shows what a user would wait for.
    const row = (text: string) =>
      wb.evaluate((t: string) => {
        document.querySelectorAll('[data-fm-row]').forEach((e) => e.removeAttribute('data-fm-row'));
        // By the row's own label, not its whole text: the fact's row quotes a sentence with Panmunjeom in it.
        const label = (r: Element) => r.querySelector('.label-name')?.textContent?.trim() ?? r.textContent ?? '';
        const found = Array.from(document.querySelectorAll('.pane-body .monaco-list-row')).find((r) => label(r) === t);
        found?.setAttribute('data-fm-row', '1');
        return found ? { expanded: found.getAttribute('aria-expanded') === 'true' } : undefined;
      }, text);
    // The tree follows the cursor: once Factmark has seen the cursor at the start (where no annotation
    // is, so it reveals nothing), no earlier cursor position can move the tree's selection any more.
    await cursorReached(editor, new vscode.Position(0, 0));
    await eventually(async () => {
      if (await row('Panmunjeom')) return true;
      const place = await row('Place (1)');
      if (place && !place.expanded) await wb.click('[data-fm-row="1"]');
      return false;
    }, 'no Panmunjeom row after expanding "Place (1)"');
    const text = editor.document.getText();
    const selected = () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === uri.toString() && e.document.offsetAt(e.selection.start) === text.indexOf('Panmunjeom') && e.document.getText(e.selection) === 'Panmunjeom';
    };
    // A click that lands on a row being re-rendered does nothing: then the row is looked up and clicked again.
    await eventually(async () => {
      if (selected()) return true;
      if (!(await row('Panmunjeom'))) return false;
      const seen = selectionReaches(selected, 5_000);
      await wb.click('[data-fm-row="1"]');
      return seen;
    }, 'clicking the row did not select Panmunjeom', 30_000);
    await eventually(() => wb.isStill('.pane-body'), 'the Factmark view did not settle');
    await wb.screenshot('facts-view');
  });

  it('jumps to the next and previous annotation and fact, wrapping around', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    const text = editor.document.getText();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('factmark.nextAnnotation');
    const first = (sidecarOf(uri).annotations ?? []).filter((a) => a.status !== 'rejected').sort((a, b) => a.start - b.start)[0];
    assert.equal(editor.document.getText(editor.selection), first.quote);
    await vscode.commands.executeCommand('factmark.previousAnnotation');
    const last = (sidecarOf(uri).annotations ?? []).filter((a) => a.status !== 'rejected').sort((a, b) => b.start - a.start)[0];
    assert.equal(editor.document.getText(editor.selection), last.quote, 'previous from the first did not wrap to the last');
    await vscode.commands.executeCommand('factmark.nextFact');
    assert.equal(editor.document.offsetAt(editor.selection.start), text.indexOf(sentence));
  });

  it('jumps with the keybinding Ctrl+Alt+. and counts the document in the status bar', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    editor = await vscode.window.showTextDocument(editor.document);
    const text = editor.document.getText();
    const at = text.indexOf('Panmunjeom');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await eventually(() => wb.editorHasFocus(), 'the editor did not take the focus');
    await wb.press('Control+Alt+Period');
    await eventually(() => editor.document.offsetAt(editor.selection.start) === text.indexOf('Thursday'), 'Ctrl+Alt+. did not move to Thursday');
    // The counts item, not a passing status message of an earlier action ("Factmark: tagged 3 more occurrences …").
    const labels = () => wb.evaluate(() => Array.from(document.querySelectorAll('.statusbar-item')).map((e) => e.getAttribute('aria-label') ?? '').filter((l) => l.startsWith('Factmark:')));
    const label = await eventually(async () => (await labels()).find((l) => /^Factmark: \d+ facts/.test(l)), 'no Factmark counts in the status bar').catch(async (e: Error) =>
      assert.fail(`${e.message}: ${(await labels()).join(' | ')}`),
    );
    assert.match(label, /^Factmark: 1 facts, \d+ entities, \d+ suggestions/);
  });

  it('continues in the next annotated document when asked to (factmark.navigation.acrossDocuments)', async () => {
    const config = vscode.workspace.getConfiguration('factmark.navigation');
    await config.update('acrossDocuments', true, vscode.ConfigurationTarget.Global);
    try {
      editor = await vscode.window.showTextDocument(editor.document);
      const end = editor.document.positionAt(editor.document.getText().length);
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('factmark.nextAnnotation');
      const e = vscode.window.activeTextEditor!;
      assert.notEqual(e.document.uri.toString(), uri.toString(), 'next annotation did not leave the last annotation of the document');
      assert.ok(!e.selection.isEmpty, 'the annotation in the other document is not selected');
      const other = await vscode.commands.executeCommand<{ model: { annotations: Array<{ text: string; start: number }> } }>('factmark.internal.getAnnotations', e.document.uri);
      const start = e.document.offsetAt(e.selection.start);
      assert.ok(
        other.model.annotations.some((a) => a.start === start && a.text === e.document.getText(e.selection)),
        `"${e.document.getText(e.selection)}" is not an annotation of ${e.document.fileName}`,
      );
    } finally {
      await config.update('acrossDocuments', undefined, vscode.ConfigurationTarget.Global);
      editor = await vscode.window.showTextDocument(editor.document);
    }
  });

  it('goes to a fact picked in "Go to Fact…"', async function () {
    editor = await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const wb = workbench();
    if (!wb) return this.skip();
    const done = vscode.commands.executeCommand('factmark.goToFact');
    const list = await eventually(() => wb.evaluate(() => document.querySelector('.quick-input-widget:not([style*="display: none"]) .quick-input-list')?.textContent ?? ''), 'no fact picker');
    // Facts of the whole workspace, each with its article (other suites' articles add theirs).
    assert.match(list, /· \d+ linked/);
    // Narrowed to the article, as a user would with facts of other suites' articles in the workspace:
    // the list draws only the rows in view, and the article's row may be below them.
    await wb.typeInQuickInput('workflow-view');
    // The rows are drawn as the list lays out: wait for the article's row rather than read them once,
    // and mark the row found in the same look (an index read before could name another row by then).
    let rows: string[] = [];
    await eventually(async () => {
      rows = await wb.evaluate(() => {
        const all = Array.from(document.querySelectorAll('.quick-input-widget .monaco-list-row'));
        all.forEach((r) => r.removeAttribute('data-fm-pick'));
        all.find((r) => (r.textContent ?? '').includes('workflow-view.txt'))?.setAttribute('data-fm-pick', '1');
        return all.map((r) => r.textContent ?? '');
      });
      return rows.some((r) => r.includes('workflow-view.txt'));
    }, 'no row of workflow-view.txt').catch(() => assert.fail(rows.join(' | ')));
    await wb.click('[data-fm-pick="1"]');
    await done;
    const e = vscode.window.activeTextEditor!;
    assert.equal(e.document.uri.toString(), uri.toString());
    assert.equal(e.document.offsetAt(e.selection.start), e.document.getText().indexOf(sentence));
  });

  it('shows a hover card with the type, kb id, note, linked facts and actions', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    cursorIn(editor, 'Panmunjeom');
    await vscode.commands.executeCommand('factmark.editKb', { value: 'Q622457' });
    await vscode.commands.executeCommand('factmark.editNote', { value: 'truce village' });
    const at = editor.document.positionAt(editor.document.getText().indexOf('Panmunjeom') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const content = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    for (const expected of ['**Place** · confirmed', 'Q622457', 'truce village', 'Fact: [meeting', 'Retype', 'Remove', 'command:factmark.retypeAnnotation']) {
      assert.ok(content.includes(expected), `the hover lacks ${expected}:\n${content}`);
    }
    const seoul = editor.document.positionAt(editor.document.getText().indexOf('Seoul') + 1);
    const suggestion = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, seoul))
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(suggestion, /suggested/);
    assert.match(suggestion, /command:factmark\.acceptSuggestion/);
    assert.match(suggestion, /command:factmark\.rejectSuggestion/);
  });

  it('shows the card when the mouse rests on an annotation', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    editor = await vscode.window.showTextDocument(editor.document);
    select(editor, 'Two-star');
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Where "Panmunjeom" is drawn once the editor has stopped scrolling (two reads agree).
    let last = '';
    const drawnAt = async () => {
      const d = (await wb.evaluate(readRenderedDecorations)).find((x) => x.text === 'Panmunjeom');
      const at = d ? { x: Math.round(d.left + d.width / 2), y: Math.round(d.top + d.height / 2) } : undefined;
      const same = at !== undefined && JSON.stringify(at) === last;
      last = JSON.stringify(at);
      return same ? at : undefined;
    };
    // Every hover shown: a tab's or the menu's tooltip can be up too, so the card is looked for by content.
    const hovers = () => wb.evaluate(() => Array.from(document.querySelectorAll('.monaco-hover:not(.hidden)')).map((h) => h.textContent ?? ''));
    let seen: string[] = [];
    let restedOn = '';
    let tries = 0;
    const card = await eventually(async () => {
      seen = await hovers();
      // The card, not another hover naming the place (the Factmark view's row tooltip: "Panmunjeom — file, offset …").
      const found = seen.find((t) => /Q622457/.test(t) && /Place/.test(t));
      if (found) return found;
      // Not (yet) there: rest the mouse on the name where it is drawn now; after a while without a
      // card, move away and back, as a user would.
      const at = await drawnAt();
      if (at && (JSON.stringify(at) !== restedOn || ++tries % 20 === 0)) {
        if (restedOn) await wb.mouseMove(at.x, at.y + 60);
        await wb.mouseMove(at.x, at.y);
        restedOn = JSON.stringify(at);
      }
      return undefined;
    }, 'no hover card appeared', 20_000).catch((e: Error) => assert.fail(`${e.message}; hovers shown: ${JSON.stringify(seen)}`));
    assert.match(card, /Place/);
    assert.match(card, /Q622457/);
    assert.match(card, /meeting/);
    await eventually(() => wb.isStill('.monaco-hover:not(.hidden)'), 'the hover card did not finish fading in');
    await wb.screenshot('hover-annotation');
    await wb.mouseMove(5, 5);
  });
});

describe('Workflow 8 · Restricted Mode and virtual workspaces', () => {
  after(closeAllEditors);

  it('declares limited support in Restricted Mode (workspace patterns are not run) and virtual workspace support', () => {
    const ext = vscode.extensions.getExtension('factmark.factmark')!;
    const caps = ext.packageJSON.capabilities;
    assert.equal(caps.untrustedWorkspaces.supported, 'limited');
    assert.ok(caps.untrustedWorkspaces.restrictedConfigurations.includes('factmark.patterns'));
    assert.match(caps.untrustedWorkspaces.description, /Restricted Mode/);
    assert.equal(caps.virtualWorkspaces, true);
  });

  it('tags and lists annotations in a document that is not on disk', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Delegates met in Geneva on Monday.' });
    const editor = await vscode.window.showTextDocument(untitled);
    const wb = workbench();
    if (wb) {
      // an article without annotations: the view's welcome content says what to do
      await vscode.commands.executeCommand('factmark.facts.focus');
      await eventually(() => wb.evaluate(() => /No facts or entities in this article yet/.test(document.querySelector('.welcome-view-content')?.textContent ?? '')), 'the empty-state welcome is not shown');
      await wb.screenshot('facts-view-empty');
      await vscode.window.showTextDocument(untitled);
    }
    select(editor, 'Geneva');
    await vscode.commands.executeCommand('factmark.tagPlace');
    const t = await eventually(async () => {
      const x = await tree();
      return x.rows.some((r) => r.label === 'Place (1)') ? x : undefined;
    }, 'the untitled document’s annotation is not in the view');
    assert.match(t.title, /1 entities/);
  });
});
});
