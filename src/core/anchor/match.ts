/** Scoring candidate places for a quote: exact occurrences by context, fuzzy ones by approx-string-match. */

import search from 'approx-string-match';
import { closesSentence, endsAtStop, endsWithStop, firstBoundary, firstStop, hasBoundary, lastBoundary, lastStop, opensSentence, startsAtStop, startsWithStop } from './sentence';
import { contextScorer, squash } from './squashed';
import { FuzzyMatches } from './fuzzy';

export { squash } from './squashed';

/** A place the quote could be anchored, in UTF-16 offsets of the new text. */
export interface Candidate {
  start: number;
  end: number;
  /** The text there. */
  text: string;
  /** 0..1, higher is better. */
  score: number;
}

/** Most exact occurrences scored per quote (a quote like "the" can occur tens of thousands of times). */
export const MAX_OCCURRENCES = 100_000;

/** Exact occurrences of `quote` in `text` (UTF-16 starts). */
export function occurrences(text: string, quote: string, limit = MAX_OCCURRENCES): number[] {
  const out: number[] = [];
  if (!quote) return out;
  for (let i = text.indexOf(quote); i >= 0 && out.length < limit; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/** Length of the common end of a and b. */
export function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Length of the common start of a and b. */
export function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}


/**
 * How well the text around [start, end) agrees with the expected context: characters matching
 * contiguously next to the quote, over the characters expected, with whitespace runs counted as
 * one space. An empty or missing side is not counted. Undefined when there is nothing to compare.
 */
export function contextScore(text: string, start: number, end: number, prefix: string | undefined, suffix: string | undefined): number | undefined {
  // (A little more text than each side is read, since squashing can shorten it: squashed.ts.)
  return contextScorer(prefix, suffix)(text, start, end);
}

/** Similarity 0..1 of `expected` to the text just before (side 'before') or after a position, allowing edits. */
function fuzzySide(text: string, at: number, expected: string | undefined, side: 'before' | 'after'): number | undefined {
  if (!expected) return undefined;
  const slack = Math.ceil(expected.length / 4);
  const window = side === 'before' ? text.slice(Math.max(0, at - expected.length - slack), at) : text.slice(at, at + expected.length + slack);
  if (!window) return 0;
  const maxErrors = Math.floor(expected.length / 2);
  const matches = search(window, expected, maxErrors);
  if (!matches.length) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / expected.length;
}

/** Like {@link contextScore} but allowing edits (a typo next to the quote barely lowers it). */
export function fuzzyContextScore(text: string, start: number, end: number, prefix: string | undefined, suffix: string | undefined): number | undefined {
  const sides = [fuzzySide(text, start, prefix, 'before'), fuzzySide(text, end, suffix, 'after')].filter((x): x is number => x !== undefined);
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : undefined;
}

/**
 * Fuzzy candidates for a quote, scored on quote, prefix, suffix and position (weights as in
 * Hypothesis: 50, 20, 20, 2). Best first; at most `limit`.
 */
export function fuzzyCandidates(text: string, quote: string, prefix: string | undefined, suffix: string | undefined, hint: number, limit = 50, found = new FuzzyMatches(text, quote)): Candidate[] {
  // Keep the matches with the fewest errors first, nearest first; scoring context is the costly part.
  const scored = found.nearest(hint, limit).map((m) => {
    const q = 1 - m.errors / quote.length;
    const p = fuzzySide(text, m.start, prefix, 'before');
    const s = fuzzySide(text, m.end, suffix, 'after');
    const pos = 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
    let score = 50 * q + 2 * pos;
    let weight = 52;
    if (p !== undefined) {
      score += 20 * p;
      weight += 20;
    }
    if (s !== undefined) {
      score += 20 * s;
      weight += 20;
    }
    return { start: m.start, end: m.end, text: text.slice(m.start, m.end), score: score / weight };
  });
  return scored.sort((a, b) => b.score - a.score);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0;
}

/**
 * How much of the end of `expected` agrees with the text before `at`, whitespace runs counting
 * as equal: [characters of `expected` that agree, offset in `text` where the agreement starts].
 */
function agreementBefore(text: string, at: number, expected: string): [number, number] {
  let i = expected.length;
  let j = at;
  while (i > 0 && j > 0) {
    if (isSpace(expected.charCodeAt(i - 1)) && isSpace(text.charCodeAt(j - 1))) {
      while (i > 0 && isSpace(expected.charCodeAt(i - 1))) i--;
      while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
    } else if (expected.charCodeAt(i - 1) === text.charCodeAt(j - 1)) {
      i--;
      j--;
    } else break;
  }
  return [expected.length - i, j];
}

/** Like {@link agreementBefore}, for the start of `expected` and the text from `at` on; the offset is where the agreement ends. */
function agreementAfter(text: string, at: number, expected: string): [number, number] {
  let i = 0;
  let j = at;
  while (i < expected.length && j < text.length) {
    if (isSpace(expected.charCodeAt(i)) && isSpace(text.charCodeAt(j))) {
      while (i < expected.length && isSpace(expected.charCodeAt(i))) i++;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    } else if (expected.charCodeAt(i) === text.charCodeAt(j)) {
      i++;
      j++;
    } else break;
  }
  return [i, j];
}

/**
 * `sideSupport(…) >= 1` without its fuzzy comparison, which never reaches 1: neighbours.ts asks
 * this of every occurrence within 400 characters of every placed anchor, and in dense repeated
 * text the fuzzy searches made re-anchoring 14 times slower.
 */
export function sideWhole(text: string, start: number, end: number, expected: string | undefined, side: 'before' | 'after', quote: string, edges = true): boolean {
  if (!expected) return false;
  const [k, j] = side === 'before' ? agreementBefore(text, start, expected) : agreementAfter(text, end, expected);
  return wholeSide(text, expected, side, quote, k, j, side === 'before' ? start : end, edges);
}

/**
 * Support of one side of a quote's context, 0..1: 1 when the text agrees with the expected side
 * up to a sentence or line boundary, or up to the start (end) of the text — an edit beyond it
 * says nothing against the quote; otherwise the share of its characters that agree (0.75 when a
 * typo next to the quote is all that differs).
 */
export function sideSupport(text: string, start: number, end: number, expected: string | undefined, side: 'before' | 'after', quote: string, edges = true): number | undefined {
  if (!expected) return undefined;
  const before = side === 'before';
  const [k, j] = before ? agreementBefore(text, start, expected) : agreementAfter(text, end, expected);
  if (wholeSide(text, expected, side, quote, k, j, before ? start : end, edges)) return 1;
  const r = k / expected.length;
  if (r >= 0.5) return r;
  return (fuzzySide(text, before ? start : end, expected, side) ?? 0) >= 0.75 ? 0.75 : r;
}

/**
 * `contextSupport(…) >= min`, with a side's fuzzy comparison (see {@link sideSupport}) made only
 * when the other side and the exact agreement leave the answer open: the rival search compares
 * up to MAX_RIVALS copies with the chosen one, each side that mostly disagrees costing a fuzzy
 * search, where most copies agree too little for it to matter.
 */
export function supportAtLeast(text: string, start: number, end: number, quote: string, prefix: string | undefined, suffix: string | undefined, min: number): boolean {
  // Each side as [least, most, exact value on demand]: without context 1; else the exact agreement
  // (k of the side's characters), or 1 where it is whole, or, below half, 0.75 or k/len by the fuzzy check.
  const side = (expected: string | undefined, which: 'before' | 'after'): [number, number, () => number] => {
    if (!expected) return [1, 1, () => 1];
    const [k, j] = which === 'before' ? agreementBefore(text, start, expected) : agreementAfter(text, end, expected);
    if (wholeSide(text, expected, which, quote, k, j, which === 'before' ? start : end)) return [1, 1, () => 1];
    const r = k / expected.length;
    if (r >= 0.5) return [r, r, () => r];
    return [r, 0.75, () => ((fuzzySide(text, which === 'before' ? start : end, expected, which) ?? 0) >= 0.75 ? 0.75 : r)];
  };
  const [bLo, bHi, b] = side(prefix, 'before');
  const [aLo, aHi, a] = side(suffix, 'after');
  // (Sums in the order contextSupport makes them: rounding is monotone, so the bounds hold exactly.)
  if (bLo + aLo >= min) return true;
  if (bHi + aHi < min) return false;
  return b() + a() >= min;
}

/**
 * The side agrees wholly: all `k` characters of `expected`, or up to the text's edge (at `j`) or a
 * sentence boundary, or the quote's sentence ends at a full stop on this side both ways ({@link edgeKept}).
 */
function wholeSide(text: string, expected: string, side: 'before' | 'after', quote: string, k: number, j: number, at: number, edges = true): boolean {
  const before = side === 'before';
  const agreed = before ? expected.slice(expected.length - k) : expected.slice(0, k);
  return k === expected.length || (before ? j === 0 : j === text.length) || hasBoundary(agreed, before ? '' : quote) || (edges && edgeKept(text, at, expected, side, quote));
}

/**
 * The quote's own sentence on this side, up to a full stop, agrees wholly where it was and at `at`,
 * and a full stop ends it there too, whatever sentence stands beyond the stop. "firing.'' [Ms]. Sanders"
 * and "offices.\n[Ms]. Sanders", or "secured. ``If the [Lebanese]" and "safeguards.'' ``If the
 * [Lebanese]", agree up to the sentence as much as two copies do: a sentence copied elsewhere is
 * told from its original only by its neighbours, which may have been copied too (a pasted pair of
 * sentences took the name from its original). Full stops only: in tables and lists a line break
 * ends every record, and their records share their first words.
 */
function edgeKept(text: string, at: number, expected: string, side: 'before' | 'after', quote: string): boolean {
  if (side === 'before') {
    const b = lastStop(expected);
    if (b < 0) return false;
    const own = expected.slice(b);
    const [k, j] = agreementBefore(text, at, own);
    return k === own.length && endsAtStop(text.slice(Math.max(0, j - EDGE_LOOK), j));
  }
  const b = firstStop(expected, quote);
  if (b < 0) return false;
  const own = expected.slice(0, b);
  const [k, j] = agreementAfter(text, at, own);
  return k === own.length && startsAtStop(text.slice(j, j + EDGE_LOOK), text.slice(Math.max(0, j - EDGE_LOOK), j));
}
/** Characters read next to a quote to tell whether it opens or closes a sentence (an abbreviation before a full stop included). */
const EDGE_LOOK = 24;

/**
 * `contextSupport(…) >= 2`, found without the fuzzy comparison that {@link sideSupport} makes for a
 * side that mostly disagrees (which then can only score below 1): both sides agree wholly.
 */
export function fullSupport(text: string, start: number, end: number, quote: string, prefix: string | undefined, suffix: string | undefined): boolean {
  if (prefix) {
    const [k, j] = agreementBefore(text, start, prefix);
    if (!wholeSide(text, prefix, 'before', quote, k, j, start)) return false;
  }
  if (suffix) {
    const [k, j] = agreementAfter(text, end, suffix);
    if (!wholeSide(text, suffix, 'after', quote, k, j, end)) return false;
  }
  return true;
}

/**
 * Below this support a side of the context is lost: the text there is not what surrounded the
 * quote (a dozen of its 32 characters agree, then it goes on differently).
 */
const LOST = 0.35;

/** Characters of a quote's own sentence that, found again on a side, show the sentence was edited. */
const RESUMED = 12;

/** `s` with each single line break (not a blank line's) as spaces, of the same length: a wrapped line joined. */
function unwrap(s: string): string {
  return s.replace(/(?<![\r\n][ \t]*)\r?\n(?![ \t]*\r?\n)/g, (m) => ' '.repeat(m.length));
}

/** Length of the longest common substring of a and b (short strings: a side of the context). */
function longestCommon(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) best = Math.max(best, (row[j] = prev[j - 1] + 1));
    prev = row;
  }
  return best;
}

