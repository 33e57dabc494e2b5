/**
 * An article the workspace index holds, as the timeline and the map take it. The index keeps no
 * text (5,000 articles' texts would be tens of megabytes), so the pictures quote the words the index
 * keeps around each annotation instead of its sentence; an article open in an editor is given with
 * its text instead (see src/features/timeline/sources.ts). The map takes the same (src/core/places).
 */
import type { IndexedDocument } from '../index';
import type { Annotation, EntityType, Fact } from '../model';

/** The words around an annotation, by its id: what is quoted when the text is not at hand. */
export type Contexts = ReadonlyMap<string, { before: string; after: string }>;

/** What the timeline and the map need of one article, from its index entry. */
export interface IndexedPictureDocument {
  uri: string;
  name: string;
  documentDate?: string;
  annotations: Annotation[];
  facts: Fact[];
  contexts: Contexts;
}

export function pictureDocumentOf(doc: IndexedDocument): IndexedPictureDocument {
  const annotations: Annotation[] = new Array<Annotation>(doc.mentions.length);
  const contexts = new Map<string, { before: string; after: string }>();
  for (let i = 0; i < doc.mentions.length; i++) {
    const m = doc.mentions[i];
    const a: Annotation = { id: m.id, type: m.type as EntityType, status: m.status, start: m.start, end: m.end, text: m.text };
    if (m.value !== undefined) a.value = m.value;
    if (m.kb !== undefined) a.kb = m.kb;
    if (m.entity !== undefined) a.entity = m.entity;
    annotations[i] = a;
    contexts.set(m.id, { before: m.before, after: m.after });
  }
  const facts = doc.facts.map((f): Fact => {
    const fact: Fact = { id: f.id, label: f.label, text: f.text, start: f.start, end: f.end, entities: f.mentions };
    if (f.date !== undefined) fact.date = f.date;
    return fact;
  });
  const out: IndexedPictureDocument = { uri: doc.key, name: doc.name.replace(/^.*\//, ''), annotations, facts, contexts };
  if (doc.date !== undefined) out.documentDate = doc.date;
  return out;
}
