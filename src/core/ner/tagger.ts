/**
 * Greedy left-to-right decoding with BILOU constraints. Each token is labelled from its static features
 * plus features of the tagger's own earlier decisions: the two previous labels, and the label last
 * given to the same word earlier in the document (document-level consistency, Ratinov & Roth 2009).
 */
import { FeatureBuffer, Lexeme, PreparedSentence, ROLE_COUNT, SENTENCE_END, SENTENCE_START, tokenFeatures } from './features';
import { mix } from './hash';
import { ALLOWED, canEnd, LABEL_COUNT, labelType } from './labels';

/** Adds up label weights of features. */
export interface Scorer {
  /** Adds the weights of feats[from, to) to `out` (one entry per label). */
  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void;
  /** Optional fast path: adds the (cached) weights of a lexeme's features in a role. */
  accumulateRole?(lex: Lexeme, role: number, out: Float64Array): void;
  /** Trained weight of one score unit, when scores are scaled (quantised weights). */
  readonly scale?: number;
}

/** Called during training for every token, with the features seen and the gold and best-scoring labels. */
export type LearnHook = (feats: Uint32Array, count: number, gold: number, best: number) => void;

const enum D {
  Prev1 = 101, Prev2, Prev1Word, Prev1Shape, Memory, MemoryShape,
}

// Memory value for a word last labelled O; types are stored as type index + 1.
const MEMORY_OUTSIDE = 5;
// Word offsets of the lexeme roles (see Lexeme.roles).
const ROLE_OFFSETS = [0, -1, 1, -2, 2];

/** Writes the features on earlier decisions into `out`; `remembered` is -1 for words not remembered. Returns their count. */
function dynamicFeatures(out: Uint32Array, lex: Lexeme, p1: number, p2: number, remembered: number): number {
  out[0] = mix(D.Prev1, p1);
  out[1] = mix(D.Prev2, p1 * 32 + p2);
  out[2] = mix(D.Prev1Word, mix(p1, lex.lowerHash));
  out[3] = mix(D.Prev1Shape, mix(p1, lex.shapeHash));
  if (remembered < 0) return 4;
  out[4] = mix(D.Memory, remembered);
  out[5] = mix(D.MemoryShape, mix(remembered, lex.shapeHash));
  return 6;
}

/** Where the static features of a token are: a range of an array. */
interface FeatureRange {
  data: Uint32Array;
  from: number;
  to: number;
}

/** The static features of token i, precomputed or computed now into `scratch`. */
function staticFeatures(s: PreparedSentence, i: number, scratch: FeatureBuffer, range: FeatureRange): FeatureRange {
  if (s.feats && s.offsets) {
    range.data = s.feats;
    range.from = s.offsets[i];
    range.to = s.offsets[i + 1];
  } else {
    scratch.length = 0;
    tokenFeatures(s, i, scratch);
    range.data = scratch.data;
    range.from = 0;
    range.to = scratch.length;
  }
  return range;
}

/** The value the document memory keeps for a label. */
function memoryValue(label: number): number {
  return label === 0 ? MEMORY_OUTSIDE : labelType(label) + 1;
}

/**
 * Labels every sentence of a prepared document. With `gold` and `learn`, `learn` sees each token
 * (training); decoding always follows the tagger's own constrained decisions, as at run time.
 */
