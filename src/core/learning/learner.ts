/**
 * The one path every decision of the user takes to change suggestions, shared by the extension
 * (src/features/lexicon.ts) and the learning benchmark (scripts/eval-learning.mjs), so that what is
 * measured is what the user gets.
 *
 * A decision on one mention (accept, reject, tag, retype) reaches:
 * - that mention (the sidecar keeps it; nothing here);
 * - for a confirmation, the name's other mentions, as a suggestion (the lexicon's confirmed list);
 * - for a confirmation, the entity model, by a correction of the decided words' own features
 *   (core/ner/online.ts), undone when it would break an earlier decision in the same document (the self-check).
 * A rejection of one mention is never applied to other mentions by its text: "North" the adjective
 * rejected once leaves "North" the place alone. Rejecting a text in a document or everywhere is
 * the user's explicit choice (lexicon entries with or without `document`).
 */
import type { EntityType, Mention } from '../model';
import { DEFAULT_MODEL_LEARNING, OnlineAdjustments, recognizeEntities, shippedEntityModel, type EntityDecision, type EntityModel, type ModelLearningOptions } from '../ner';
import { createDefaultPipeline, type RecognitionPipeline } from '../recognition';
import { addDecisions, EMPTY_LEXICON, type Lexicon, type LexiconEntry } from './lexicon';
import { DEFAULT_HINTS, Learned, type HintReach } from './learned';

/** A decided annotation, as the sidecar store reports it. */
export interface Decided {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  status: 'suggested' | 'confirmed' | 'rejected';
}

/** How far a decision reaches: the options the learning benchmark compares. */
export interface LearningOptions {
  /** A confirmed name is suggested at its other mentions. */
  names: boolean;
  /** Where a confirmed name may replace a model suggestion (it always fills gaps). */
  hints: HintReach;
  /** A rejected mention's text is rejected everywhere (the behaviour before issue 10; benchmark only). */
  rejectEverywhere: boolean;
  /** The model correction, or undefined for none. */
  model: ModelLearningOptions | undefined;
  /** Undo a model correction that breaks an earlier decision in the same document. */
  selfCheck: boolean;
  /**
   * Rejections of single mentions correct the model too. Off by default: the model learns the
   * decided words, and a word's features are the same at every mention, so teaching it that this
   * "North" is no place would teach it that no "North" is.
   */
  rejections: boolean;
}

/** The design chosen by the benchmark (README, "Learning from you"). */
export const DEFAULT_LEARNING: LearningOptions = { names: true, hints: DEFAULT_HINTS, rejectEverywhere: false, model: DEFAULT_MODEL_LEARNING, selfCheck: true, rejections: false };

/** The lexicon entries a document's mention decisions teach (what `Learner.decide` adds). */
export function lexiconEntriesOf(annotations: readonly Decided[], options: LearningOptions = DEFAULT_LEARNING): { confirmed: LexiconEntry[]; rejected: LexiconEntry[] } {
  const of = (status: Decided['status']) => annotations.filter((a) => a.status === status && a.text.trim()).map((a) => ({ text: a.text, type: a.type }));
  return { confirmed: options.names ? of('confirmed') : [], rejected: options.rejectEverywhere ? of('rejected') : [] };
}

/** Self-checks look at documents up to this size (UTF-16 units); a larger one is not tagged again per decision. */
const SELF_CHECK_LIMIT = 200_000;

/**
 * Corrections of the entity model from the user's decisions, each decision learnt once per document
 * (the store reports every annotation of a document at each change).
 */
