/**
 * Factmark's own JSON: the model as it is, with a `version`, offsets in code points (like the sidecar, so
 * any language can slice the text), keys always in the same order.
 */
import type { Annotation, Fact } from '../model';
import { OffsetMap } from '../offsets';
import { documentDateOf, selectAnnotations, selectFacts, sortInputs } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

/** Version of the JSON export layout. */
export const JSON_EXPORT_VERSION = 1;

/** The export as a plain object (keys in output order). */
export function toFactmarkJson(docs: ExportInput[], options: ExportOptions = {}, warnings: string[] = []): object {
  return {
    format: 'factmark',
    version: JSON_EXPORT_VERSION,
    offsets: 'codepoints',
    documents: sortInputs(docs).map((d) => {
      const map = new OffsetMap(d.text);
      const annotations = selectAnnotations(d, options);
      const facts = selectFacts(d, annotations, warnings);
      const documentDate = documentDateOf(d);
      return {
        name: d.name,
        path: d.doc.path,
        ...(documentDate ? { documentDate } : {}),
        annotations: annotations.map((a) => annotationJson(a, map)),
        facts: facts.map((f) => factJson(f, map)),
      };
    }),
  };
}

/** All documents as one JSON file. */
export function exportJson(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const content = JSON.stringify(toFactmarkJson(docs, options, warnings), null, 2) + '\n';
  return { files: [{ name: 'annotations.json', content }], warnings };
}

function annotationJson(a: Annotation, map: OffsetMap): object {
  return {
    id: a.id,
    type: a.type,
    status: a.status,
    start: map.toCodePoint(a.start),
    end: map.toCodePoint(a.end),
    text: a.text,
    ...(a.value !== undefined ? { value: a.value } : {}),
    ...(a.kb !== undefined ? { kb: a.kb } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.entity !== undefined ? { entity: a.entity } : {}),
  };
}

function factJson(f: Fact, map: OffsetMap): object {
  return {
    id: f.id,
    label: f.label,
    start: map.toCodePoint(f.start),
    end: map.toCodePoint(f.end),
    text: f.text,
    entities: f.entities.slice(),
    ...(f.date !== undefined ? { date: f.date } : {}),
    ...(f.note !== undefined ? { note: f.note } : {}),
  };
}
