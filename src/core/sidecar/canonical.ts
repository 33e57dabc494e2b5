/** The canonical key order and normal form of sidecar entries, shared by the writer and the merge. */

import { SIDECAR_VERSION, type SidecarData, type StoredAnnotation, type StoredFact } from './types';
import { STEP, runAll, type Steps } from '../slices';

/** A value Factmark writes in one scalar (or one flow list). */
export type FieldValue = string | number | boolean | readonly string[];

export const ROOT_ORDER = ['factmark', 'document', 'offsets', 'labels', 'annotations', 'facts'];
export const DOCUMENT_ORDER = ['path', 'date', 'gitBlob', 'sentences'];
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
  // (Not `document.sentences`: it follows from the text `gitBlob` names, and a sidecar written before
  // it existed is not made different by it, nor rewritten for it alone.)
  const head = JSON.stringify([SIDECAR_VERSION, doc.path, doc.date ?? null, doc.gitBlob ?? null, data.labels ?? null]);
  const annotations = yield* entries(data.annotations, ANNOTATION_ORDER);
  const facts = yield* entries(data.facts, FACT_ORDER);
  // Each entry stringified apart and joined: the same string as one JSON.stringify of the whole.
  return `${head.slice(0, -1)},[${annotations.join(',')}],[${facts.join(',')}]]`;
}

/**
 * `fingerprintData(a) === fingerprintData(b)`, found by comparing the entries themselves: no
 * strings are built, and a difference stops it at once (a write compares twice, and at 10,000
 * entries the fingerprints were a sixth of it).
 */
export function sameData(a: SidecarData, b: SidecarData): boolean {
  return runAll(sameDataSteps(a, b));
}

/** {@link sameData} in steps of a few hundred entries. */
export function* sameDataSteps(a: SidecarData, b: SidecarData): Steps<boolean> {
  const da = a.document;
  const db = b.document;
  if (da.path !== db.path || (da.date ?? null) !== (db.date ?? null) || (da.gitBlob ?? null) !== (db.gitBlob ?? null)) return false;
  if (!sameList(a.labels ?? null, b.labels ?? null)) return false;
  return (yield* sameEntries(a.annotations, b.annotations, ANNOTATION_ORDER)) && (yield* sameEntries(a.facts, b.facts, FACT_ORDER));
}

function* sameEntries(a: (StoredAnnotation | StoredFact)[], b: (StoredAnnotation | StoredFact)[], order: string[]): Steps<boolean> {
  if (a.length !== b.length) return false;
  const byId = new Map<string, StoredAnnotation | StoredFact>();
  for (const e of a) byId.set(e.id, e);
  // Two entries with one id (a validated sidecar has none): the entries compared as a multiset.
  if (byId.size !== a.length) {
    const key = (list: (StoredAnnotation | StoredFact)[]) => list.map((e) => JSON.stringify(entryFields(e, order))).sort().join('\n');
    return key(a) === key(b);
  }
  const seen = new Set<string>();
  for (const e of b) {
    const other = byId.get(e.id);
    if (!other || seen.has(e.id)) return false;
    if (seen.add(e.id).size % STEP === 0) yield;
    for (const k of order) {
      const x = field(other, k);
      const y = field(e, k);
      if (x !== y && !(Array.isArray(x) && Array.isArray(y) && sameList(x, y))) return false;
    }
  }
  return true;
}

/** A field as the fingerprint sees it: absent, null and false are all "not there". */
function field(entry: StoredAnnotation | StoredFact, key: string): unknown {
  const v = (entry as unknown as Record<string, unknown>)[key];
  return v === undefined || v === null || v === false ? undefined : v;
}

function sameList(a: readonly unknown[] | null, b: readonly unknown[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
