/**
 * The exact occurrences of quotes in one new text, found and scored once and shared by every
 * anchor that asks (see searchCandidates in reanchor.ts). Many anchors on one short quote that
 * occurs thousands of times (20,000 entries on "Kim") each scanned the whole text and scored
 * every copy again: quadratic. Here a quote is looked up once per re-anchoring, the copies are
 * scored once per quote and context, and what depends on an anchor's predicted place (the copy
 * nearest to it) is found by binary search over copies kept in text order.
 */

import { MAX_OCCURRENCES, occurrences, type Candidate } from './match';
import { FuzzyMatches } from './fuzzy';
import { contextScorer, type ContextScorer } from './squashed';
import { findAll } from './findAll';
import { countBefore } from '../bisect';
import { Descending, RankedSides, rankable } from './ranked';
import { CONTEXT_LENGTH, prefixBefore, suffixAfter } from './context';
import { MAX_RIVALS } from './rivals';
import { hashString } from '../ner/hash';

/** The quote and context an anchor is searched with. */
export interface QuoteKey {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** The occurrences of one quote scored for one context. */
export class ScoredOccurrences {
  /** How many occurrences there are. */
  readonly count: number;
  private scoredAll?: readonly Candidate[];
  /** With many occurrences, those scoring highest met without scoring the others (ranked.ts). */
  private readonly ranked?: Descending;
  private readonly fitting = new Map<number, boolean>();
  private top?: { threshold: number; best: readonly Candidate[] };
  /** The highest score of an occurrence that fits or scores below `threshold` (see best). */
  private highest?: { threshold: number; score: number | undefined };
  private readonly score: ContextScorer;
  private tiedFrom?: { min: number; tied: readonly Candidate[] };

  constructor(
    private readonly text: string,
    private readonly starts: readonly number[],
    private readonly key: QuoteKey,
    private readonly fitsAt: (c: Candidate) => boolean,
    sides?: () => RankedSides,
  ) {
    this.count = starts.length;
    this.score = contextScorer(key.prefix, key.suffix);
    if (sides && starts.length > RANK_FROM && rankable(key)) this.ranked = new Descending(text, starts, key, sides());
  }

  /** Every occurrence, in text order, scored by context (0.5 without any); scored on first need. Never mutated. */
  get all(): readonly Candidate[] {
    return (this.scoredAll ??= this.starts.map((_, i) => this.candidate(i)));
  }

  /**
   * Every occurrence's score, by occurrence number. (Numbers, not candidates: a quote's first
   * SCORED_CONTEXTS contexts each kept tens of thousands of candidates to the end of a re-anchoring.)
   */
  private scores(): Float64Array {
    if (!this.scoredEach) {
      const all = new Float64Array(this.count);
      for (let i = 0; i < all.length; i++) all[i] = this.scoredAt(this.starts[i]).score;
      this.scoredEach = all;
    }
    return this.scoredEach;
  }
  private scoredEach?: Float64Array;

  /** The `i`-th occurrence, scored (from scores() when they were all scored). */
  private candidate(i: number): Candidate {
    const p = this.starts[i];
    return this.scoredEach ? { start: p, end: p + this.key.quote.length, text: this.key.quote, score: this.scoredEach[i] } : this.scoredAt(p);
  }

  private scoredAt(p: number): Candidate {
    const { key } = this;
    const len = key.quote.length;
    return { start: p, end: p + len, text: key.quote, score: this.score(this.text, p, p + len) ?? 0.5 };
  }

  /** The place could be the quote's (edges and sentence agree); computed once per occurrence. */
  fits(c: Candidate): boolean {
    let f = this.fitting.get(c.start);
    if (f === undefined) this.fitting.set(c.start, (f = this.fitsAt(c)));
    return f;
  }

  /** The occurrence starting at `at`, if any. */
  startingAt(at: number): Candidate | undefined {
    const { starts } = this;
    const i = countBefore(starts.length, (k) => starts[k] < at);
    return starts[i] === at ? this.scoredAt(at) : undefined;
  }