export class ModelLearner {
  readonly adjustments: OnlineAdjustments;
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    readonly options: LearningOptions = DEFAULT_LEARNING,
    base: EntityModel = shippedEntityModel(),
  ) {
    this.adjustments = new OnlineAdjustments(base, options.model ?? DEFAULT_MODEL_LEARNING);
  }

  /** The model to tag with: undefined while nothing was learnt (the shipped model). */
  model(): EntityModel | undefined {
    return this.adjustments.size ? this.adjustments.model() : undefined;
  }

  /**
   * Learns a document's new decisions (`document` is any key naming it). Returns whether the model
   * changed. With the self-check, a correction that would make the model contradict a decision of
   * this document it agreed with before is undone.
   */
  learn(document: string, text: string, annotations: readonly Decided[]): boolean {
    if (!this.options.model) return false;
    const seen = this.seen.get(document) ?? new Set<string>();
    this.seen.set(document, seen);
    const fresh: EntityDecision[] = [];
    const all: EntityDecision[] = [];
    for (const a of annotations) {
      if ((a.status !== 'confirmed' && a.status !== 'rejected') || text.slice(a.start, a.end) !== a.text) continue;
      const d = { start: a.start, end: a.end, type: a.type, status: a.status };
      all.push(d);
      const key = `${a.start}:${a.end}:${a.type}:${a.status}:${a.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (a.status === 'confirmed' || this.options.rejections) fresh.push(d);
    }
    if (fresh.length === 0) return false;
    const check = this.options.selfCheck && text.length <= SELF_CHECK_LIMIT;
    const snapshot = check ? this.adjustments.snapshot() : undefined;
    const held = check ? agreement(text, this.adjustments.model(), all) : undefined;
    if (!this.adjustments.learn(text, fresh)) return false;
    if (snapshot && held) {
      const now = agreement(text, this.adjustments.model(), all);
      if (held.some((ok, k) => ok && !now[k])) {
        this.adjustments.restore(snapshot);
        return false;
      }
    }
    return true;
  }

  /** Forgets what was learnt from a document's decisions so far, or from every document's (they may be learnt again). */
  forgetSeen(document?: string): void {
    if (document === undefined) this.seen.clear();
    else this.seen.delete(document);
  }
}

/** Per decision, whether the model's suggestions agree with it (a confirmed name found with its type, a rejected one not). */
function agreement(text: string, model: EntityModel, decisions: readonly EntityDecision[]): boolean[] {
  const found = new Set(recognizeEntities(text, model, true).map((m) => `${m.start}:${m.end}:${m.type}`));
  return decisions.map((d) => found.has(`${d.start}:${d.end}:${d.type}`) === (d.status === 'confirmed'));
}

/**
 * A whole learner for one workspace folder, in memory: the lexicon, the model corrections and the
 * suggestions they give. The extension keeps the same parts in files (src/features/lexicon.ts);
 * tests and the learning benchmark use this.
 */
export class Learner {
  lexicon: Lexicon = EMPTY_LEXICON;
  readonly model: ModelLearner;
  private pipeline: { model: EntityModel | undefined; pipeline: RecognitionPipeline } | undefined;

  constructor(readonly options: LearningOptions = DEFAULT_LEARNING, base?: EntityModel) {
    this.model = new ModelLearner(options, base);
  }

  /** Learns from a document's annotations (all of them, as the sidecar store reports them after each change). */
  decide(document: string, text: string, annotations: readonly Decided[]): void {
    const { confirmed, rejected } = lexiconEntriesOf(annotations, this.options);
    this.lexicon = addDecisions(this.lexicon, confirmed, rejected);
    this.model.learn(document, text, annotations);
  }

  /** Records explicit decisions on texts, in one document or (without `document`) everywhere. */
  decideText(entries: readonly LexiconEntry[], status: 'confirmed' | 'rejected'): void {
    this.lexicon = status === 'confirmed' ? addDecisions(this.lexicon, [...entries], []) : addDecisions(this.lexicon, [], [...entries]);
  }

  /** The suggestions for a document's text, as the extension shows them (before the sidecar hides decided ones). */
  suggest(text: string, document?: string, documentDate?: string): Mention[] {
    const model = this.model.model();
    // The model object changes whenever something is learnt: a new pipeline, so no cached paragraph is stale.
    const current = this.pipeline?.model === model && this.pipeline ? this.pipeline : { model, pipeline: createDefaultPipeline({ entityModel: model }) };
    this.pipeline = current;
    const context = { documentDate };
    return new Learned(this.lexicon, [], this.options.hints).apply(text, current.pipeline.recognize(text, context), context, document);
  }
}
