/**
 * The places of some documents, for the map: every PLACE mention (annotation or undecided
 * suggestion) with its gazetteer link — the one stored in the annotation's `kb` field, else the
 * automatic one when it is clear — and the places as dots with their mentions. Mentions that are
 * ambiguous or unknown to the gazetteer are kept apart, never placed by a guess.
 */
import { sentenceFinder, visibleAnnotations } from '../facts';
import type { Annotation, Mention, Span } from '../model';
import { dateRange, extentOf, isPlaced, type Contexts } from '../timeline';
import { runAll, type Steps } from '../slices';
import type { Gazetteer, Place } from './gazetteer';
import { isPlaceId, linkPlace, namedCountries, type Link, type LinkStatus, type PlaceContext } from './link';

/** One document as the map sees it. */
export interface PlaceDocument {
  uri: string;
  name: string;
  /** The text; absent for an article the workspace index holds (not open): then `contexts` are quoted. */
  text?: string;
  /** Without `text`: the words around each annotation, by id (the index keeps them). */
  contexts?: Contexts;
  /** The article's own date (TIMEX3), for a date range in the shared filter. */
  documentDate?: string;
  annotations: readonly Annotation[];
  suggestions?: readonly Mention[];
  orphans?: ReadonlySet<string>;
}

/** A PLACE mention and where it links. */
export interface PlaceMention {
  uri: string;
  document: string;
  /** The annotation's id; undefined for a suggestion. */
  id?: string;
  start: number;
  end: number;
  text: string;
  /** Its sentence. */
  quote: string;
  /** Where that sentence is in the text: what a click on the mention's dot selects in the editor. */
  sentence: Span;
  suggested: boolean;
  /** `stored`: linked by the user (kb); `linked`: clear automatic link; else why it is not on the map. */
  status: 'stored' | LinkStatus;
  place?: Place;
  /** How many candidates the gazetteer has for the name. */
  candidates: number;
  /** Its article's date, if it has one. */
  documentDate?: string;
}

/** A dot on the map: a place and its mentions. */
export interface MapPoint {
  place: Place;
  mentions: PlaceMention[];
}

export interface PlaceMap {
  points: MapPoint[];
  /** Mentions not on the map: ambiguous names and names the gazetteer does not know. */
  apart: PlaceMention[];
  /** Counts by status, over all mentions. */
  counts: Record<PlaceMention['status'], number>;
}

/** Without the text: its annotations with the words around them, which is what names the countries the article is about. */
function contextText(doc: PlaceDocument): string {
  return doc.annotations.map((a) => {
    const around = doc.contexts?.get(a.id);
    return around ? `${around.before} ${a.text} ${around.after}` : a.text;
  }).join('\n');
}

/** Each document's mentions, as linked with one gazetteer; see `placeMentions`. */
const perDocument = new WeakMap<PlaceDocument, { gazetteer: Gazetteer; mentions: PlaceMention[] }>();

/**
 * The PLACE mentions of one document with their links. Remembered per document object, as the
 * timeline's entries are (see documentTimeline in ../timeline/items.ts): a redraw of the whole
 * workspace links only the articles that changed.
 */
export function placeMentions(doc: PlaceDocument, gazetteer: Gazetteer): PlaceMention[] {
  const found = perDocument.get(doc);
  if (found?.gazetteer === gazetteer) return found.mentions;
  const mentions = linkMentions(doc, gazetteer);
  perDocument.set(doc, { gazetteer, mentions });
  return mentions;
}

function linkMentions(doc: PlaceDocument, gazetteer: Gazetteer): PlaceMention[] {
  // The countries the article names only rank a name that several places share, and only the
  // countries of its candidates matter: looked for then (reading the whole text for every country
  // of every article was most of the map's time).
  let context: PlaceContext | undefined;
  const none: PlaceContext = { countries: new Set() };
  const links = new Map<string, Link>();
  const link = (name: string): Link => {
    let found = links.get(name);
    if (!found) {
      const ambiguous = gazetteer.lookup(name).length > 1;
      // Without the text, the countries named around its annotations.
      if (ambiguous) context ??= { countries: namedCountries(doc.text ?? contextText(doc), gazetteer) };
      found = linkPlace(name, gazetteer, ambiguous ? context! : none);
      links.set(name, found);
    }
    return found;
  };
  const text = doc.text;
  const sentence = text !== undefined ? sentenceFinder(text) : undefined;
  // Mentions of one sentence share its quote and span (one string, not one per mention).
  const quotes = new Map<number, { quote: string; sentence: Span }>();
  const quote = (m: Span & { id?: string; text: string }): { quote: string; sentence: Span } => {
    if (!sentence || text === undefined) {
      // Not open: the words the index keeps around it, and a click selects the name itself.
      const around = m.id !== undefined ? doc.contexts?.get(m.id) : undefined;
      return { quote: around ? `${around.before}${m.text}${around.after}` : m.text, sentence: { start: m.start, end: m.end } };
    }
    const s = sentence(m.start);
    let q = quotes.get(s.start);
    if (q === undefined) {
      const said = text.slice(s.start, s.end);
      // Most sentences have no run of spaces or line break to flatten: skip the replace (thousands of articles).
      quotes.set(s.start, (q = { quote: /\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/.test(said) ? said.replace(/\s+/g, ' ') : said, sentence: s }));
    }
    return q;
  };
  const orphans = doc.orphans ?? new Set<string>();
  const found: Array<{ id?: string; start: number; end: number; text: string; kb?: string; suggested: boolean }> = [];
  for (const a of visibleAnnotations(doc.annotations)) {
    if (a.type === 'PLACE' && !orphans.has(a.id)) found.push({ id: a.id, start: a.start, end: a.end, text: a.text, kb: a.kb, suggested: a.status === 'suggested' });
  }
  for (const m of doc.suggestions ?? []) if (m.type === 'PLACE') found.push({ start: m.start, end: m.end, text: m.text, suggested: true });
  found.sort((a, b) => a.start - b.start);
  // One object per mention, built in one go: the map of thousands of articles made most of its time
  // in garbage from spreading intermediate objects.
  const out: PlaceMention[] = new Array<PlaceMention>(found.length);
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    const q = quote(m);
    const stored = isPlaceId(m.kb) ? gazetteer.get(m.kb) : undefined;
    const linked = link(m.text);
    out[i] = {
      uri: doc.uri,
      document: doc.name,
      id: m.id,
      start: m.start,
      end: m.end,
      text: m.text,
      quote: q.quote,
      sentence: q.sentence,
      suggested: m.suggested,
      documentDate: doc.documentDate,
      status: stored ? 'stored' : linked.status,
      place: stored ?? linked.place,
      candidates: linked.candidates.length,
    };
  }
  return out;
}

