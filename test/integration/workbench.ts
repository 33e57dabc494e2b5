/**
 * Access to the real workbench page from inside the extension host, through the offline host's
 * probe server (test/host/probe.mjs). Absent under @vscode/test-electron: tests that need it skip.
 */
export class Workbench {
  constructor(private readonly url: string) {}

  private async call<T>(op: string, args: object = {}): Promise<T> {
    const res = await fetch(this.url, { method: 'POST', body: JSON.stringify({ op, ...args }) });
    const body = (await res.json()) as { value?: T; error?: string };
    if (!res.ok) throw new Error(`workbench probe ${op} failed: ${body.error}`);
    return body.value as T;
  }

  /** Runs `fn` in the workbench page. `fn` must be self-contained: only its source text is sent. */
  evaluate<T, A = null>(fn: (arg: A) => T, arg?: A): Promise<T> {
    return this.call<T>('evaluate', { source: fn.toString(), arg: arg ?? null });
  }

  screenshot(name: string, selector?: string): Promise<string> {
    return this.call('screenshot', { name, selector });
  }

  mouseMove(x: number, y: number): Promise<void> {
    return this.call('mouseMove', { x, y });
  }

  /** A click of the left button at page coordinates (inside a webview's frames too). */
  mouseClick(x: number, y: number): Promise<void> {
    return this.call('mouseClick', { x, y });
  }

