/**
 * W3C Web Annotation import: a collection (with an embedded `first` page), a page, an array or a single
 * annotation. Each target is re-checked against the document: the TextPositionSelector must hold the
 * TextQuoteSelector's `exact`; if not, `exact` is looked for with its prefix and suffix.
 */
import type { Annotation } from '../model';
import { OffsetMap } from '../offsets';
import { ImportCollector } from './importing';
import { kbFromIri } from './names';
import { jsonDepthExceeds, MAX_IMPORT_CHARS, MAX_JSON_DEPTH, tooLarge } from './limits';
import type { ImportOptions, ImportResult } from './types';
import { SUGGESTION_CREATOR } from './w3c';
import { chooseSource } from './w3cDocuments';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parsed {
  iri: string;
  motivation: string[];
  bodies: JsonObject[];
  bodyValue?: string;
  source?: string;
  /** The `dcterms:date` the target's source gives: the document's own date. */
  sourceDate?: string;
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
  /** Made by Factmark's recognisers and not reviewed (see w3c.ts `SUGGESTION_CREATOR`). */
  suggested?: boolean;
}

/** Parses W3C Web Annotation JSON-LD against the text of the document it annotates. */
export function importW3c(content: string, text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector(text);
  if (content.length > MAX_IMPORT_CHARS) return tooLarge(out, content.length);
  if (jsonDepthExceeds(content)) {
    out.problem({ kind: 'syntax', reason: `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels; not a W3C annotation file`, imported: false });
    return out.result();
  }
  let json: Json;
  try {
    json = JSON.parse(content) as Json;
  } catch (e) {
    out.problem({ kind: 'syntax', reason: `not JSON: ${(e as Error).message}`, imported: false });
    return out.result();
  }
  const items = annotationItems(json, out);
  // an empty collection or page is a file with no annotations; anything else that yields none is no W3C file
  const container = isObject(json) && asArray(json.type).some((t) => t === 'AnnotationCollection' || t === 'AnnotationPage');
  if (items.length === 0 && out.problems.length === 0 && !container) {
    out.problem({ kind: 'syntax', reason: 'the file holds no W3C annotation (expected an AnnotationCollection, an AnnotationPage, an Annotation or an array of them)', imported: false });
  }
  const parsed = items.map((item, i) => parseAnnotation(item, i));
  const wanted = pickDocument(parsed, options, out);
  const dated = wanted.find((p) => p.sourceDate !== undefined);
  if (dated?.sourceDate !== undefined) out.documentDateFound(dated.sourceDate, { ref: dated.iri });
  const map = new OffsetMap(text);
  const byIri = new Map<string, Annotation>();
  const facts: Parsed[] = [];

  for (const p of wanted) {
    if (isFact(p)) {
      facts.push(p);
      continue;
    }
    const span = anchorTarget(out, map, p);
    if (!span) continue;
    const tag = purposed(p, 'tagging')[0] ?? purposed(p, 'classifying')[0];
    const type = tag ? bodyText(tag) : undefined;
    if (!type) out.problem({ kind: 'unsupported', reason: `${p.iri} has no tagging body; imported as MISC`, ref: p.iri, imported: true });
    const a = out.addAnnotation(span, type ?? 'MISC', isSuggested(p) ? 'suggested' : (options.status ?? 'confirmed'));
    const identifying = purposed(p, 'identifying')[0];
    if (identifying) a.kb = identifying.type === 'SpecificResource' ? kbFromIri(bodyText(identifying) ?? '') : bodyText(identifying);
    const describing = purposed(p, 'describing')[0];
    if (describing) a.value = bodyText(describing);
    const note = noteOf(p);
    if (note !== undefined) a.note = note;
    reportUnused(out, p, [tag, identifying, describing, purposed(p, 'commenting')[0]]);
    byIri.set(p.iri, a);
  }

  for (const p of facts) {
    const span = anchorTarget(out, map, p);
    if (!span) continue;
    const entities: string[] = [];
    for (const link of purposed(p, 'linking')) {
      const a = byIri.get(bodyText(link) ?? '');
      if (a) entities.push(a.id);
      else out.problem({ kind: 'dangling', reason: `${p.iri} links ${bodyText(link)}, which was not imported; link left out`, ref: p.iri, imported: false });
    }
    const tag = purposed(p, 'tagging')[0];
    const f = out.addFact(span, bodyText(tag ?? {}) ?? 'fact', entities);
    const date = purposed(p, 'describing')[0];
    if (date) f.date = bodyText(date);
    const note = noteOf(p);
    if (note !== undefined) f.note = note;
    reportUnused(out, p, [tag, date, purposed(p, 'commenting')[0], ...purposed(p, 'linking')]);
  }
  return out.result();
}

