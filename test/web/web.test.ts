import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, SAMPLE_NAME, closeAllEditors, eventually, expectedColour, sameColour, suggestionsFor } from '../integration/helpers';
import { readRenderedDecorations } from '../integration/workbench';
import { page, readEnv } from './env';

// Factmark in VS Code for the Web: the web bundle (dist/web/extension.js) in the web worker extension
// host of the offline VS Code, on a workspace read and written through `vscode.workspace.fs`
// (`vscode-remote:` URIs). Only the vscode API and the workbench page: no Node here.

const COLOUR_OF: Record<string, string> = {
  PERSON: 'factmark.person',
  ORGANIZATION: 'factmark.organization',
  PLACE: 'factmark.place',
  DATE: 'factmark.date',
};

describe('Factmark on the web', function () {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const sidecar = () => uri.with({ path: `${uri.path}.factmark.yaml` });
  const readSidecar = async () => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar()));
    } catch {
      return '';
    }
  };

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the web scenario opens a workspace folder');
    // The driver copies ../shared/corpus/<sample> into the workspace (third-party text is not kept in the repository).
    uri = vscode.Uri.joinPath(folder.uri, SAMPLE_NAME);
    await vscode.workspace.fs.stat(uri);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  });

  after(closeAllEditors);

  it('runs the web bundle in the browser, with no Node', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'Factmark is not installed in this host');
    await eventually(() => ext.isActive, 'Factmark did not activate on a plain-text document');
    // An extension with no entry for this host "activates" with no code: its exports tell that the bundle ran.
    assert.equal(typeof (ext.exports as { activationMs?: unknown } | undefined)?.activationMs, 'number', 'the web bundle did not run (no browser entry?)');
    assert.equal(typeof process, 'undefined', 'this suite is meant to run in the web worker extension host');
    assert.equal(uri.scheme, 'vscode-remote');
    // The copy under test (this checkout, or the one installed from the .vsix) is the one that runs.
    assert.equal(ext.extensionUri.path, (await readEnv()).extensionPath);
  });

  it('draws the highlights of the sample article in the browser-hosted editor, each in its type colour', async () => {
    const wb = await page();
    const { mentions } = await suggestionsFor(uri);
    assert.ok(mentions.some((m) => m.type === 'PLACE' && m.text === 'North Korea'), 'North Korea is not suggested as a place');
    const visible = editor.visibleRanges[0];
    const shown = mentions.filter((m) => visible.contains(editor.document.positionAt(m.end)));
    assert.ok(shown.length >= 3, `expected several suggestions on screen, got ${shown.length}`);
    const rendered = await eventually(async () => {
      const r = await wb.evaluate(readRenderedDecorations);
      return r.length >= shown.length ? r : undefined;
    }, 'the editor did not paint the suggestions', 30_000);
    for (const m of shown) {
      const drawn = rendered.filter((d) => m.text.startsWith(d.text) || m.text.endsWith(d.text));
      assert.ok(drawn.length > 0, `"${m.text}" (${m.type}) is not drawn; drawn: ${rendered.map((d) => d.text).join(' | ')}`);
      const colour = expectedColour(COLOUR_OF[m.type]);
      assert.ok(drawn.some((d) => sameColour(d.background, colour)), `"${m.text}" is drawn in ${drawn.map((d) => d.background).join(', ')}, not in the ${m.type} colour`);
    }
    await eventually(() => wb.isStill('.editor-group-container.active .monaco-editor'), 'the editor did not settle');
    await wb.screenshot('web-highlights');
  });

  it('tags a selection and writes the sidecar through workspace.fs', async () => {
    const text = editor.document.getText();
    const start = text.indexOf('Panmunjeom');
    assert.ok(start >= 0);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Panmunjeom'.length));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'PLACE' });
    // Read back from the server's disk, as another program (git, the CLI) would see it.
    const written = await eventually(async () => {
      const s = await readSidecar();
      return /quote: Panmunjeom/.test(s) && /status: confirmed/.test(s) ? s : undefined;
    }, 'the sidecar on disk does not hold the tagged place', 30_000);
    assert.match(written, /type: PLACE/);
    // Nothing left behind by the write (its temporary file and lock are removed).
    const folder = vscode.Uri.joinPath(uri, '..');
    const leftovers = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'));
    assert.equal(leftovers.join(', '), '', 'the write left temporary files');
  });

  /** Tags the first "Panmunjeom" as a place unless it is already (each test can run alone). */
  const tagPanmunjeom = async () => {
    if (/quote: Panmunjeom/.test(await readSidecar())) return;
    const start = editor.document.getText().indexOf('Panmunjeom');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'Panmunjeom'.length));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'PLACE' });
    await eventually(async () => /quote: Panmunjeom/.test(await readSidecar()), 'the sidecar does not hold the tagged place', 30_000);
  };

  it('lists the tagged place in the Factmark view', async () => {
    await tagPanmunjeom();
    const wb = await page();
    await vscode.commands.executeCommand('factmark.facts.focus');
    const row = (text: string) =>
      wb.evaluate((t: string) => {
        document.querySelectorAll('[data-fm-row]').forEach((e) => e.removeAttribute('data-fm-row'));
        const label = (r: Element) => r.querySelector('.label-name')?.textContent?.trim() ?? r.textContent ?? '';
        const found = Array.from(document.querySelectorAll('.pane-body .monaco-list-row')).find((r) => label(r) === t);
        found?.setAttribute('data-fm-row', '1');
        return found ? { expanded: found.getAttribute('aria-expanded') === 'true' } : undefined;
      }, text);
    await eventually(
      async () => {
        if (await row('Panmunjeom')) return true;
        const group = await row('Place (1)');
        if (group && !group.expanded) await wb.click('[data-fm-row="1"]');
        return false;
      },
      'the Factmark view shows no Panmunjeom row under "Place (1)"',
      30_000,
    );
  });

  it('shows a suggestion\'s hover card with its actions', async () => {
    const { mentions } = await suggestionsFor(uri);
    const korea = mentions.find((m) => m.text === 'North Korea' && m.type === 'PLACE');
    assert.ok(korea, 'North Korea is not suggested');
    const hovers = await eventually(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(korea.start + 2));
      return h.length ? h : undefined;
    }, 'no hover on a suggestion');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Place/);
    assert.match(text, /Accept/);
    assert.match(text, /Reject/);
  });

  it('creates a fact, goes to the next annotation, and undoes and redoes the fact byte for byte', async () => {
    await tagPanmunjeom();
    const text = editor.document.getText();
    const sentence = text.indexOf('Panmunjeom');
    const before = await readSidecar();
    await vscode.commands.executeCommand('factmark.createFact', { uri: uri.toString(), start: sentence, end: sentence + 'Panmunjeom'.length, label: 'talks held', entities: [], date: '' });
    const after = await eventually(async () => {
      const s = await readSidecar();
      return s !== before && /talks held/.test(s) ? s : undefined;
    }, 'the fact was not written to the sidecar', 30_000);
    assert.equal(await vscode.commands.executeCommand('factmark.undo'), 'Create fact');
    await eventually(async () => (await readSidecar()) === before, 'undo did not restore the sidecar', 30_000).catch(async (e: Error) =>
      assert.fail(`${e.message}\n--- before:\n${before}\n--- after undo:\n${await readSidecar()}`),
    );
    assert.ok(await vscode.commands.executeCommand('factmark.redo'), 'nothing to redo');
    await eventually(async () => (await readSidecar()) === after, 'redo did not restore the sidecar', 30_000);
    // Navigation: from the start of the text, the next annotation is the tagged place.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('factmark.nextAnnotation');
    await eventually(() => editor.document.getText(editor.selection) === 'Panmunjeom' || vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === 'Panmunjeom', 'Next Annotation did not select the tagged place');
  });

  it('exports the annotations to a file through workspace.fs', async () => {
    await tagPanmunjeom();
    const target = vscode.Uri.joinPath(uri, '..', 'web-export.json');
    try {
      const outcome = await vscode.commands.executeCommand<{ files: vscode.Uri[]; annotations: number } | undefined>('factmark.exportAnnotations', { format: 'json', scope: 'current', target, force: true });
      assert.ok(outcome, 'the export was refused or cancelled');
      assert.ok(outcome.annotations >= 1, `annotations exported: ${outcome.annotations}`);
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(written, /"Panmunjeom"/);
      JSON.parse(written);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
