/**
 * Quote search, for an anchor whose old text is not known (or whose text the diff lost): the exact
 * quote at its expected place, then the exact quote with the best context among its occurrences,
 * then a bounded fuzzy match; each judged against rivals, copies and echoes before it is taken.
 */
import { contextScore, contextSupport, fuzzyCandidates, fuzzyContextScore, otherSentence, type Candidate } from './match';
import { TIE } from './alignment';
import { MAX_RIVALS, rivalled as rivalledIn } from './rivals';
import { edgesAgree } from './edges';
import { CandidateIndex, nearest, type ScoredOccurrences } from './candidates';
import { echoedAway, PREDICTION_SLACK } from './echo';
import type { LaterShifts } from './later';
import { nearerCopy } from './nearer';
import type { AnchorQuery, Orphan, Placement, PlacementMethod, ReanchorOptions } from './types';

/** Quote search: exact at position, exact with context, then fuzzy. */
export function searchCandidates(
  text: string,
  a: AnchorQuery,
  hint: number,
  opts: Required<ReanchorOptions>,
  index: CandidateIndex,
  stale = false,
  shifts?: { s: number; later: LaterShifts },
  fuzzyRadius?: number,
): { placement?: Placement; best?: Candidate; reason: Orphan['reason']; unique?: boolean; nearest?: boolean; echo?: boolean } {
  const place = (c: Candidate, method: PlacementMethod, unique = true) => ({ placement: { id: a.id, start: c.start, end: c.end, method, modified: c.text !== a.quote, score: Math.min(1, c.score) }, reason: 'not-found' as const, unique });
  // Fast path: the quote right at the expected place, with its context. Never the same words opening
  // another sentence (the quote's own deleted), however well the other side agrees, nor a place that
  // starts or ends inside a word where the quote did not ("ican Marine Corps" for "U.S. Marine Corps").
  const fits = (c: Candidate) => edgesAgree(text, c.start, c.end, a) && !otherSentence(text, c.start, c.end, a.quote, a.prefix, a.suffix);
  const support = (c: Candidate) => contextSupport(text, c.start, c.end, a.quote, a.prefix, a.suffix);
  // Every occurrence of the quote, scored once per quote and context (CandidateIndex), if the fast path does not decide.
  let scored: ScoredOccurrences | undefined;
  const occ = () => (scored ??= index.get(a, fits));
  // Another occurrence that fits and agrees as well: the place cannot be told from it (rivals.ts).
  // (With a stale prediction, copies far from the place are rivals too: see rivals.ts.)
  const rivalled = (c: Candidate) => rivalledIn({ text, anchor: a, starts: () => index.startsOf(a.quote), fits: (o) => occ().fits(o), wide: stale }, c);
  // A copy of the passage at the predicted place, edited, reads as well as the copy chosen (echo.ts):
  // an ambiguous orphan; undefined when there is no such copy.
  const echoed = (c: Candidate) => (shifts && echoedAway(text, a, c.start, hint, index.startsOf(a.quote), shifts.s, shifts.later) ? { best: c, reason: 'ambiguous' as const, echo: true } : undefined);
  // The one best place: unless another reads as well, or as a copy much nearer (nearer.ts) or an echo.
  const single = (top: Candidate) =>
    rivalled(top) ? { best: top, reason: 'ambiguous' as const } : shifts && nearerCopy(text, a, top, hint, index.startsOf(a.quote), fits) ? { best: top, reason: 'ambiguous' as const, echo: true } : (echoed(top) ?? place(top, top.start === hint ? 'position' : 'context'));
  if (text.startsWith(a.quote, hint) && a.quote) {
    const ctx = contextScore(text, hint, hint + a.quote.length, a.prefix, a.suffix) ?? 0.5;
    const c = { start: hint, end: hint + a.quote.length, text: a.quote, score: ctx };
    // The one place where the stored context stands verbatim outranks it (candidates.ts `elsewhere`).
    const exact = ctx < 1 ? index.elsewhere(a, hint) : undefined;
    if (exact && fits(exact)) return single(exact);
    if (ctx >= opts.contextThreshold && fits(c) && !rivalled(c)) return place(c, 'position');
  }
  // Without any context, only the place it was at tells a short quote's occurrences apart.
  if (!a.prefix && !a.suffix && a.quote.length < MIN_BARE_QUOTE) {
    const best = occ().all.find((c) => occ().fits(c));
    return best ? { best, reason: 'ambiguous' } : { reason: 'not-found' };
  }
  // Best context first, then nearest the expected place. Past MAX_RIVALS occurrences (repeated
  // text) sorting them for every anchor was quadratic: the top and the ties come from the index,
  // without scoring them all (ranked.ts).
  const few = occ().count <= MAX_RIVALS;
  const sorted = few ? [...occ().all].sort((x, y) => y.score - x.score || Math.abs(x.start - hint) - Math.abs(y.start - hint)) : undefined;
  const top = sorted ? sorted.find((c) => c.score < opts.contextThreshold || occ().fits(c)) : occ().best(hint, opts.contextThreshold);
  if (top && top.score >= opts.contextThreshold) {
    // Tied too: a place whose context agrees as well up to the sentence's ends (contextSupport),
    // when the top one only scores higher by what follows beyond them ("market. Qantas plans" for
    // "market. Qantas will"): a copied sentence's surroundings, which say nothing of the sentence.
    // (Not in repeated text, with more occurrences than MAX_RIVALS: there the scores decide.)
    // (The top's own support without edgeKept: a place whose context agrees only as far as its
    // sentence's full stop, another sentence before it, ties with one agreeing beyond, an edit
    // after the quote there; it does not outrank it. "Why was it late? [He said] the plan …" took
    // the anchor of "Monday. [He said] that the plan …" near the text's start, whose prefix is short.)
    const topSupport = few ? contextSupport(text, top.start, top.end, a.quote, a.prefix, a.suffix, false) : Infinity;
    // (The scores before whether it fits: asking every copy that cost up to MAX_RIVALS fuzzy checks per anchor in tables.)
    const tied = sorted
      ? sorted.filter((c) => (c.score >= top.score - TIE || (topSupport <= 2 && c.score >= opts.contextThreshold && support(c) >= topSupport)) && occ().fits(c))
      : occ().nearTied(top.score - TIE, hint);
    if (tied.length === 1) return single(top);
    // Equal contexts (repeated text): the one much nearer the expected place, or nobody.
    // (The index gives the two nearest ties.)
    const d = (sorted ? tied : nearest(tied, hint, 2)).map((c) => Math.abs(c.start - hint)).sort((x, y) => x - y);
    if (!stale && d[0] <= PREDICTION_SLACK && d[0] * 4 <= d[1] && d[1] - d[0] >= FAR_COPY && Math.abs(top.start - hint) === d[0] && !rivalled(top)) return echoed(top) ?? { ...place(top, 'context', false), nearest: true };
    return { best: top, reason: 'ambiguous' };
  }
  const atHint = occ().startingAt(hint);
  if (atHint && atHint.score >= 0.25 && fits(atHint) && !rivalled(atHint)) return place(atHint, 'position');
  if (a.quote.length >= opts.minFuzzyQuoteLength) {
    const fuzzy = fuzzyCandidates(text, a.quote, a.prefix, a.suffix, hint, undefined, fuzzyRadius === undefined ? index.fuzzy(a.quote) : index.fuzzyNear(a.quote, hint, fuzzyRadius));
    const best = fuzzy[0];
    if (best) {
      const clear = !fuzzy[1] || best.score - fuzzy[1].score >= TIE || overlaps(best, fuzzy[1]);
      // The exact quote was judged on its context above: fuzzy matching may take it only when its
      // context, allowing edits, agrees well (a deleted name is otherwise found at its other mentions).
      const exactText = best.text === a.quote;
      // Text that differs from the quote must have some of its context unchanged right next to it:
      // a quote edited and both its neighbours too is another passage ("Total dead: 10" under
      // "TANZANIA:" for the deleted "Total Dead: 192" under "KENYA:", alike to 81 % allowing edits).
      const contextKept = () => (contextScore(text, best.start, best.end, a.prefix, a.suffix) ?? 1) >= MIN_EDITED_CONTEXT;
      const contextFits = exactText ? (fuzzyContextScore(text, best.start, best.end, a.prefix, a.suffix) ?? 0) >= 0.8 : contextKept();
      if (best.score >= opts.fuzzyThreshold && clear && edgesAgree(text, best.start, best.end, a) && contextFits) return echoed(best) ?? place(best, 'fuzzy', false);
      if (!top || best.score > top.score) return { best, reason: clear ? 'not-found' : 'ambiguous' };
    }
  }
  return top ? { best: top, reason: 'not-found' } : { reason: 'not-found' };
}

/**
 * How much nearer the expected place (UTF-16 units) one of several copies with equal context must
 * be to be taken: the place predicted from the neighbours is off by as much as the text inserted
 * or deleted between them (a pasted sentence or two), so a copy only a few sentences nearer than
 * another is no better.
 */
const FAR_COPY = 1000;
/** How far from where a deleted quote was (UTF-16 units) its orphan's best candidate is looked for allowing edits (the exact quote: anywhere). */
export const HINT_RADIUS = 20_000;
/** Quotes shorter than this (UTF-16 units) with no context at all are placed only where they were. */
const MIN_BARE_QUOTE = 8;
/** Context agreement (exact, next to it) that a fuzzy match differing from the quote needs: a quarter of its characters. */
const MIN_EDITED_CONTEXT = 0.25;

function overlaps(x: Candidate, y: Candidate): boolean {
  return x.start < y.end && y.start < x.end;
}
