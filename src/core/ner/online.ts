/**
 * Local, online learning for the entity tagger. The shipped weights stay untouched: the user's
 * decisions become a small sparse table of weight corrections (`OnlineAdjustments`) added on top of
 * them when scoring (`AdjustedWeights`). A correction is a perceptron update, the same rule the
 * tagger was trained with, run on the sentences that hold confirmed or rejected names; since it
 * changes every feature of the token (its context words as much as the name itself), it carries
 * over to other names in the same kind of context.
 */
import type { EntityType } from '../model';
import { FeatureBuffer, prepareDocument, tokenFeatures, type PreparedSentence } from './features';
import { roleFeatures, ROLE_COUNT, ROLE_OFFSETS, SENTENCE_END, SENTENCE_START } from './lexeme';
import { chunksFromLabels, CONLL_TYPES, LABEL_COUNT, labelsFromChunks, ALLOWED, canEnd } from './labels';
import { dynamicFeatures, tagDocumentBeam, type Scorer } from './tagger';
import { splitSentences, tokenize, type Token } from './tokenize';
import type { PackedWeights } from './weights';
import type { EntityModel } from './entityModel';

/** A user's decision on a span of a text: this is (`confirmed`) or is not (`rejected`) a name of this type. */
export interface EntityDecision {
  start: number;
  end: number;
  type: EntityType;
  status: 'confirmed' | 'rejected';
}

/** The serialisable form of the corrections: rows of [bucket, label, value, label, value, …]. */
export interface AdjustmentsData {
  format: 'factmark-ner-adjustments';
  version: 1;
  /** Feature hash bits of the model the corrections belong to. */
  bits: number;
  /**
   * The identity (`modelId`) of the model the corrections were saved with (learnt on, or kept for after
   * an update); absent in files saved before Factmark recorded it (learnt on an earlier model). An optional field, not a version 2, so that an
   * older Factmark still reads the file.
   */
  model?: string;
  rows: number[][];
}

/**
 * Whether saved corrections were learnt on this model (`same`), on another (`other`: Factmark's model
 * was updated since), or on one not recorded (`unknown`: saved before the stamp, an earlier model).
 */
export function correctionsModel(data: Pick<AdjustmentsData, 'model'>, model: EntityModel): 'same' | 'other' | 'unknown' {
  if (typeof data.model !== 'string') return 'unknown';
  return data.model === model.id ? 'same' : 'other';
}

const TYPE_INDEX: Record<string, number> = { PERSON: 0, ORGANIZATION: 1, PLACE: 2, MISC: 3 };

/** How strongly and how widely one decision corrects the model. */
export interface ModelLearningOptions {
  /** `name`: only the decided words' own features; `context`: every feature of their tokens. */
  reach: 'name' | 'context';
  /** How far (in trained weight units) the user's label must lead the runner-up after learning. */
  margin: number;
  /** Perceptron passes over a sentence at most, until the tagger labels it as decided. */
  passes: number;
}

/** The design chosen by the learning benchmark (README, "Learning from you"). */
export const DEFAULT_MODEL_LEARNING: ModelLearningOptions = { reach: 'name', margin: 10, passes: 4 };

/** Scores with the shipped weights plus sparse corrections (score units of the base). */
export class AdjustedWeights implements Scorer {
  private readonly shift: number;
  readonly scale: number;

  constructor(
    readonly base: PackedWeights,
    private readonly rows: ReadonlyMap<number, Float64Array>,
  ) {
    this.shift = 32 - base.bits;
    this.scale = base.scale;
  }

  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    this.base.accumulate(feats, from, to, out);
    const rows = this.rows;
    for (let f = from; f < to; f++) {
      const row = rows.get(feats[f] >>> this.shift);
      if (row) for (let c = 0; c < LABEL_COUNT; c++) out[c] += row[c];
    }
  }
}

/**
 * Weight corrections learnt from the user's decisions, for one model. `learn` updates them;
 * `model` is the model to tag with (a new object after each change, so cached scores never go stale).
 */
export class OnlineAdjustments {
  private readonly rows = new Map<number, Float64Array>();
  private current: EntityModel | undefined;
  private readonly shift: number;

  constructor(
    readonly base: EntityModel,
    readonly options: ModelLearningOptions = DEFAULT_MODEL_LEARNING,
  ) {
    this.shift = 32 - base.weights.bits;
  }

  /** A copy of the corrections, to go back to (see `restore`). */
  snapshot(): Map<number, Float64Array> {
    return new Map([...this.rows].map(([k, w]) => [k, w.slice()]));
  }

