/**
 * Rival places for a quote found without the old text: another occurrence that nobody can tell
 * from the one chosen (a sentence, or its first words, pasted next to the original; a partial copy).
 * Used by the search in reanchor.ts, which then orphans the anchor as ambiguous instead of guessing.
 */

import { contextSupport, fullSupport, occurrences, sideSupport, type Candidate } from './match';
import { countBefore } from '../bisect';

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
    if (s.starts().length > MAX_RIVALS) return echoed(text, a, c, s.starts());
    starts = [...s.starts()];
  }
  return starts.some((p) => {
    const o = { start: p, end: p + a.quote.length, text: a.quote, score: 0 };
    // (The cheap tests first: in repeated text a quote occurs often within the window.)
    const agrees = near ? fullSupport(text, o.start, o.end, a.quote, a.prefix, a.suffix) : support(o) >= own;
    return p !== c.start && (agrees || (stutter(text, c.start, p) && after(o) >= after(c))) && s.fits(o);
  }) || echoed(text, a, c, s.starts());
}

/**
 * One of the occurrences near `c` (within MAX_ECHO, the ECHO_NEIGHBOURS nearest on each side) whose
 * context does not wholly agree, around which the text is the passage around `c` again with a few
 * edits ({@link echo}): a paragraph pasted right after itself and one copy edited next to the
 * quote. The stored context agrees with the unedited copy, but the paste and the edit read the
 * same whichever copy was pasted and whichever was edited. (The edited copy need not fit: an edit
 * next to the quote can make it look like another sentence, which it is not: it is the same
 * passage. A copy whose whole context agrees too is a rival or not by the rules in rivalled, as
 * copies of equal context are: the place predicted from the neighbours decides between far ones.)
 * `starts`: the quote's occurrences in text order.
 */
export function echoed(text: string, a: { quote: string; prefix?: string; suffix?: string }, c: { start: number }, starts: readonly number[]): boolean {
  const i = countBefore(starts.length, (k) => starts[k] < c.start);
  const len = a.quote.length;
  // (A twin agrees with `c` on one side for at least TWIN characters next to the quote, or both open
  // or close a line: a cheap test first, since a name has many other mentions, and the walk of
  // echo() for each of them made re-anchoring 1 MB of repeated passages 2.5 times as slow. The
  // price: a twin edited right next to the quote on both sides is not looked at.)
  const twin = (p: number) => {
    let k = 0;
    while (k < TWIN && text.charCodeAt(p + len + k) === text.charCodeAt(c.start + len + k) && p + len + k < text.length) k++;
    if (k >= TWIN) return true;
    k = 0;
    while (k < TWIN && p - k > 0 && text.charCodeAt(p - 1 - k) === text.charCodeAt(c.start - 1 - k)) k++;
    // (Both opening a line, or both closing one, agree on that side however their neighbours differ.)
    const opens = (x: number) => x === 0 || text[x - 1] === '\n';
    const closes = (x: number) => x + len >= text.length || text[x + len] === '\n';
    return k >= TWIN || (opens(p) && opens(c.start)) || (closes(p) && closes(c.start));
  };
  const echoes = (p: number) => twin(p) && !fullSupport(text, p, p + len, a.quote, a.prefix, a.suffix) && echo(text, c.start, p, a.prefix?.length ?? 0, len + (a.suffix?.length ?? 0));
  // (Walked by index: this runs for every place a search considers, and copying the neighbours
  // out for each was most of its cost in repeated text.)
  for (let k = i - 1; k >= Math.max(0, i - ECHO_NEIGHBOURS) && c.start - starts[k] <= MAX_ECHO; k--) if (echoes(starts[k])) return true;
  const from = starts[i] === c.start ? i + 1 : i;
  for (let k = from; k < Math.min(starts.length, from + ECHO_NEIGHBOURS) && starts[k] - c.start <= MAX_ECHO; k++) if (echoes(starts[k])) return true;
  return false;
}

/** {@link echoed}, finding the quote's occurrences near `c` itself (for a check of a few places). */
export function echoedNear(text: string, a: { quote: string; prefix?: string; suffix?: string }, c: { start: number }): boolean {
  if (!a.quote) return false;
  const starts: number[] = [];
  for (let p = c.start - 1, n = 0; n < ECHO_NEIGHBOURS && p >= 0 && (p = text.lastIndexOf(a.quote, p)) >= 0 && c.start - p <= MAX_ECHO; p--, n++) starts.unshift(p);
  starts.push(c.start);
  for (let p = c.start + 1, n = 0; n < ECHO_NEIGHBOURS && (p = text.indexOf(a.quote, p)) >= 0 && p - c.start <= MAX_ECHO; p++, n++) starts.push(p);
  return echoed(text, a, c, starts);
}