/**
 * True when, past the characters next to the quote, its own sentence on one side (the part of
 * `expected` up to a sentence or line boundary) goes on as before: a dozen of its characters are
 * found again in the new text's sentence there. "Vassallo met Karim Ben Salah in [Valletta]"
 * becoming "Vassallo met reporters in [Valletta]" agrees on " in " only, next to the quote, but
 * "Vassallo met " is still there: the quote's sentence was edited, it is not another one.
 */
function ownSentenceResumes(text: string, start: number, end: number, expected: string, side: 'before' | 'after', quote: string, wrapped = false): boolean {
  // (`wrapped`: prose, where a single line break is where a line was wrapped, not a sentence's end.)
  const flat = wrapped ? unwrap : (s: string) => s;
  const slack = 16;
  let rest: string;
  let window: string;
  // The new sentence's side ends (starts) inside the window.
  let whole: boolean;
  if (side === 'before') {
    const [k, j] = agreementBefore(text, start, expected);
    const own = flat(expected).slice(lastBoundary(flat(expected)));
    rest = own.slice(0, Math.max(0, own.length - k));
    const from = Math.max(0, start - expected.length - slack);
    window = flat(text.slice(from, j));
    const b = lastBoundary(window);
    whole = b > 0 || from === 0;
    window = window.slice(b);
  } else {
    const [k, j] = agreementAfter(text, end, expected);
    const own = flat(expected).slice(0, firstBoundary(flat(expected), quote));
    rest = own.slice(k);
    const to = Math.max(j, end + expected.length + slack);
    window = flat(text.slice(j, to));
    const b = firstBoundary(window, '');
    whole = b < window.length || to >= text.length;
    window = window.slice(0, b);
  }
  const was = squash(rest);
  const now = squash(window).trim();
  // A dozen characters, or all that is left of the new sentence there ("met [Karim Ben Salah] in
  // Valletta." becoming "met in Valletta.").
  if (now.length >= RESUMED / 1.5 && whole && was.includes(now)) return true;
  return was.length >= RESUMED && longestCommon(was, now) >= RESUMED;
}

