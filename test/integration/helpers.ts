import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DocumentSuggestions } from '../../src/features/recognition';
import type { Workbench } from './workbench';

export const EXTENSION_ID = 'factmark.factmark';
export const SAMPLE_NAME = 'korea-generals-2006-03-02.txt';

/** The fixture workspace folder the host opened. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs a workspace folder');
  return folder.uri.fsPath;
}

/** ../shared beside the repository (the driver passes its path); undefined when absent. */
export function sharedDir(): string | undefined {
  const dir = process.env.FACTMARK_SHARED ?? path.resolve(__dirname, '../../../../shared');
  return fs.existsSync(dir) ? dir : undefined;
}

/**
 * Copies the shared sample article into the fixture workspace at test time (third-party text is
 * not kept in the repository). Skips the calling test with a clear message when ../shared is absent.
 */
export function copySampleArticle(ctx: Mocha.Context): vscode.Uri {
  const shared = sharedDir();
  const source = shared && path.join(shared, 'corpus', SAMPLE_NAME);
  if (!source || !fs.existsSync(source)) {
    console.warn(`skipped: ../shared/corpus/${SAMPLE_NAME} is not available`);
    ctx.skip();
  }
  const target = path.join(workspaceDir(), SAMPLE_NAME);
  fs.copyFileSync(source, target);
  return vscode.Uri.file(target);
}

/**
 * The sample article opened, its suggestions made, and a picture (`factmark.showTimeline` or
 * `factmark.showMap`) asked for it, as the picture tests start.
 */
export async function showSampleIn(ctx: Mocha.Context, command: 'factmark.showTimeline' | 'factmark.showMap'): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  const uri = copySampleArticle(ctx);
  const editor = await openInEditor(uri);
  await suggestionsFor(uri);
  await vscode.commands.executeCommand(command);
  return { uri, editor };
}

/**
 * A suite's own folder of the fixture workspace and the workspace's entities file removed after it
 * (later suites look at the whole workspace), once its Factmark Problems there are gone too.
 */
export async function removeSuiteFiles(dir: string, entitiesPath: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(entitiesPath, { force: true });
  const left = () => vscode.languages.getDiagnostics().filter(([uri, ds]) => (uri.fsPath.startsWith(dir + path.sep) || uri.fsPath === entitiesPath) && ds.some((d) => d.source === 'Factmark'));
  await eventually(() => left().length === 0, 'Problems stay behind for the deleted articles or entities file', 30_000);
}

/** Writes a file into the fixture workspace and returns its URI. */
export function writeWorkspaceFile(name: string, content: string | Buffer): vscode.Uri {
  const target = path.join(workspaceDir(), name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  return vscode.Uri.file(target);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The suggestions Factmark computed for a document, once they are current. */
export async function suggestionsFor(uri: vscode.Uri): Promise<DocumentSuggestions> {
  const result = await vscode.commands.executeCommand<DocumentSuggestions | undefined>('factmark.internal.getSuggestions', uri);
  assert.ok(result, `no suggestions for ${uri.fsPath}`);
  return result;
}

/** Polls `probe` until it returns a truthy value; fails with `message` after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  message: string,
  timeoutMs = 10_000,
): Promise<Exclude<T, undefined | null | false | '' | 0>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as Exclude<T, undefined | null | false | '' | 0>;
    await sleep(100);
  }
  assert.fail(`${message} (last value: ${JSON.stringify(last)})`);
}

/**
 * Waits until the workbench has applied every `setContext` the extension has sent so far (a
 * configuration change re-reads the labels and enables their chords that way). Messages from the
 * extension host to the workbench are handled in order, so one more round trip is the barrier.
 */
export async function contextApplied(): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'factmark.test.barrier', Date.now());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Closes every editor and dismisses notifications, so no suite leaves something under the next one's mouse. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('notifications.clearAll');
}

/**
 * The colour a theme colour id resolves to in the current theme, as the browser reports it
 * (`rgba(r, g, b, a)`), read from the extension's own `contributes.colors` defaults.
 */
export function expectedColour(id: string): { r: number; g: number; b: number; a: number } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'Factmark is not installed');
  const colours = ext.packageJSON.contributes.colors as Array<{ id: string; defaults: Record<string, string> }>;
  const entry = colours.find((c) => c.id === id);
  assert.ok(entry, `colour ${id} is not contributed`);
  const kind = vscode.window.activeColorTheme.kind;
  const key =
    kind === vscode.ColorThemeKind.Light ? 'light'
    : kind === vscode.ColorThemeKind.Dark ? 'dark'
    : kind === vscode.ColorThemeKind.HighContrast ? 'highContrast'
    : 'highContrastLight';
  return parseHex(entry.defaults[key]);
}

function parseHex(hex: string) {
  const h = hex.replace('#', '');
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
}

/** Whether a CSS colour string (`rgb(...)` / `rgba(...)`) equals an expected colour. */
export function sameColour(css: string, expected: { r: number; g: number; b: number; a: number }): boolean {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) return false;
  const [r, g, b, a = 1] = m[1].split(',').map((x) => Number(x.trim()));
  return r === expected.r && g === expected.g && b === expected.b && Math.abs(a - expected.a) < 0.01;
}

/**
 * The notification whose message includes `text` (and matches `pattern`, when given), as a user finds
 * it: its toast, or, when other notifications pushed the toast out of sight (seen in CI), its row in
 * the notification centre, which is then left open (close it with `notifications.hideList`). Returns
 * a selector for it (to click its buttons) and its whole message; undefined when neither shows it.
 * The selector names that notification by its whole message (the row's accessible name), so that a
 * click never lands on another notification that shares `text`; of identical ones, the newest (first).
 */
export async function findNotification(wb: Workbench, text: string, pattern?: RegExp, timeoutMs = 10_000): Promise<{ selector: string; message: string } | undefined> {
  const read = async (css: string) => {
    const all = await wb.evaluate(
      ({ css }: { css: string }) =>
        Array.from(document.querySelectorAll(css)).map((e) => ({
          message: e.textContent ?? '',
          // A toast holds a one-row list; a row of the centre is inside its list row.
          name: (e.querySelector('.monaco-list-row') ?? e.closest('.monaco-list-row'))?.getAttribute('aria-label') ?? '',
        })),
      { css },
    );
    return all.find((t) => t.message.toLowerCase().includes(text.toLowerCase()) && (!pattern || pattern.test(t.message)));
  };
  // A CSS attribute value in double quotes.
  const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
  const toast = await eventually(() => read('.notification-toast'), 'no toast', timeoutMs).catch(() => undefined);
  if (toast) {
    const selector = toast.name ? `.notification-toast:has(.monaco-list-row[aria-label=${quoted(toast.name)}])` : `.notification-toast:has-text("${text}")`;
    return { selector, message: toast.message };
  }
  await vscode.commands.executeCommand('notifications.showList');
  const listed = await eventually(() => read('.notifications-center .notification-list-item'), 'not in the notification centre', 5_000).catch(() => undefined);
  if (!listed) return undefined;
  const selector = listed.name ? `.notifications-center .monaco-list-row[aria-label=${quoted(listed.name)}]` : `.notifications-center .notification-list-item:has-text("${text}")`;
  return { selector, message: listed.message };
}
