/** From a sidecar (or a live model) and its document's text to an index entry. */

import { detectDocumentDate, detectDocumentDateFromName } from '../dates';
import type { AnnotatedDocument } from '../model';
import { LineStarts } from '../lines';
import { OffsetMap } from '../offsets';
import { loadAnnotations, type LoadedAnnotations } from '../sidecar/load';
import type { SidecarData } from '../sidecar/types';
import type { IndexedDocument, IndexedFact, IndexedMention, IndexedSpan } from './types';

/** Characters of context kept on each side of a mention. */
const CONTEXT = 40;

/**
 * The entry of a document from its sidecar's data and its text as it is now. The stored offsets
 * are used as they are when every quote still sits there (the usual case, and cheap); otherwise
 * the sidecar is re-anchored on the text as the store does. Orphans are left out, as everywhere.
 */
export function indexSidecar(key: string, name: string, data: SidecarData, text: string, loaded?: LoadedAnnotations): IndexedDocument {
  // `loaded`: the sidecar already anchored on `text` (in a worker, when its offsets do not hold).
  const model = loaded ? modelOf(loaded) : (storedModel(data, text) ?? modelOf(loadAnnotations(data, text)));
  // The name first: a date in it (`APW19980213.1310.txt`) costs nothing to read; the dateline needs the date parser.
  const date = data.document.date ?? detectDocumentDateFromName(name) ?? detectDocumentDate(text);
  return indexModel(key, name, model.document, text, model.orphans, date);
}

/** The entry of a document from a model (UTF-16 offsets into `text`), leaving out `orphans`. */
export function indexModel(key: string, name: string, model: AnnotatedDocument, text: string, orphans?: ReadonlySet<string>, date?: string): IndexedDocument {
  const lines = new LineStarts(text);
  const at = (start: number, end: number): IndexedSpan => {
    const first = lines.lineOf(start);
    const last = lines.lineOf(end);
    return { start, end, line: first.line, character: start - first.start, endLine: last.line, endCharacter: end - last.start };
  };
  const mentions: IndexedMention[] = [];
  const entityOf = new Map<string, string>();
  const typeOf = new Map<string, string>();
  for (const a of model.annotations) {
    if (orphans?.has(a.id)) continue;
    const { line, start: lineStart } = lines.lineOf(a.start);
    const lineEnd = lines.startOf(line + 1) ?? text.length;
    const m: IndexedMention = {
      doc: key,
      id: a.id,
      type: a.type,
      status: a.status,
      text: a.text,
      ...at(a.start, a.end),
      before: clip(text.slice(Math.max(lineStart, a.start - CONTEXT), a.start), 'start'),
      after: clip(text.slice(a.end, Math.min(lineEnd, a.end + CONTEXT)).replace(/\r?\n$|\r$/, ''), 'end'),
    };
    if (a.value !== undefined) m.value = a.value;
    if (a.kb !== undefined) m.kb = a.kb;
    if (a.entity !== undefined) {
      m.entity = a.entity;
      if (a.status !== 'rejected') entityOf.set(a.id, a.entity);
    }
    typeOf.set(a.id, a.type);
    mentions.push(m);
  }
  const facts: IndexedFact[] = [];
  for (const f of model.facts) {
    if (orphans?.has(f.id)) continue;
    const linked = f.entities.filter((id) => !orphans?.has(id));
    const fact: IndexedFact = { doc: key, id: f.id, label: f.label, text: f.text, ...at(f.start, f.end), mentions: linked, entities: unique(linked.map((id) => entityOf.get(id)).filter((e): e is string => !!e)), types: unique(linked.map((id) => typeOf.get(id)).filter((t): t is string => !!t)) };
    if (f.date !== undefined) fact.date = f.date;
    facts.push(fact);
  }
  const doc: IndexedDocument = { key, name, mentions, facts };
  const d = date ?? model.documentDate;
  if (d !== undefined) doc.date = d;
  return doc;
}

/** The stored offsets as a model, or undefined when a quote no longer sits at its offsets. */
function storedModel(data: SidecarData, text: string): { document: AnnotatedDocument; orphans: Set<string> } | undefined {
  const map = new OffsetMap(text);
  const orphans = new Set<string>();
  const place = (a: { id: string; start: number; end: number; quote: string; orphaned?: boolean }) => {
    if (a.orphaned) {
      orphans.add(a.id);
      return { start: 0, end: 0, text: a.quote };
    }
    const start = map.toUtf16(a.start);
    const end = map.toUtf16(a.end);
    return text.slice(start, end) === a.quote ? { start, end, text: a.quote } : undefined;
  };
  const document: AnnotatedDocument = { path: data.document.path, annotations: [], facts: [] };
  for (const a of data.annotations) {
    const p = place(a);
    if (!p) return undefined;
    const out: AnnotatedDocument['annotations'][number] = { id: a.id, type: a.type, status: a.status, ...p };
    if (a.value !== undefined) out.value = a.value;
    if (a.kb !== undefined) out.kb = a.kb;
    if (a.entity !== undefined) out.entity = a.entity;
    document.annotations.push(out);
  }
  for (const f of data.facts) {
    const p = place(f);
    if (!p) return undefined;
    const out: AnnotatedDocument['facts'][number] = { id: f.id, label: f.label, entities: f.entities, ...p };
    if (f.date !== undefined) out.date = f.date;
    document.facts.push(out);
  }
  return { document, orphans };
}

function modelOf(loaded: LoadedAnnotations): { document: AnnotatedDocument; orphans: Set<string> } {
  return { document: loaded.document, orphans: new Set(loaded.orphans.keys()) };
}

/** Whether every stored quote still sits at its offsets in `text`: then indexing the sidecar anchors nothing. */
export function offsetsHold(data: SidecarData, text: string): boolean {
  return storedModel(data, text) !== undefined;
}

/** Context cut at a word boundary, whitespace runs folded. */
function clip(s: string, side: 'start' | 'end'): string {
  let out = s.replace(/\s+/g, ' ');
  if (out.length >= CONTEXT - 1) {
    const cut = side === 'start' ? out.indexOf(' ') : out.lastIndexOf(' ');
    if (cut > 0 && cut < out.length - 1) out = side === 'start' ? out.slice(cut + 1) : out.slice(0, cut);
    out = side === 'start' ? `…${out}` : `${out}…`;
  }
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