  /** Goes back to corrections taken by `snapshot`. */
  restore(snapshot: ReadonlyMap<number, Float64Array>): void {
    this.rows.clear();
    for (const [k, w] of snapshot) this.rows.set(k, w.slice());
    this.current = undefined;
  }

  /** Number of feature rows with a correction. */
  get size(): number {
    return this.rows.size;
  }

  /** The base model with the corrections (the base itself while there are none). */
  model(): EntityModel {
    if (this.rows.size === 0) return this.base;
    return (this.current ??= { ...this.base, scorer: new AdjustedWeights(this.base.weights, this.rows) });
  }

  /**
   * Learns from decisions on a text: each sentence holding a decision on a person, organisation,
   * place or MISC name is relabelled as decided (the rest of it as the tagger labels it now) and
   * the corrections are updated until the tagger agrees (at most a few passes). Returns whether
   * anything changed. Decisions on other types (dates, custom labels) are ignored.
   */
  learn(text: string, decisions: readonly EntityDecision[]): boolean {
    const relevant = decisions.filter((d) => d.type in TYPE_INDEX && d.end > d.start);
    if (relevant.length === 0) return false;
    const sentences = splitSentences(text, tokenize(text));
    let changed = false;
    for (const tokens of sentences) {
      if (tokens.length === 0) continue;
      const from = tokens[0].start;
      const to = tokens[tokens.length - 1].end;
      const here = relevant.filter((d) => d.start < to && d.end > from);
      if (here.length === 0) continue;
      if (this.learnSentence(tokens, here)) changed = true;
    }
    return changed;
  }

  private learnSentence(tokens: readonly Token[], decisions: readonly EntityDecision[]): boolean {
    const words = tokens.map((t) => t.text);
    const prepared = prepareDocument([words], this.base, false, true);
    const before = this.model();
    const predicted = tagDocumentBeam(prepared, before.scorer ?? before.weights, 4, 30, true)[0];
    // Mistake-driven: a sentence the tagger already labels as decided teaches nothing, so learning
    // the same decisions again (every time a sidecar is saved) changes nothing.
    const target = targetLabels(tokens, predicted, decisions);
    if (!target) return false;
    // Only the decided tokens are corrected: the rest of the sentence is labelled as the tagger labels it.
    const decided = decidedTokens(tokens, decisions);
    for (let pass = 0; pass < this.options.passes; pass++) {
      this.current = undefined;
      const model = this.model();
      if (!this.update(prepared[0], target, decided, model.scorer ?? model.weights)) break;
    }
    this.current = undefined;
    return true;
  }

  /**
   * One perceptron pass along the target labels: wherever another label scores within the margin of
   * the target one (or above it), the target label's weights go up and the other's down, on the
   * token's features that the reach allows (see ModelLearningOptions). Returns whether anything was updated.
   */
  private update(s: PreparedSentence, target: Uint8Array, decided: Uint8Array, scorer: Scorer): boolean {
    const scale = scorer.scale ?? 1;
    const step = 1 / scale;
    const margin = this.options.margin / scale;
    const nameOnly = this.options.reach === 'name';
    const buffer = new FeatureBuffer();
    const dynamic = new Uint32Array(8);
    const scores = new Float64Array(LABEL_COUNT);
    let updated = false;
    for (let i = 0; i < s.length; i++) {
      if (nameOnly && !decided[i]) continue;
      buffer.length = 0;
      for (let r = 0; r < ROLE_COUNT; r++) {
        const j = i + ROLE_OFFSETS[r];
        const lex = j < 0 ? SENTENCE_START : j >= s.length ? SENTENCE_END : s.lexemes[j];
        for (const f of roleFeatures(lex)[r]) buffer.push(f);
      }
      tokenFeatures(s, i, buffer);
      const p1 = i > 0 ? target[i - 1] : 31;
      const p2 = i > 1 ? target[i - 2] : 31;
      // The document memory is empty here: a sentence is learnt on its own.
      const lex = s.lexemes[i];
      const d = dynamicFeatures(dynamic, lex, p1, p2, lex.capitalised ? 0 : -1);
      for (let k = 0; k < d; k++) buffer.push(dynamic[k]);
      scores.fill(0);
      scorer.accumulate(buffer.data, 0, buffer.length, scores);
      const gold = target[i];
      const row = i === 0 ? 0 : (p1 + 1) * LABEL_COUNT;
      let rival = -1;
      for (let c = 0; c < LABEL_COUNT; c++) {
        if (c === gold || !ALLOWED[row + c] || (i === s.length - 1 && !canEnd(c))) continue;
        if (rival < 0 || scores[c] > scores[rival]) rival = c;
      }
      if (rival < 0 || scores[gold] - scores[rival] >= margin) continue;
      // The word's own features: its form and lower-case form (role 0, after the bias), and the
      // word after the previous label (Prev1Word).
      const own = nameOnly ? [roleFeatures(lex)[0][1], roleFeatures(lex)[0][2], dynamic[2]] : undefined;
      const feats = own ?? buffer.data.subarray(0, buffer.length);
      for (let f = 0; f < feats.length; f++) {
        const bucket = feats[f] >>> this.shift;
        let w = this.rows.get(bucket);
        if (!w) this.rows.set(bucket, (w = new Float64Array(LABEL_COUNT)));
        w[gold] += step;
        w[rival] -= step;
      }
      updated = true;
    }
    return updated;
  }

