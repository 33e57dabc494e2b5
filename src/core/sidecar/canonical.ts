/** The canonical key order and normal form of sidecar entries, shared by the writer and the merge. */

import { SIDECAR_VERSION, type SidecarData, type StoredAnnotation, type StoredFact } from './types';
import { STEP, runAll, type Steps } from '../slices';

/** A value Factmark writes in one scalar (or one flow list). */
export type FieldValue = string | number | boolean | readonly string[];

export const ROOT_ORDER = ['factmark', 'document', 'offsets', 'labels', 'annotations', 'facts'];
export const DOCUMENT_ORDER = ['path', 'date', 'gitBlob'];
export const ANNOTATION_ORDER = ['id', 'type', 'start', 'end', 'quote', 'prefix', 'suffix', 'status', 'value', 'kb', 'entity', 'note', 'orphaned'];
export const FACT_ORDER = ['id', 'label', 'start', 'end', 'quote', 'prefix', 'suffix', 'entities', 'date', 'note', 'orphaned'];

/** The fields of an entry in canonical order, leaving out absent optional ones. */
export function entryFields(entry: StoredAnnotation | StoredFact, order: string[]): [string, FieldValue][] {
  const out: [string, FieldValue][] = [];
  for (const k of order) {
    const v = (entry as unknown as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === false) continue;
    out.push([k, Array.isArray(v) ? [...(v as string[])] : (v as FieldValue)]);
  }
  return out;
}

/** Sort key of an entry: by position, then id (the order of a freshly written file). */
export function compareEntries(a: { start: number; end: number; id: string }, b: { start: number; end: number; id: string }): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A string equal for two data sets exactly when they hold the same content (entry order ignored). */
export function fingerprintData(data: SidecarData): string {
  return runAll(fingerprintDataSteps(data));
}

/** {@link fingerprintData} in steps (see `core/slices.ts`). */
export function* fingerprintDataSteps(data: SidecarData): Steps<string> {
  function* entries(list: (StoredAnnotation | StoredFact)[], order: string[]): Steps<string[]> {
    const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    yield;
    const out: string[] = [];
    for (const e of sorted) if (out.push(JSON.stringify(entryFields(e, order))) % STEP === 0) yield;
    return out;
  }
  const doc = data.document;
  const head = JSON.stringify([SIDECAR_VERSION, doc.path, doc.date ?? null, doc.gitBlob ?? null, data.labels ?? null]);
  const annotations = yield* entries(data.annotations, ANNOTATION_ORDER);
  const facts = yield* entries(data.facts, FACT_ORDER);
  // Each entry stringified apart and joined: the same string as one JSON.stringify of the whole.
  return `${head.slice(0, -1)},[${annotations.join(',')}],[${facts.join(',')}]]`;
}
