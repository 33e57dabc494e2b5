/** Shared by the timeline and map webviews: the VS Code API handle, element building, theme and export. */

import { LIST_LIMIT, listQueryOf, sameList, type ListPage, type ListQuery, type TimelineFilter } from '../../../core/timeline';

export { LIST_LIMIT };

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

export const vscode = acquireVsCodeApi();

/** Creates an element with attributes and text children (text only: never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...text: string[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const t of text) node.append(t);
  return node;
}

/** Colours come from the theme (`--vscode-*`), so light, dark and high contrast all read. */
const CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px; }
.controls { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 0; }
.controls input, .controls select { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 4px; }
.controls button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: 1px solid var(--vscode-contrastBorder, transparent); padding: 2px 8px; cursor: pointer; }
.chart svg { overflow: visible; max-width: 100%; }
.chart .item, .chart .crowd { cursor: pointer; }
.chart .item:focus, .chart .crowd:focus, .entry:focus { outline: 2px solid var(--vscode-focusBorder); }
.chart svg text { fill: currentColor; }
body.vscode-high-contrast .chart .item, body.vscode-high-contrast-light .chart .item, body.vscode-high-contrast .map .dot, body.vscode-high-contrast-light .map .dot { stroke: var(--vscode-contrastBorder, currentColor); stroke-opacity: 1; stroke-width: 1.5; }
.detail { min-height: 2.6em; color: var(--vscode-descriptionForeground); }
.unplaced h2, .mentions h2 { font-size: 1em; font-weight: 600; }
.entry { cursor: pointer; padding: 2px 0; }
.entry .label { font-weight: 600; }
.entry .quote { color: var(--vscode-descriptionForeground); }
.credit { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.map .land { fill: currentColor; fill-opacity: 0.12; stroke: currentColor; stroke-opacity: 0.45; stroke-width: 0.5; }
.map svg { color: var(--vscode-foreground); overflow: hidden; }
.map .dot { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: 0.7; stroke: var(--vscode-contrastBorder, var(--vscode-editor-foreground)); stroke-width: 1; cursor: pointer; }
.map .dot.selected { fill: var(--vscode-charts-orange, #d18616); }
`;
const style = document.createElement('style');
style.textContent = CSS;
document.head.append(style);

// Content Security Policy violations are counted on the body, where a test (or a curious user in
// the webview developer tools) can see them; the pictures must cause none.
document.addEventListener('securitypolicyviolation', (e) => {
  document.body.dataset.cspViolations = String(Number(document.body.dataset.cspViolations ?? 0) + 1);
  console.error(`Factmark: Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
});

/** Calls `redraw` when the theme changes (VS Code sets the body class and CSS variables). */
export function onThemeChange(redraw: () => void): void {
  new MutationObserver(() => redraw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** The computed value of a theme variable, for drawing into an exported file (which has no CSS). */
function themed(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const fg = getComputedStyle(document.body).color;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('style', `color: ${fg}; background: ${getComputedStyle(document.body).backgroundColor}; font-family: sans-serif; font-size: 12px`);
  // Classes styled by this page's CSS get their computed colours inline.
  const originals = Array.from(svg.querySelectorAll('*'));
  Array.from(copy.querySelectorAll('*')).forEach((node, i) => {
    const s = getComputedStyle(originals[i]);
    if (node instanceof SVGElement && node.getAttribute('class')) node.setAttribute('style', `fill: ${s.fill}; fill-opacity: ${s.fillOpacity}; stroke: ${s.stroke}; stroke-width: ${s.strokeWidth}`);
  });
  return copy;
}

/**
 * Sends the drawn picture, as it looks now, to the extension to be saved: SVG text or a PNG data
 * URL; `null` when nothing is drawn, so that a command waiting for it is answered. `request` is the
 * id of the export command's request, echoed so the extension matches the answer to it (none for
 * the page's own buttons).
 */
function exportPicture(container: HTMLElement, format: 'svg' | 'png', request?: number): void {
  const post = (data: string | null) => vscode.postMessage({ type: 'save', format, data, ...(request !== undefined ? { request } : {}) });
  const svg = container.querySelector('svg');
  if (!svg) {
    post(null);
    return;
  }
  const text = new XMLSerializer().serializeToString(themed(svg));
  if (format === 'svg') {
    post(text);
    return;
  }
  const box = svg.getBoundingClientRect();
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = box.width * 2;
    canvas.height = box.height * 2;
    const g = canvas.getContext('2d');
    if (!g) return post(null);
    g.fillStyle = getComputedStyle(document.body).backgroundColor;
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    post(canvas.toDataURL('image/png'));
  };
  image.onerror = () => post(null);
  image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
}

/**
 * "SVG" and "PNG" buttons: the drawn picture saved through the extension. The export commands
 * (Factmark: Export Picture as SVG/PNG) ask the page for the same by an `export` message.
 */
export function exportControls(container: HTMLElement): HTMLButtonElement[] {
  const svgButton = el('button', { type: 'button', id: 'export-svg', title: 'Save the picture as SVG (Factmark: Export Picture as SVG…)' }, 'SVG');
  const pngButton = el('button', { type: 'button', id: 'export-png', title: 'Save the picture as PNG (Factmark: Export Picture as PNG…)' }, 'PNG');
  svgButton.addEventListener('click', () => exportPicture(container, 'svg'));
  pngButton.addEventListener('click', () => exportPicture(container, 'png'));
  window.addEventListener('message', (event: MessageEvent) => {
    const m = event.data as { type?: string; format?: unknown; request?: unknown };
    if (m.type === 'export' && (m.format === 'svg' || m.format === 'png')) exportPicture(container, m.format, typeof m.request === 'number' ? m.request : undefined);
  });
  return [svgButton, pngButton];
}

/** "Whole workspace" / "Active article" toggle: the extension changes the scope and sends new data. */
export function scopeControl(isWorkspace: () => boolean): HTMLButtonElement {
  const button = el('button', { type: 'button', id: 'scope' });
  const label = () => (button.textContent = isWorkspace() ? 'Active article' : 'Whole workspace');
  button.addEventListener('click', () => vscode.postMessage({ type: 'scope', workspace: !isWorkspace() }));
  label();
  new MutationObserver(label).observe(document.body, { attributes: true, attributeFilter: ['data-scope'] });
  return button;
}

/** The picture's data of a `data` message: JSON bytes (see PicturePanel.refresh). */
export function readData<T>(message: { bytes?: Uint8Array }): T {
  return JSON.parse(new TextDecoder().decode(message.bytes)) as T;
}

/** Notes the scope on the body (for the scope button). */
export function noteScope(scope: unknown): void {
  document.body.dataset.scope = (scope as { workspace?: boolean } | undefined)?.workspace ? 'workspace' : 'articles';
}

/** The filter the pictures share with the Factmark view (see src/features/sharedFilter.ts). */
export interface SharedFilterState {
  text: string;
  types: string[];
  from: string;
  to: string;
}

/** A type the filter offers: an entity type or `FACT`, with its title. */
export interface TypeChoice {
  name: string;
  title: string;
}

/**
 * Text, type and date-range controls, shared with the Factmark view and the other picture: a change
 * here is drawn at once and sent to the extension, which passes it on; `write` shows a change made elsewhere.
 */
export function filterControls(header: HTMLElement, onChange: (filter: SharedFilterState) => void): { read(): SharedFilterState; write(filter: Partial<SharedFilterState>, types?: TypeChoice[]): void } {
  const add = <T extends HTMLElement>(label: string, input: T): T => {
    const l = el('label', {}, label + ' ');
    l.append(input);
    header.append(l);
    return input;
  };
  const text = add('Text', el('input', { id: 'text', type: 'search', placeholder: 'name, label or date contains…', title: 'The Factmark view’s text filter, shared with it' }));
  const type = add('Type', el('select', { id: 'type', title: 'The Factmark view’s type filter, shared with it' }));
  const from = add('From', el('input', { id: 'from', type: 'text', placeholder: '1950', size: '8' }));
  const to = add('To', el('input', { id: 'to', type: 'text', placeholder: '2006-03', size: '8' }));
  let choices: TypeChoice[] = [];
  const read = (): SharedFilterState => ({ text: text.value, types: type.value ? type.value.split('\n') : [], from: from.value, to: to.value });
  const changed = () => onChange(read());
  for (const c of [text, from, to]) c.addEventListener('input', changed);
  type.addEventListener('change', changed);
  // Only a value that differs is written: rewriting the box being typed in would move its caret.
  const put = (input: HTMLInputElement, value: string | undefined) => value !== undefined && input.value !== value && (input.value = value);
  return {
    read,
    write(filter, types) {
      if (types) choices = types;
      const current = (filter.types ?? read().types).join('\n');
      const options = [el('option', { value: '' }, 'all'), ...choices.map((c) => el('option', { value: c.name }, c.title))];
      // Several types picked in the view: one option that stands for them.
      if (current && !choices.some((c) => c.name === current)) {
        options.push(el('option', { value: current }, current.split('\n').map((t) => choices.find((c) => c.name === t)?.title ?? t).join(', ')));
      }
      type.replaceChildren(...options);
      type.value = current;
      put(text, filter.text);
      put(from, filter.from);
      put(to, filter.to);
    },
  };
}

/** A note closing a list of which `shown` of `total` entries are listed, with a button to list more. */
export function moreNote(total: number, shown: number, more: () => void): HTMLElement {
  const note = el('p', { class: 'detail more' }, `… and ${total - shown} more. `);
  const button = el('button', { type: 'button', class: 'show-more' }, `Show ${Math.min(LIST_LIMIT, total - shown)} more`);
  button.addEventListener('click', more);
  note.append(button);
  return note;
}

/** A list under a picture that the page holds whole (a crowd's entries): shows LIST_LIMIT more at each "Show more". */
export function localList<E>(list: HTMLElement, entries: readonly E[], item: (e: E) => HTMLElement, shown = LIST_LIMIT): void {
  const ul = el('ul', {});
  for (const e of entries.slice(0, shown)) ul.append(item(e));
  list.append(ul);
  if (entries.length > shown) {
    list.append(
      moreNote(entries.length, shown, () => {
        list.querySelector('.more')?.remove();
        ul.remove();
        localList(list, entries, item, shown + LIST_LIMIT);
      }),
    );
  }
}

/**
 * A list under the picture that the extension holds (see src/core/timeline/lists.ts): `want` asks
 * for its first page when the filter (or the dot it is of) changes, `more` for the next page;
 * `take` shows a page the extension sent, in a `list` message or with the data. `show` gets every
 * entry received so far for the current query and the last page (its `total` counts them all).
 */
export function remoteList<E>(name: string, show: (entries: readonly E[], page: ListPage<E>) => void) {
  let wanted: ListQuery | undefined;
  let last: ListPage<E> | undefined;
  let shown: E[] = [];
  const ask = (query: ListQuery) => vscode.postMessage({ type: 'list', query });
  return {
    /** Asks for the list with this filter (and dot), unless it is the one shown or asked for; `again`: shows the one held again. */
    want(filter: TimelineFilter, key?: string, again = false): void {
      const query = listQueryOf({ list: name, filter, key, offset: 0, limit: LIST_LIMIT })!;
      const held = last && sameList(query, last.query) ? last : undefined;
      if (again && held) show(shown, held);
      if (sameList(query, wanted)) return;
      wanted = query;
      if (held) show(shown, held);
      else ask(query);
    },
    /** Shows a page from the extension; one for a query since replaced is dropped (and, with the data, the query asked again). */
    take(page: ListPage<E> | undefined, withData = false): void {
      if (!page || page.query.list !== name) return;
      if (wanted && !sameList(page.query, wanted)) {
        if (withData) ask(wanted);
        return;
      }
      if (page.query.offset === 0) shown = [...page.entries];
      else if (page.query.offset === shown.length) shown = shown.concat(page.entries);
      else return;
      last = page;
      show(shown, page);
    },
    /** Asks for the next page ("Show more"). */
    more(): void {
      if (wanted && last && sameList(last.query, wanted)) ask({ ...wanted, offset: shown.length });
    },
  };
}