/**
 * A quote that opens a sentence whose words right after it are now different (or closes one now
 * preceded by different words) is most likely the start (end) of another sentence: the original
 * one was deleted, and the same words open the next. Such a place is not taken for the quote.
 * A side counts as different only when the rest of the quote's own sentence there is gone too,
 * not when it was edited between the quote and the rest (see {@link ownSentenceResumes}).
 */
export function otherSentence(text: string, start: number, end: number, quote: string, prefix: string | undefined, suffix: string | undefined, lostBelow = LOST): boolean {
  const before = sideSupport(text, start, end, prefix, 'before', quote);
  const after = sideSupport(text, start, end, suffix, 'after', quote);
  const lostSide = (x: number | undefined, expected: string | undefined, side: 'before' | 'after') =>
    x !== undefined &&
    (x < lostBelow
      ? !ownSentenceResumes(text, start, end, expected!, side, quote)
      : // Prose (oneWordAgrees asks a full stop at the sentence's other edge): a line wrapped inside
        // the sentence does not end it, or a word put in after the break reads as another sentence.
        lostBelow >= LOST && oneWordAgrees(text, start, end, expected!, side === 'before' ? suffix : prefix, side, quote) && !ownSentenceResumes(text, start, end, expected!, side, quote, true));
  const kept = (x: number | undefined) => x === undefined || x >= 0.5;
  const newBefore = text.slice(Math.max(0, start - 8), start);
  const newAfter = text.slice(end, end + 8);
  if (kept(before) && opensSentence(prefix ?? '') && opensSentence(newBefore) && lostSide(after, suffix, 'after')) return true;
  return kept(after) && closesSentence(suffix ?? '', quote) && closesSentence(newAfter, quote) && lostSide(before, prefix, 'before');
}

