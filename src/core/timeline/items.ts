/**
 * A timeline from annotations: every dated fact and every dated mention of the given documents, placed
 * on one time axis with an honest extent (see ./extent.ts), and the ones that cannot be placed listed
 * apart with the reason. Pure: the extension and tests feed it documents, the webview draws the result.
 */
import { sentenceFinder, visibleAnnotations } from '../facts';
import type { Annotation, Fact, Mention, Span } from '../model';
import { anchoredDuration, extentOf, isPlaced, isPoint, type Extent, type Precision } from './extent';
import type { Contexts } from './fromIndex';
import { runAll, type Steps } from '../slices';

/** One document as the timeline sees it. */
export interface TimelineDocument {
  /** The document's URI (as a string): what a click reveals. */
  uri: string;
  /** A short name to show (the file name). */
  name: string;
  /** The document's own date: the anchor of "the last seven years". */
  documentDate?: string;
  /** The text, to quote the sentence around a date; without it the date's own text is quoted. */
  text?: string;
  annotations: readonly Annotation[];
  facts: readonly Fact[];
  /** Undecided suggestions (a date the recogniser found and nobody has confirmed yet). */
  suggestions?: readonly Mention[];
  /** Ids whose text was deleted: they have no place in the text to reveal. */
  orphans?: ReadonlySet<string>;
  /**
   * Without `text` (an article the workspace index holds, not open): the words around each
   * annotation. A date is quoted with them, and the names among them are what it is about.
   */
  contexts?: Contexts;
}

/** What is common to placed and unplaced entries. */
export interface TimelineEntry extends Span {
  /** Unique in a timeline: `uri#id` (or `uri#start-end` for a suggestion). */
  key: string;
  uri: string;
  document: string;
  kind: 'fact' | 'date';
  /** A fact's label (`meeting`, `event`), or `DATE` for a dated mention. */
  type: string;
  /** True for an undecided suggestion of the recogniser. */
  suggested: boolean;
  /** The TIMEX3 value it was placed by (or failed to be). */
  value: string;
  /** A short label: the date as written, or the start of the fact. */
  label: string;
  /** The sentence it comes from (the fact's own text for a fact). */
  quote: string;
  /** Where `quote` is in the text: what a click selects in the editor (the date's own span without a text). */
  sentence: Span;
  /** Names of the entities it is about: a fact's linked entities; for a date, the names in its sentence. */
  entities: string[];
  /** The types of those entities (`PERSON`, `PLACE`, …), for the Factmark view's type filter. */
  entityTypes: string[];
}

/** An entry placed on the axis. */
export interface TimelineItem extends TimelineEntry {
  /** Start and end (exclusive) of its extent, ms since 1970 UTC. */
  from: number;
  to: number;
  precision: Precision;
  /** A day or finer: drawn as a point; otherwise as a bar. */
  point: boolean;
}

/** An entry that cannot be placed, and why. */
export interface UnplacedEntry extends TimelineEntry {
  reason: string;
}

export interface Timeline {
  /** Placed entries in time order (start, then shorter first, then document and position). */
  items: TimelineItem[];
  /** Entries listed apart, in document order. */
  unplaced: UnplacedEntry[];
}

const NAME_TYPES = (type: string) => type !== 'DATE';

/** Places one dated thing: a calendar value, or a duration anchored by its wording. */
function place(value: string | undefined, wording: string, documentDate: string | undefined): Extent | { reason: string } {
  if (value && /^P/.test(value)) return anchoredDuration(value, wording, documentDate);
  return extentOf(value);
}