/** The annotations inside whatever container the file holds. */
function annotationItems(json: Json, out: ImportCollector): JsonObject[] {
  if (Array.isArray(json)) {
    const objects = json.filter(isObject);
    if (objects.length < json.length) out.problem({ kind: 'syntax', reason: `${json.length - objects.length} items of the array are not annotation objects; not imported`, imported: false });
    return objects;
  }
  if (!isObject(json)) return [];
  const types = asArray(json.type);
  if (types.includes('AnnotationCollection')) {
    const first = json.first;
    if (isObject(first)) return annotationItems(first, out);
    if (first !== undefined) out.problem({ kind: 'unsupported', reason: 'collection pages given by IRI are not fetched; embed the first page', imported: false });
    return [];
  }
  if (types.includes('AnnotationPage')) {
    const items = Array.isArray(json.items) ? json.items : [];
    const refs = items.filter((i) => typeof i === 'string');
    if (refs.length > 0) out.problem({ kind: 'unsupported', reason: `${refs.length} annotations given by IRI are not fetched`, imported: false });
    return items.filter(isObject);
  }
  return 'target' in json ? [json] : [];
}

function parseAnnotation(item: JsonObject, index: number): Parsed {
  const iri = typeof item.id === 'string' ? item.id : `#${index + 1}`;
  const bodies = asArray(item.body).map((b) => (typeof b === 'string' ? { type: 'SpecificResource', source: b } : b)).filter(isObject);
  const p: Parsed = { iri, motivation: asArray(item.motivation).filter((m): m is string => typeof m === 'string'), bodies };
  if (typeof item.bodyValue === 'string') p.bodyValue = item.bodyValue;
  const creator = asArray(item.creator).find(isObject);
  if (creator && creator.id === SUGGESTION_CREATOR.id) p.suggested = true;
  const target = asArray(item.target).find((t) => typeof t === 'string' || isObject(t));
  if (typeof target === 'string') p.source = target;
  else if (isObject(target)) {
    p.source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : undefined;
    // A date as a string, or as a JSON-LD value object ({"@value": …, "@type": "xsd:dateTime"}); any
    // other value is passed on as written, to be reported as no date.
    const date = isObject(target.source) ? target.source['dcterms:date'] : undefined;
    if (typeof date === 'string') p.sourceDate = date;
    else if (isObject(date) && typeof date['@value'] === 'string') p.sourceDate = date['@value'];
    else if (date !== undefined) p.sourceDate = JSON.stringify(date);
    for (const s of asArray(target.selector).filter(isObject)) {
      if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') {
        p.quote = { exact: s.exact, ...(typeof s.prefix === 'string' ? { prefix: s.prefix } : {}), ...(typeof s.suffix === 'string' ? { suffix: s.suffix } : {}) };
      } else if (s.type === 'TextPositionSelector' && typeof s.start === 'number' && typeof s.end === 'number') {
        p.position = { start: s.start, end: s.end };
      }
    }
  }
  return p;
}