  /**
   * The first occurrence in the order "score descending, then distance to `hint`, then text
   * order" that fits or scores below `threshold`: the highest score held by such an occurrence
   * does not depend on the hint, so those holding it are kept once, and the nearest is found by
   * binary search. (Kept for the last `threshold` asked: one per re-anchoring.)
   */
  best(hint: number, threshold: number): Candidate | undefined {
    const eligible = (c: Candidate) => c.score < threshold || this.fits(c);
    if (this.top?.threshold !== threshold) {
      // The highest score first (ranking meets it without scoring the rest), then the occurrences
      // nearest the hint: when most occurrences tie (5 MB of words, a context that agrees nowhere but
      // next to the quote), one of the nearest holds it, and gathering all those tied for each
      // context scored every occurrence for every anchor, and kept them all. (Else, or past
      // NEAR_SCAN of them, the tied are gathered.)
      if (this.highest?.threshold !== threshold && !this.ranked && this.count > 0) {
        // All scored: the highest score is taken first, and below `threshold` it is the answer
        // (a place scoring below it is eligible) without sorting them all.
        let max = -Infinity;
        for (const x of this.scores()) if (x > max) max = x;
        if (max < threshold) this.highest = { threshold, score: max };
      }
      if (this.highest?.threshold !== threshold) {
        const desc = this.descending();
        let k = 0;
        let c = desc(0);
        while (c && !eligible(c)) c = desc(++k);
        this.highest = { threshold, score: c?.score };
      }
      const max = this.highest.score;
      if (max === undefined) return undefined;
      const near = this.nearestScoring(hint, (c) => c.score === max && eligible(c), 1);
      if (near?.length) return near[0];
    }
    if (this.top?.threshold !== threshold) {
      // Asked whether they fit from the highest score down, only until one does (or one scores
      // below `threshold`): asking every copy (an edge and sentence check, fuzzy on a side that
      // disagrees) for each anchor's context was quadratic in near-repeated records.
      const desc = this.descending();
      let k = 0;
      let c = desc(0);
      while (c && !eligible(c)) c = desc(++k);
      const best: Candidate[] = [];
      // (Of equal scores, those before k did not fit.)
      for (const max = c?.score; c && c.score === max; c = desc(++k)) if (eligible(c)) best.push(c);
      // (In text order: the nearest is found by binary search.)
      this.top = { threshold, best: best.sort((x, y) => x.start - y.start) };
    }
    return nearest(this.top.best, hint, 1)[0];
  }

  /**
   * The `k` occurrences nearest `hint` that satisfy `wanted`, nearest first (of two as near, the
   * earlier), as {@link nearest} picks among those that do; fewer only when no others do. Undefined
   * when the NEAR_SCAN nearest occurrences do not tell.
   */
  private nearestScoring(hint: number, wanted: (c: Candidate) => boolean, k: number): Candidate[] | undefined {
    const { starts } = this;
    let r = countBefore(starts.length, (i) => starts[i] < hint);
    let l = r - 1;
    const found: Candidate[] = [];
    for (let n = 0; found.length < k && (l >= 0 || r < starts.length); n++) {
      if (n === NEAR_SCAN) return undefined;
      const c = this.candidate(r >= starts.length || (l >= 0 && hint - starts[l] <= starts[r] - hint) ? l-- : r++);
      if (wanted(c)) found.push(c);
    }
    return found;
  }

  /**
   * Of the occurrences that fit and score at least `min`, the two nearest `hint` (as
   * nearest(tied(min), hint, 2) picks them), or the one there is: when most occurrences tie
   * (one sentence over and over, each anchor's context its own), gathering them all for each
   * context checked whether every copy fits, for every anchor.
   */
  nearTied(min: number, hint: number): readonly Candidate[] {
    if (this.tiedFrom?.min !== min) {
      const near = this.nearestScoring(hint, (c) => c.score >= min && this.fits(c), 2);
      if (near) return near;
    }
    return nearest(this.tied(min), hint, 2);
  }

  /** The occurrences that fit and score at least `min`, in text order (kept for the last `min` asked). */
  tied(min: number): readonly Candidate[] {
    if (this.tiedFrom?.min !== min) {
      const desc = this.descending();
      const tied: Candidate[] = [];
      for (let k = 0, c = desc(0); c && c.score >= min; c = desc(++k)) if (this.fits(c)) tied.push(c);
      this.tiedFrom = { min, tied: tied.sort((x, y) => x.start - y.start) };
    }
    return this.tiedFrom.tied;
  }

