/**
 * Without the old text: a place far from where an anchor was expected, when a copy of its
 * sentence lies much nearer. A passage moved away from an identical copy of itself (a story in
 * two versions, a text that holds a passage twice) leaves the copy that stayed reading exactly as
 * the old place did, both sides, while the moved one has other text on one side: the context alone
 * picks the copy. Without the old text, nothing can tell which of the two the anchor was on.
 */

import { countBefore } from '../bisect';
import type { Candidate } from './match';

/**
 * True when `top`, the one place whose context agrees best, lies far from `hint` (at least
 * 2 × FAR_COPY) and another occurrence of the quote, four times nearer and FAR_COPY nearer at least,
 * fits and agrees on one side over the whole stored context, whitespace apart, and on the other up
 * to a paragraph's edge (the paragraph moved away from what was there). Up to MAX_NEAR occurrences are looked at, nearest the hint first.
 */
export function nearerCopy(text: string, a: { quote: string; prefix?: string; suffix?: string }, top: Candidate, hint: number, starts: readonly number[], fits: (c: Candidate) => boolean): boolean {
  const far = Math.abs(top.start - hint);
  if (far < 2 * FAR_COPY) return false;
  const before = collapsed(a.prefix, 'before');
  const after = collapsed(a.suffix, 'after');
  if (!before && !after) return false;
  const reach = Math.min(far / 4, far - FAR_COPY);
  let right = countBefore(starts.length, (i) => starts[i] < hint);
  let left = right - 1;
  for (let n = 0; n < MAX_NEAR; n++) {
    const dl = left >= 0 ? hint - starts[left] : Infinity;
    const dr = right < starts.length ? starts[right] - hint : Infinity;
    if (Math.min(dl, dr) > reach) return false;
    const at = dl <= dr ? starts[left--] : starts[right++];
    if (at === top.start) continue;
    const c = { start: at, end: at + a.quote.length, text: a.quote, score: 0 };
    const moved = (before && reads(text, c.start, before, 'before') && toBreak(text, c.end, a.suffix, 'after')) || (after && reads(text, c.end, after, 'after') && toBreak(text, c.start, a.prefix, 'before'));
    if (moved && fits(c)) return true;
  }
  return false;
}

/** A stored side of the context, each run of whitespace as one space, and its character nearest the quote that is not whitespace. */
interface Side {
  text: string;
  edge: string;
}

/** `side` as a {@link Side}; undefined when too short to say anything. */
function collapsed(side: string | undefined, where: 'before' | 'after'): Side | undefined {
  const s = side?.replace(/\s+/g, ' ');
  if (!s || s.trim().length < MIN_SIDE) return undefined;
  return { text: s, edge: where === 'before' ? s.trimEnd().slice(-1) : s.trimStart()[0] };
}

/** Whether the text before (after) `at` reads `want` (collapsed), whitespace apart. */
function reads(text: string, at: number, { text: want, edge }: Side, side: 'before' | 'after'): boolean {
  // Most occurrences differ at once: the nearest character that is not whitespace is compared first.
  let k = at;
  if (side === 'before') while (k > 0 && /\s/.test(text[k - 1])) k--;
  else while (k < text.length && /\s/.test(text[k])) k++;
  if ((side === 'before' ? text[k - 1] : text[k]) !== edge) return false;
  // (Its runs of whitespace may have grown, a line broken into two: twice its length is read, collapsed.)
  const got = (side === 'before' ? text.slice(Math.max(0, at - 2 * want.length), at) : text.slice(at, at + 2 * want.length)).replace(/\s+/g, ' ');
  return side === 'before' ? got.endsWith(want) : got.startsWith(want);
}

/**
 * Whether the text on one side of `at` reads as `expected` does (whitespace apart) up to a blank line
 * or the text's edge: where a paragraph moved, what changed around its quote lies past the paragraph's
 * edge. (Not a sentence that only shares the words before a name: "the merger with Globex, and
 * traders" for "the merger with Globex Corporation", a review's case, where the far place was right.)
 */
function toBreak(text: string, at: number, expected: string | undefined, side: 'before' | 'after'): boolean {
  if (!expected) return true;
  const step = side === 'before' ? -1 : 1;
  let i = side === 'before' ? at - 1 : at;
  let j = side === 'before' ? expected.length - 1 : 0;
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  for (;;) {
    if (j < 0 || j >= expected.length || i < 0 || i >= text.length) return true;
    if (space(text[i]) && space(expected[j])) {
      let lines = 0;
      for (; space(text[i]); i += step) if (text[i] === '\n') lines++;
      if (lines >= 2) return true;
      while (space(expected[j])) j += step;
    } else if (text[i] === expected[j]) {
      i += step;
      j += step;
    } else return false;
  }
}

/** Characters (besides whitespace) a side needs to say anything: at the text's edges it is short. */
const MIN_SIDE = 16;

/**
 * How much nearer the expected place (UTF-16 units) a copy must be to count: the place predicted
 * from the neighbours is off by as much as the text inserted or deleted between them (as in
 * reanchor.ts, where one of several equal copies is taken only if this much nearer).
 */
const FAR_COPY = 1000;
/**
 * Occurrences of the quote {@link nearerCopy} looks at, nearest the expected place first: "The" in
 * 800 KB of news occurs 1,341 times, and the copy of a sentence 71 KB from the expected place (the
 * text before it moved away) was its 206th nearest.
 */
const MAX_NEAR = 1000;