/**
 * The text around `p` and around `q` is one passage twice in a row, but for a few edits: walking
 * out from both places, the two agree over the whole distance between them (the period), allowing
 * edits of up to MAX_SKIP characters that together change at most a quarter of it. A sentence's or
 * paragraph's copy next to itself, one of them edited since: a typo fixed in one ("recieve" and
 * "receive") or a word changed near a name. The agreement must also take in the `before`
 * characters before the places and the `after` from them on (the quote and its stored context), or
 * reach a line break: where the context differs, an edit inside the passage made it differ. A cut
 * copy (a sentence's first words pasted before it) repeats over its period too, but ends at the
 * cut, which is what tells it from the original (see {@link stutter}).
 */
export function echo(text: string, p: number, q: number, before = 0, after = 0): boolean {
  const lo = Math.min(p, q);
  const hi = Math.max(p, q);
  const d = hi - lo;
  if (d < MIN_STUTTER) return false;
  const budget = Math.max(STUTTER_SLACK, Math.floor(d * ECHO_EDITS));
  const forward = agreeing(text, lo, hi, 1, budget, Math.max(d, after));
  const backward = agreeing(text, lo, hi, -1, budget - forward.errors, Math.max(d - forward.covered, before));
  const ahead = forward.covered;
  const back = backward.covered;
  // (Or it passes a line break: the passage ends there, and what differs past it is another one.)
  const lineEnd = text.slice(lo, lo + ahead).includes('\n');
  const lineStart = text.slice(lo - back, lo).includes('\n');
  // (Edits that change the length shift the period by as much.)
  const slack = STUTTER_SLACK + forward.errors + backward.errors;
  return ahead + back >= d - slack && (ahead >= after || lineEnd) && (back >= before || lineStart);
}

/**
 * How far (characters from `i` on the first side) the text from `i` and from `j` agrees in
 * direction `dir`, up to `limit`, stepping over edits (at most MAX_SKIP characters on either side,
 * after which RESYNC characters agree again) while they cost no more than `budget` characters.
 */
function agreeing(text: string, i0: number, j0: number, dir: 1 | -1, budget: number, limit: number): { covered: number; errors: number } {
  let i = i0;
  let j = j0;
  let errors = 0;
  // Forward the characters compared are at i and j; backward, at i - 1 and j - 1.
  const at = (k: number) => (dir === 1 ? text.charCodeAt(k) : text.charCodeAt(k - 1));
  const inside = (k: number) => (dir === 1 ? k < text.length : k > 0);
  while (Math.abs(i - i0) < limit && inside(i) && inside(j)) {
    if (at(i) === at(j)) {
      i += dir;
      j += dir;
      continue;
    }
    // The cheapest skip after which the two agree again: RESYNC characters past the skip on one
    // side found within MAX_SKIP characters on the other (skipping on both sides costs the longer
    // one: a word replaced by another). Fewer than RESYNC when the walk's limit comes first (the
    // period may end in an edit), or a line break (the passage may end right after the edit,
    // "chnage.\n\n").
    let best: [number, number] | undefined;
    const room = Math.min(MAX_SKIP, budget - errors);
    // (Compared in place, character by character: no strings are cut for the many walks that fail.)
    const code = (k: number) => (dir === 1 ? text.charCodeAt(k) : text.charCodeAt(k - 1));
    for (let si = 0; si <= room && (!best || si < Math.max(best[0], best[1])); si++) {
      const most = Math.min(RESYNC, limit - Math.abs(i - i0) - si);
      let sj: number | undefined = 0;
      if (most > 0) {
        const x = i + dir * si;
        let n = 0;
        while (n < most && inside(x + dir * n) && code(x + dir * n) !== NEWLINE) n++;
        // (The key takes a line break that ends it; it must lie wholly inside the text.)
        if (n < most && inside(x + dir * n)) n++;
        else if (n < most) n = -1;
        sj = undefined;
        for (let k = 0; n > 0 && k <= room && sj === undefined; k++) {
          let t = 0;
          while (t < n && inside(j + dir * (k + t)) && code(j + dir * (k + t)) === code(x + dir * t)) t++;
          if (t === n) sj = k;
        }
      }
      if (sj !== undefined && (!best || Math.max(si, sj) < Math.max(best[0], best[1]))) best = [si, sj];
    }
    if (!best) break;
    errors += Math.max(best[0], best[1]);
    i += dir * best[0];
    j += dir * best[1];
  }
  return { covered: Math.abs(i - i0), errors };
}
/** Most characters one edit of an {@link echo} may skip on either side: a word replaced by another. */
const MAX_SKIP = 16;
/** A line break's character code. */
const NEWLINE = 10;
/** Characters that must agree after an edit of an {@link echo} is skipped. */
const RESYNC = 5;
/** Share of an {@link echo}'s period that its edits may change. */
const ECHO_EDITS = 0.25;
/** Farthest (UTF-16 units) two places of an {@link echo} are looked for: a long paragraph, or an article without blank lines. */
const MAX_ECHO = 20_000;
/** Characters next to the quote, on one side, that a twin of an {@link echo} must share with the place (see echoed). */
const TWIN = 4;
/** Occurrences on each side of a place compared for an {@link echo}. */
const ECHO_NEIGHBOURS = 64;

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
