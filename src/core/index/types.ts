/**
 * The workspace index: every sidecar's annotations and facts and the entities files, in memory,
 * answering the questions the corpus features ask (references, Ctrl+T, search, the view by
 * entity, the CLI's `entities` and `query`) without reading a file per question.
 */

import type { AnnotationStatus } from '../model';

/** Where a span sits in its document: UTF-16 offsets and 0-based line and column, as editors count. */
export interface IndexedSpan {
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** An annotation of one document, as the index keeps it. */
export interface IndexedMention extends IndexedSpan {
  /** The document's key (a URI in the extension, a path in the CLI). */
  doc: string;
  id: string;
  type: string;
  status: AnnotationStatus;
  text: string;
  value?: string;
  kb?: string;
  /** Id of its entity in the entities file. */
  entity?: string;
  /** Up to a few dozen characters of its line before and after it, for context snippets. */
  before: string;
  after: string;
}

/** A fact of one document, as the index keeps it. */
export interface IndexedFact extends IndexedSpan {
  doc: string;
  id: string;
  label: string;
  text: string;
  /** Its own date, when it has one. */
  date?: string;
  /** Ids of the annotations it links (in its document). */
  mentions: string[];
  /** Ids of the entities those annotations link to. */
  entities: string[];
  /** Types of those annotations. */
  types: string[];
}

/** One document's entry. */
export interface IndexedDocument {
  key: string;
  /** Shown name: the path relative to the workspace (or to the folder the CLI was given). */
  name: string;
  /** The document's own date (stored, else detected from its dateline or name). */
  date?: string;
  mentions: IndexedMention[];
  facts: IndexedFact[];
}

/** What to look for. Every field narrows; an empty query matches everything. */
export interface IndexQuery {
  /** Words that must all occur (case-insensitive) in the mention's text, or in the fact's label or text. */
  text?: string;
  /** Annotation types (PERSON, …); a fact matches when one of its entities' mentions has one. */
  types?: string[];
  /** Entity ids, or names or aliases (case-insensitive) that resolve to them. */
  entity?: string;
  /** Inclusive range on ISO-like dates, compared by prefix (`2006` covers `2006-03-02`). */
  from?: string;
  to?: string;
  statuses?: AnnotationStatus[];
  /** Part of a document's name (case-insensitive). */
  document?: string;
}

/** An entity of the entities file with what the index knows of its mentions. */
export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  kb: string[];
  mentions: number;
  documents: number;
  facts: number;
  /** Earliest and latest date of the documents that mention it. */
  first?: string;
  last?: string;
}
