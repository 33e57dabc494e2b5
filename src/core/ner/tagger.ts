/**
 * Left-to-right decoding with BILOU constraints: greedy (tagDocument, used in training) and beam
 * search (tagDocumentBeam, used at run time and by online learning). Each token is labelled from its static features
 * plus features of the tagger's own earlier decisions: the two previous labels, and the label last
 * given to the same word earlier in the document (document-level consistency, Ratinov & Roth 2009).
 */
import { FeatureBuffer, PreparedSentence, tokenFeatures } from './features';
import { Lexeme, roleFeatures, ROLE_COUNT, ROLE_OFFSETS, SENTENCE_END, SENTENCE_START } from './lexeme';
import { mix } from './hash';
import { ALLOWED, canEnd, LABEL_COUNT, labelType, NEXT_FROM, NEXT_LABELS } from './labels';
import { D, endDocument, MEMORY_OUTSIDE, rolesAt, ROWS, rowOf, startDocument, startSentence, wordRow } from './wordScores';

/** Adds up label weights of features. */
export interface Scorer {
  /** Adds the weights of feats[from, to) to `out` (one entry per label). */
  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void;
  /** Trained weight of one score unit, when scores are scaled (quantised weights). */
  readonly scale?: number;
}

/** Called during training for every token, with the features seen and the gold and best-scoring labels. */
export type LearnHook = (feats: Uint32Array, count: number, gold: number, best: number) => void;

