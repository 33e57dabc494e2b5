/**
 * W3C Web Annotation Data Model export: one AnnotationCollection whose `first` page embeds every annotation
 * (model §5, Example 40). Each annotation targets a SpecificResource of the document with a TextQuoteSelector
 * (exact, 32 code points of prefix and suffix) and a TextPositionSelector (code points), two descriptions of
 * the same text (§4.2). Bodies carry purposes (§3.3.5): the type is a `tagging` TextualBody, the KB id an
 * `identifying` SpecificResource (or TextualBody when it is no IRI), the normalised value a `describing`
 * TextualBody, the note a `commenting` TextualBody. A fact is an annotation with motivation `linking`
 * whose `linking` bodies point at its entities' annotations.
 */
import type { Annotation, Fact } from '../model';
import { OffsetMap } from '../offsets';
import { kbIri } from './names';
import { documentDateOf, selectAnnotations, selectFacts, sortInputs } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Code points of context kept on each side of a TextQuoteSelector. */
export const QUOTE_CONTEXT_LENGTH = 32;
const URN = 'urn:x-factmark:';
/** Prefix of the IRI made from a document's name when it has no URI of its own. */
export const URN_DOC = `${URN}doc:`;

/** Body of a W3C annotation as Factmark writes it. */
export type W3cBody =
  | { type: 'TextualBody'; purpose: string; value: string }
  | { type: 'SpecificResource'; purpose: string; source: string };

/**
 * The document a target points at: its IRI, or (when the document has a date of its own) the IRI
 * with that date as `dcterms:date` (the `dcterms` prefix of the Web Annotation context, Dublin
 * Core's "date associated with the resource"); the WG's schemas accept either form of `source`.
 */
export type W3cSource = string | { id: string; type: 'Text'; 'dcterms:date': string };

export interface W3cSelectorPair {
  type: 'SpecificResource';
  source: W3cSource;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
}

/**
 * Creator of annotations that Factmark's recognisers suggested and nobody reviewed yet (model §3.2.1: a
 * `Software` agent); confirmed annotations have no creator. The import reads it back as `suggested`.
 */
export const SUGGESTION_CREATOR = { id: `${URN}agent:recogniser`, type: 'Software', name: 'Factmark recognisers (suggestion, not reviewed)' } as const;

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'linking';
  creator?: typeof SUGGESTION_CREATOR;
  body: W3cBody[];
  target: W3cSelectorPair;
}

export interface W3cCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** The IRI used as `source` for a document: its own `uri`, else a URN made from its name. */
export function documentIri(input: { name: string; uri?: string }): string {
  return input.uri ?? `${URN_DOC}${encodePath(input.name)}`;
}

/** The IRI of an exported annotation or fact. */
export function annotationIri(name: string, id: string): string {
  return annotationBase(name) + encodeURIComponent(id);
}

/** The part of annotation IRIs shared by one document, computed once per document. */
function annotationBase(name: string): string {
  return `${URN}annotation:${encodePath(name)}:`;
}

/** The collection holding every annotation of the documents, in document then position order. */
export function toW3cCollection(docs: ExportInput[], options: ExportOptions = {}, warnings: string[] = []): W3cCollection {
  const items: W3cAnnotation[] = [];
  // A loop, not push(...): a document with over 100,000 annotations overflows the stack.
  for (const d of sortInputs(docs)) for (const a of toW3cAnnotations(d, options, warnings)) items.push(a);
  const id = `${URN}collection`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: docs.length === 1 ? `Factmark annotations of ${docs[0].name}` : `Factmark annotations of ${docs.length} documents`,
    total: items.length,
    first: { id: `${id}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The annotations of one document (entities first, then facts, each in position order). */
export function toW3cAnnotations(input: ExportInput, options: ExportOptions = {}, warnings: string[] = []): W3cAnnotation[] {
  const date = documentDateOf(input);
  const iri = documentIri(input);
  const source: W3cSource = date ? { id: iri, type: 'Text', 'dcterms:date': date } : iri;
  const doc: DocContext = { text: input.text, map: new OffsetMap(input.text), source, base: annotationBase(input.name) };
  const annotations = selectAnnotations(input, options);
  const facts = selectFacts(input, annotations, warnings);
  return [...annotations.map((a) => entityAnnotation(doc, a)), ...facts.map((f) => factAnnotation(doc, f))];
}

/** What every annotation of one document shares. */
interface DocContext {
  text: string;
  map: OffsetMap;
  source: W3cSource;
  base: string;
}

/** All documents as one JSON-LD file. */
export function exportW3c(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const content = JSON.stringify(toW3cCollection(docs, options, warnings), null, 2) + '\n';
  return { files: [{ name: 'annotations.jsonld', content }], warnings };
}

function entityAnnotation(doc: DocContext, a: Annotation): W3cAnnotation {
  const body: W3cBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.type }];
  if (a.kb) {
    const iri = kbIri(a.kb);
    body.push(iri ? { type: 'SpecificResource', purpose: 'identifying', source: iri } : { type: 'TextualBody', purpose: 'identifying', value: a.kb });
  }
  if (a.value) body.push({ type: 'TextualBody', purpose: 'describing', value: a.value });
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
  return { id: doc.base + encodeURIComponent(a.id), type: 'Annotation', motivation: 'tagging', ...(a.status === 'suggested' ? { creator: SUGGESTION_CREATOR } : {}), body, target: target(doc, a) };
}

function factAnnotation(doc: DocContext, f: Fact): W3cAnnotation {
  const body: W3cBody[] = [{ type: 'TextualBody', purpose: 'tagging', value: f.label }];
  for (const id of f.entities) body.push({ type: 'SpecificResource', purpose: 'linking', source: doc.base + encodeURIComponent(id) });
  if (f.date) body.push({ type: 'TextualBody', purpose: 'describing', value: f.date });
  if (f.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: f.note });
  return { id: doc.base + encodeURIComponent(f.id), type: 'Annotation', motivation: 'linking', body, target: target(doc, f) };
}

function target(doc: DocContext, span: { start: number; end: number }): W3cSelectorPair {
  const { text, map } = doc;
  const start = map.toCodePoint(span.start);
  const end = map.toCodePoint(span.end);
  const prefix = text.slice(map.toUtf16(Math.max(0, start - QUOTE_CONTEXT_LENGTH)), span.start);
  const suffix = text.slice(span.end, map.toUtf16(Math.min(map.codePointLength, end + QUOTE_CONTEXT_LENGTH)));
  const quote: W3cSelectorPair['selector'][0] = { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end) };
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  return { type: 'SpecificResource', source: doc.source, selector: [quote, { type: 'TextPositionSelector', start, end }] };
}

/** Percent-encodes a relative path for use inside an IRI, keeping its slashes readable. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
