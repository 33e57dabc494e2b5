import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { gitBlobSha1, parseSidecar, updateSidecar } from '../../../src/core/sidecar';
import { writeFileAtomic } from '../../../src/node/fs';
import type { AnnotationsEdit, AnnotationsSnapshot } from '../../../src/features/sidecar';
import { closeAllEditors, eventually, openInEditor, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { characterPoint, readRenderedDecorations, workbench } from '../workbench';

// RELIABILITY-CASES A9 (a formatter rewrites the document), A10 (move line), A11 (Replace All
// touching 500+ spans in one event), in a real VS Code: every annotation stays on its text, in the
// editor and in the sidecar written on save. Also D10 (changes while the sidecar cannot be read go
// to a .conflict copy) and E1 (the extension and another process writing one sidecar lose nothing).

const DIR = 'editing-tests';

async function snapshot(uri: vscode.Uri): Promise<AnnotationsSnapshot> {
  const r = await vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.getAnnotations', uri);
  assert.ok(r, 'no annotations returned');
  return r;
}

async function annotate(uri: vscode.Uri, edit: AnnotationsEdit): Promise<AnnotationsSnapshot> {
  return vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.editAnnotations', uri, edit);
}

/** Annotations on every occurrence of each quote; returns id → quote. */
async function annotateAll(uri: vscode.Uri, text: string, quotes: string[]): Promise<Map<string, string>> {
  const add: NonNullable<AnnotationsEdit['add']> = [];
  for (const q of quotes) for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) add.push({ type: 'PERSON', start: at, end: at + q.length });
  const r = await annotate(uri, { add });
  return new Map(r.model.annotations.map((a) => [a.id, a.text]));
}

/** Every annotation sits on its own quote in the editor now. */
async function assertOnQuotes(uri: vscode.Uri, ids: Map<string, string>): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  const live = await snapshot(uri);
  assert.deepEqual(live.orphans.slice(0, 5), [], `orphans: ${live.orphans.length} of ${ids.size}; ${JSON.stringify(live.model.annotations.filter((a) => live.orphans.includes(a.id)).slice(0, 3))} in ${JSON.stringify(text.slice(0, 120))}`);
  for (const [id, quote] of ids) {
    const a = live.model.annotations.find((x) => x.id === id);
    assert.ok(a, `${id} is gone`);
    assert.equal(text.slice(a.start, a.end), quote, `${id} is not on "${quote}"`);
  }
}

/** After a save, the sidecar describes the saved text, every entry on its quote (code points). */
async function assertSaved(uri: vscode.Uri, count: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  const file = `${uri.fsPath}.factmark.yaml`;
  await eventually(() => fs.existsSync(file) && parseSidecar(fs.readFileSync(file, 'utf8')).doc?.document.gitBlob === gitBlobSha1(fs.readFileSync(uri.fsPath, 'utf8')), 'the sidecar was not written for the saved text');
  const disk = [...fs.readFileSync(uri.fsPath, 'utf8')];
  const entries = parseSidecar(fs.readFileSync(file, 'utf8')).doc!.annotations;
  assert.equal(entries.length, count);
  for (const e of entries) {
    assert.ok(!e.orphaned, `${e.id} orphaned`);
    assert.equal(disk.slice(e.start, e.end).join(''), e.quote, `${e.id} is not on its quote in the sidecar`);
  }
}

/**
 * The editor paints a highlight on the text of every annotation it shows, and no highlight on other
 * text than annotations and suggestions (a highlight left where the text was is drawn on other
 * characters). Checked in the rendered page; without the workbench (test-electron) there is nothing to look at.
 */
