/**
 * Re-anchoring after the document changed outside the editor. In order: unchanged text → the
 * stored offsets; old text known → positions mapped through a diff (deleted text becomes an
 * orphan, moved text is followed); then the exact quote at its position, the exact quote with
 * the best context, a bounded fuzzy match (without the old text, stored contexts are read with the
 * words replaced all through the text: replaced.ts). Then every place is checked against the order of the
 * anchors placed for sure (order.ts). Below the acceptance rules an annotation becomes an
 * orphan carrying its best candidate: it is never silently placed on other text.
 */

import search from 'approx-string-match';
import { OffsetMap } from '../offsets';
import { DiffMap } from './diffmap';
import { contextScore, contextSupport, fuzzyCandidates, fuzzyContextScore, occurrences, otherSentence, sideLost, type Candidate } from './match';
import { betterOldMention, copyRival, findMoved, strayCopy, TIE } from './alignment';
import { MAX_RIVALS, rivalled as rivalledIn } from './rivals';
import { boundaryChanged, edgesAgree } from './edges';
import { checkOrder } from './order';
import { CandidateIndex, nearest, type ScoredOccurrences } from './candidates';
import { replacedWords, replaceWords } from './replaced';
import { echoedAway, PREDICTION_SLACK } from './echo';
import { LaterShifts } from './later';
import { bridgeNeighbours } from './bridge';
import { placeBetween } from './between';
import { nearerCopy } from './nearer';
import { WholeLines } from './wholelines';
import { unchangedPlacements } from './unchanged';
export type { Candidate } from './match';
export type { AnchorQuery, Orphan, Placement, PlacementMethod, ReanchorOptions, ReanchorResult } from './types';
import type { AnchorQuery, Orphan, Placement, PlacementMethod, ReanchorOptions, ReanchorResult } from './types';

/**
 * Re-anchor stored anchors on `newText`, using `oldText` (the text they were made on) when known.
 * Anchors stored on one span with one quote and context (a confirmed entity and a suggestion of
 * another type on the same words) are anchored once, together: they are not rivals for the place.
 */
