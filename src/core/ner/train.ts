/**
 * Training of the entity tagger: a greedy averaged perceptron (Collins 2002; Ratinov & Roth 2009)
 * over hashed features. Pure code so the same feature and decoding functions serve training and use.
 */
import { chunksFromTags } from './conlleval';
import { prepareDocument, PreparedSentence } from './features';
import { SMALL_WORDS } from './recase';
import { normalizeWord } from './lexeme';
import { Gazetteer, GIVEN_NAME } from './gazetteer';
import { CONLL_TYPES, LABEL_COUNT, labelsFromChunks } from './labels';
import { tagDocument, Scorer } from './tagger';
import { PackedWeights } from './weights';

/** A sentence of a CoNLL file: words and their gold tags (IOB1 or IOB2). */
export interface LabelledSentence {
  words: string[];
  tags: string[];
}

/** A document: consecutive sentences between two -DOCSTART- lines. */
export type LabelledDocument = LabelledSentence[];

/** Dense weights with the running sum needed for averaging (Daumé's trick: avg = w − u / c). */
export class AveragedPerceptron implements Scorer {
  readonly weights: Float32Array;
  private readonly sums: Float64Array;
  private updates = 1;
  private readonly shift: number;

  constructor(readonly bits: number) {
    this.shift = 32 - bits;
    this.weights = new Float32Array((1 << bits) * LABEL_COUNT);
    this.sums = new Float64Array((1 << bits) * LABEL_COUNT);
  }

  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    for (let f = from; f < to; f++) {
      const base = (feats[f] >>> this.shift) * LABEL_COUNT;
      for (let c = 0; c < LABEL_COUNT; c++) out[c] += this.weights[base + c];
    }
  }

  /** One perceptron step: reward the gold label, penalise the wrong best one. */
  learn(feats: Uint32Array, count: number, gold: number, best: number): void {
    this.updates++;
    if (gold === best) return;
    for (let f = 0; f < count; f++) {
      const base = (feats[f] >>> this.shift) * LABEL_COUNT;
      this.weights[base + gold] += 1;
      this.sums[base + gold] += this.updates;
      this.weights[base + best] -= 1;
      this.sums[base + best] -= this.updates;
    }
  }

  /** The averaged weights as a new dense array. */
  averaged(): Float32Array {
    const out = new Float32Array(this.weights.length);
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i] - this.sums[i] / this.updates;
    return out;
  }
}

/** Scores with a plain dense array (e.g. averaged weights). */
export class DenseScorer implements Scorer {
  private readonly shift: number;
  constructor(readonly bits: number, readonly weights: Float32Array) {
    this.shift = 32 - bits;
  }
  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    for (let f = from; f < to; f++) {
      const base = (feats[f] >>> this.shift) * LABEL_COUNT;
      for (let c = 0; c < LABEL_COUNT; c++) out[c] += this.weights[base + c];
    }
  }
}

/** Name lists from the gold entities of some documents (with `givenNames`, also the first words of people's full names). */
export function buildGazetteer(docs: readonly LabelledDocument[], givenNames = false): Gazetteer {
  const g = new Gazetteer();
  for (const doc of docs) {
    for (const s of doc) {
      const words = s.words.map(normalizeWord);
      for (const c of chunksFromTags(s.tags)) {
        const t = CONLL_TYPES.indexOf(c.type as (typeof CONLL_TYPES)[number]);
        if (t >= 0) g.add(words.slice(c.start, c.end), t);
        // The first word of a person's full name is a given name (type index GIVEN_NAME): "Omar" of
        // "Omar Bakri" helps read "Omar" as a person where a town of that name is listed too.
        const first = words[c.start];
        if (givenNames && t === 0 && c.end - c.start > 1 && /^\p{Lu}\p{Ll}+$/u.test(first)) g.add([first], GIVEN_NAME);
      }
    }
  }
  return g;
}

/**
 * Words usually written in lower case: seen in lower case (letters only) at least `min` times in the
 * documents, and more often than capitalised inside a sentence ("mass" is one, "bush" is not).
 * A capitalised common word is less likely a name, above all in a headline or at a sentence start.
 */