/** Documents linked between two pauses of `placeMapSteps`. */
const DOCUMENTS_PER_STEP = 64;

/** The map of some documents as steps (see ../slices), for the extension to run in slices. */
export function* placeMapSteps(docs: readonly PlaceDocument[], gazetteer: Gazetteer): Steps<PlaceMap> {
  const byPlace = new Map<string, MapPoint>();
  const apart: PlaceMention[] = [];
  const counts = { stored: 0, linked: 0, ambiguous: 0, unmatched: 0 };
  for (let d = 0; d < docs.length; d++) {
    for (const m of placeMentions(docs[d], gazetteer)) {
      counts[m.status]++;
      if (!m.place) {
        apart.push(m);
        continue;
      }
      const point = byPlace.get(m.place.id);
      if (point) point.mentions.push(m);
      else byPlace.set(m.place.id, { place: m.place, mentions: [m] });
    }
    if (d % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
  }
  const points = [...byPlace.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.place.name.localeCompare(b.place.name));
  return { points, apart, counts };
}

/** The map of some documents: dots by place (most mentioned first), and the mentions kept apart. */
export function placeMap(docs: readonly PlaceDocument[], gazetteer: Gazetteer): PlaceMap {
  return runAll(placeMapSteps(docs, gazetteer));
}

/** What the map is narrowed to: the Factmark view's text and type filter and the timeline's date range, shared. */
export interface PlaceFilter {
  /** Keep mentions whose text, place name, country or gazetteer id contains this (case-insensitive). */
  text?: string;
  /** The view's type filter: the map shows places, so anything but an empty list or one with `PLACE` hides them all. */
  types?: readonly string[];
  /**
   * Keep mentions of articles dated in [from, to] (TIMEX3 calendar values). Mentions of an article
   * without a date are kept: there is nothing to judge them by (the timeline keeps its undated entries too).
   */
  from?: string;
  to?: string;
}

/** What the map's filter judges a mention by: its text, its place and its article's date. */
export type Judged = Pick<PlaceMention, 'text' | 'place' | 'documentDate'>;

/** Whether a mention passes `filter`. */
export function placeFilter(filter: PlaceFilter): (m: Judged) => boolean {
  const needle = filter.text?.trim().toLowerCase() ?? '';
  const { lo, hi } = dateRange(filter);
  const places = !filter.types?.length || filter.types.includes('PLACE');
  // Thousands of mentions share a few article dates: each is read once.
  const dates = new Map<string, boolean>();
  const inRange = (d: string): boolean => {
    let kept = dates.get(d);
    if (kept === undefined) {
      const date = extentOf(d);
      dates.set(d, (kept = !isPlaced(date) || (date.end > lo && date.start < hi)));
    }
    return kept;
  };
  return (m) => {
    if (!places) return false;
    if (needle && ![m.text, m.place?.name, m.place?.country, m.place?.id].some((f) => f?.toLowerCase().includes(needle))) return false;
    return !m.documentDate || inRange(m.documentDate);
  };
}

/** The map with only the mentions that pass `filter`: dots lose mentions (and go when none is left), counts follow. */
export function filterPlaceMap(map: PlaceMap, filter: PlaceFilter): PlaceMap {
  const keeps = placeFilter(filter);
  const counts = { stored: 0, linked: 0, ambiguous: 0, unmatched: 0 };
  const points: MapPoint[] = [];
  for (const p of map.points) {
    const mentions = p.mentions.filter(keeps);
    if (mentions.length) points.push({ place: p.place, mentions });
    for (const m of mentions) counts[m.status]++;
  }
  const apart = map.apart.filter(keeps);
  for (const m of apart) counts[m.status]++;
  points.sort((a, b) => b.mentions.length - a.mentions.length || a.place.name.localeCompare(b.place.name));
  return { points, apart, counts };
}
