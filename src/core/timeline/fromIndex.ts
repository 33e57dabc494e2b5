/**
 * An article the workspace index holds, as the timeline and the map take it. The index keeps no
 * text (5,000 articles' texts would be tens of megabytes), so the pictures quote the words the index
 * keeps around each annotation instead of its sentence; an article open in an editor is given with
 * its text instead (see src/features/timeline/sources.ts). The map takes the same (src/core/places).
 */
import type { IndexedDocument } from '../index';
import type { Annotation, Fact } from '../model';

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

/** Made once per index entry (which the index replaces, never changes): the pictures' caches of each article's entries are kept by this object. */
const made = new WeakMap<IndexedDocument, IndexedPictureDocument>();

export function pictureDocumentOf(doc: IndexedDocument): IndexedPictureDocument {
  let out = made.get(doc);
  if (!out) made.set(doc, (out = pictureDocument(doc)));
  return out;
}

function pictureDocument(doc: IndexedDocument): IndexedPictureDocument {
  // The index's mentions are annotations with more fields (their words around, their document):
  // taken as they are, not copied (165,000 objects for 5,000 articles, most of the time it took).
  const annotations = doc.mentions as unknown as Annotation[];
  const contexts = new Map<string, { before: string; after: string }>();
  for (const m of doc.mentions) contexts.set(m.id, m);
  const facts = doc.facts.map((f): Fact => {
    const fact: Fact = { id: f.id, label: f.label, text: f.text, start: f.start, end: f.end, entities: f.mentions };
    if (f.date !== undefined) fact.date = f.date;
    return fact;
  });
  const out: IndexedPictureDocument = { uri: doc.key, name: doc.name.replace(/^.*\//, ''), annotations, facts, contexts };
  if (doc.date !== undefined) out.documentDate = doc.date;
  return out;
}
