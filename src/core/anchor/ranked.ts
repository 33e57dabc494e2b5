/**
 * The occurrences of one quote in the order of their context score (contextScore in match.ts) for a
 * given context, found without scoring every occurrence. In near-repeated records ("Report 00012:
 * Officials in Province counted 9 dead ...") every anchor's context is its own, and each anchor
 * that missed its predicted place scored all of its quote's occurrences: quadratic (1,600 KB of
 * records, 41,744 anchors: 1.9 of 3.2 s in contextScore).
 *
 * Each occurrence's text after it (and, reversed, before it) is sorted once per quote, whitespace
 * runs read as one space as contextScore reads them. For a context, the occurrences agreeing longest
 * with its suffix are then the neighbours of the suffix's place in that order (agreement with a
 * string only shrinks walking away from where it would be inserted), and likewise for the prefix.
 * Walking both orders out from there, best first, each occurrence met is scored exactly by
 * contextScore, and those not met yet can score no more than the two agreements reached: the
 * "threshold algorithm" of Fagin, Lotem and Naor (2001). The scores are contextScore's own, so the
 * order, ties and all, is the one scoring everything gave.
 */

import { commonPrefix, squash, type Candidate } from './match';
import { contextScorer, squashedSlice, type ContextScorer } from './squashed';
import type { QuoteKey } from './candidates';

/**
 * Squashed characters each sorted side holds at least (or all up to the text's edge). A context side
 * as long (squashed) is not ranked here: the caller scores every occurrence instead (stored sides
 * are 32 characters).
 */
export const RANKED_SIDE = 64;

/** (By code units, as the sides are compared: a pair split in two is still compared unit by unit.) */
function reverse(s: string): string {
  return s.split('').reverse().join('');
}

/** One side of every occurrence, squashed (and reversed for the side before), in sorted order. */
interface SortedSide {
  keys: string[];
  /** Occurrence numbers (indexes into the quote's starts) in the order of `keys`. */
  order: Int32Array;
}