  /** Drags with the left button from one page point to another (down, moves in steps, up). */
  mouseDrag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    return this.call('mouseDrag', { from, to });
  }

  click(selector: string): Promise<void> {
    return this.call('click', { selector });
  }

  press(key: string): Promise<void> {
    return this.call('press', { key });
  }

  /** Types `text` with the keyboard into whatever has focus (a key press per character). */
  type(text: string): Promise<void> {
    return this.call('type', { text });
  }

  /** Starts a CPU profile of the page; returns the page's `performance.now()` then and its `timeOrigin`. */
  startProfile(): Promise<[number, number]> {
    return this.call('profileStart');
  }

  /** Stops the page's CPU profile and writes it to `file` (a .cpuprofile, for Chrome's DevTools). */
  stopProfile(file: string): Promise<void> {
    return this.call('profileStop', { file });
  }

  waitFor(selector: string, timeout?: number): Promise<boolean> {
    return this.call('waitFor', { selector, timeout });
  }

  /** Whether the keyboard focus is in the open quick input (its box or its list): where keys then go. */
  quickInputHasFocus(): Promise<boolean> {
    return this.evaluate(() => {
      const w = document.activeElement?.closest('.quick-input-widget') as HTMLElement | null | undefined;
      return !!w && w.style.display !== 'none';
    });
  }

  /** Whether the keyboard focus is in the active editor's text: where an editor keybinding then goes. */
  editorHasFocus(): Promise<boolean> {
    return this.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor'));
  }

  /**
   * Types `text` into the open quick input once it has the keyboard focus, and waits until its box
   * shows `value` (`text` by default); a key lost on a loaded machine is typed again (select all, retype).
   */
  async typeInQuickInput(text: string, value = text, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const box = () => this.evaluate(() => (document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value);
    let typed = false;
    let last: string | undefined;
    while (Date.now() < deadline) {
      last = await box();
      if (typed && last === value) return;
      if (await this.quickInputHasFocus()) {
        if (typed) {
          await this.press('Control+a');
          await this.type(value);
        } else await this.type(text);
        typed = true;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the quick input does not show "${value}" after typing (it shows ${JSON.stringify(last)})`);
  }

  /**
   * Whether the element matching `selector` is shown and has no animation or transition still
   * running (a card fading in, a view sliding open): the moment a picture of it shows what a user sees.
   */
  isStill(selector: string): Promise<boolean> {
    return this.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement | null;
      return !!el && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') && getComputedStyle(el).opacity === '1';
    }, selector);
  }
}

/**
 * Tests that asked for the workbench and ran without it (under @vscode/test-electron there is no page):
 * the runner lists them at the end, so a test whose workbench part did not run never passes silently.
 */
export const ranWithoutWorkbench = new Set<string>();
let currentTest = '';

/** Called by the runner as each test starts. */
export function testStarted(title: string): void {
  currentTest = title;
}

/** The workbench, when the suite runs in the offline host; undefined elsewhere (and the test is noted). */
export function workbench(): Workbench | undefined {
  const url = process.env.FACTMARK_PROBE_URL;
  if (!url && currentTest) ranWithoutWorkbench.add(currentTest);
  return url ? new Workbench(url) : undefined;
}

/** A decoration as drawn in the editor: the characters under it and its computed background colour. */
export interface RenderedDecoration {
  text: string;
  background: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Reads the decorations the active editor actually paints. Decorations render as `div.cdr` elements
 * in `.view-overlays` with no text; each is matched to the characters of the rendered line beneath it.
 */
export function readRenderedDecorations(): RenderedDecoration[] {
  const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
  if (!editor) return [];
  const lines = Array.from(editor.querySelectorAll('.view-lines .view-line'));
  const result: RenderedDecoration[] = [];
  for (const el of Array.from(editor.querySelectorAll('.view-overlays .cdr'))) {
    if (!/TextEditorDecorationType/.test(el.className)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - r.top) < 3);
    if (!line) continue;
    let text = '';
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const c = range.getBoundingClientRect();
        const mid = c.left + c.width / 2;
        if (mid > r.left && mid < r.right) text += n.data[i];
      }
    }
    result.push({
      text: text.replace(/\u00a0/g, ' '),
      background: getComputedStyle(el).backgroundColor,
      left: r.left,
      top: r.top,
      width: r.width,
      height: r.height,
    });
  }
  return result;
}

/**
 * Where the active editor draws a character: the middle of the `column`th character (0-based) of the
 * rendered line whose text is `line`; undefined when no such line is on screen.
 */
export function characterPoint(arg: { line: string; column: number }): { x: number; y: number } | undefined {
  const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
  const line = Array.from(editor?.querySelectorAll('.view-lines .view-line') ?? []).find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ') === arg.line);
  if (!line) return undefined;
  let left = arg.column;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left >= n.data.length) {
      left -= n.data.length;
      continue;
    }
    const range = document.createRange();
    range.setStart(n, left);
    range.setEnd(n, left + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return undefined;
}

/** What the visible quick input shows: its title, placeholder, typed value and rows (`✓` marks a checked row, `>` the focused one). */
export interface QuickInputState {
  title: string;
  placeholder: string;
  value: string;
  rows: string[];
}

/** Reads the quick input (quick pick or input box) if one is shown; undefined otherwise. */
export function readQuickInput(): QuickInputState | undefined {
  const w = document.querySelector('.quick-input-widget') as HTMLElement | null;
  if (!w || w.style.display === 'none') return undefined;
  const input = w.querySelector('.quick-input-box input') as HTMLInputElement | null;
  const rows = Array.from(w.querySelectorAll('.quick-input-list .monaco-list-row')).map((r) => {
    const box = r.querySelector('.quick-input-list-checkbox, .monaco-custom-toggle, input[type="checkbox"]');
    const on = box instanceof HTMLInputElement ? box.checked : box?.classList.contains('checked') || box?.getAttribute('aria-checked') === 'true';
    const checked = box ? (on ? '✓ ' : '  ') : '';
    const focused = r.classList.contains('focused') ? '>' : '';
    return `${focused}${checked}${(r.querySelector('.quick-input-list-label, .label-name')?.textContent ?? r.textContent ?? '').trim()}`;
  });
  return {
    title: w.querySelector('.quick-input-title')?.textContent ?? '',
    placeholder: input?.getAttribute('placeholder') ?? '',
    value: input?.value ?? '',
    rows,
  };
}

/** The relative luminance (0–255 scale) of a CSS `rgb(…)`/`rgba(…)` colour, to check that a mark stands out from its page. */
export function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