  /** The corrections as plain data (JSON- and YAML-safe numbers, rounded to 1/1000 of a score unit). */
  toJSON(): AdjustmentsData {
    const rows: number[][] = [];
    for (const [bucket, w] of [...this.rows].sort((a, b) => a[0] - b[0])) {
      const row = [bucket];
      w.forEach((v, c) => {
        const rounded = Math.round(v * 1000) / 1000;
        if (rounded !== 0) row.push(c, rounded);
      });
      if (row.length > 1) rows.push(row);
    }
    const model = this.base.id === undefined ? {} : { model: this.base.id };
    return { format: 'factmark-ner-adjustments', version: 1, bits: this.base.weights.bits, ...model, rows };
  }

  /**
   * Restores corrections written by `toJSON` (replacing the current ones); throws on data for a model of
   * other hash bits. Corrections learnt on another model of the same bits are read (`correctionsModel`
   * tells them apart; whether to keep them is the caller's choice).
   */
  load(data: AdjustmentsData): void {
    if (data?.format !== 'factmark-ner-adjustments' || data.version !== 1 || !Array.isArray(data.rows)) throw new Error('not Factmark entity-model corrections');
    if (data.bits !== this.base.weights.bits) throw new Error(`corrections for a ${data.bits}-bit model, this one has ${this.base.weights.bits}`);
    this.rows.clear();
    for (const row of data.rows) {
      const w = new Float64Array(LABEL_COUNT);
      for (let k = 1; k + 1 < row.length; k += 2) if (row[k] >= 0 && row[k] < LABEL_COUNT && Number.isFinite(row[k + 1])) w[row[k]] = row[k + 1];
      this.rows.set(row[0], w);
    }
    this.current = undefined;
  }

  /** Forgets every correction. */
  clear(): void {
    this.rows.clear();
    this.current = undefined;
  }
}

/** Per token, 1 when a decision covers it. */
function decidedTokens(tokens: readonly Token[], decisions: readonly EntityDecision[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  tokens.forEach((t, k) => {
    if (decisions.some((d) => t.end > d.start && t.start < d.end)) out[k] = 1;
  });
  return out;
}

/**
 * The labels a sentence should have: the tagger's own, with each confirmed span labelled as
 * confirmed (names it overlaps removed) and each rejected name (same span and type) removed.
 * Undefined when the decisions change nothing (the tagger already agrees).
 */
function targetLabels(tokens: readonly Token[], predicted: Uint8Array, decisions: readonly EntityDecision[]): Uint8Array | undefined {
  let chunks = chunksFromLabels(predicted);
  const span = (d: EntityDecision): { start: number; end: number } | undefined => {
    let start = -1;
    let end = -1;
    tokens.forEach((t, k) => {
      if (t.end > d.start && t.start < d.end) {
        if (start < 0) start = k;
        end = k + 1;
      }
    });
    // Only decisions that cover whole tokens can be learnt.
    if (start < 0 || tokens[start].start !== d.start || tokens[end - 1].end !== d.end) return undefined;
    return { start, end };
  };
  for (const d of decisions) {
    const s = span(d);
    if (!s) continue;
    const type = CONLL_TYPES[TYPE_INDEX[d.type]];
    if (d.status === 'confirmed') {
      chunks = chunks.filter((c) => c.end <= s.start || c.start >= s.end);
      chunks.push({ type, start: s.start, end: s.end });
    } else {
      chunks = chunks.filter((c) => !(c.start === s.start && c.end === s.end && c.type === type));
    }
  }
  const target = labelsFromChunks(chunks, tokens.length);
  return target.every((l, k) => l === predicted[k]) ? undefined : target;
}