export function tagDocument(doc: readonly PreparedSentence[], scorer: Scorer, gold?: readonly Uint8Array[], learn?: LearnHook): Uint8Array[] {
  const fast = scorer.accumulateRole && !learn;
  let buffer = new Uint32Array(256);
  const dynamic = new Uint32Array(8);
  const scores = new Float64Array(LABEL_COUNT);
  const memory = new Map<number, number>();
  const scratch = new FeatureBuffer();
  const range: FeatureRange = { data: scratch.data, from: 0, to: 0 };
  return doc.map((s, si) => {
    const labels = new Uint8Array(s.length);
    const at = (i: number): Lexeme => (i < 0 ? SENTENCE_START : i >= s.length ? SENTENCE_END : s.lexemes[i]);
    // 31 marks the start of the sentence (labels are < 17).
    let p1 = 31;
    let p2 = 31;
    for (let i = 0; i < s.length; i++) {
      const lex = s.lexemes[i];
      const d = dynamicFeatures(dynamic, lex, p1, p2, lex.capitalised ? memory.get(lex.lowerHash) ?? 0 : -1);
      scores.fill(0);
      let count = 0;
      if (fast) {
        for (let r = 0; r < ROLE_COUNT; r++) scorer.accumulateRole!(at(i + ROLE_OFFSETS[r]), r, scores);
        const own = staticFeatures(s, i, scratch, range);
        scorer.accumulate(own.data, own.from, own.to, scores);
        scorer.accumulate(dynamic, 0, d, scores);
      } else {
        // Training needs the full feature list; it must hold the same features as the fast path.
        const own = staticFeatures(s, i, scratch, range);
        const needed = 64 + own.to - own.from + d;
        for (let r = 0; r < ROLE_COUNT; r++) {
          const feats = at(i + ROLE_OFFSETS[r]).roles[r];
          if (buffer.length < needed + feats.length) buffer = new Uint32Array(2 * (needed + feats.length));
          buffer.set(feats, count);
          count += feats.length;
        }
        if (buffer.length < count + needed) buffer = new Uint32Array(2 * (count + needed));
        buffer.set(own.data.subarray(own.from, own.to), count);
        count += own.to - own.from;
        buffer.set(dynamic.subarray(0, d), count);
        count += d;
        scorer.accumulate(buffer, 0, count, scores);
      }
      const row = i === 0 ? 0 : (labels[i - 1] + 1) * LABEL_COUNT;
      const last = i === s.length - 1;
      let best = -1;
      let free = 0;
      for (let c = 0; c < LABEL_COUNT; c++) {
        if (scores[c] > scores[free]) free = c;
        if (!ALLOWED[row + c] || (last && !canEnd(c))) continue;
        if (best < 0 || scores[c] > scores[best]) best = c;
      }
      if (gold && learn) learn(buffer, count, gold[si][i], free);
      labels[i] = best;
      p2 = p1;
      p1 = best;
      if (lex.capitalised) memory.set(lex.lowerHash, memoryValue(best));
    }
    return labels;
  });
}

/**
 * Beam-search decoding with the same features as greedy decoding: keeps the `width` best label
 * sequences of each sentence, so one early mistake (a "North" that opens a place) need not force
 * the rest of the name. Each hypothesis sees its own earlier labels, in the document memory too.
 * Hypotheses more than `margin` (in trained weight units) behind the best are dropped. With
 * `skipLowercase`, lower-case words outside names are labelled O without scoring (faster; on
 * CoNLL-2003 dev 6 of 5,942 names start in lower case).
 */
