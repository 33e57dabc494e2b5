import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Mention } from '../../../src/core/model';
import { closeAllEditors, eventually, openInEditor, sharedDir, SAMPLE_NAME, sleep, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
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

describe('Workflow 1 · label set', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('factmark').update('labels', undefined, vscode.ConfigurationTarget.Global);
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
      await wb.press('w');
      await done;
    } else {
      await vscode.commands.executeCommand('factmark.tagAs', { type: 'TREATY' });
    }
    const a = await onDisk(uri, (s) => find(s, 'armistice', 'TREATY'), 'the TREATY annotation is not in the sidecar');
    assert.equal(a.status, 'confirmed');
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
      await wb.press('Enter'); // keep the pre-picked entities
      const date = await eventually(() => wb.evaluate(() => (document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value ?? ''), 'no date box');
      assert.equal(date, '2006-03-02', 'the date is not pre-filled from "Thursday"');
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
    select(editor, 'Panmunjeom');
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    await eventually(() => wb.evaluate(() => document.querySelectorAll('.monaco-editor .glyph-margin-widgets .cgmr, .monaco-editor .margin-view-overlays .cgmr').length > 0), 'no gutter mark');
    await sleep(300);
    await wb.screenshot('fact-decorations', '.editor-group-container.active');
  });

  it('edits and deletes a fact', async () => {
    const id = sidecarOf(uri).facts![0].id;
    await vscode.commands.executeCommand('factmark.editFact', { uri: uri.toString(), id, label: 'event', date: '2006-03-03', note: 'first talks in two years' });
    const f = await onDisk(uri, (s) => s.facts?.find((x) => x.id === id && x.label === 'event'), 'not edited');
    assert.equal(f.date, '2006-03-03');
    assert.equal(f.note, 'first talks in two years');
    cursorIn(editor, 'Two-star');
    await vscode.commands.executeCommand('factmark.deleteFact');
    await onDisk(uri, (s) => !s.facts?.length, 'not deleted');
  });
});