export function commonWords(docs: readonly LabelledDocument[], min = 2): Set<string> {
  const lower = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const doc of docs) {
    for (const s of doc) {
      const caps = !s.words.some((w) => /\p{Ll}/u.test(w));
      s.words.forEach((w, i) => {
        if (/^\p{Ll}+$/u.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
        else if (!caps && i > 0 && /^\p{Lu}\p{Ll}+$/u.test(w)) capitalised.set(w.toLowerCase(), (capitalised.get(w.toLowerCase()) ?? 0) + 1);
      });
    }
  }
  return new Set([...lower].filter(([w, n]) => n >= min && n > (capitalised.get(w) ?? 0)).map(([w]) => w));
}

/**
 * Sets the all-capitals sentences (headlines, datelines) of every `every`-th document in title case
 * instead ("SOCCER - JAPAN GET LUCKY WIN" → "Soccer - Japan Get Lucky Win"), gold tags unchanged:
 * CoNLL-2003 has hardly any title-case headlines, which are common in web articles.
 */
export function withTitleCaseHeadlines(docs: readonly LabelledDocument[], every = 2): LabelledDocument[] {
  return docs.map((doc, d) =>
    d % every !== every - 1
      ? doc
      : doc.map((s) => {
          const letters = s.words.filter((w) => /\p{L}/u.test(w));
          if (letters.length === 0 || letters.some((w) => /\p{Ll}/u.test(w))) return s;
          const words = s.words.map((w, i) => {
            if (!/^\p{Lu}{2,}$/u.test(w) && !/^\p{Lu}{2,}[-']\p{Lu}+$/u.test(w)) return w;
            const lower = w.toLowerCase();
            if (i > 0 && SMALL_WORDS.has(lower)) return lower;
            return lower.replace(/(^|[-'])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
          });
          return { words, tags: s.tags };
        }),
  );
}

/** Gold BILOU labels of a document. */
export function goldLabels(doc: LabelledDocument): Uint8Array[] {
  return doc.map((s) => labelsFromChunks(chunksFromTags(s.tags), s.words.length));
}

/**
 * Static features of the training documents. Each document's name-list features come from the
 * other folds only (jackknifing), so the tagger learns how far a list match can be trusted on
 * names it has not seen, instead of trusting lists that always contain the answer.
 */
export function prepareTrainingSet(docs: readonly LabelledDocument[], folds: number, common?: ReadonlySet<string>, places?: Gazetteer, givenNames = false): PreparedSentence[][] {
  const lists = Array.from({ length: folds }, (_, k) => buildGazetteer(docs.filter((_, d) => d % folds !== k), givenNames));
  // The broad place list owes nothing to the training data: every document sees all of it, as text in use does.
  return docs.map((doc, d) => prepareDocument(doc.map((s) => s.words), { names: lists[d % folds], common, places }));
}

/** Deterministic shuffle (mulberry32), so training runs are reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** One training pass over the documents in the given order. */
export function trainEpoch(model: AveragedPerceptron, prepared: readonly PreparedSentence[][], gold: readonly Uint8Array[][], order: readonly number[]): void {
  const learn = (feats: Uint32Array, count: number, g: number, best: number) => model.learn(feats, count, g, best);
  for (const d of order) tagDocument(prepared[d], model, gold[d], learn);
}

/**
 * Packs dense weights: quantises them to signed bytes with one shared scale and drops rows whose
 * largest quantised magnitude is below `minLevel` (at least 1: all-zero rows are always dropped).
 */
export function pack(bits: number, dense: Float32Array, minLevel = 1): PackedWeights {
  let max = 0;
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i]));
  const scale = max / 127;
  const buckets: number[] = [];
  const values: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    const base = b * LABEL_COUNT;
    let rowMax = 0;
    for (let c = 0; c < LABEL_COUNT; c++) rowMax = Math.max(rowMax, Math.abs(dense[base + c]));
    if (Math.round(rowMax / scale) < Math.max(1, minLevel)) continue;
    buckets.push(b);
    for (let c = 0; c < LABEL_COUNT; c++) values.push(Math.round(dense[base + c] / scale));
  }
  return new PackedWeights(bits, LABEL_COUNT, Int32Array.from(buckets), Int8Array.from(values), scale);
}