export function tagDocumentBeam(doc: readonly PreparedSentence[], scorer: Scorer, width: number, margin = Infinity, skipLowercase = false): Uint8Array[] {
  const scoreMargin = margin / (scorer.scale ?? 1);
  const dynamic = new Uint32Array(8);
  const base = new Float64Array(LABEL_COUNT);
  const scores = new Float64Array(LABEL_COUNT);
  const memory = new Map<number, number>();
  const scratch = new FeatureBuffer();
  const range: FeatureRange = { data: scratch.data, from: 0, to: 0 };
  // The beam: per position and slot, the label and the slot it extends (back-pointers).
  let label = new Uint8Array(0);
  let parent = new Uint8Array(0);
  let total = new Float64Array(width);
  let next = new Float64Array(width);
  const nextLabel = new Uint8Array(width);
  const nextParent = new Uint8Array(width);
  // Whether no hypothesis has a name open before position i.
  const allClosed = (i: number, size: number): boolean => {
    for (let k = 0; k < size; k++) if (!canEnd(label[(i - 1) * width + k])) return false;
    return true;
  };
  // The label a hypothesis gave `steps` positions before position i (i > steps - 1).
  const labelBefore = (i: number, slot: number, steps: number): number => {
    let k = slot;
    for (let j = i - 1; j > i - steps; j--) k = parent[j * width + k];
    return label[(i - steps) * width + k];
  };
  return doc.map((s) => {
    const n = s.length;
    if (label.length < n * width) {
      label = new Uint8Array(2 * n * width);
      parent = new Uint8Array(2 * n * width);
    }
    const at = (i: number): Lexeme => (i < 0 ? SENTENCE_START : i >= n ? SENTENCE_END : s.lexemes[i]);
    let size = 1;
    total[0] = 0;
    for (let i = 0; i < n; i++) {
      const lex = s.lexemes[i];
      // A lower-case word after a closed name is outside any name (CoNLL names start with a capital,
      // a digit or a symbol): it gets O, and only the features of earlier decisions, which rank the
      // hypotheses, are scored.
      const outside = skipLowercase && lex.allLower && i > 0 && allClosed(i, size);
      base.fill(0);
      if (!outside) {
        for (let r = 0; r < ROLE_COUNT; r++) {
          const other = at(i + ROLE_OFFSETS[r]);
          if (scorer.accumulateRole) scorer.accumulateRole(other, r, base);
          else scorer.accumulate(other.roles[r], 0, other.roles[r].length, base);
        }
        const own = staticFeatures(s, i, scratch, range);
        scorer.accumulate(own.data, own.from, own.to, base);
      }
      // Earlier position of the same capitalised word in this sentence, if any.
      let same = -1;
      if (lex.capitalised) {
        for (let j = i - 1; j >= 0 && same < 0; j--) if (s.lexemes[j].capitalised && s.lexemes[j].lowerHash === lex.lowerHash) same = j;
      }
      const last = i === n - 1;
      let kept = 0;
      for (let k = 0; k < size; k++) {
        const p1 = i > 0 ? labelBefore(i, k, 1) : 31;
        const p2 = i > 1 ? labelBefore(i, k, 2) : 31;
        let remembered = -1;
        if (lex.capitalised) remembered = same >= 0 ? memoryValue(labelBefore(i, k, i - same)) : memory.get(lex.lowerHash) ?? 0;
        const d = dynamicFeatures(dynamic, lex, p1, p2, remembered);
        scores.set(base);
        scorer.accumulate(dynamic, 0, d, scores);
        const row = i === 0 ? 0 : (p1 + 1) * LABEL_COUNT;
        for (let c = 0; c < (outside ? 1 : LABEL_COUNT); c++) {
          if (!ALLOWED[row + c] || (last && !canEnd(c))) continue;
          const score = total[k] + scores[c];
          if (kept === width && score <= next[kept - 1]) continue;
          // Insert into the sorted top-`width` list.
          let pos = kept < width ? kept++ : kept - 1;
          while (pos > 0 && next[pos - 1] < score) {
            next[pos] = next[pos - 1];
            nextLabel[pos] = nextLabel[pos - 1];
            nextParent[pos] = nextParent[pos - 1];
            pos--;
          }
          next[pos] = score;
          nextLabel[pos] = c;
          nextParent[pos] = k;
        }
      }
      // Hypotheses far behind the best are dropped early: most tokens are clear-cut, and the beam then costs no more than greedy decoding.
      while (kept > 1 && next[kept - 1] < next[0] - scoreMargin) kept--;
      for (let k = 0; k < kept; k++) {
        label[i * width + k] = nextLabel[k];
        parent[i * width + k] = nextParent[k];
      }
      [total, next] = [next, total];
      size = kept;
    }
    // Follow the best hypothesis back.
    const labels = new Uint8Array(n);
    let k = 0;
    for (let i = n - 1; i >= 0; i--) {
      labels[i] = label[i * width + k];
      k = parent[i * width + k];
    }
    labels.forEach((l, i) => {
      if (s.lexemes[i].capitalised) memory.set(s.lexemes[i].lowerHash, memoryValue(l));
    });
    return labels;
  });
}
