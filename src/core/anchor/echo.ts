/**
 * A passage twice in a row but for a few edits: a paragraph pasted right after itself in the
 * editor, one copy edited since. Used by the search without the old text (reanchor.ts): when the
 * copy whose context agrees is not where the stored offsets predict, and the predicted place holds
 * the other copy, nothing stored tells "pasted after, the first copy edited" from "pasted before,
 * the pasted copy edited", and the anchor is an ambiguous orphan.
 *
 * Written here rather than taken from a library: it is an alignment of a text with itself shifted
 * by one period, walked out from two places, with a budget of edits; a general diff of the two
 * passages would cost a quadratic alignment for each check.
 */

import { countBefore } from '../bisect';
import type { LaterShifts } from './later';

/**
 * Whether the place `c` chosen for an anchor by its context, away from the place `hint` predicted
 * from its stored offsets, has an echo there: an occurrence of the quote within PREDICTION_SLACK of the
 * prediction (nearer it than `c`) around which the text is the passage around `c` again, edited. A
 * paragraph pasted after itself and its first copy edited reads as one pasted before itself and the
 * pasted copy edited: the stored context agrees with the unedited copy, the stored offsets with the
 * other, and nobody can tell which the anchor was on, unless the copy at the prediction is another
 * anchor's own (rows of a table reordered) or the anchors after the two copies moved as `c` did
 * (`later`: a copy inserted or deleted between, a row pasted into a table, a record deleted).
 * `starts`: the quote's occurrences in text order; `s`: the anchor's stored start. (The edited copy
 * need not fit: an edit next to the quote can make it look like another sentence.)
 */
export function echoedAway(text: string, a: { quote: string; prefix?: string; suffix?: string }, c: number, hint: number, starts: readonly number[], s: number, later: LaterShifts): boolean {
  if (c === hint || !a.quote) return false;
  const k = countBefore(starts.length, (i) => starts[i] < hint);
  const own = Math.abs(c - hint);
  const near = [starts[k - 1], starts[k]].filter((p) => p !== undefined && p !== c && Math.abs(p - hint) <= PREDICTION_SLACK && Math.abs(p - hint) < own);
  // No copy of the quote at the prediction: the annotated words themselves may have been edited
  // in the first copy (a name deleted or replaced), and the passage there is still the one around
  // `c` again; the prediction itself is where the walk starts. (Its text deleted, the annotation is
  // an orphan either way; without this, the one remaining occurrence took it, and the prediction
  // of the annotations after it with it.)
  if (near.length === 0 && hint < c) near.push(hint);
  return near.some((p) => {
    if (!echoAround(text, p, c, a)) return false;
    // (The copy at the prediction is another anchor's own: rows reordered, not a paste.)
    if (text.startsWith(a.quote, p) && later.claimed(p, c, a, s)) return false;
    // Not when the anchors after moved as `c` did: a copy was inserted or deleted between. (When
    // they did not move, both copies were there before and the predicted one is likelier the
    // anchor's, but rows moved within a table read the same: an orphan still, not a guess.)
    return !later.movedWith(s + Math.abs(c - p) + a.quote.length, c - s, p - s);
  });
}

/**
 * How far (UTF-16 units) from the place predicted from the neighbours a copy is still "at" it: a
 * word or two edited between the anchor and its neighbour. Farther, text was inserted there, as
 * much as a pasted sentence, and a sentence pasted there may be a copy of the anchor's own: the one
 * nearer the prediction is then no likelier than the other (eval:anchoring's duplicated sentences).
 * The search (reanchor.ts) takes the nearer of copies with equal context only within as much, and
 * the other copy of an echo is looked for as far from the prediction.
 */
export const PREDICTION_SLACK = 64;

/** {@link echo} between places `p` and `q` of an anchor's quote, with its stored context to take in. */
export function echoAround(text: string, p: number, q: number, a: { quote: string; prefix?: string; suffix?: string }): boolean {
  return echo(text, p, q, a.prefix?.length ?? 0, a.quote.length + (a.suffix?.length ?? 0));
}

/**
 * The text around `p` and around `q` is one passage twice in a row, but for a few edits: walking
 * out from both places, the two agree over the whole distance between them (the period), allowing
 * edits of up to MAX_SKIP characters that together change at most a third of it. The agreement
 * must also take in the `before` characters before the places and the `after` from them on (the
 * quote and its stored context), or reach a line break: where the context differs, an edit inside
 * the passage made it differ. Costs at most a few times the period (see MAX_PERIOD).
 */
