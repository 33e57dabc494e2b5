/**
 * The timeline webview (bundled by esbuild.mjs into dist/webview/timeline.js, run inside the panel).
 * Draws the extension's Timeline with @observablehq/plot: lanes by entity, document or type; days
 * as dots, spans as bars; zoom with the wheel, pan by dragging; hover shows the sentence, a click
 * (or Enter) reveals it in the editor. Entries that cannot be placed are listed under the chart.
 * Every text from a file is written with textContent (or as SVG <title> text by Plot), never as HTML.
 */
import * as Plot from '@observablehq/plot';
import { crowdStretch, filterTimeline, groupTimeline, isoDay, packLanes, type Crowd, type PackedItem, type TimelineFilter, type TimelineGrouping, type TimelineItem, type TimelineView, type UnplacedEntry } from '../../../core/timeline';
import { el, exportControls, readData, filterControls, localList, moreNote, noteScope, onThemeChange, remoteList, scopeControl, vscode, type SharedFilterState, type TypeChoice } from './common';

interface State {
  scope?: unknown;
  grouping: TimelineGrouping;
  filter: TimelineFilter;
  /** The visible time range, ms; undefined = everything. */
  domain?: [number, number];
}

const saved = vscode.getState() as Partial<State> | undefined;
const state: State = { grouping: saved?.grouping ?? 'type', filter: { ...saved?.filter }, domain: saved?.domain, scope: saved?.scope };
/** The items on the axis; the entries not on it stay in the extension, which sends the page of them shown (`unplacedList`). */
let items: TimelineItem[] = [];
/** The types of the items, in order: the colours. */
let types: string[] = [];
let title = '';

const app = document.getElementById('app') as HTMLElement;
const header = el('header', { class: 'controls' });
const chart = el('div', { id: 'chart', class: 'chart' });
const detail = el('p', { id: 'detail', class: 'detail', 'aria-live': 'polite' });
/** The entries of a crowded stretch the user clicked ("312 more"). */
const crowdList = el('section', { id: 'crowd', class: 'unplaced' });
const unplaced = el('section', { id: 'unplaced', class: 'unplaced' });
app.append(header, chart, detail, crowdList, unplaced);

function save(): void {
  vscode.setState(state);
}

function control<T extends HTMLElement>(label: string, input: T): T {
  const l = el('label', {}, label + ' ');
  l.append(input);
  header.append(l);
  return input;
}

const grouping = control('Group by', el('select', { id: 'grouping' }));
for (const g of ['type', 'entity', 'document']) grouping.append(el('option', { value: g }, g));
/** Text, type and date range: shared with the Factmark view and the map through the extension. */
const shared = filterControls(header, (f) => {
  setShared(f);
  vscode.postMessage({ type: 'filter', filter: f });
});
const confirmed = el('input', { id: 'confirmed', type: 'checkbox' });
const confirmedLabel = el('label', {}, '');
confirmedLabel.append(confirmed, ' confirmed only');
header.append(confirmedLabel);
const reset = el('button', { id: 'reset', type: 'button', title: 'Show the whole time range (Factmark: Fit Timeline)' }, 'Fit');
header.append(reset, scopeControl(() => document.body.dataset.scope === 'workspace'), ...exportControls(chart));

/** Takes a shared filter (from the controls or from elsewhere) and redraws. */
function setShared(f: Partial<SharedFilterState>): void {
  state.filter = {
    ...state.filter,
    ...(f.text !== undefined ? { text: f.text || undefined } : {}),
    ...(f.types !== undefined ? { types: f.types.length ? f.types : undefined } : {}),
    ...(f.from !== undefined ? { from: f.from.trim() || undefined } : {}),
    ...(f.to !== undefined ? { to: f.to.trim() || undefined } : {}),
  };
  save();
  draw();
}

function readControls(): void {
  state.grouping = grouping.value as TimelineGrouping;
  state.filter = { ...state.filter, confirmedOnly: confirmed.checked || undefined };
  save();
  draw();
}
for (const c of [grouping, confirmed]) c.addEventListener('change', readControls);
reset.addEventListener('click', () => {
  state.domain = undefined;
  save();
  draw();
});

