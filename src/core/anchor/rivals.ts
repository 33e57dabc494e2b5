/**
 * Rival places for a quote found without the old text: another occurrence that nobody can tell
 * from the one chosen (a sentence, or its first words, pasted next to the original; a partial copy).
 * Used by the search in reanchor.ts, which then orphans the anchor as ambiguous instead of guessing.
 */

import { contextSupport, fullSupport, occurrences, sideSupport, supportAtLeast, type Candidate } from './match';

/** What a rival is looked for with: the quote and its context, and the search's own view of the text. */
export interface RivalSearch {
  text: string;
  anchor: { quote: string; prefix?: string; suffix?: string };
  /** Where the quote starts in the text, in text order (found once by the caller, and shared with it; not scored: scoring every copy for each anchor was quadratic). */
  starts: () => readonly number[];
  /** The place could be the quote's: its edges and sentence agree. */
  fits: (c: Candidate) => boolean;
  /** Compare with every occurrence, however well the context agrees (the predicted place is stale). */
  wide?: boolean;
}

/** How far (UTF-16 units) a pasted copy next to the original is looked for; see {@link rivalled}. */
export const NEAR_COPY = 400;
/** Occurrences compared for a rival (see {@link rivalled}); more is repeated text, judged by context alone. */
export const MAX_RIVALS = 200;

/**
 * Another occurrence of the quote that fits and whose surroundings agree at least as well as
 * those of `c`: nobody can tell which of the two the anchor was on. With `c`'s whole context
 * agreeing, only copies within NEAR_COPY are looked at (a sentence, or its first words, pasted
 * next to the original), since farther ones are what repeated text (wire copy, templates) is made
 * of, where the place predicted by the neighbours decides; with some of it disagreeing (a partial
 * copy next to the original, say), every occurrence is, up to MAX_RIVALS.
 */
export function rivalled(s: RivalSearch, c: Candidate): boolean {
  const { text, anchor: a } = s;
  const support = (o: Candidate) => contextSupport(text, o.start, o.end, a.quote, a.prefix, a.suffix);
  const after = (o: Candidate) => sideSupport(text, o.start, o.end, a.suffix, 'after', a.quote) ?? 1;
  const own = support(c);
  const near = own >= 2 && !s.wide;
  // (An anchor stored with no context at all has only its place: the search keeps that.)
  if (near && !a.prefix && !a.suffix) return false;
  let starts: number[];
  if (near) {
    const lo = Math.max(0, c.start - NEAR_COPY);
    starts = occurrences(text.slice(lo, c.end + NEAR_COPY), a.quote).map((p) => lo + p);
  } else {
    if (s.starts().length > MAX_RIVALS) return false;
    starts = [...s.starts()];
  }
  return starts.some((p) => {
    const o = { start: p, end: p + a.quote.length, text: a.quote, score: 0 };
    // (The cheap tests first: in repeated text a quote occurs often within the window.)
    const agrees = near ? fullSupport(text, o.start, o.end, a.quote, a.prefix, a.suffix) : supportAtLeast(text, o.start, o.end, a.quote, a.prefix, a.suffix, own);
    return p !== c.start && (agrees || (stutter(text, c.start, p) && after(o) >= after(c))) && s.fits(o);
  });
}

/**
 * The text at `p` and at `q` is one passage twice in a row (give or take the few characters a
 * cut leaves, ". " for ","): the first words of a sentence pasted right before it ("Kim met X.
 * Kim met X in Y on Monday."). The copy takes the original's context before it and the original
 * takes the copy's end, so the context before says the copy, though text repeated in a row reads
 * the same whichever of the two was pasted: only the context after, where the copy was cut, can
 * tell them apart (see {@link rivalled}).
 */
export function stutter(text: string, p: number, q: number): boolean {
  const lo = Math.min(p, q);
  const d = Math.abs(q - p);
  if (d < MIN_STUTTER) return false;
  let before = 0;
  while (before < d && before < lo && text.charCodeAt(lo - 1 - before) === text.charCodeAt(lo + d - 1 - before)) before++;
  let after = 0;
  while (after < d - before && lo + d + after < text.length && text.charCodeAt(lo + after) === text.charCodeAt(lo + d + after)) after++;
  return before + after >= d - STUTTER_SLACK;
}
/** Shortest passage taken for a stutter (see {@link stutter}): a few words. */
const MIN_STUTTER = 24;
/** Characters of a stutter that may differ: the end of the cut copy (". " for ",", a dropped word end). */
const STUTTER_SLACK = 4;