  /** The k-th occurrence in descending score (of equal scores, in text order when all are scored). */
  private descending(): (k: number) => Candidate | undefined {
    if (this.ranked) {
      const ranked = this.ranked;
      return (k) => ranked.at(k);
    }
    // (The order a stable sort of `all` by descending score gives.)
    const scores = this.scores();
    const order = (this.byScore ??= Int32Array.from(scores.keys()).sort((i, j) => scores[j] - scores[i] || i - j));
    return (k) => (k < order.length ? this.candidate(order[k]) : undefined);
  }
  private byScore?: Int32Array;
}

/** Occurrences of quotes in one text, each quote searched once and each quote and context scored once. */
export class CandidateIndex {
  private readonly starts = new Map<string, number[]>();
  private readonly scored = new Map<string, ScoredOccurrences>();
  /** Per quote, its occurrences' sides sorted (ranked.ts): built once, for the first context with many occurrences. */
  private readonly sides = new Map<string, RankedSides>();
  /** Per quote, its matches allowing edits (see fuzzy). */
  private readonly fuzzyFound = new Map<string, FuzzyMatches>();
  /** Per quote, its occurrences by a hash of their contexts (see elsewhere): a position, or several. */
  private readonly byContext = new Map<string, Map<number, number | number[]>>();
  /** Per quote, how many contexts were asked. */
  private readonly contexts = new Map<string, number>();
  /** Quotes not searched yet, to be searched together at the first ask. */
  private quotes: readonly string[];

  /**
   * `quotes`: those the anchors will ask for. The first time one of them is asked, all are searched
   * together (findAll.ts): one indexOf scan of the text per distinct quote was quadratic.
   */
  constructor(
    private readonly text: string,
    quotes: readonly string[] = [],
  ) {
    const distinct = new Set(quotes);
    // A few quotes are found faster by indexOf, the engine's own search, than by a pass in script.
    this.quotes = distinct.size >= MIN_BATCH ? [...distinct] : [];
  }

  /** Where `quote` occurs allowing edits (fuzzy.ts), searched once per quote. */
  fuzzy(quote: string): FuzzyMatches {
    let m = this.fuzzyFound.get(quote);
    if (!m) {
      // Its exact places, when the list is whole (not cut at MAX_OCCURRENCES), spare the search.
      const exact = this.startsOf(quote);
      this.fuzzyFound.set(quote, (m = new FuzzyMatches(this.text, quote, exact.length < MAX_OCCURRENCES ? exact : undefined)));
    }
    return m;
  }

  /**
   * Where `quote` occurs allowing edits within `radius` of `at` only (not kept: each call reads its
   * window). For an orphan's best candidate, a hint: the whole text searched once per deleted quote
   * was quadratic (1 MB, half its paragraphs deleted, 8,500 annotations: 17 s of 25).
   */
  fuzzyNear(quote: string, at: number, radius: number): FuzzyMatches {
    const from = Math.max(0, at - radius);
    const to = Math.min(this.text.length, at + radius);
    const all = this.startsOf(quote);
    // (The places inside the window, found by halving: the list can hold thousands per quote.)
    const first = countBefore(all.length, (i) => all[i] < from);
    const last = countBefore(all.length, (i) => all[i] + quote.length <= to);
    const exact = all.length < MAX_OCCURRENCES ? all.slice(first, Math.max(first, last)).map((p) => p - from) : undefined;
    return new FuzzyMatches(this.text.slice(from, to), quote, exact, from);
  }

  /**
   * The one place other than `hint` where the quote stands with its stored context verbatim on both
   * sides, when the quote occurs more than MAX_RIVALS times: rivals.ts compares no more, and 300 table
   * rows alike but for their numbers, reversed, had every anchor taken at the row now at its old
   * offset, whose context agreed but for the numbers. Found in a table of each occurrence's context
   * built once per quote: comparing contexts, ranked or not, walks the many rows that agree for most
   * of their length. (A context cut short by the text's edge is compared with each occurrence.)
   */
  elsewhere(key: QuoteKey, hint: number): Candidate | undefined {
    const starts = this.startsOf(key.quote);
    if (starts.length <= MAX_RIVALS) return undefined;
    const prefix = key.prefix ?? '';
    const suffix = key.suffix ?? '';
    const sideAt = (p: number) => `${prefixBefore(this.text, p)}\u0000${suffixAfter(this.text, p + key.quote.length)}`;
    let at: readonly number[];
    if ([...prefix].length < CONTEXT_LENGTH || [...suffix].length < CONTEXT_LENGTH) {
      at = starts.filter((p) => this.text.startsWith(prefix, p - prefix.length) && this.text.startsWith(suffix, p + key.quote.length));
    } else {
      // Keyed by a hash of the contexts, the places checked on a hit: the contexts themselves, kept for
      // every occurrence, doubled the memory of re-anchoring a hostile text (a and b at random, 15,000
      // anchors: 0.5 -> 1 GB).
      let table = this.byContext.get(key.quote);
      if (!table) {
        this.byContext.set(key.quote, (table = new Map()));
        for (const p of starts) {
          const h = hashString(sideAt(p));
          const held = table.get(h);
          if (held === undefined) table.set(h, p);
          else if (typeof held === 'number') table.set(h, [held, p]);
          else held.push(p);
        }
      }
      const wanted = `${prefix}\u0000${suffix}`;
      const held = table.get(hashString(wanted));
      // (Only one place counts: past a second the rest are not read, where thousands share a context.)
      const found: number[] = [];
      for (const p of held === undefined ? [] : typeof held === 'number' ? [held] : held) if (sideAt(p) === wanted && found.push(p) > 1) break;
      at = found;
    }
    return at.length === 1 && at[0] !== hint ? { start: at[0], end: at[0] + key.quote.length, text: key.quote, score: 1 } : undefined;
  }