function writeControls(types?: TypeChoice[]): void {
  grouping.value = state.grouping;
  const f = state.filter;
  shared.write({ text: f.text ?? '', types: [...(f.types ?? [])], from: f.from ?? '', to: f.to ?? '' }, types);
  confirmed.checked = !!f.confirmedOnly;
}

/** Selects the entry's sentence (the quote the hover showed) in the editor. */
function reveal(e: { uri: string; sentence: { start: number; end: number } }): void {
  vscode.postMessage({ type: 'reveal', uri: e.uri, start: e.sentence.start, end: e.sentence.end });
}

function describe(i: TimelineItem): string {
  const when = i.point ? isoDay(i.from) : `${isoDay(i.from)} – ${isoDay(i.to - 1)}`;
  return `${i.label} (${i.value}: ${when}, ${i.type}${i.suggested ? ', suggested' : ''}) — ${i.document}: ${i.quote}`;
}

type Row = PackedItem;

/** A crowd's span as read out: one day, or first – last day. */
function stretch(c: Crowd): string {
  const { from, to } = crowdStretch(c);
  const first = isoDay(from);
  const last = isoDay(to - 1);
  return first === last ? first : `${first} – ${last}`;
}

function describeCrowd(c: Crowd): string {
  return `${c.items.length} more in ${c.group}, ${stretch(c)}: too many to draw one by one here. Click (or Enter) to list them, or zoom in.`;
}

/** The crowd listed under the chart (its key: lane and start), kept while the picture is redrawn. */
let listedCrowd: { lane: string; from: number } | undefined;

/** Lists a crowd's entries under the chart, each revealing its sentence, as the map lists a dot's mentions. */
function listCrowd(c: Crowd | undefined): void {
  listedCrowd = c && { lane: c.lane, from: c.from };
  crowdList.replaceChildren();
  if (!c) return;
  const close = el('button', { type: 'button', id: 'crowd-close', title: 'Close this list' }, 'Close');
  close.addEventListener('click', () => listCrowd(undefined));
  const heading = el('h2', {}, `${c.items.length} in ${c.group}, ${stretch(c)} `);
  heading.append(close);
  crowdList.append(heading);
  localList(crowdList, c.items, (i) => {
    const li = el('li', { tabindex: '0', class: 'entry', 'data-key': i.key });
    li.append(el('span', { class: 'label' }, i.label), ` — ${i.value}, ${i.type}${i.suggested ? ', suggested' : ''} — `, el('span', { class: 'quote' }, `${i.document}: ${i.quote}`));
    li.addEventListener('click', () => reveal(i));
    li.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(i));
    return li;
  });
}

/** Lists the entries not on the axis that pass the filter, a page at a time; the heading counts them all. */
function listUnplaced(entries: readonly UnplacedEntry[], page: { total: number }): void {
  unplaced.replaceChildren(el('h2', {}, `Not on the axis (${page.total})`));
  const list = el('ul', {});
  for (const u of entries) {
    const li = el('li', { tabindex: '0', class: 'entry', 'data-key': u.key });
    li.append(el('span', { class: 'label' }, u.label), ` — ${u.reason} — `, el('span', { class: 'quote' }, `${u.document}: ${u.quote}`));
    li.addEventListener('click', () => reveal(u));
    li.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(u));
    list.append(li);
  }
  unplaced.append(list);
  if (page.total > entries.length) unplaced.append(moreNote(page.total, entries.length, () => unplacedList.more()));
}
const unplacedList = remoteList<UnplacedEntry>('unplaced', listUnplaced);