async function assertHighlighted(editor: vscode.TextEditor, ids: Map<string, string>): Promise<void> {
  const wb = workbench();
  if (!wb) return;
  const uri = editor.document.uri;
  let last = '';
  await eventually(
    async () => {
      const doc = editor.document;
      const text = doc.getText();
      const live = await snapshot(uri);
      const shown = (o: number) => editor.visibleRanges.some((r) => r.contains(doc.positionAt(o)));
      const onScreen = live.model.annotations.filter((a) => ids.has(a.id) && shown(a.start) && shown(a.end));
      const drawn = (await wb.evaluate(readRenderedDecorations)).map((d) => d.text);
      const known = [...live.model.annotations.map((a) => text.slice(a.start, a.end)), ...(await suggestionsFor(uri)).mentions.map((m) => m.text)];
      const wanted = new Map<string, number>();
      for (const a of onScreen) wanted.set(ids.get(a.id)!, (wanted.get(ids.get(a.id)!) ?? 0) + 1);
      const missing = [...wanted].filter(([q, n]) => drawn.filter((d) => d === q).length < n).map(([q]) => q);
      // A highlight cut by the end of a line shows part of its text.
      const stray = drawn.filter((d) => !known.some((k) => k === d || (d.length > 2 && (k.startsWith(d) || k.endsWith(d)))));
      last = `${onScreen.length} annotations on screen; not drawn: ${missing.join(' | ')}; drawn on other text: ${stray.join(' | ')}`;
      return onScreen.length > 0 && missing.length === 0 && stray.length === 0;
    },
    'the highlights are not on the annotated text',
    30_000,
  ).catch(() => assert.fail(last));
}

/** A formatter of plain text the test registers: its edits for a document, while `run` runs `editor.action.formatDocument`. */
async function formatWith(editor: vscode.TextEditor, edits: (doc: vscode.TextDocument) => vscode.TextEdit[]): Promise<Array<readonly vscode.TextDocumentContentChangeEvent[]>> {
  const events: (readonly vscode.TextDocumentContentChangeEvent[])[] = [];
  const listen = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === editor.document && e.contentChanges.length) events.push(e.contentChanges);
  });
  const provider = vscode.languages.registerDocumentFormattingEditProvider({ language: editor.document.languageId, scheme: 'file' }, { provideDocumentFormattingEdits: edits });
  try {
    const before = editor.document.version;
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await eventually(() => editor.document.version !== before, 'the formatter did not change the document');
  } finally {
    provider.dispose();
    listen.dispose();
  }
  return events;
}

/**
 * The test formatter's edits of a text, as [start, end, replacement]: spaces at a line's end dropped,
 * runs of spaces squeezed to one, the lines of a paragraph joined by a space.
 */
function formatEdits(text: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (const m of text.matchAll(/ +(?=\n)| {2,}|(?<=[^\n])\n(?=[^\n])/g)) {
    const end = m.index + m[0].length;
    out.push([m.index, end, m[0] === '\n' ? ' ' : text[end] === '\n' ? '' : ' ']);
  }
  return out;
}

function formatText(text: string): string {
  let out = '';
  let at = 0;
  for (const [start, end, by] of formatEdits(text)) {
    out += text.slice(at, start) + by;
    at = end;
  }
  return out + text.slice(at);
}

