/**
 * Greedy left-to-right decoding with BILOU constraints. Each token is labelled from its static features
 * plus features of the tagger's own earlier decisions: the two previous labels, and the label last
 * given to the same word earlier in the document (document-level consistency, Ratinov & Roth 2009).
 */
import type { PreparedSentence } from './features';
import { mix } from './hash';
import { allowed, canEnd, LABEL_COUNT, labelType } from './labels';

/** Scores every label for a set of feature hashes. */
export interface Scorer {
  score(feats: Uint32Array, count: number, out: Float64Array): void;
}

/** Called during training for every token, with the features seen and the gold and best-scoring labels. */
export type LearnHook = (feats: Uint32Array, count: number, gold: number, best: number) => void;

const enum D {
  Prev1 = 101, Prev2, Prev1Word, Prev1Shape, Memory, MemoryShape,
}

// Memory value for a word last labelled O; types are stored as type index + 1.
const MEMORY_OUTSIDE = 5;

/**
 * Labels every sentence of a prepared document. With `gold` and `learn`, `learn` sees each token
 * (training); decoding always follows the tagger's own constrained decisions, as at run time.
 */
export function tagDocument(doc: readonly PreparedSentence[], scorer: Scorer, gold?: readonly Uint8Array[], learn?: LearnHook): Uint8Array[] {
  let widest = 0;
  for (const s of doc) for (let i = 0; i < s.length; i++) widest = Math.max(widest, s.offsets[i + 1] - s.offsets[i]);
  const buffer = new Uint32Array(widest + 8);
  const scores = new Float64Array(LABEL_COUNT);
  const memory = new Map<number, number>();
  return doc.map((s, si) => {
    const labels = new Uint8Array(s.length);
    // 31 marks the start of the sentence (labels are < 17).
    let p1 = 31;
    let p2 = 31;
    for (let i = 0; i < s.length; i++) {
      const from = s.offsets[i];
      let count = s.offsets[i + 1] - from;
      buffer.set(s.feats.subarray(from, from + count));
      const word = s.lowerHash[i];
      buffer[count++] = mix(D.Prev1, p1);
      buffer[count++] = mix(D.Prev2, p1 * 32 + p2);
      buffer[count++] = mix(D.Prev1Word, mix(p1, word));
      buffer[count++] = mix(D.Prev1Shape, mix(p1, s.shapeHash[i]));
      if (s.capitalised[i]) {
        const remembered = memory.get(word) ?? 0;
        buffer[count++] = mix(D.Memory, remembered);
        buffer[count++] = mix(D.MemoryShape, mix(remembered, s.shapeHash[i]));
      }
      scorer.score(buffer, count, scores);
      const prev = i === 0 ? -1 : labels[i - 1];
      const last = i === s.length - 1;
      let best = -1;
      let free = 0;
      for (let c = 0; c < LABEL_COUNT; c++) {
        if (scores[c] > scores[free]) free = c;
        if (!allowed(prev, c) || (last && !canEnd(c))) continue;
        if (best < 0 || scores[c] > scores[best]) best = c;
      }
      if (gold && learn) learn(buffer, count, gold[si][i], free);
      labels[i] = best;
      p2 = p1;
      p1 = best;
      if (s.capitalised[i]) memory.set(word, best === 0 ? MEMORY_OUTSIDE : labelType(best) + 1);
    }
    return labels;
  });
}