/** Writes the features on earlier decisions into `out`; `remembered` is -1 for words not remembered. Returns their count. */
export function dynamicFeatures(out: Uint32Array, lex: Lexeme, p1: number, p2: number, remembered: number): number {
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
      {
        // The full feature list, as training needs it; the beam decoder must score the same features.
        const own = staticFeatures(s, i, scratch, range);
        const needed = 64 + own.to - own.from + d;
        for (let r = 0; r < ROLE_COUNT; r++) {
          const feats = roleFeatures(at(i + ROLE_OFFSETS[r]))[r];
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
 * The decoder's work arrays, kept from one call to the next (a call decodes its document to the end
 * synchronously, so no two calls share them at once): made per call, their allocation showed in the profile.
 * Every entry of `label` and `parent` that a call reads, it has written before.
 */
const work = {
  pair: new Uint32Array(2),
  base: new Float64Array(LABEL_COUNT),
  base2: new Float64Array(LABEL_COUNT),
  scratch: new FeatureBuffer(),
  label: new Uint8Array(0),
  parent: new Uint8Array(0),
  // Offsets of the role scores of a sentence's tokens and of the stand-ins around it (see roleAt below).
  roleAt: new Int32Array(64),
};
// Work arrays are kept after a call up to this size: 24 bytes a token at beam width 4 (they are made twice
// the longest sentence's size), so for sentences of up to some 80,000 tokens. A longer one (a table or a
// list without full stops, read as one sentence) leaves them to be made again at the next call.
const WORK_BYTES_KEPT = 2 << 20;

/** Bytes the decoder's work arrays hold between calls (for tests of their bound). */
export function decoderWorkBytes(): number {
  return work.label.byteLength + work.parent.byteLength + work.roleAt.byteLength;
}

/**
 * Beam-search decoding with the same features as greedy decoding: keeps the `width` best label
 * sequences of each sentence, so one early mistake (a "North" that opens a place) need not force
 * the rest of the name. Each hypothesis sees its own earlier labels, in the document memory too.
 * Hypotheses more than `margin` (in trained weight units) behind the best are dropped. With
 * `skipLowercase`, lower-case words outside names are labelled O without scoring (faster; on
 * CoNLL-2003 dev 6 of 5,942 names start in lower case).
 *
 * Speed: the scores of a word's own features are cached per scorer (wordScores.ts), and so are the
 * scores of the features on earlier decisions, which take only a few hundred values (label pairs,
 * previous label × word); so a token costs a handful of table additions and no hashing, except for
 * the few features on its neighbours (tokenFeatures).
 */
export function tagDocumentBeam(doc: readonly PreparedSentence[], scorer: Scorer, width: number, margin = Infinity, skipLowercase = false): Uint8Array[] {
  const scoreMargin = margin / (scorer.scale ?? 1);
  const tables = startDocument(scorer);
  const { prev1: prev1Scores, prev2: prev2Scores, memory: memoryScores } = tables;
  const { pair, base, base2, scratch } = work;
  let roleAt = work.roleAt;
  const memory = new Map<number, number>();
  const range: FeatureRange = { data: scratch.data, from: 0, to: 0 };
  // The beam: per position and slot, the label and the slot it extends (back-pointers).
  let { label, parent } = work;
  let total = new Float64Array(width);
  let next = new Float64Array(width);
  const nextLabel = new Uint8Array(width);
  const nextParent = new Uint8Array(width);
  // A loop rather than doc.map: the beam's arrays, reassigned per sentence and swapped per token, stay locals
  // of one function instead of captured variables that every access reads from the closure's context.
  const result: Uint8Array[] = [];
  for (const s of doc) {
    const n = s.length;
    if (label.length < n * width) {
      label = work.label = new Uint8Array(2 * n * width);
      parent = work.parent = new Uint8Array(2 * n * width);
    }
    const lexemes = s.lexemes;
    // Where the role scores of each token and of the stand-ins two places around the sentence are, looked
    // up once (a token's are read by itself and its four neighbours): roleAt[i + 2] is token i's.
    if (roleAt.length < n + 4) roleAt = work.roleAt = new Int32Array(2 * (n + 4));
    startSentence(tables, n);
    roleAt[0] = roleAt[1] = rolesAt(SENTENCE_START, tables, scorer, base2);
    for (let j = 0; j < n; j++) roleAt[j + 2] = rolesAt(lexemes[j], tables, scorer, base2);
    roleAt[n + 2] = roleAt[n + 3] = rolesAt(SENTENCE_END, tables, scorer, base2);
    // Read after the look-ups, which may have grown it.
    const roles = tables.arena.roles;
    let size = 1;
    total[0] = 0;
    for (let i = 0; i < n; i++) {
      const lex = lexemes[i];
      // A lower-case word after a closed name is outside any name (CoNLL names start with a capital,
      // a digit or a symbol): it gets O, and only the features of earlier decisions, which rank the
      // hypotheses, are scored. With one hypothesis left, not even those.
      let outside = skipLowercase && lex.neverStarts && i > 0;
      if (outside) {
        for (let k = 0; k < size && outside; k++) if (!canEnd(label[(i - 1) * width + k])) outside = false;
      }
      if (outside && size === 1) {
        label[i * width] = 0;
        parent[i * width] = 0;
        continue;
      }
      if (!outside) {
        // The word's own role and its four neighbours' (ROLE_OFFSETS), added in that order in one
        // pass: one store per label instead of five read-modify-writes (a sixth of the decoder's time).
        const own0 = roleAt[i + 2];
        const before1 = roleAt[i + 1] + LABEL_COUNT;
        const after1 = roleAt[i + 3] + 2 * LABEL_COUNT;
        const before2 = roleAt[i] + 3 * LABEL_COUNT;
        const after2 = roleAt[i + 4] + 4 * LABEL_COUNT;
        for (let c = 0; c < LABEL_COUNT; c++) {
          base[c] = roles[own0 + c] + roles[before1 + c] + roles[after1 + c] + roles[before2 + c] + roles[after2 + c];
        }
        const own = staticFeatures(s, i, scratch, range);
        scorer.accumulate(own.data, own.from, own.to, base);
      }
      // Earlier position of the same capitalised word in this sentence, if any.
      let same = -1;
      if (lex.capitalised) {
        for (let j = i - 1; j >= 0 && same < 0; j--) if (lexemes[j].capitalised && lexemes[j].lowerHash === lex.lowerHash) same = j;
      }
      const rememberedInDoc = lex.capitalised && same < 0 ? memory.get(lex.lowerHash | 0) ?? 0 : -1;
      // A name must be closed at the end of the sentence and before a weekday, which is never part of
      // one: "Panmunjeom Thursday" is a place and a day, not a two-word name.
      const last = i === n - 1 || lexemes[i + 1].weekday;
      const labelCount = outside || lex.weekday ? 1 : LABEL_COUNT;
      let kept = 0;
      for (let k = 0; k < size; k++) {
        let p1 = 31;
        let p2 = 31;
        if (i > 0) {
          p1 = label[(i - 1) * width + k];
          if (i > 1) p2 = label[(i - 2) * width + parent[(i - 1) * width + k]];
        }
        let remembered = rememberedInDoc;
        if (same >= 0) {
          let slot = k;
          for (let j = i - 1; j > same; j--) slot = parent[j * width + slot];
          remembered = memoryValue(label[same * width + slot]);
        }
        const r1 = rowOf(p1);
        const atWord = wordRow(lex, tables, scorer, r1, pair, base2);
        const at1 = r1 * LABEL_COUNT;
        const at2 = (r1 * ROWS + rowOf(p2)) * LABEL_COUNT;
        let atMemory = -1;
        let atMemoryShape = -1;
        if (remembered >= 0) {
          atMemoryShape = wordRow(lex, tables, scorer, ROWS + remembered, pair, base2);
          atMemory = remembered * LABEL_COUNT;
        }
        // Read after the look-ups, which may have grown it.
        const words = tables.arena.words;
        // Only the labels allowed after p1 (and, at the end, those that close a name), in label order.
        const next2 = (i === 0 ? 0 : (p1 + 1) * 2) + (last ? 1 : 0);
        const from = NEXT_FROM[next2];
        let to = NEXT_FROM[next2 + 1];
        if (labelCount === 1) to = from < to && NEXT_LABELS[from] === 0 ? from + 1 : from;
        for (let e = from; e < to; e++) {
          const c = NEXT_LABELS[e];
          let score = total[k] + prev1Scores[at1 + c] + prev2Scores[at2 + c] + words[atWord + c];
          if (!outside) score += base[c];
          if (atMemory >= 0) score += memoryScores[atMemory + c] + words[atMemoryShape + c];
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
      const swap = total;
      total = next;
      next = swap;
      size = kept;
    }
    // Follow the best hypothesis back.
    const labels = new Uint8Array(n);
    let k = 0;
    for (let i = n - 1; i >= 0; i--) {
      labels[i] = label[i * width + k];
      k = parent[i * width + k];
    }
    for (let i = 0; i < n; i++) if (lexemes[i].capitalised) memory.set(lexemes[i].lowerHash | 0, memoryValue(labels[i]));
    result.push(labels);
  }
  endDocument(tables);
  if (decoderWorkBytes() > WORK_BYTES_KEPT) {
    work.label = new Uint8Array(0);
    work.parent = new Uint8Array(0);
    work.roleAt = new Int32Array(64);
  }
  return result;
}
