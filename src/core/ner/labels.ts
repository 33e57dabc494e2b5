/**
 * BILOU labels of the entity tagger. Label 0 is O; an entity label is 1 + 4·type + position, where
 * position is B(egin), I(nside), L(ast) or U(nit). BILOU beats IOB for greedy tagging (Ratinov & Roth 2009).
 */
import type { Chunk } from './conlleval';

/** CoNLL entity types, in label order. */
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** Number of labels: O plus B, I, L, U for each type. */
export const LABEL_COUNT = 1 + 4 * CONLL_TYPES.length;

const B = 0;
const I = 1;
const L = 2;
const U = 3;

/** Type index (0..3) of a label, -1 for O. */
export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}

function labelPosition(label: number): number {
  return (label - 1) & 3;
}

/** Whether `label` may follow `prev` (-1 at the start of a sentence). */
export function allowed(prev: number, label: number): boolean {
  const open = prev > 0 && labelPosition(prev) <= I;
  if (open) return label > 0 && labelType(label) === labelType(prev) && labelPosition(label) >= I && labelPosition(label) <= L;
  return label === 0 || labelPosition(label) === B || labelPosition(label) === U;
}

/**
 * `allowed` as a table for the decoders' inner loop: entry (prev + 1) · LABEL_COUNT + label, with
 * prev = -1 (sentence start) in row 0.
 */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let prev = -1; prev < LABEL_COUNT; prev++) {
    for (let label = 0; label < LABEL_COUNT; label++) table[(prev + 1) * LABEL_COUNT + label] = allowed(prev, label) ? 1 : 0;
  }
  return table;
})();

/**
 * The labels that may follow each previous label, in label order, for the beam decoder's inner loop
 * (it visits only these: 9 after a closed label, 2 inside a name, instead of testing all 17):
 * labels NEXT_LABELS[NEXT_FROM[k] .. NEXT_FROM[k + 1]) with k = (prev + 1) · 2 + last, where
 * `last` (1) keeps only the labels a sentence may end on. Row 0 is the sentence start (prev = -1).
 */
export const [NEXT_FROM, NEXT_LABELS] = ((): [Uint16Array, Uint8Array] => {
  const from = new Uint16Array((LABEL_COUNT + 1) * 2 + 1);
  const labels: number[] = [];
  for (let prev = -1; prev < LABEL_COUNT; prev++) {
    for (let last = 0; last < 2; last++) {
      from[(prev + 1) * 2 + last] = labels.length;
      for (let label = 0; label < LABEL_COUNT; label++) if (allowed(prev, label) && (!last || canEnd(label))) labels.push(label);
    }
  }
  from[(LABEL_COUNT + 1) * 2] = labels.length;
  return [from, Uint8Array.from(labels)];
})();

/** Whether a sentence may end on `label` (it must not leave an entity open). */
export function canEnd(label: number): boolean {
  return label === 0 || labelPosition(label) >= L;
}

/** BILOU labels for chunks over `length` tokens (chunk types must be CONLL_TYPES names). */
export function labelsFromChunks(chunks: readonly Chunk[], length: number): Uint8Array {
  const labels = new Uint8Array(length);
  for (const c of chunks) {
    const t = CONLL_TYPES.indexOf(c.type as (typeof CONLL_TYPES)[number]);
    if (t < 0) throw new Error(`unknown entity type ${c.type}`);
    const base = 1 + 4 * t;
    if (c.end - c.start === 1) labels[c.start] = base + U;
    else {
      labels[c.start] = base + B;
      for (let k = c.start + 1; k < c.end - 1; k++) labels[k] = base + I;
      labels[c.end - 1] = base + L;
    }
  }
  return labels;
}

/** Chunks of a BILOU label sequence; a malformed run is closed where it breaks. */
export function chunksFromLabels(labels: ArrayLike<number>): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const t = labelType(label);
    const pos = label === 0 ? -1 : labelPosition(label);
    if (start >= 0 && (t !== type || pos === B || pos === U)) {
      chunks.push({ type: CONLL_TYPES[type], start, end: i });
      start = -1;
    }
    if (label === 0) continue;
    if (start < 0) {
      start = i;
      type = t;
    }
    if (pos === L || pos === U) {
      chunks.push({ type: CONLL_TYPES[type], start, end: i + 1 });
      start = -1;
    }
  }
  if (start >= 0) chunks.push({ type: CONLL_TYPES[type], start, end: labels.length });
  return chunks;
}
