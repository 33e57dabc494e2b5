import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, SAMPLE_NAME, closeAllEditors, eventually, expectedColour, sameColour, suggestionsFor } from '../integration/helpers';
import { readRenderedDecorations } from '../integration/workbench';
import { page } from './env';

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

  it('lists the tagged place in the Factmark view', async () => {
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
});