/**
 * Of the side of the context within the quote's sentence, in prose, one word agrees next to the
 * quote (with the punctuation and spaces around it) and the next word differs: "[Mr]. Schwarz's
 * father" read for "[Mr]. Schwarz's great-grandfather", another sentence about the same man (its
 * own was deleted). A long word passes the share of characters {@link LOST} asks for; it is still
 * one word. (Prose only: the sentence's other edge a full stop where it was and where it is now.
 * A table's records and a list's lines, ended by line breaks, share their first words and differ
 * in a number: there one word says more.)
 */
function oneWordAgrees(text: string, start: number, end: number, expected: string, other: string | undefined, side: 'before' | 'after', quote: string): boolean {
  const before = side === 'before';
  const prose = before
    ? startsWithStop(other ?? '', quote) && startsWithStop(text.slice(end, end + EDGE_LOOK), quote)
    : endsWithStop(other ?? '') && endsWithStop(text.slice(Math.max(0, start - EDGE_LOOK), start));
  if (!prose) return false;
  const [k] = before ? agreementBefore(text, start, expected) : agreementAfter(text, end, expected);
  const agreed = before ? expected.slice(expected.length - k) : expected.slice(0, k);
  return (before ? ONE_WORD_BEFORE : ONE_WORD_AFTER).test(agreed);
}
/** One word of letters (and `'` or `-`), the agreement ending at a space before the next word, which differs. */
const ONE_WORD_AFTER = /^[\s\p{P}]*\p{L}[\p{L}'’-]*\s+$/u;
const ONE_WORD_BEFORE = /^\s+\p{L}[\p{L}'’-]*[\s\p{P}]*$/u;

/**
 * Sum of both sides' {@link sideSupport}, 0..2 (a side with no context counts 1). `edges` false:
 * without {@link edgeKept}, a side agreeing only as far as its sentence's full stop is not whole.
 */
export function contextSupport(text: string, start: number, end: number, quote: string, prefix: string | undefined, suffix: string | undefined, edges = true): number {
  return (sideSupport(text, start, end, prefix, 'before', quote, edges) ?? 1) + (sideSupport(text, start, end, suffix, 'after', quote, edges) ?? 1);
}

/**
 * One side of the stored context agrees with the text next to [start, end) on no more than a
 * space and part of a word, the quote's own sentence does not resume past it (a word replaced
 * next to the quote), and the quote's place in its sentence changed on that side: it now opens
 * (closes) a sentence where it did not, or the reverse. The quote's own sentence was deleted and
 * this is another sentence using the same words ("is the [Clinton] administration might" read on
 * "\n\nThe [Clinton] administration has").
 */
export function sideLost(text: string, start: number, end: number, quote: string, prefix: string | undefined, suffix: string | undefined): boolean {
  if (prefix && partWord(squash(prefix), commonSuffix(squash(prefix), squash(text.slice(Math.max(0, start - prefix.length - 16), start))), 'before')) {
    const before = text.slice(Math.max(0, start - EDGE), start);
    const opens = (s: string) => lastBoundary(s) > 0 || s.length < EDGE;
    if (opens(prefix.slice(-EDGE)) !== opens(before) && !ownSentenceResumes(text, start, end, prefix, 'before', quote)) return true;
  }
  if (suffix && partWord(squash(suffix), commonPrefix(squash(suffix), squash(text.slice(end, end + suffix.length + 16))), 'after')) {
    const after = text.slice(end, end + EDGE);
    const closes = (s: string) => firstBoundary(s, quote) < s.length || s.length < EDGE;
    if (closes(suffix.slice(0, EDGE)) !== closes(after) && !ownSentenceResumes(text, start, end, suffix, 'after', quote)) return true;
  }
  return false;
}
/** The `k` characters of side `s` next to the quote hold no whole word: one character, or a space and the end (start) of a word ("he " of "the " on "The "). */
function partWord(s: string, k: number, side: 'before' | 'after'): boolean {
  if (k <= 1) return true;
  const agreed = side === 'before' ? s.slice(s.length - k) : s.slice(0, k);
  const beyond = side === 'before' ? s.charAt(s.length - k - 1) : s.charAt(k);
  return /^\s?[\p{L}\p{N}]+\s?$/u.test(agreed) && /[\p{L}\p{N}]/u.test(beyond);
}
/** Characters next to a quote within which a sentence boundary makes it open (close) its sentence: a short word and a space. */
const EDGE = 8;