export function reanchor(oldText: string | undefined, newText: string, anchors: readonly AnchorQuery[], options: ReanchorOptions = {}): ReanchorResult {
  const groups = new Map<string, AnchorQuery[]>();
  for (const a of anchors) {
    // The context too: orphans of one deleted passage share a hint position and may share a quote.
    const key = JSON.stringify([a.start, a.end, a.quote, a.prefix ?? '', a.suffix ?? '']);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  if (groups.size === anchors.length) return reanchorDistinct(oldText, newText, anchors, options);
  const followers = new Map<string, AnchorQuery[]>();
  for (const group of groups.values()) if (group.length > 1) followers.set(group[0].id, group.slice(1));
  const result = reanchorDistinct(oldText, newText, [...groups.values()].map((g) => g[0]), options);
  const placed: Placement[] = [];
  const orphans: Orphan[] = [];
  // A loop, not push(...followers): 100,000s of entries on one span (a hostile sidecar) overflowed the stack.
  for (const p of result.placed) {
    placed.push(p);
    for (const f of followers.get(p.id) ?? []) placed.push({ ...p, id: f.id });
  }
  for (const o of result.orphans) {
    orphans.push(o);
    for (const f of followers.get(o.id) ?? []) orphans.push({ ...o, id: f.id });
  }
  const order = new Map(anchors.map((a, i) => [a.id, i]));
  placed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  orphans.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  return { placed, orphans };
}

/** {@link reanchor} for anchors on distinct spans. */
function reanchorDistinct(oldText: string | undefined, newText: string, stored: readonly AnchorQuery[], options: ReanchorOptions): ReanchorResult {
  const opts: Required<ReanchorOptions> = { units: 'codepoints', minFuzzyQuoteLength: 5, fuzzyThreshold: 0.8, contextThreshold: 0.5, diffTimeout: 4, ...options };
  let placed: Placement[] = [];
  let orphans: Orphan[] = [];
  const newMap = opts.units === 'codepoints' ? new OffsetMap(newText) : undefined;
  const oldMap = oldText !== undefined && opts.units === 'codepoints' ? (oldText === newText ? newMap : new OffsetMap(oldText)) : undefined;
  if (oldText !== undefined && oldText === newText) {
    // The text they were made on: each anchor is checked at its stored place, O(1) (plus a
    // binary search over astral characters) apiece, with no sorting or matching at all.
    const same = unchangedPlacements(newText, stored, newMap);
    if (same) return { placed: same, orphans: [] };
  }
  let diff: DiffMap | undefined;
  let lines: WholeLines | undefined;
  // The quotes' occurrences in the new text, shared by all anchors (candidates.ts).
  const index = new CandidateIndex(newText, stored.map((a) => a.quote));
  // Without the old text, words replaced everywhere are read into the stored contexts (replaced.ts).
  const replaced = oldText === undefined ? replacedWords(newText, stored, (q) => index.startsOf(q)) : undefined;
  const anchors = replaced?.size ? stored.map((a) => ({ ...a, prefix: replaceWords(a.prefix, replaced, 'before'), suffix: replaceWords(a.suffix, replaced, 'after') })) : stored;
  // Without a diff, text after an edit is shifted by about as much as its neighbour before it:
  // anchors are taken in position order and each search starts where that shift predicts.
  let drift = 0;
  let stale = false;
  // The places an echo left open (echo.ts), with how well the anchor's context agreed there: a
  // weaker claim on one of them is no surer (see the last step).
  const echoHeld = new Map<string, number>();
  const echoed = new Set<string>(); // And the anchors it left ambiguous: no neighbour decides for them (bridge.ts, order.ts).
  const lined = new Set<string>(); // Those placed by their lines (wholelines.ts): the order check leaves them.
  const ordered = [...anchors].sort((x, y) => x.start - y.start);
  const quoteOf = new Map(anchors.map((a) => [a.id, a.quote]));
  // What the anchors after a place say of the text between (later.ts); found on first need.
  const toUtf16 = (x: number) => (newMap ? newMap.toUtf16(x) : x);
  const later = oldText === undefined ? new LaterShifts(newText, ordered.map((a) => ({ ...a, start: toUtf16(a.start) }))) : undefined;

  for (const a of ordered) {
    // Old-text offsets when the old text is known; otherwise the stored ones are only a hint.
    const map = oldText !== undefined ? oldMap : newMap;
    const s = map ? map.toUtf16(a.start) : a.start;
    const e = map ? map.toUtf16(a.end) : a.end;
    const consistent = oldText !== undefined && e >= s && oldText.slice(s, e) === a.quote;

    if (consistent && oldText === newText) {
      placed.push({ id: a.id, start: s, end: e, method: 'unchanged', modified: false, score: 1 });
      continue;
    }
    if (consistent) {
      // An anchor whose line stands once in each text went with it, at once when no line was edited;
      // else the line may say the diff took a row for another, or make its place doubtful (wholelines.ts).
      const len = e - s;
      const own = (lines ??= new WholeLines(oldText!, newText)).place(s, e);
      const moveTo = (at: number) => {
        lined.add(a.id);
        return placed.push({ id: a.id, start: at, end: at + len, method: 'moved', modified: false, score: 1 }) > 0;
      };
      if (own !== undefined && lines.onlyOldLines() && moveTo(own)) continue;
      diff ??= new DiffMap(oldText!, newText, opts.diffTimeout);
      const m = diff.mapSpan(s, e);
      const [oldPrefix, oldSuffix] = [oldText!.slice(Math.max(0, s - 32), s), oldText!.slice(e, e + 32)];
      const verdict = lines.verdict(diff, s, e, m, oldPrefix, oldSuffix);
      if (verdict && 'at' in verdict && moveTo(verdict.at)) continue;
      const offer = verdict && 'ambiguous' in verdict && verdict.ambiguous !== undefined ? { best: { start: verdict.ambiguous, end: verdict.ambiguous + len, text: a.quote, score: 1 } } : {};
      if (verdict && 'ambiguous' in verdict && orphans.push({ id: a.id, reason: 'ambiguous', at: m.start, ...offer })) continue;
      const ctx = m.intact ? (contextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 1) : 0;
      // A name left as a small island of "unchanged" text between a deleted sentence and an inserted one using it is not intact.
      let island =
        m.intact &&
        ((ctx < 0.5 && m.run < len + 12 && (fuzzyContextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 0) < 0.5) ||
          boundaryChanged(oldText!, s, e, newText, m.start, m.end));
      if (m.intact && !island) {
        // The diff can align the quote with another mention when the text around it changed (a
        // removed paragraph's "Americans:" on the next one's): where the context does not
        // clearly follow, the place is checked like a search result, and against the other
        // mentions of the old text, which may fit it better.
        const support = contextSupport(newText, m.start, m.end, a.quote, oldPrefix, oldSuffix);
        if (support < 2) {
          island =
            // (With the old text at hand, only a context lost right next to the quote counts.)
            otherSentence(newText, m.start, m.end, a.quote, oldPrefix, oldSuffix, 0.15) ||
            diff.deletionCouldCover(s, e) ||
            betterOldMention(oldText!, newText, diff, s, e, m.start, m.end, a.quote, support);
        }
      }
      if (m.intact && !island) {
        // Text pasted next to a copy of itself, which the diff may have aligned with the old sentence
        // (the same characters inserted either way); a copy it kept among moved text (alignment.ts).
        const copy = copyRival(oldText!, newText, diff, s, e, m.start) ?? strayCopy(oldText!, newText, diff, s, e, m.start, () => index.startsOf(a.quote));
        if (copy === 'ambiguous') {
          orphans.push({ id: a.id, reason: 'ambiguous', at: m.start, best: { start: m.start, end: m.end, text: a.quote, score: ctx } });
          continue;
        }
        if (copy !== undefined) {
          placed.push({ id: a.id, start: copy, end: copy + len, method: 'diff', modified: false, score: 0.9 });
          continue;
        }
        // In repeated passages a diff may align the text with another copy: one whose old context follows is preferred.
        // (Not another old mention of the quote that the diff kept in place: that is the mention's
        // own text, the copy of a paragraph pasted after itself whose first copy was edited.)
        const better = ctx < 0.5 ? searchCandidates(newText, { ...a, prefix: oldPrefix, suffix: oldSuffix }, m.start, opts, index).placement : undefined;
        const keptAt = better ? diff.unchangedFrom(better.start, better.end) : undefined;
        const otherMention = keptAt !== undefined && keptAt !== s && oldText!.startsWith(a.quote, keptAt);
        if (better && !otherMention && better.method !== 'fuzzy' && better.start !== m.start && better.score > ctx + TIE) placed.push({ ...better, method: 'context' });
        else placed.push({ id: a.id, start: m.start, end: m.end, method: 'diff', modified: false, score: 1 });
        continue;
      }
      // Edits at a span's edge can make the diff misalign it by a character or two: the exact quote right there is the answer.
      const lo = Math.max(0, m.start - len - 8);
      const near = island || len < 4 ? [] : occurrences(newText.slice(lo, m.end + len + 8), a.quote).map((p) => lo + p);
      // Not when that is unchanged text the diff took from another mention of the quote.
      const other = near.length === 1 ? diff.unchangedFrom(near[0], near[0] + len) : undefined;
      if (near.length === 1 && (other === undefined || other === s) && (contextScore(newText, near[0], near[0] + len, oldPrefix, oldSuffix) ?? 0) >= 0.5) {
        placed.push({ id: a.id, start: near[0], end: near[0] + len, method: 'diff', modified: false, score: 0.95 });
        continue;
      }
      const newLen = m.end - m.start;
      // A typo fixed inside the quote is followed; a word replaced by another ("Thursday" by
      // "Tuesday", "Monday" by "today") is not the same text, however many letters they share.
      // (A two- or three-letter quote has no room for a typo: "By" and "But" are two words.)
      const typoSized = len < 4 ? 0 : len < 10 ? 1 : Math.floor(len / 5);
      const digits = (x: string) => x.replace(/\D+/g, ''); // nor a number changed ("Record 00007" on "Record 00003"): another value
      const similar = () => Math.abs(newLen - len) <= typoSized && search(newText.slice(m.start, m.end), a.quote, typoSized).length > 0 && digits(newText.slice(m.start, m.end)) === digits(a.quote);
      const kept = () => (contextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 0) >= 0.25;
      // Nor is a place that starts or ends inside a word where the quote did not ("Since" read on
      // the "ince" of "incendiary", the words around it replaced).
      const edges = () => edgesAgree(newText, m.start, m.end, { quote: a.quote, prefix: oldPrefix, suffix: oldSuffix });
      if (!island && newLen > 0 && m.equal * 2 >= len && newLen * 2 >= len && newLen <= len * 1.5 + 2 && similar() && kept() && edges()) {
        placed.push({ id: a.id, start: m.start, end: m.end, method: 'diff-modified', modified: newText.slice(m.start, m.end) !== a.quote, score: m.equal / len });
        continue;
      }
      const moved = findMoved(oldText!, newText, diff, s, e, a.quote, () => index.startsOf(a.quote));
      if (moved && moved.score >= 0.6) {
        placed.push({ id: a.id, start: moved.start, end: moved.end, method: 'moved', modified: false, score: moved.score });
        continue;
      }
      // Its text was deleted: an orphan, even if the same words appear elsewhere. (Its best
      // candidate, a hint, allowing edits only near where the text was.)
      const best = searchCandidates(newText, a, m.start, opts, index, false, undefined, HINT_RADIUS).best;
      orphans.push(best ? { id: a.id, reason: 'deleted', at: m.start, best } : { id: a.id, reason: 'deleted', at: m.start });
      continue;
    }

    const hint = Math.max(0, Math.min(s + drift, newText.length));
    const found = searchCandidates(newText, a, hint, opts, index, stale, later && { s, later });
    // The anchor before this one left as an ambiguous orphan (its sentence copied), the shift it
    // would have confirmed is older, and a copy of the next one's sentence can sit right where it
    // predicts: an article of copied sentences had each next name of a copied sentence put on the
    // copy at its old offset.
    stale = !found.placement && found.reason === 'ambiguous';
    if (found.placement) {
      placed.push(found.placement);
      // Only a clear, nearby shift updates the prediction: one far-off pick in repeated text
      // must not drag the following anchors along with it. (The copy much nearer than any other
      // counts: without it, every anchor in repeated text would search the whole text.)
      const shift = found.placement.start - s;
      if ((found.unique || found.nearest) && Math.abs(shift - drift) <= Math.max(2000, newText.length / 50)) drift = shift;
    }
    else {
      orphans.push(found.best ? { id: a.id, reason: found.reason, at: hint, best: found.best } : { id: a.id, reason: found.reason, at: hint });
      if (found.echo && found.best) echoHeld.set(`${found.best.start}:${found.best.end}`, found.best.score);
      if (found.echo) echoed.add(a.id);
    }
  }
  // Each placement is checked against the order of the anchors placed for sure (order.ts).
  const source = (a: AnchorQuery) => {
    const s = oldMap ? oldMap.toUtf16(a.start) : a.start;
    const e = oldMap ? oldMap.toUtf16(a.end) : a.end;
    if (oldText !== undefined && oldText.slice(s, e) === a.quote) return { text: oldText, s, e };
    const prefix = a.prefix ?? '';
    return { text: prefix + a.quote + (a.suffix ?? ''), s: prefix.length, e: prefix.length + a.quote.length, context: true };
  };
  // With the old text known, new text the diff kept from an old offset (another mention of a quote
  // kept in place is that mention's, not a rival copy).
  const keptFrom = diff ? (x: number, y: number) => diff!.unchangedFrom(x, y) : undefined;
  // And text it inserted, when the diff is minimal (see DiffMap.minimal): a copy pasted there is no rival of a place it kept.
  const inserted = diff?.minimal ? (x: number, y: number) => diff!.isInserted(x, y) : undefined;
  ({ placed, orphans } = checkOrder(newText, ordered, placed, orphans, source, keptFrom, inserted, echoed, lined));
  // Without the old text, a place found by search or by order whose context agrees weakly, lost
  // on one side where the quote's sentence edge moved, is another sentence with the same words
  // (its own was deleted: another branch, a torn read): an orphan, not a guess (match.ts sideLost).
  if (oldText === undefined) {
    const byId = new Map(anchors.map((a) => [a.id, a]));
    placed = placed.filter((p) => {
      const a = byId.get(p.id)!;
      if ((p.method !== 'position' && p.method !== 'context' && p.method !== 'order') || p.score >= WEAK || !sideLost(newText, p.start, p.end, a.quote, a.prefix, a.suffix)) return true;
      orphans.push({ id: p.id, reason: 'not-found', at: p.start, best: { start: p.start, end: p.end, text: newText.slice(p.start, p.end), score: p.score } });
      return false;
    });
    // Neighbours whose stored contexts reach each other were one passage: placed together (bridge.ts).
    ({ placed, orphans } = bridgeNeighbours(newText, ordered, placed, orphans, opts.units === 'codepoints', (q) => index.startsOf(q), echoed));
  }
  // Two anchors found by search on the very same text (repeated passages, one copy deleted):
  // only the more trustworthy one keeps it, the other becomes an ambiguous orphan. Between
  // searches, the better context decides, not how the place was found: a deleted quote found
  // "at its position" (a shift predicted from a wrong pick before it) took the span from the
  // mention whose whole context agrees there. On a tie the one found at its own position keeps it:
  // of two identical paragraphs, the first one's name (a typo fixed next to it) found "by context"
  // on the second copy took it from the second paragraph's own annotation.
  const rank: Record<PlacementMethod, number> = { unchanged: 0, diff: 1, moved: 2, 'diff-modified': 3, position: 4, context: 4, order: 4, fuzzy: 6 };
  const atOwnPlace = (p: Placement) => (p.method === 'position' ? 1 : 0);
  const byRange = new Map<string, Placement>();
  for (const p of [...placed].sort((x, y) => rank[x.method] - rank[y.method] || y.score - x.score || atOwnPlace(y) - atOwnPlace(x))) {
    const key = `${p.start}:${p.end}`;
    const holder = byRange.get(key);
    // Nor does a search take a place an echo left open to an anchor whose context agrees there
    // better (a record deleted from a table: its name found by position on the next record, whose
    // own anchor was left open by an echo of the record after). (A fuzzy match's score is how alike
    // its text is, not its context's: no claim against it.)
    const leftOpen = !holder && rank[p.method] >= rank.position && (echoHeld.get(key) ?? -1) > (p.method === 'fuzzy' ? -1 : p.score);
    if (!holder && !leftOpen) byRange.set(key, p);
    else if (leftOpen || (rank[p.method] >= rank.position && quoteOf.get(p.id) === quoteOf.get(holder!.id))) {
      placed.splice(placed.indexOf(p), 1);
      orphans.push({ id: p.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: newText.slice(p.start, p.end), score: p.score } });
    }
  }
  // Without the old text, of copies that agree equally, the one the placed neighbours point at (between.ts).
  const units = { toStored: (x: number) => (newMap ? newMap.toCodePoint(x) : x), toUtf16 };
  if (oldText === undefined) ({ placed, orphans } = placeBetween(newText, ordered, placed, orphans, units, (q) => index.startsOf(q), echoed));
  // Results in the order the anchors were given.
  const order = new Map(anchors.map((a, i) => [a.id, i]));
  placed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  orphans.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  return { placed, orphans };
}

/** Quote search without the old text: exact at position, exact with context, then fuzzy. */
function searchCandidates(
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
const HINT_RADIUS = 20_000;
/** Quotes shorter than this (UTF-16 units) with no context at all are placed only where they were. */
const MIN_BARE_QUOTE = 8;
/** Context agreement (exact, next to it) that a fuzzy match differing from the quote needs: a quarter of its characters. */
const MIN_EDITED_CONTEXT = 0.25;
/** Below this score a place found without the old text is checked with sideLost. */
const WEAK = 0.6;

function overlaps(x: Candidate, y: Candidate): boolean {
  return x.start < y.end && y.start < x.end;
}
