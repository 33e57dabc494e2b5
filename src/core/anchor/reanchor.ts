/**
 * Re-anchoring after the document changed outside the editor. In order: unchanged text → the
 * stored offsets; old text known → positions mapped through a diff (throughDiff.ts: deleted text becomes an
 * orphan, moved text is followed); then the exact quote at its position, the exact quote with
 * the best context, a bounded fuzzy match (search.ts; without the old text, stored contexts are read with the
 * words replaced all through the text: replaced.ts). Then every place is checked against the order of the
 * anchors placed for sure (order.ts). Below the acceptance rules an annotation becomes an
 * orphan carrying its best candidate: it is never silently placed on other text.
 */

import { OffsetMap } from '../offsets';
import { sideLost, sideWhole } from './match';
import { checkOrder } from './order';
import { CandidateIndex } from './candidates';
import { replacedWords, replaceWords } from './replaced';
import { LaterShifts } from './later';
import { bridgeNeighbours } from './bridge';
import { placeBetween } from './between';
import { unchangedPlacements } from './unchanged';
import { ThroughDiff } from './throughDiff';
import { searchCandidates } from './search';
import { TIE } from './alignment';
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
  let throughDiff: ThroughDiff | undefined;
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
      // The old text holds the quote at its offsets: its line, else the diff, says where it went (throughDiff.ts).
      const r = (throughDiff ??= new ThroughDiff(oldText!, newText, index, opts)).place(a, s, e);
      if ('orphan' in r) orphans.push(r.orphan);
      else placed.push(r.placement);
      if ('lined' in r && r.lined) lined.add(a.id);
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
  const diff = throughDiff?.diff;
  const keptFrom = diff ? (x: number, y: number) => diff.unchangedFrom(x, y) : undefined;
  // And text it inserted, when the diff is minimal (see DiffMap.minimal): a copy pasted there is no rival of a place it kept.
  const inserted = diff?.minimal ? (x: number, y: number) => diff.isInserted(x, y) : undefined;
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
  /** Found by a search (position, context or order): the places the rival rules below weigh. */
  const bySearch = (p: Placement) => rank[p.method] === rank.position;
  const ambiguousAt = (p: Placement): Orphan => ({ id: p.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: newText.slice(p.start, p.end), score: p.score } });
  const byRange = new Map<string, Placement>();
  // Holders a search found whose claim a rival's equals (scores within TIE, neither at its own
  // place or both, both contexts whole or neither: see below): a hair of context score decided nothing. A mention's own anchor lost its place to
  // the anchor of a deleted sentence with the same words (0.524 against 0.516), so both become
  // ambiguous orphans, and the placed neighbours may still say which is whose (placeBetween).
  const tied = new Set<Placement>();
  // A rival whose context agrees up to its sentence's edges on both sides takes a place from a holder
  // a search found whose context does not (more characters agreeing, then another sentence): the
  // anchor of a deleted paragraph held its opening name by position ("…12.5 cents.\n\n[Hudson]'s Bay
  // said" + "that Woodbridge"), the next paragraph's own anchor agreeing whole there was left out.
  const anchorOf = new Map(anchors.map((a) => [a.id, a]));
  // (A side with no stored context, the quote at the text's edge, is whole where the place is at that edge too:
  // else the text's first name, at its own place, was displaced by a deleted copy's whose context reaches the start.)
  const whole = (x: Placement) => {
    const a = anchorOf.get(x.id)!;
    const before = a.prefix ? sideWhole(newText, x.start, x.end, a.prefix, 'before', a.quote) : x.start === 0;
    const after = a.suffix ? sideWhole(newText, x.start, x.end, a.suffix, 'after', a.quote) : x.end === newText.length;
    return before && after;
  };
  for (const p of [...placed].sort((x, y) => rank[x.method] - rank[y.method] || y.score - x.score || atOwnPlace(y) - atOwnPlace(x))) {
    const key = `${p.start}:${p.end}`;
    const holder = byRange.get(key);
    // Nor does a search take a place an echo left open to an anchor whose context agrees there
    // better (a record deleted from a table: its name found by position on the next record, whose
    // own anchor was left open by an echo of the record after). (A fuzzy match's score is how alike
    // its text is, not its context's: no claim against it.)
    const leftOpen = !holder && rank[p.method] >= rank.position && (echoHeld.get(key) ?? -1) > (p.method === 'fuzzy' ? -1 : p.score);
    if (!holder && !leftOpen) byRange.set(key, p);
    else if (holder && bySearch(holder) && bySearch(p) && quoteOf.get(p.id) === quoteOf.get(holder.id) && whole(p) && !whole(holder)) {
      placed.splice(placed.indexOf(holder), 1);
      tied.delete(holder);
      orphans.push(ambiguousAt(holder));
      byRange.set(key, p);
    } else if (leftOpen || (rank[p.method] >= rank.position && quoteOf.get(p.id) === quoteOf.get(holder!.id))) {
      placed.splice(placed.indexOf(p), 1);
      orphans.push(ambiguousAt(p));
      if (holder && bySearch(holder) && bySearch(p) && holder.score - p.score < TIE && atOwnPlace(holder) === atOwnPlace(p) && whole(holder) === whole(p)) tied.add(holder);
    }
  }
  for (const p of tied) {
    placed.splice(placed.indexOf(p), 1);
    orphans.push(ambiguousAt(p));
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

/** Below this score a place found without the old text is checked with sideLost. */
const WEAK = 0.6;