function sortSide(keysOf: string[]): SortedSide {
  // Equal sides grouped first, and only distinct ones sorted (by code units, as `<` compares): text
  // repeated word for word has thousands of copies of one side. (Their order does not matter: each
  // walk meets them all.)
  const groups = new Map<string, number[]>();
  keysOf.forEach((k, i) => {
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const keys: string[] = [];
  const order = new Int32Array(keysOf.length);
  for (const k of [...groups.keys()].sort()) {
    for (const i of groups.get(k)!) {
      order[keys.length] = i;
      keys.push(k);
    }
  }
  return { keys, order };
}

/**
 * The text after (side 'after') or before a place, squashed, reaching at least RANKED_SIDE squashed
 * characters or the text's edge. (Any shorter window contextScore reads there squashes to a prefix,
 * for the side before a suffix, of this one: a whitespace run cut by a window's edge is still one space.)
 */
function sideKey(text: string, at: number, side: 'before' | 'after'): string {
  for (let w = RANKED_SIDE + 16; ; w *= 2) {
    // (Read backwards for the side before: squashed and reversed at once.)
    const s = side === 'after' ? squashedSlice(text, at, Math.min(text.length, at + w)) : squashedSlice(text, at, Math.max(0, at - w));
    const edge = side === 'after' ? at + w >= text.length : at - w <= 0;
    if (s.length >= RANKED_SIDE || edge) return s;
  }
}

/** A quote's occurrences with both sides sorted: built once per quote, shared by every context asked. */
export class RankedSides {
  private after?: SortedSide;
  private before?: SortedSide;

  constructor(
    private readonly text: string,
    private readonly starts: readonly number[],
    private readonly quoteLength: number,
  ) {}

  side(which: 'before' | 'after'): SortedSide {
    if (which === 'after') return (this.after ??= sortSide(this.starts.map((p) => sideKey(this.text, p + this.quoteLength, 'after'))));
    return (this.before ??= sortSide(this.starts.map((p) => sideKey(this.text, p, 'before'))));
  }
}

/** Whether a context can be ranked by {@link RankedSides} (else every occurrence is scored). */
export function rankable(key: QuoteKey): boolean {
  const p = key.prefix ? squash(key.prefix).length : 0;
  const s = key.suffix ? squash(key.suffix).length : 0;
  return (p > 0 || s > 0) && p < RANKED_SIDE && s < RANKED_SIDE;
}

/** A walk over one sorted side, out from a query's place, longest agreement first. */
class SideWalk {
  private lo: number;
  private hi: number;
  private loAgree: number;
  private hiAgree: number;

  constructor(
    private readonly sorted: SortedSide,
    private readonly query: string,
  ) {
    const { keys } = sorted;
    let a = 0;
    let b = keys.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (keys[m] < query) a = m + 1;
      else b = m;
    }
    this.lo = a - 1;
    this.hi = a;
    this.loAgree = this.agreeAt(this.lo);
    this.hiAgree = this.agreeAt(this.hi);
  }

  private agreeAt(i: number): number {
    return i >= 0 && i < this.sorted.keys.length ? commonPrefix(this.query, this.sorted.keys[i]) : -1;
  }

  /** The agreement of the next occurrence (no later one agrees longer); -1 when all were met. */
  get frontier(): number {
    return Math.max(this.loAgree, this.hiAgree);
  }

  /** The next occurrence number, or -1. */
  next(): number {
    if (this.frontier < 0) return -1;
    if (this.hiAgree >= this.loAgree) {
      const i = this.sorted.order[this.hi++];
      this.hiAgree = this.agreeAt(this.hi);
      return i;
    }
    const i = this.sorted.order[this.lo--];
    this.loAgree = this.agreeAt(this.lo);
    return i;
  }
}

/** The occurrences of a quote for one context, in descending context score, met lazily (see the file's comment). */
export class Descending {
  /** Those met so far, in descending score (of equal scores, in no particular order). */
  readonly met: Candidate[] = [];
  private readonly walks: { walk: SideWalk; side: 'before' | 'after' }[] = [];
  private readonly expected: number;
  /**
   * Occurrences met (by number): a byte each. (A Set of numbers held about 3 MB per context of a
   * quote with 100,000 occurrences, kept for every context asked during a re-anchoring.)
   */
  private readonly seen: Uint8Array;
  /** Scored, not yet in `met`: a max-heap by score. */
  private readonly heap: Candidate[] = [];
  private turn = 0;
  private readonly score: ContextScorer;

  constructor(
    private readonly text: string,
    private readonly starts: readonly number[],
    private readonly key: QuoteKey,
    sides: RankedSides,
  ) {
    let expected = 0;
    if (key.prefix) {
      const q = squash(key.prefix);
      expected += q.length;
      this.walks.push({ walk: new SideWalk(sides.side('before'), reverse(q)), side: 'before' });
    }
    if (key.suffix) {
      const q = squash(key.suffix);
      expected += q.length;
      this.walks.push({ walk: new SideWalk(sides.side('after'), q), side: 'after' });
    }
    this.expected = expected;
    this.score = contextScorer(key.prefix, key.suffix);
    this.seen = new Uint8Array(starts.length);
  }

  /** The most an occurrence not met by the walks yet can score (-Infinity when all were). */
  private bound(): number {
    let sum = 0;
    for (const { walk } of this.walks) {
      const f = walk.frontier;
      if (f < 0) return -Infinity;
      sum += f;
    }
    // (The same arithmetic as contextScore's: an occurrence agreeing no longer on either side scores no more.)
    return Math.min(1, sum / this.expected);
  }

  /** The `k`-th occurrence in descending score, met if need be; undefined past the last. */
  at(k: number): Candidate | undefined {
    while (this.met.length <= k) {
      const b = this.bound();
      if (this.heap.length > 0 && this.heap[0].score >= b) this.met.push(this.pop());
      else if (b === -Infinity) return undefined;
      else this.step();
    }
    return this.met[k];
  }

  /** One occurrence further along one walk (in turn), scored. */
  private step(): void {
    const { walk } = this.walks[this.turn++ % this.walks.length];
    const i = walk.next();
    if (i < 0 || this.seen[i]) return;
    this.seen[i] = 1;
    this.push(this.scored(i));
  }

  private scored(i: number): Candidate {
    const p = this.starts[i];
    const len = this.key.quote.length;
    return { start: p, end: p + len, text: this.key.quote, score: this.score(this.text, p, p + len) ?? 0.5 };
  }

  private push(c: Candidate): void {
    const h = this.heap;
    h.push(c);
    for (let i = h.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (h[up].score >= h[i].score) break;
      [h[up], h[i]] = [h[i], h[up]];
      i = up;
    }
  }

  private pop(): Candidate {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].score > h[m].score) m = l;
        if (r < h.length && h[r].score > h[m].score) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