export function echo(text: string, p: number, q: number, before = 0, after = 0): boolean {
  const lo = Math.min(p, q);
  const hi = Math.max(p, q);
  const d = hi - lo;
  if (d < MIN_PERIOD || d > MAX_PERIOD) return false;
  const budget = Math.max(SLACK, Math.floor(d * EDITS));
  const forward = agreeing(text, lo, hi, 1, budget, Math.max(d, after));
  // The forward walk may run on past the passage's end, into the copy after it compared with the
  // text after that ("The following..." and "The source..." share "The "), spending the budget on
  // another passage: it is also tried ending at each line break it passed.
  for (const end of [forward, ...forward.breaks]) {
    const backward = agreeing(text, lo, hi, -1, budget - end.errors, Math.max(d - end.covered, before));
    const ahead = end.covered;
    const back = backward.covered;
    // (Or it passes a line break, or reaches the text's end: the passage ends there, and what
    // differs past it is another one.)
    const lineEnd = hi + ahead >= text.length || end !== forward || forward.breaks.length > 0;
    const lineStart = lo - back <= 0 || backward.breaks.length > 0;
    // (Edits that change the length shift the period by as much.)
    const slack = SLACK + end.errors + backward.errors;
    if (ahead + back >= d - slack && (ahead >= after || lineEnd) && (back >= before || lineStart)) return true;
  }
  return false;
}

/**
 * How far (characters from `i0` on the first side) the text from `i0` and from `j0` agrees in
 * direction `dir`, up to `limit`, stepping over edits (at most MAX_SKIP characters on either side,
 * after which RESYNC characters agree again) while they cost no more than `budget` characters.
 */
function agreeing(text: string, i0: number, j0: number, dir: 1 | -1, budget: number, limit: number): Walk & { breaks: Walk[] } {
  const breaks: Walk[] = [];
  let i = i0;
  let j = j0;
  let errors = 0;
  let skips = 0;
  // Forward the characters compared are at i and j; backward, at i - 1 and j - 1.
  const code = (k: number) => (dir === 1 ? text.charCodeAt(k) : text.charCodeAt(k - 1));
  const inside = (k: number) => (dir === 1 ? k < text.length : k > 0);
  while (Math.abs(i - i0) < limit && inside(i) && inside(j)) {
    if (code(i) === code(j)) {
      // (Where the walk stood right past each line break both sides share, the first few.)
      if (code(i) === NEWLINE && breaks.length < MAX_BREAKS) breaks.push({ covered: Math.abs(i + dir - i0), errors });
      i += dir;
      j += dir;
      continue;
    }
    // A difference right past a line break both sides share is another passage, not an edit:
    // the walk ends there (its budget of edits is the passage's own).
    if (i !== i0 && code(i - dir) === NEWLINE) break;
    // The cheapest skip after which the two agree again: RESYNC characters past the skip on one
    // side found within MAX_SKIP characters on the other (skipping on both sides costs the longer
    // one: a word replaced by another). Fewer than RESYNC when the walk's limit comes first (the
    // period may end in an edit), or a line break (the passage may end right after the edit).
    let best: [number, number] | undefined;
    const room = Math.min(MAX_SKIP, budget - errors);
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
    if (!best || ++skips > MAX_EDITS) break;
    errors += Math.max(best[0], best[1]);
    i += dir * best[0];
    j += dir * best[1];
  }
  return { covered: Math.abs(i - i0), errors, breaks };
}

/** How far a walk of {@link agreeing} went, and the edits it stepped over on the way. */
interface Walk {
  covered: number;
  errors: number;
}

/** Most characters one edit may skip on either side: a word or two replaced by others ("inappropriately repatriate" by "shares compared"). */
const MAX_SKIP = 32;
/** Most edits a walk steps over: a few edits of a paragraph, not text that merely looks alike (and each costs a search of MAX_SKIP squared). */
const MAX_EDITS = 32;
/** Characters that must agree after an edit is skipped. */
const RESYNC = 5;
/** Share of the period that its edits may change (a short paragraph with two words replaced: a third). */
const EDITS = 1 / 3;
/** Characters of a period that may differ besides the edits found (the cut at a copy's ends). */
const SLACK = 4;
/** Line breaks passed at which the forward walk is also tried ending (a paragraph's lines, hard-wrapped). */
const MAX_BREAKS = 8;
/** A line break's character code. */
const NEWLINE = 10;
/** Shortest period: a few words. */
const MIN_PERIOD = 24;
/**
 * Longest period (UTF-16 units): a long paragraph, or an article without blank lines (some wire
 * copy is one paragraph of 11,000 characters). It bounds each check's cost: an anchor checks at
 * most two occurrences itself, and the anchors after it (later.ts) up to SCAN witnesses, each walked
 * once per occurrence of its quote asked (not once per shift: anchors whose shifts all differ ask
 * the same few). Linear in the anchors; at worst (a witness near a new occurrence for every shift
 * asked) SCAN walks of this length for an anchor whose shift differs from those before it.
 */
export const MAX_PERIOD = 20_000;
