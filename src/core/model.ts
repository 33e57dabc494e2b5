/**
 * Factmark's annotation model. Everything in src/core shares these types.
 *
 * Offsets here are UTF-16 code unit indices into the document text (JavaScript string indices),
 * the unit VS Code uses. Formats that count Unicode code points (the sidecar file, W3C, brat) convert
 * at their boundary through ./offsets.ts, and nowhere else.
 */

/** The built-in entity types. Users may add their own type names (any string). */
export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'PLACE', 'DATE'] as const;
export type BuiltinType = (typeof ENTITY_TYPES)[number] | 'MISC';
export type EntityType = BuiltinType | (string & {});

/** A half-open range [start, end) of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** What a recogniser found: a typed span, possibly with a normalised value. */
export interface Mention extends Span {
  type: EntityType;
  /** The covered text, exactly `text.slice(start, end)`. */
  text: string;
  /** TIMEX3-style normalised value for dates and times (`2006-03-02`, `2006-06`, `P7Y`, `PRESENT_REF`). */
  value?: string;
  /** TIMEX3 type for dates and times. */
  timexType?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** Which recogniser produced it (for hovers and debugging). */
  source: string;
}

export type AnnotationStatus = 'suggested' | 'confirmed' | 'rejected';

/** An annotation the user owns: stored in the sidecar. */
export interface Annotation extends Span {
  /** Stable id, unique within the document (e.g. `a1`, `a2`). */
  id: string;
  type: EntityType;
  /** The quoted text at the time of anchoring. */
  text: string;
  status: AnnotationStatus;
  /** Normalised value: an ISO / TIMEX3 value for dates, free text otherwise. */
  value?: string;
  /** Knowledge-base id, e.g. a Wikidata QID (`Q423`). */
  kb?: string;
  /** Id of the entity (in the workspace's entities file) this mention refers to. */
  entity?: string;
  note?: string;
}

/** A fact: a statement (a span of text) linking entity annotations and a date. */
export interface Fact extends Span {
  id: string;
  /** What kind of fact: event, statement, claim, meeting, ... */
  label: string;
  text: string;
  /** Ids of the annotations this fact links. */
  entities: string[];
  /** Normalised date of the fact (ISO / TIMEX3 value). */
  date?: string;
  note?: string;
}

/** All annotations of one document. */
export interface AnnotatedDocument {
  /** Document path relative to the sidecar (forward slashes). */
  path: string;
  /** The document's own date (ISO), when known: anchor for relative dates. */
  documentDate?: string;
  annotations: Annotation[];
  facts: Fact[];
}

/** Options passed to recognisers. */
export interface RecognitionContext {
  /** The document's own date, `YYYY-MM-DD`; relative dates stay unresolved without it. */
  documentDate?: string;
}

/** A recogniser: pure, synchronous, works on a whole text or a part of it. */
export interface Recognizer {
  readonly name: string;
  recognize(text: string, context: RecognitionContext): Mention[];
}