function draw(): void {
  const shown = filterTimeline({ items, unplaced: [] }, state.filter);
  // The entries not on the axis are filtered in the extension: asked for again only when the filter changed.
  unplacedList.want(state.filter);
  const lanes = groupTimeline(shown.items, state.grouping);
  chart.replaceChildren();
  app.setAttribute('aria-busy', 'false');
  if (shown.items.length === 0) {
    listCrowd(undefined);
    chart.append(el('p', { class: 'empty' }, items.length ? 'Nothing matches the filter.' : `No dated facts or dates in ${title || 'this scope'}.`));
  } else {
    // A loop, not Math.min(...): tens of thousands of arguments would overflow the stack.
    let [lo, hi] = [Infinity, -Infinity];
    for (const r of shown.items) [lo, hi] = [Math.min(lo, r.from), Math.max(hi, r.to)];
    const pad = Math.max((hi - lo) * 0.03, 86_400_000);
    const domain = state.domain ?? [lo - pad, hi + pad];
    const width = Math.max(chart.clientWidth || document.body.clientWidth - 24, 320);
    // Only what is in view is packed and drawn (every lane keeps its row): zoomed in on a year of
    // 5,000 articles, the thousands of entries outside it were packed and drawn off the chart, a
    // quarter of a second for each turn of the wheel.
    const inView = lanes.map((l) => ({ name: l.name, items: l.items.filter((i) => i.to > domain[0] && i.from < domain[1]) }));
    const { rows, crowds, keys } = packLanes(inView, ((domain[1] - domain[0]) * 16) / width);
    const bars = rows.filter((r) => !r.point);
    const points = rows.filter((r) => r.point);
    // A crowd's mark is at least wide enough for its count, and ends inside the chart (where it can be clicked).
    const minCrowd = ((domain[1] - domain[0]) * 40) / width;
    const crowdMarks = crowds.map((c) => {
      const x2 = Math.min(Math.max(c.to, c.from + minCrowd), Math.max(domain[1], c.from));
      return { ...c, x1: Math.min(c.from, x2 - minCrowd), x2, count: `${c.items.length} more` };
    });
    const plot = Plot.plot({
      width,
      height: 60 + keys.length * 30,
      marginLeft: Math.min(220, 16 + 7 * lanes.reduce((n, l) => Math.max(n, l.name.length), 0)),
      marginTop: 24,
      style: { background: 'transparent', color: 'var(--vscode-foreground)', fontSize: '12px', fontFamily: 'var(--vscode-font-family)' },
      x: { type: 'utc', domain, grid: true, label: null, clamp: false },
      // A lane packed into several rows is named on its first; no tick marks, so the rows under it read as its own, not as unnamed lanes.
      y: { domain: keys, label: null, padding: 0.15, tickSize: 0, tickFormat: (k: string) => (k.endsWith('\u00000') ? k.slice(0, -2) : '') },
      color: { domain: types, scheme: 'observable10' },
      clip: true,
      marks: [
        Plot.barX(bars, { x1: 'from', x2: 'to', y: 'lane', fill: 'type', fillOpacity: (r: Row) => (r.suggested ? 0.45 : 0.85), stroke: 'currentColor', strokeOpacity: 0.4, title: describe, className: 'fm-span', insetTop: 2, insetBottom: 2 }),
        Plot.dot(points, { x: 'mid', y: 'lane', fill: 'type', fillOpacity: (r: Row) => (r.suggested ? 0.55 : 1), stroke: 'currentColor', r: 6, title: describe, className: 'fm-point' }),
        Plot.barX(crowdMarks, { x1: 'x1', x2: 'x2', y: 'lane', fill: 'currentColor', fillOpacity: 0.12, stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '3 2', title: describeCrowd, className: 'fm-crowd', insetTop: 2, insetBottom: 2 }),
        Plot.text(crowdMarks, { x: 'x1', y: 'lane', text: 'count', textAnchor: 'start', dx: 4, fill: 'currentColor', className: 'fm-crowd-count', pointerEvents: 'none' }),
      ],
    });
    chart.append(plot);
    label(plot, 'span', bars);
    label(plot, 'point', points);
    labelCrowds(plot, crowds);
    // The list of a crowd clicked before follows the redraw (a filter, a zoom), or goes with the crowd.
    listCrowd(listedCrowd && crowds.find((c) => c.lane === listedCrowd!.lane && c.from === listedCrowd!.from));
    zoomable(plot as unknown as SVGSVGElement & { scale(name: 'x'): { invert(x: number): number; apply(v: number): number } }, domain);
  }
}

/**
 * Makes each drawn item an addressable, focusable element: data attributes (the tests read the
 * rendered SVG through them), hover and focus show the sentence, click and Enter reveal it.
 */