describe('Editing in VS Code keeps annotations on their text (A9, A10, A11, D10, E1)', function () {
  this.timeout(120_000);
  before(() => fs.mkdirSync(path.join(workspaceDir(), DIR), { recursive: true }));
  // The big articles are removed after their test: thousands of "Kim Yong-chol" in the workspace
  // would weigh on the suites after this one that index or export the whole workspace.
  const big: vscode.Uri[] = [];
  afterEach(async () => {
    await closeAllEditors();
    for (const uri of big.splice(0)) for (const f of [uri.fsPath, `${uri.fsPath}.factmark.yaml`]) fs.rmSync(f, { force: true });
  });


  it('A9: a formatter that replaces the whole document in one edit (re-wrapped, spaces squeezed) leaves every annotation on its name', async () => {
    const text = 'Elena  Vassallo met Karim Ben Salah in Valletta on Tuesday,   officials said, and the two ministers\nagreed to meet again in Tunis.\n\nBen Salah said   Tunisia would ask the European Union for funding.   \n';
    const uri = writeWorkspaceFile(`${DIR}/format.txt`, text);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Karim Ben Salah', 'Valletta', 'Tunis', 'European Union']);
    const formatted = text.replace(/ {2,}/g, ' ').replace(/ +\n/g, '\n').replace('ministers\nagreed', 'ministers agreed').replace('on Tuesday, ', 'on Tuesday,\n');
    const doc = editor.document;
    const ok = await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), formatted));
    assert.ok(ok);
    await eventually(async () => {
      try {
        await assertOnQuotes(uri, ids);
        return true;
      } catch {
        return false;
      }
    }, 'annotations not back on their names after the formatter');
    await assertOnQuotes(uri, ids);
    await assertSaved(uri, ids.size);
  });

  it('A9: a formatter of minimal edits (Format Document: spaces squeezed beside names, lines joined) leaves every annotation and its highlight on its name', async () => {
    const text = 'Elena Vassallo met  Karim Ben Salah  in Valletta on Tuesday,   officials said, and the two ministers\nagreed to meet again in Tunis.  \n\nBen Salah said   Tunisia would ask the\nEuropean Union for funding.   \n';
    const uri = writeWorkspaceFile(`${DIR}/format-minimal.txt`, text);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Elena Vassallo', 'Karim Ben Salah', 'Valletta', 'Tunis', 'European Union']);
    const events = await formatWith(editor, (doc) => formatEdits(doc.getText()).map(([from, to, by]) => vscode.TextEdit.replace(new vscode.Range(doc.positionAt(from), doc.positionAt(to)), by)));
    assert.equal(editor.document.getText(), formatText(text));
    const changes = events.flat();
    assert.ok(changes.length >= 8 && changes.every((c) => c.rangeLength <= 3 && c.text.length <= 1), `not minimal edits: ${JSON.stringify(changes)}`);
    await eventually(async () => assertOnQuotes(uri, ids).then(() => true, () => false), 'annotations not back on their names after the formatter');
    await assertOnQuotes(uri, ids);
    await assertHighlighted(editor, ids);
    await assertSaved(uri, ids.size);
  });

  it('A9: a formatter that returns one replace of a whole 120 KB article (Format Document; VS Code applies it as one change) leaves every annotation and its highlight on its name', async () => {
    // VS Code turns a formatter's edits into minimal ones, but not an edit of over 100,000 characters:
    // that one replaces the whole document, as the change event shows.
    const para = (i: number) => `Dispatch ${i}:  Karim Ben Salah met Elena Vassallo in  Valletta, officials said,\nand the two ministers agreed to meet again in Tunis.  \n\n`;
    const text = Array.from({ length: 900 }, (_, i) => para(i)).join('');
    const uri = writeWorkspaceFile(`${DIR}/format-whole.txt`, text);
    big.push(uri);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Karim Ben Salah', 'Elena Vassallo', 'Valletta', 'Tunis']);
    assert.equal(ids.size, 3600);
    const events = await formatWith(editor, (doc) => [vscode.TextEdit.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), formatText(doc.getText()))]);
    assert.equal(editor.document.getText(), formatText(text));
    assert.deepEqual(
      events.map((e) => e.length),
      [1],
      'not one change',
    );
    assert.equal(events[0][0].rangeLength, text.length, 'the change is not the whole document');
    await eventually(async () => assertOnQuotes(uri, ids).then(() => true, () => false), 'annotations not back on their names after the formatter', 30_000);
    await assertOnQuotes(uri, ids);
    await assertHighlighted(editor, ids);
    await assertSaved(uri, ids.size);
  });

  it('A10: moving annotated lines with Alt+Down (editor.action.moveLinesDownAction) carries the annotations along', async () => {
    const text = 'First line names Kim Yong-chol.\nSecond line names Panmunjom.\nThird line names Seoul.\n';
    const uri = writeWorkspaceFile(`${DIR}/move.txt`, text);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Kim Yong-chol', 'Panmunjom', 'Seoul']);
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    await vscode.commands.executeCommand('editor.action.moveLinesDownAction');
    await eventually(() => editor.document.lineAt(1).text.includes('Kim Yong-chol'), 'the line did not move');
    await assertOnQuotes(uri, ids);
    await assertSaved(uri, ids.size);
  });

  it('A10: dragging a selected sentence with the mouse to the end of another line carries its annotation along; the highlight too', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    const text = 'First line names Kim Yong-chol.\nSecond line names Panmunjom.\nThird line names Seoul.\n';
    const uri = writeWorkspaceFile(`${DIR}/drag.txt`, text);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Kim Yong-chol', 'Panmunjom', 'Seoul']);
    await assertHighlighted(editor, ids);
    const events: number[] = [];
    const listen = vscode.workspace.onDidChangeTextDocument((e) => e.document === editor.document && e.contentChanges.length && events.push(e.contentChanges.length));
    try {
      editor.selection = new vscode.Selection(1, 0, 1, 28);
      await eventually(() => wb.evaluate(() => !!document.querySelector('.editor-group-container.active .monaco-editor .selected-text')), 'the selection is not drawn');
      // Pressed on "Panmunjom" inside the selection, released past the end of the third line.
      const from = await eventually(() => wb.evaluate(characterPoint, { line: 'Second line names Panmunjom.', column: 21 }), 'the second line is not on screen');
      const end = await eventually(() => wb.evaluate(characterPoint, { line: 'Third line names Seoul.', column: 22 }), 'the third line is not on screen');
      await wb.mouseDrag(from, { x: end.x + 80, y: end.y });
      const moved = 'First line names Kim Yong-chol.\n\nThird line names Seoul.Second line names Panmunjom.\n';
      await eventually(() => editor.document.getText() === moved, 'the sentence was not dragged to the end of the third line').catch(() => assert.fail(`the text is ${JSON.stringify(editor.document.getText())}`));
    } finally {
      listen.dispose();
      // The mouse is not left over an editor, where the next suite's text would show a hover.
      await wb.mouseMove(5, 5);
    }
    assert.deepEqual(events, [2], 'the drop was not one event of a deletion and an insertion');
    await assertOnQuotes(uri, ids);
    const panmunjom = (await snapshot(uri)).model.annotations.find((a) => ids.get(a.id) === 'Panmunjom')!;
    assert.equal(editor.document.positionAt(panmunjom.start).line, 2, 'the annotation did not travel with its sentence');
    await assertHighlighted(editor, ids);
    await assertSaved(uri, ids.size);
  });

  it('A10: a sentence moved by one edit that deletes it and inserts it on another line (as a drop does) carries its annotation along', async () => {
    const text = 'First line names Kim Yong-chol.\nSecond line names Panmunjom.\nThird line names Seoul.\n';
    const uri = writeWorkspaceFile(`${DIR}/drop.txt`, text);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Kim Yong-chol', 'Panmunjom', 'Seoul']);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(1, 0, 1, 28));
    edit.insert(uri, new vscode.Position(0, 0), 'Second line names Panmunjom. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), 'Second line names Panmunjom. First line names Kim Yong-chol.\n\nThird line names Seoul.\n');
    await eventually(async () => assertOnQuotes(uri, ids).then(() => true, () => false), 'annotations not on their names after the move');
    await assertOnQuotes(uri, ids);
    const panmunjom = (await snapshot(uri)).model.annotations.find((a) => ids.get(a.id) === 'Panmunjom')!;
    assert.equal(panmunjom.start, 'Second line names '.length, 'the annotation did not travel with its sentence');
    await assertHighlighted(editor, ids);
    await assertSaved(uri, ids.size);
  });

  it('A11: one event of 600 separate changes next to 600 annotations (a Replace All under VS Code\'s merge limit) moves each exactly', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => `Report ${i}: Kim Yong-chol met officials in Panmunjom.`);
    const text = `${lines.join('\n')}\n`;
    const uri = writeWorkspaceFile(`${DIR}/replace-600.txt`, text);
    big.push(uri);
    await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Kim Yong-chol']);
    assert.equal(ids.size, 600);
    await assertOnQuotes(uri, ids);
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    // "Report" before every name becomes "Dispatch": every annotation shifts by a different amount.
    for (let at = text.indexOf('Report'); at >= 0; at = text.indexOf('Report', at + 1)) edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 6)), 'Dispatch');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await assertOnQuotes(uri, ids);
    await assertSaved(uri, 600);
  });

  it('A11: Replace All in the find widget of 3,000 words in front of 6,000 annotations (one event, one merged change) moves each exactly, highlights and sidecar too', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Report ${i}: Kim Yong-chol met officials in Panmunjom.`);
    const text = `${lines.join('\n')}\n`;
    const uri = writeWorkspaceFile(`${DIR}/replace-all.txt`, text);
    big.push(uri);
    const editor = await openInEditor(uri);
    const ids = await annotateAll(uri, text, ['Kim Yong-chol', 'Panmunjom']);
    assert.equal(ids.size, 6000);
    await assertOnQuotes(uri, ids);
    const events: number[] = [];
    const listen = vscode.workspace.onDidChangeTextDocument((e) => e.document === editor.document && e.contentChanges.length && events.push(e.contentChanges.length));
    try {
      // "Report" before every name becomes "Dispatch": every annotation shifts by a different amount.
      await vscode.commands.executeCommand('editor.actions.findWithArgs', { searchString: 'Report', replaceString: 'Dispatch', isRegex: false, isCaseSensitive: true, matchWholeWord: true });
      await vscode.commands.executeCommand('editor.action.replaceAll');
      await eventually(() => !editor.document.getText().includes('Report'), 'Replace All did not replace every "Report"', 30_000);
    } finally {
      listen.dispose();
      await vscode.commands.executeCommand('closeFindWidget');
    }
    // One event; VS Code's text buffer merges an edit of over 1,000 changes into one replacement from
    // the first to the last, so Factmark sees one coarse change swallowing every annotation but the last.
    assert.deepEqual(events, [1], `Replace All was not one event of one merged change: ${JSON.stringify(events)}`);
    // How long it takes is a figure of `npm run bench` (the host benchmark), not asserted here.
    await eventually(async () => assertOnQuotes(uri, ids).then(() => true, () => false), 'annotations not on their names after Replace All', 30_000);
    await assertOnQuotes(uri, ids);
    await assertHighlighted(editor, ids);
    await assertSaved(uri, 6000);
  });

  it('D10: annotating while the sidecar cannot be read writes a .conflict copy beside it; the broken file is untouched', async () => {
    const text = 'Elena Vassallo met Karim Ben Salah in Valletta.\n';
    const uri = writeWorkspaceFile(`${DIR}/broken.txt`, text);
    const broken = ['factmark: 1', 'document:', '  path: broken.txt', 'annotations:', '  - id: a1', '    type: [PERSON', ''].join('\n');
    fs.writeFileSync(`${uri.fsPath}.factmark.yaml`, broken);
    await openInEditor(uri);
    await eventually(async () => (await snapshot(uri)).writable === false, 'the broken sidecar was not noticed');
    await annotate(uri, { add: [{ type: 'PLACE', start: text.indexOf('Valletta'), end: text.indexOf('Valletta') + 8 }] });
    const dir = path.dirname(uri.fsPath);
    const copy = await eventually(() => fs.readdirSync(dir).find((f) => f.startsWith('broken.txt.factmark.yaml.conflict-')), 'no .conflict copy was written');
    const saved = parseSidecar(fs.readFileSync(path.join(dir, copy), 'utf8')).doc;
    assert.ok(saved, 'the copy does not parse');
    assert.deepEqual(saved.annotations.map((a) => a.quote), ['Valletta']);
    assert.equal(fs.readFileSync(`${uri.fsPath}.factmark.yaml`, 'utf8'), broken, 'the broken sidecar was written');
    // Other suites export the whole workspace: a broken sidecar left here would fail them.
    await closeAllEditors();
    for (const f of [uri.fsPath, `${uri.fsPath}.factmark.yaml`, path.join(dir, copy)]) fs.rmSync(f, { force: true });
  });

  it('E1: the extension and another process annotating the same sidecar at once lose nothing', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const text = `${words.join(' ')}.\n`;
    const folder = path.join(workspaceDir(), DIR, 'e1');
    fs.mkdirSync(folder, { recursive: true });
    const uri = writeWorkspaceFile(`${DIR}/e1/shared.txt`, text);
    await openInEditor(uri);
    // The other writer: the compiled helper of the two-process unit test, confirming words too.
    const script = path.resolve(__dirname, '../../unit/core/sidecar/concurrentWriter.js');
    const child = spawn(process.execPath, [script, 'confirm', folder, '25'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const mine: string[] = [];
    for (let i = 0; i < 25; i++) {
      const w = words[59 - i];
      const at = text.indexOf(w);
      const r = await annotate(uri, { add: [{ type: 'PLACE', start: at, end: at + w.length, status: 'confirmed' }] });
      mine.push(r.model.annotations.find((a) => a.start === at && a.type === 'PLACE')!.id);
    }
    assert.equal(await exited, 0, err);
    const theirs = (JSON.parse(out.trim()) as Record<string, string[]>)['shared.txt'];
    const file = `${uri.fsPath}.factmark.yaml`;
    const ids = () => new Set(parseSidecar(fs.readFileSync(file, 'utf8')).doc?.annotations.map((a) => a.id) ?? []);
    const lost = () => [...mine, ...theirs].filter((id) => !ids().has(id));
    await eventually(() => lost().length === 0, 'confirmed annotations were lost by concurrent writes', 20_000).catch(() => assert.fail(`lost: ${lost().join(', ')}`));
  });

  it('E1: an annotation made while the extension reloads a sidecar changed on disk is kept', async () => {
    // Edits go to the model at once; a reload runs in the write queue and awaits the disk between
    // reading the file and taking it as the model. A sidecar written on a text this machine never
    // saw (another headline on top) makes the reload look for that text (the kept copies, git),
    // the widest such gap; an annotation made in it was replaced by the file's model.
    const folder = path.join(workspaceDir(), DIR, 'e1-reload');
    fs.mkdirSync(folder, { recursive: true });
    const words = Array.from({ length: 300 }, (_, i) => `name${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const text = `${words.join(' ')}.\n`;
    const uri = writeWorkspaceFile(`${DIR}/e1-reload/reload.txt`, text);
    await openInEditor(uri);
    const file = `${uri.fsPath}.factmark.yaml`;
    const onDisk = () => (fs.existsSync(file) ? (parseSidecar(fs.readFileSync(file, 'utf8')).doc?.annotations ?? []) : []);
    const mine: string[] = [];
    for (let round = 0; round < 30; round++) {
      // The other writer keeps every entry the file has (moved down by its headline) and adds one.
      // It writes as a careful writer does (the CLI): under the writers' lock, and only over the file
      // it read, reading again when Factmark wrote meanwhile. (A plain write made from a read taken
      // just before Factmark's write landed dropped Factmark's entries, which Factmark then rightly
      // took for deletions: this test failed once in CI under load, for the test's own lost update.)
      const older = `Headline ${round} ${Math.random()}\n${text}`;
      const shift = older.length - text.length;
      const w = words[round];
      let before = '';
      for (let tries = 0; ; tries++) {
        const existed = fs.existsSync(file);
        before = existed ? fs.readFileSync(file, 'utf8') : '';
        const read = existed ? (parseSidecar(before).doc?.annotations ?? []) : [];
        const theirs = read.map((a) => ({ id: a.id, type: a.type, start: a.start + shift, end: a.end + shift, text: a.quote, status: a.status }));
        theirs.push({ id: `x${round}`, type: 'PERSON', start: older.indexOf(w), end: older.indexOf(w) + w.length, text: w, status: 'confirmed' });
        try {
          await writeFileAtomic(file, updateSidecar(undefined, { text: older, document: { path: 'reload.txt', annotations: theirs, facts: [] } }), { ifUnchanged: existed ? before : null });
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== 'FACTMARK_CHANGED_ON_DISK' || tries > 20) throw e;
        }
      }
      // One annotation, at a moment a little later each round, while the watcher brings that
      // change in (as a user's comes: not after the reload was seen to end).
      await new Promise((resolve) => setTimeout(resolve, 100 + round * 12));
      const v = words[40 + round];
      const r = await annotate(uri, { add: [{ type: 'PLACE', start: text.indexOf(v), end: text.indexOf(v) + v.length, status: 'confirmed' }] });
      mine.push(r.model.annotations.find((a) => a.type === 'PLACE' && a.text === v)?.id ?? `missing:${v}`);
      // The reload seen (the file no longer the other writer's) before the next round.
      await eventually(() => fs.readFileSync(file, 'utf8') !== before && onDisk().some((a) => a.id === `x${round}`), 'the round settled', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const live = new Set((await snapshot(uri)).model.annotations.map((a) => a.id));
    assert.deepEqual(mine.filter((id) => !live.has(id)), [], 'annotations made during a reload are gone from the model');
    const ids = () => new Set(onDisk().map((a) => a.id));
    await eventually(() => mine.every((id) => ids().has(id)), 'every annotation made written', 20_000).catch(() => assert.fail(`not on disk: ${mine.filter((id) => !ids().has(id)).join(', ')}`));
  });
});
