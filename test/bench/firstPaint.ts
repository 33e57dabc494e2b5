import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Workbench } from '../integration/workbench';
import { longestBlock } from './longestBlock';

/**
 * Issue 14 item 4, measured in the workbench page itself (the renderer's clock): from the moment the
 * editor shows an article's text to the moment its first highlight is drawn, and the renderer's long
 * tasks (main-thread stalls over 50 ms, as Chromium reports them) while typing.
 */

/** What the page records (window.__factmarkBench). */
interface PageClock {
  shownAt: number;
  paintedAt: number;
  longTasks: Array<{ start: number; duration: number }>;
}

/**
 * Installed in the page before the article opens: watches the active editor for a line holding
 * `marker` (the text shown) and then for a Factmark decoration (the highlights drawn), and keeps
 * every long task. Self-contained: only its source is sent to the page.
 */
function watchEditor(marker: string): void {
  const w = window as unknown as { __factmarkBench?: PageClock; __factmarkObserver?: MutationObserver; __factmarkLongTasks?: PerformanceObserver };
  w.__factmarkObserver?.disconnect();
  const state: PageClock = { shownAt: 0, paintedAt: 0, longTasks: [] };
  w.__factmarkBench = state;
  if (!w.__factmarkLongTasks) {
    w.__factmarkLongTasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__factmarkBench?.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    w.__factmarkLongTasks.observe({ type: 'longtask' });
  }
  const check = (): void => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return;
    if (!state.shownAt) {
      const lines = editor.querySelector('.view-lines');
      if (lines && (lines.textContent ?? '').replace(/\u00a0/g, ' ').includes(marker)) state.shownAt = performance.now();
    }
    if (state.shownAt && !state.paintedAt) {
      for (const el of Array.from(editor.querySelectorAll('.view-overlays .cdr'))) {
        if (/TextEditorDecorationType/.test(el.className) && el.getBoundingClientRect().width > 0) {
          state.paintedAt = performance.now();
          break;
        }
      }
    }
    if (state.paintedAt) w.__factmarkObserver?.disconnect();
  };
  w.__factmarkObserver = new MutationObserver(check);
  w.__factmarkObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** The page's figures, with its clock's origin (ms since the epoch), to compare with the extension host's. */
function readClock(): (PageClock & { origin: number }) | undefined {
  const state = (window as unknown as { __factmarkBench?: PageClock }).__factmarkBench;
  return state && { ...state, origin: performance.timeOrigin };
}

/** Long tasks that started after `since` (page clock), and the page's clock now. */
function longTasksSince(since: number): { tasks: Array<{ start: number; duration: number }>; now: number } {
  const state = (window as unknown as { __factmarkBench?: PageClock }).__factmarkBench;
  return { tasks: (state?.longTasks ?? []).filter((t) => t.start >= since), now: performance.now() };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens `file` and returns the page's figures: text shown → first highlight drawn (ms), and the
 * host-side time from the open call to the text shown.
 */
export async function openAndTime(
  wb: Workbench,
  file: string,
  timeoutMs = 60_000,
  // 'command': as the explorer opens a file (the workbench reads it and shows it; the extension host
  // hears of the document and of its editor as it happens); 'api': openTextDocument, then showTextDocument
  // (the extension host has the document before it is shown).
  how: 'command' | 'api' = 'api',
): Promise<{ shownToPainted: number; openToShown: number; shownEpoch: number; paintedEpoch: number; busyEpochs: Array<{ start: number; duration: number }>; editor: vscode.TextEditor }> {
  const text = fs.readFileSync(file, 'utf8');
  // the first line's opening words, as the editor draws them
  const marker = text.split('\n', 1)[0].slice(0, 40).trim();
  await wb.evaluate(watchEditor, marker);
  const started = await wb.evaluate(() => performance.now());
  let editor: vscode.TextEditor | undefined;
  if (how === 'api') editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)), { preview: false });
  else await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file), { preview: false });
  const t0 = performance.now();
  for (;;) {
    const clock = await wb.evaluate(readClock);
    if (clock?.paintedAt) {
      editor ??= vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === vscode.Uri.file(file).fsPath);
      if (!editor) throw new Error(`${path.basename(file)} has no editor`);
      return {
        shownToPainted: clock.paintedAt - clock.shownAt,
        openToShown: clock.shownAt - started,
        // on the wall clock (ms since the epoch), which the page and the extension host share
        shownEpoch: clock.origin + clock.shownAt,
        paintedEpoch: clock.origin + clock.paintedAt,
        // the renderer's long tasks (over 50 ms) between the text shown and the highlights drawn, on the wall clock
        busyEpochs: clock.longTasks
          .filter((t) => t.start + t.duration > clock.shownAt && t.start < clock.paintedAt)
          .map((t) => ({ start: clock.origin + t.start, duration: t.duration })),
        editor,
      };
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`no highlight drawn in ${path.basename(file)} within ${timeoutMs / 1000} s (text shown: ${!!clock?.shownAt})`);
    await pause(10);
  }
}

/**
 * Types a burst of words into `editor` (key by key, through the browser) and waits for the
 * suggestions of the new text; returns the renderer's long tasks in that time and the extension
 * host's longest event-loop block.
 */
export async function typeAndTime(wb: Workbench, editor: vscode.TextEditor, words: string): Promise<{ stalls: number[]; hostBlockMs: number }> {
  await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
  const at = new vscode.Position(Math.min(3, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const since = await wb.evaluate(() => performance.now());
  const { blockedMs } = await longestBlock(async () => {
    await wb.type(words);
    // the suggestions of the typed text: the recognition the last key press scheduled, run now
    await vscode.commands.executeCommand('factmark.internal.getSuggestions', editor.document.uri);
    await pause(500); // the decorations of that result reach the page
  });
  const { tasks } = await wb.evaluate(longTasksSince, since);
  return { stalls: tasks.filter((t) => t.duration > 50).map((t) => Math.round(t.duration)), hostBlockMs: Math.round(blockedMs) };
}

/** About `bytes` of real news text from ../shared/corpus/news (articles repeated, blank lines between). */
export function newsText(shared: string, bytes: number): string | undefined {
  const dir = path.join(shared, 'corpus', 'news');
  if (!fs.existsSync(dir)) return undefined;
  const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    parts.push(articles[i % articles.length]);
    size += articles[i % articles.length].length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}