function label(plot: Element, mark: string, rows: Row[]): void {
  const group = plot.querySelector(`g.fm-${mark}`);
  if (!group) return;
  for (const node of Array.from(group.querySelectorAll('rect, path, circle'))) {
    const index = (node as unknown as { __data__?: number }).__data__;
    const row = typeof index === 'number' ? rows[index] : undefined;
    if (!row) continue;
    node.setAttribute('data-key', row.key);
    node.setAttribute('data-label', row.label);
    node.setAttribute('data-from', isoDay(row.from));
    node.classList.add('item');
    actionable(node, () => describe(row), () => reveal(row));
  }
}

/** A mark the keyboard reaches: hover and focus tell `tell()` under the chart, click and Enter `act()`. */
function actionable(node: Element, tell: () => string, act: () => void): void {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  const show = () => (detail.textContent = tell());
  node.addEventListener('pointerenter', show);
  node.addEventListener('focus', show);
  node.addEventListener('click', act);
  node.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && act());
}

/** A crowd's mark: its count read out, hover and focus tell what it holds, click and Enter list it. */
function labelCrowds(plot: Element, crowds: Crowd[]): void {
  const group = plot.querySelector('g.fm-crowd');
  if (!group) return;
  for (const node of Array.from(group.querySelectorAll('rect'))) {
    const index = (node as unknown as { __data__?: number }).__data__;
    const crowd = typeof index === 'number' ? crowds[index] : undefined;
    if (!crowd) continue;
    node.setAttribute('data-count', String(crowd.items.length));
    node.setAttribute('data-label', `${crowd.items.length} more`);
    node.setAttribute('data-from', isoDay(crowd.from));
    node.setAttribute('aria-label', describeCrowd(crowd));
    node.classList.add('crowd');
    actionable(node, () => describeCrowd(crowd), () => listCrowd(crowd));
  }
}

/** Wheel zooms around the pointer, dragging pans; the range is kept in the state. */
function zoomable(plot: SVGSVGElement & { scale(name: 'x'): { invert(x: number): number } }, domain: [number, number]): void {
  const x = plot.scale('x');
  const at = (e: MouseEvent) => {
    const box = plot.getBoundingClientRect();
    return x.invert(((e.clientX - box.left) * plot.viewBox.baseVal.width) / box.width);
  };
  plot.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const t = at(e);
      const k = Math.exp(e.deltaY * 0.002);
      state.domain = [t - (t - domain[0]) * k, t + (domain[1] - t) * k];
      save();
      draw();
    },
    { passive: false },
  );
  let dragFrom: number | undefined;
  plot.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).classList.contains('item') || (e.target as Element).classList.contains('crowd')) return;
    dragFrom = at(e);
    plot.setPointerCapture(e.pointerId);
  });
  plot.addEventListener('pointerup', (e) => {
    if (dragFrom === undefined) return;
    const shift = dragFrom - at(e);
    dragFrom = undefined;
    if (Math.abs(shift) < (domain[1] - domain[0]) / 500) return;
    state.domain = [domain[0] + shift, domain[1] + shift];
    save();
    draw();
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type: string; bytes?: Uint8Array; scope: unknown; title: string; filter?: SharedFilterState; types?: TypeChoice[]; grouping?: string };
  // The commands Factmark: Fit Timeline and Group Timeline By… do what the header's controls do.
  if (m.type === 'fit') {
    reset.click();
    return;
  }
  if (m.type === 'group' && ['type', 'entity', 'document'].includes(m.grouping ?? '')) {
    grouping.value = m.grouping!;
    readControls();
    return;
  }
  if (m.type === 'filter' && m.filter) {
    setShared(m.filter);
    writeControls();
    return;
  }
  if (m.type === 'list') {
    unplacedList.take((m as { page?: never }).page);
    return;
  }
  if (m.type !== 'data') return;
  const view = readData<TimelineView>(m);
  items = view.items;
  types = [...new Set(items.map((i) => i.type))].sort();
  unplacedList.take(view.unplaced, true);
  title = m.title;
  state.scope = m.scope;
  noteScope(m.scope);
  if (m.filter) setShared(m.filter);
  save();
  writeControls(m.types);
  draw();
});
onThemeChange(draw);
window.addEventListener('resize', () => draw());
// The filter saved with the page goes back to the extension: after a reload it is everyone's again.
const f = state.filter;
vscode.postMessage({ type: 'ready', filter: { text: f.text ?? '', types: f.types ?? [], from: f.from ?? '', to: f.to ?? '' } });
