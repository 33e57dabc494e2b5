/**
 * Three-way merge of sidecar data, for when the file changed on disk since it was read: changes
 * from both sides are kept field by field; a field changed differently on both sides is a conflict,
 * reported and never dropped.
 */

import { STEP, runAll, type Steps } from '../slices';
import { ANNOTATION_ORDER, FACT_ORDER, entryFields } from './canonical';
import type { SidecarData, StoredAnnotation, StoredFact } from './types';

/** A disagreement the user has to settle. `theirs` (the disk version) is what `merged` holds meanwhile. */
export interface MergeConflict {
  list: 'annotations' | 'facts' | 'document';
  id: string;
  /** `modify`: both changed the same field; `delete-modify`: one side deleted, the other changed; `add-add`: both added the id differently. */
  kind: 'modify' | 'delete-modify' | 'add-add';
  fields: string[];
  base?: unknown;
  mine?: unknown;
  theirs?: unknown;
}

/** Result of {@link mergeSidecars}: write `merged` only once `conflicts` is empty or settled. */
export interface MergeResult {
  merged: SidecarData;
  conflicts: MergeConflict[];
}

type Entry = StoredAnnotation | StoredFact;
type Fields = Record<string, unknown>;

/** Merge my changes and theirs, both made from `base`, at the level of annotation ids and fields. */
export function mergeSidecars(base: SidecarData, mine: SidecarData, theirs: SidecarData): MergeResult {
  return runAll(mergeSidecarsSteps(base, mine, theirs));
}

/** {@link mergeSidecars} in steps of a few hundred ids (a large import merged with a file changed on disk). */
export function* mergeSidecarsSteps(base: SidecarData, mine: SidecarData, theirs: SidecarData): Steps<MergeResult> {
  const conflicts: MergeConflict[] = [];
  const docFields = mergeFields(base.document as Fields, mine.document as Fields, theirs.document as Fields);
  if (docFields.conflicts.length) conflicts.push({ list: 'document', id: 'document', kind: 'modify', fields: docFields.conflicts, base: base.document, mine: mine.document, theirs: theirs.document });
  const labels = mergeValue(base.labels, mine.labels, theirs.labels);
  if (labels.conflict) conflicts.push({ list: 'document', id: 'labels', kind: 'modify', fields: ['labels'], base: base.labels, mine: mine.labels, theirs: theirs.labels });

  const merged: SidecarData = {
    version: theirs.version,
    document: docFields.value as SidecarData['document'],
    annotations: (yield* mergeList('annotations', base.annotations, mine.annotations, theirs.annotations, conflicts)) as StoredAnnotation[],
    facts: (yield* mergeList('facts', base.facts, mine.facts, theirs.facts, conflicts)) as StoredFact[],
  };
  if (labels.value !== undefined) merged.labels = labels.value as string[];
  return { merged, conflicts };
}

function* mergeList(list: 'annotations' | 'facts', base: Entry[], mine: Entry[], theirs: Entry[], conflicts: MergeConflict[]): Steps<Entry[]> {
  const order = list === 'annotations' ? ANNOTATION_ORDER : FACT_ORDER;
  const asFields = (e: Entry | undefined) => (e ? (Object.fromEntries(entryFields(e, order)) as Fields) : undefined);
  const b = new Map(base.map((e) => [e.id, e]));
  const m = new Map(mine.map((e) => [e.id, e]));
  const t = new Map(theirs.map((e) => [e.id, e]));
  const ids = [...new Set([...theirs.map((e) => e.id), ...mine.map((e) => e.id), ...base.map((e) => e.id)])];
  const out: Entry[] = [];
  yield;
  let n = 0;
  for (const id of ids) {
    if (++n % STEP === 0) yield;
    const [be, me, te] = [asFields(b.get(id)), asFields(m.get(id)), asFields(t.get(id))];
    const same = (x?: Fields, y?: Fields) => JSON.stringify(x) === JSON.stringify(y);
    if (!be) {
      // Added on one or both sides.
      if (me && te && !same(me, te)) {
        conflicts.push({ list, id, kind: 'add-add', fields: diffKeys(me, te), mine: m.get(id), theirs: t.get(id) });
        out.push(t.get(id)!);
      } else out.push((te ? t.get(id) : m.get(id))!);
      continue;
    }
    if (!me && !te) continue; // deleted on both sides
    if (!me || !te) {
      // Deleted on one side: fine if the other side left it alone, a conflict if it changed it.
      const kept = (me ?? te)!;
      if (same(kept, be)) continue;
      conflicts.push({ list, id, kind: 'delete-modify', fields: diffKeys(be, kept), base: b.get(id), mine: m.get(id), theirs: t.get(id) });
      out.push((m.get(id) ?? t.get(id))!);
      continue;
    }
    const r = mergeFields(be, me, te);
    if (r.conflicts.length) conflicts.push({ list, id, kind: 'modify', fields: r.conflicts, base: b.get(id), mine: m.get(id), theirs: t.get(id) });
    out.push(r.value as unknown as Entry);
  }
  return out;
}

/** Field-wise three-way merge of two records; on a conflict the field keeps their value. */
function mergeFields(base: Fields, mine: Fields, theirs: Fields): { value: Fields; conflicts: string[] } {
  const value: Fields = {};
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  for (const k of keys) {
    const r = mergeValue(base[k], mine[k], theirs[k]);
    if (r.conflict) conflicts.push(k);
    if (r.value !== undefined) value[k] = r.value;
  }
  return { value, conflicts };
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown): { value: unknown; conflict: boolean } {
  const eq = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (eq(mine, theirs)) return { value: theirs, conflict: false };
  if (eq(mine, base)) return { value: theirs, conflict: false };
  if (eq(theirs, base)) return { value: mine, conflict: false };
  return { value: theirs, conflict: true };
}

function diffKeys(a: Fields, b: Fields): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