/** The annotations of the wanted document (see w3cDocuments.ts); the others are reported. */
function pickDocument(parsed: Parsed[], options: ImportOptions, out: ImportCollector): Parsed[] {
  const sources = [...new Set(parsed.map((p) => p.source).filter((s): s is string => s !== undefined))];
  const choice = chooseSource(sources, { ...(options.documentUri !== undefined ? { uri: options.documentUri } : {}), ...(options.documentName !== undefined ? { name: options.documentName } : {}) });
  const here = options.documentName ?? options.documentUri ?? 'this document';
  const list = (s: string[]) => s.slice(0, 3).join(', ') + (s.length > 3 ? ` and ${s.length - 3} more` : '');
  out.documents = { named: sources };
  if ('ambiguous' in choice) {
    out.problem({ kind: 'ambiguous', reason: `${choice.ambiguous.length} documents of the file match ${here} equally (${list(choice.ambiguous)}); none imported: import into a document whose path tells them apart`, imported: false });
    return parsed.filter((p) => p.source === undefined);
  }
  if ('none' in choice) {
    out.problem({ kind: 'other-document', reason: `the file has annotations of ${list(choice.none)}, none of ${here}; none imported`, imported: false });
    return parsed.filter((p) => p.source === undefined);
  }
  out.documents = { named: sources, ...(choice.source !== undefined ? { taken: choice.source } : {}) };
  const kept = parsed.filter((p) => p.source === undefined || p.source === choice.source);
  const others = new Map<string, number>();
  for (const p of parsed) if (p.source !== undefined && p.source !== choice.source) others.set(p.source, (others.get(p.source) ?? 0) + 1);
  for (const [source, n] of others) {
    out.problem({ kind: 'other-document', reason: `${n} annotation${n === 1 ? '' : 's'} of another document (${source}) not imported`, ref: source, imported: false });
  }
  return kept;
}

function isSuggested(p: Parsed): boolean {
  return p.suggested === true;
}

/** Reports the bodies Factmark has no place for (a second tag, other purposes, bare IRIs): never dropped silently. */
function reportUnused(out: ImportCollector, p: Parsed, used: (JsonObject | undefined)[]): void {
  const taken = new Set(used.filter((b): b is JsonObject => b !== undefined));
  for (const b of p.bodies) {
    if (taken.has(b)) continue;
    const purpose = asArray(b.purpose).filter((x) => typeof x === 'string').join(', ') || 'no purpose';
    const what = typeof b.value === 'string' ? `“${b.value.slice(0, 60)}”` : (bodyText(b) ?? JSON.stringify(b).slice(0, 60));
    out.problem({ kind: 'unsupported', reason: `body ${what} (${purpose}) of ${p.iri} not imported (Factmark keeps one tag, KB id, value and note)`, ref: p.iri, imported: false });
  }
}

function isFact(p: Parsed): boolean {
  return p.motivation.includes('linking') || purposed(p, 'linking').length > 0;
}

function anchorTarget(out: ImportCollector, map: OffsetMap, p: Parsed): { start: number; end: number } | undefined {
  if (!p.quote && !p.position) {
    out.problem({ kind: 'unsupported', reason: `${p.iri} has neither a TextQuoteSelector nor a TextPositionSelector`, ref: p.iri, imported: false });
    return undefined;
  }
  const start = p.position ? map.toUtf16(p.position.start) : 0;
  const end = p.position ? map.toUtf16(p.position.end) : 0;
  const context = { ...(p.quote?.prefix !== undefined ? { prefix: p.quote.prefix } : {}), ...(p.quote?.suffix !== undefined ? { suffix: p.quote.suffix } : {}) };
  const file = p.position ? { file: { start: p.position.start, end: p.position.end, unit: 'codepoints' as const } } : {};
  return out.anchor({ start, end, ...(p.quote ? { quote: p.quote.exact } : {}), context, ref: p.iri, hasOffsets: p.position !== undefined, ...file }, p.iri);
}

function purposed(p: Parsed, purpose: string): JsonObject[] {
  return p.bodies.filter((b) => asArray(b.purpose).includes(purpose));
}

function noteOf(p: Parsed): string | undefined {
  const b = purposed(p, 'commenting')[0];
  return b ? bodyText(b) : p.bodyValue;
}

/** A TextualBody's value or a SpecificResource's source IRI. */
function bodyText(b: JsonObject): string | undefined {
  if (typeof b.value === 'string') return b.value;
  if (typeof b.source === 'string') return b.source;
  if (isObject(b.source) && typeof b.source.id === 'string') return b.source.id;
  return typeof b.id === 'string' ? b.id : undefined;
}

function isObject(j: Json | undefined): j is JsonObject {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

function asArray(j: Json | undefined): Json[] {
  return j === undefined ? [] : Array.isArray(j) ? j : [j];
}