  /** Where `quote` starts in the text, in text order (searched once per quote). */
  startsOf(quote: string): readonly number[] {
    let starts = this.starts.get(quote);
    if (!starts && this.quotes.length > 0) {
      for (const [q, at] of findAll(this.text, this.quotes.map((text) => ({ text })), MAX_OCCURRENCES)) if (!this.starts.has(q)) this.starts.set(q, at);
      this.quotes = [];
      starts = this.starts.get(quote);
    }
    if (!starts) this.starts.set(quote, (starts = occurrences(this.text, quote)));
    return starts;
  }

  /** The occurrences of `key.quote` scored for its context; `fits` must depend on the key and the place only. */
  get(key: QuoteKey, fits: (c: Candidate) => boolean): ScoredOccurrences {
    const id = JSON.stringify([key.quote, key.prefix ?? '', key.suffix ?? '']);
    let s = this.scored.get(id);
    if (!s) {
      const starts = this.startsOf(key.quote);
      // The first few contexts of a quote score every occurrence: sorting its occurrences' sides
      // pays only for many (near-repeated records, each its own); one context shared by thousands of
      // entries (one sentence repeated) was 1.4 times slower ranked.
      const asked = (this.contexts.get(key.quote) ?? 0) + 1;
      this.contexts.set(key.quote, asked);
      const sides = () => {
        let r = this.sides.get(key.quote);
        if (!r) this.sides.set(key.quote, (r = new RankedSides(this.text, starts, key.quote.length)));
        return r;
      };
      this.scored.set(id, (s = new ScoredOccurrences(this.text, starts, key, fits, asked > SCORED_CONTEXTS ? sides : undefined)));
    }
    return s;
  }
}

/**
 * Distinct quotes from which they are searched together (findAll) rather than one indexOf scan each
 * (on 1 MB of news the two cost the same at about 500 quotes; 4,000 quotes: 0.27 s against 1.7 s).
 */
const MIN_BATCH = 512;

/**
 * Occurrences from which a context's best are met by ranking (ranked.ts) rather than by scoring
 * every one: as many as the search compares one by one (MAX_RIVALS in rivals.ts), below which it
 * scores them all anyway.
 */
const RANK_FROM = 200;
/**
 * Occurrences nearest the hint scored before those tied at the top are all gathered (see
 * ScoredOccurrences.best): enough where most occurrences tie, few against scoring them all.
 */
const NEAR_SCAN = 64;
/** Contexts of a quote whose occurrences are all scored before the rest are ranked (see CandidateIndex.get). */
const SCORED_CONTEXTS = 8;

/** Index of the first candidate starting at or after `at` (candidates in text order). */
function lowerBound(cs: readonly Candidate[], at: number): number {
  return countBefore(cs.length, (i) => cs[i].start < at);
}

/**
 * The `k` (1 or 2) candidates nearest to `hint`, nearest first; of two as near, the earlier in
 * the text first (the order a stable sort by distance over text order gives).
 */
export function nearest(cs: readonly Candidate[], hint: number, k: number): Candidate[] {
  const i = lowerBound(cs, hint);
  const near = cs.slice(Math.max(0, i - k), i + k);
  return near.sort((x, y) => Math.abs(x.start - hint) - Math.abs(y.start - hint) || x.start - y.start).slice(0, k);
}
