/** Scoring candidate places for a quote: exact occurrences by context, fuzzy ones by approx-string-match. */

import search from 'approx-string-match';

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
const MAX_OCCURRENCES = 100_000;

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

/** Whitespace runs as one space: re-wrapped lines and CRLF conversions do not change context. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * How well the text around [start, end) agrees with the expected context: characters matching
 * contiguously next to the quote, over the characters expected, with whitespace runs counted as
 * one space. An empty or missing side is not counted. Undefined when there is nothing to compare.
 */
export function contextScore(text: string, start: number, end: number, prefix: string | undefined, suffix: string | undefined): number | undefined {
  let matched = 0;
  let expected = 0;
  if (prefix) {
    const p = squash(prefix);
    // A little more text than the prefix, since squashing can shorten it.
    matched += commonSuffix(p, squash(text.slice(Math.max(0, start - prefix.length - 16), start)));
    expected += p.length;
  }
  if (suffix) {
    const s = squash(suffix);
    matched += commonPrefix(s, squash(text.slice(end, end + suffix.length + 16)));
    expected += s.length;
  }
  return expected ? Math.min(1, matched / expected) : undefined;
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
export function fuzzyCandidates(text: string, quote: string, prefix: string | undefined, suffix: string | undefined, hint: number, limit = 50): Candidate[] {
  const maxErrors = Math.floor(quote.length / 4);
  const matches = search(text, quote, maxErrors);
  // Keep the matches with the fewest errors first; scoring context is the costly part.
  matches.sort((a, b) => a.errors - b.errors || Math.abs(a.start - hint) - Math.abs(b.start - hint));
  const scored = matches.slice(0, limit).map((m) => {
    const q = 1 - m.errors / quote.length;
    const p = fuzzySide(text, m.start, prefix, 'before');
    const s = fuzzySide(text, m.end, suffix, 'after');
    const pos = 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
    let score = 50 * q + 2 * pos;
    let weight = 52;
    if (p !== undefined) (score += 20 * p), (weight += 20);
    if (s !== undefined) (score += 20 * s), (weight += 20);
    return { start: m.start, end: m.end, text: text.slice(m.start, m.end), score: score / weight };
  });
  return scored.sort((a, b) => b.score - a.score);
}