function flat(text: string): string {
  // Most texts have no run of spaces or line break to flatten: skip the replace (thousands of articles).
  return (/\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** The entries of one document, each given to `add` with where it is on the axis (or why it is not). */
function entriesOf(doc: TimelineDocument, add: (entry: TimelineEntry, extent: Extent | { reason: string }) => void): void {
  const orphans = doc.orphans ?? new Set<string>();
  const annotations = visibleAnnotations(doc.annotations).filter((a) => !orphans.has(a.id));
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const names: Array<Span & { text: string; type: string }> = [
    ...annotations.filter((a) => NAME_TYPES(a.type)),
    ...(doc.suggestions ?? []).filter((m) => NAME_TYPES(m.type)),
  ];
  const finder = doc.text ? sentenceFinder(doc.text) : undefined;
  const sentenceOf = (span: Span): Span => (finder ? finder(span.start) : span);
  // Names in text order, so the names of a sentence are found by a binary search, not a pass over all.
  names.sort((a, b) => a.start - b.start);
  const namesIn = (span: Span): Array<{ text: string; type: string }> => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const found: Array<{ text: string; type: string }> = [];
    for (let i = lo; i < names.length && names[i].start < span.end; i++) if (names[i].end <= span.end) found.push(names[i]);
    return found;
  };
  const namesOf = (found: ReadonlyArray<{ text: string; type: string }>) => ({
    entities: [...new Set(found.map((n) => n.text))],
    entityTypes: [...new Set(found.map((n) => n.type))],
  });
  // The dates of one sentence share its quote and names (computed once, not once per date).
  const bySentence = new Map<number, { quote: string; sentence: Span; entities: string[]; entityTypes: string[] }>();
  const sentenceData = (d: Span & { text: string; id?: string }) => {
    if (!doc.text) {
      const around = d.id !== undefined ? doc.contexts?.get(d.id) : undefined;
      // The words kept around it stand for its sentence; a click selects the date itself.
      const window = around ? { start: d.start - around.before.length, end: d.end + around.after.length } : d;
      // The index keeps the words around with their spaces flattened already: only the date's own text may need it.
      return { quote: around ? (around.before + flat(d.text) + around.after).trim() : flat(d.text), sentence: { start: d.start, end: d.end }, ...namesOf(namesIn(window)) };
    }
    const sentence = sentenceOf(d);
    let found = bySentence.get(sentence.start);
    if (!found) bySentence.set(sentence.start, (found = { quote: flat(doc.text.slice(sentence.start, sentence.end)), sentence, ...namesOf(namesIn(sentence)) }));
    return found;
  };

  for (const f of doc.facts) {
    if (orphans.has(f.id)) continue;
    const linked = f.entities.map((id) => byId.get(id)).filter((a): a is Annotation => !!a);
    // A fact without a date of its own takes the first dated entity it links.
    const value = f.date ?? linked.find((a) => a.type === 'DATE' && a.value)?.value;
    const wording = linked.find((a) => a.type === 'DATE' && a.value === value)?.text ?? f.text;
    const names = namesOf(linked.filter((a) => NAME_TYPES(a.type)));
    const quote = flat(f.text);
    const entry: TimelineEntry = {
      key: `${doc.uri}#${f.id}`,
      uri: doc.uri,
      document: doc.name,
      kind: 'fact',
      type: f.label,
      suggested: false,
      value: value ?? '',
      label: quote.slice(0, 60),
      quote,
      sentence: { start: f.start, end: f.end },
      entities: names.entities,
      entityTypes: names.entityTypes,
      start: f.start,
      end: f.end,
    };
    add(entry, place(value, wording, doc.documentDate));
  }
  const dates: Array<{ id?: string; start: number; end: number; text: string; value?: string; suggested: boolean }> = [];
  for (const a of annotations) if (a.type === 'DATE') dates.push({ id: a.id, start: a.start, end: a.end, text: a.text, value: a.value, suggested: a.status === 'suggested' });
  for (const m of doc.suggestions ?? []) if (m.type === 'DATE') dates.push({ start: m.start, end: m.end, text: m.text, value: m.value, suggested: true });
  for (const d of dates) {
    const s = sentenceData(d);
    const entry: TimelineEntry = {
      key: `${doc.uri}#${d.id ?? `${d.start}-${d.end}`}`,
      uri: doc.uri,
      document: doc.name,
      kind: 'date',
      type: 'DATE',
      suggested: d.suggested,
      value: d.value ?? '',
      label: flat(d.text),
      quote: s.quote,
      sentence: s.sentence,
      entities: s.entities,
      entityTypes: s.entityTypes,
      start: d.start,
      end: d.end,
    };
    add(entry, place(d.value, d.text, doc.documentDate));
  }
}

/** What one document gives the timeline; see `documentTimeline`. */
const perDocument = new WeakMap<TimelineDocument, Timeline>();

/**
 * The entries of one document, placed or not (in document order). Remembered per document object:
 * the workspace index replaces an article's entry when its sidecar changes and never changes one in
 * place, so a redraw of the whole workspace rebuilds only the articles that changed. An open
 * article is read afresh for every redraw (a new object), so it is never taken from here stale.
 */
export function documentTimeline(doc: TimelineDocument): Timeline {
  let found = perDocument.get(doc);
  if (!found) {
    const items: TimelineItem[] = [];
    const unplaced: UnplacedEntry[] = [];
    // Each entry is new: completed in place rather than copied (tens of thousands for a large workspace).
    entriesOf(doc, (entry, extent) => {
      if (isPlaced(extent)) {
        items.push(Object.assign(entry, { from: extent.start, to: extent.end, precision: extent.precision, point: isPoint(extent.precision) }));
      } else {
        unplaced.push(Object.assign(entry, { reason: extent.reason }));
      }
    });
    perDocument.set(doc, (found = { items, unplaced }));
  }
  return found;
}

/** Documents read between two pauses of `timelineSteps` (a few milliseconds' work). */
const DOCUMENTS_PER_STEP = 64;

/**
 * The timeline of some documents as steps (see ../slices): the extension runs them in slices, so
 * that the timeline of thousands of articles does not hold the extension host in one piece.
 */
export function* timelineSteps(docs: readonly TimelineDocument[]): Steps<Timeline> {
  const items: TimelineItem[] = [];
  const unplaced: UnplacedEntry[] = [];
  for (let d = 0; d < docs.length; d++) {
    const own = documentTimeline(docs[d]);
    for (const i of own.items) items.push(i);
    for (const u of own.unplaced) unplaced.push(u);
    if (d % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
  }
  yield;
  // Documents compared by their rank in name order, found once: tens of thousands of entries compared
  // with localeCompare took most of the time of thousands of articles.
  const names = [...new Set(docs.map((d) => d.name))].sort((a, b) => a.localeCompare(b));
  const rank = new Map(names.map((n, i) => [n, i]));
  const byDocument = (a: TimelineEntry, b: TimelineEntry) => rank.get(a.document)! - rank.get(b.document)!;
  items.sort((a, b) => a.from - b.from || a.to - b.to || byDocument(a, b) || a.start - b.start);
  yield;
  unplaced.sort((a, b) => byDocument(a, b) || a.start - b.start);
  return { items, unplaced };
}

/** The timeline of some documents, in one go. */
export function buildTimeline(docs: readonly TimelineDocument[]): Timeline {
  return runAll(timelineSteps(docs));
}
