/**
 * Order across the document (see reanchor.ts): annotations keep their relative order under edits.
 * The anchors whose place is sure (the quote with its whole stored context, found once in the new
 * text, no copy close by) frame the others: an anchor's place lies between the places of the
 * nearest sure anchors before and after it in the old text (unless those two are out of order
 * themselves: text moved elsewhere, where the order says nothing). Linear in the anchors, plus one
 * pass over the text and a scan of each window no wider than MAX_WINDOW.
 * A placement outside that window (a copy pasted far from the original, a diff aligned with the
 * wrong copy, a search whose predicted position followed an earlier mistake) is moved onto the
 * one fitting occurrence inside the window, or orphaned as ambiguous when the window holds
 * several that cannot be told apart. An orphan whose quote occurs once in its window, fitting
 * there, is placed on it (its context was rewritten around it: a find and replace next to it).
 */

import { agreeAfter, agreeBefore, sentenceAround } from './alignment';
import { edgesAgree } from './edges';
import { contextScore, fuzzyContextScore, occurrences, otherSentence, type Candidate } from './match';
import { sureAnchors } from './sure';
import { echoAround } from './echo';
import type { AnchorQuery, Orphan, Placement } from './types';

/** Widest window (UTF-16 units) searched for an anchor's quote: wider, the window decides nothing. */
const MAX_WINDOW = 20_000;

/**
 * Anchors placed or orphaned by the per-anchor rules, checked against the order of the others.
 * `ordered`: the anchors in the order of their old offsets. Returns the new lists.
 */
export function checkOrder(
  text: string,
  ordered: readonly AnchorQuery[],
  placed: Placement[],
  orphans: Orphan[],
  source: (a: AnchorQuery) => Source,
  keptFrom?: KeptFrom,
  inserted?: Inserted,
  echoed?: ReadonlySet<string>,
  lined?: ReadonlySet<string>,
): { placed: Placement[]; orphans: Orphan[] } {
  const at = new Map(placed.map((p) => [p.id, p]));
  const orphanOf = new Map(orphans.map((o) => [o.id, o]));
  // (With none sure, nothing frames the anchors: see unframed.)
  const sure = sureAnchors(text, ordered, at);
  // Spans held by a placement: another anchor with the same quote is not moved onto them.
  const held = new Map<string, number>();
  for (const p of placed) held.set(`${p.start}:${p.end}`, (held.get(`${p.start}:${p.end}`) ?? 0) + 1);
  if (sure.length === 0) return unframed(text, ordered, placed, orphans, source, held, keptFrom, inserted);
  const framed = new Set(sure);
  const next = placedAfter(ordered, at);
  const out: Placement[] = [];
  const lost: Orphan[] = [];
  let f = 0;
  // The start of the nearest anchor before (in old order) that the per-anchor rules placed, where
  // this check left it (an orphan it re-attached does not count: text deleted may find a copy).
  let prev = 0;
  // Orphans this check re-attached, in old order, each with how many anchors the per-anchor rules
  // placed before it (see outOfOrder).
  const reattached: { placement: Placement; orphan: Orphan; after: number }[] = [];
  let placedBefore = 0;
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i];
    if (i > 0 && at.has(ordered[i - 1].id)) placedBefore++;
    const last = out[out.length - 1];
    if (i > 0 && last?.id === ordered[i - 1].id && at.has(last.id)) prev = last.start;
    while (f < sure.length && sure[f] < i) f++;
    const p = at.get(a.id);
    const o = orphanOf.get(a.id);
    // The sure anchors nearest before and after frame it. Text moved elsewhere puts the two out
    // of order (the one before placed after the one after): there the order tells nothing.
    const lo = f > 0 ? at.get(ordered[sure[f - 1]].id)!.start : 0;
    const hi = f < sure.length ? at.get(ordered[sure[f]].id)!.start : text.length;
    // (Nor does it judge a place its line gave: a line that stands once in each text, wholelines.ts.)
    if (framed.has(i) || lo > hi || lined?.has(a.id)) {
      if (p) out.push(p);
      else if (o) lost.push(o);
      continue;
    }
    const own = p ? `${p.start}:${p.end}` : undefined;
    const place = (c: Candidate) => {
      held.set(`${c.start}:${c.end}`, 1);
      out.push({ id: a.id, start: c.start, end: c.end, method: 'order', modified: false, score: Math.min(1, c.score) });
    };
    const free = freeBesides(held, own);
    if (p && p.start >= lo && p.start <= hi) {
      if (p.end - p.start !== a.quote.length || !text.startsWith(a.quote, p.start) || !rivalInWindow(text, a, source(a), p, lo, hi, free, keptFrom, inserted)) out.push(p);
      else {
        held.set(own!, held.get(own!)! - 1);
        lost.push({ id: a.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: a.quote, score: p.score } });
      }
      continue;
    }
    // (Nor an orphan the search left ambiguous between a copy there and a far one: reanchor.ts's echoes.)
    if (!p && (!o || o.reason === 'deleted' || echoed?.has(a.id))) {
      if (o) lost.push(o);
      continue;
    }
    const found = inWindow(text, a, lo, hi, free);
    if (!p) {
      // An orphan is placed only on the one fitting occurrence in its window, with some of its
      // context kept next to it, or most of it allowing edits (words replaced all around it); not
      // when the passage at the place it was looked for is that occurrence's again, edited (echo.ts:
      // a pasted paragraph's first copy, the annotated name itself replaced there).
      const echoed = (c: Candidate) => o!.at < c.start && echoAround(text, o!.at, c.start, a);
      // Nor out of order with the annotations placed next to it (a weak context "the [First] of
      // America" read in another sentence after the next paragraph's names), unless those two are
      // out of order themselves. The one before as this check left it: the search's first choice
      // may be a copy the check has just orphaned or moved.
      const inOrder = (c: Candidate) => prev > next[i] || (c.start >= prev && c.start <= next[i]);
      if (typeof found === 'object' && (found.score >= REATTACH || (fuzzyContextScore(text, found.start, found.end, a.prefix, a.suffix) ?? 0) >= FUZZY_REATTACH) && inOrder(found) && !echoed(found)) {
        place(found);
        reattached.push({ placement: out[out.length - 1], orphan: o!, after: placedBefore });
      } else lost.push(o!);
      continue;
    }
    // A placement outside its window yields to the one fitting occurrence inside only when that
    // one's surroundings agree with the old ones at least as far on both sides; it stands when
    // its own agree further on both (text moved elsewhere, with its context); otherwise nobody
    // can tell.
    // Nor to another old mention of the quote that the diff kept in place: that is that mention
    // (a paragraph moved away, re-wrapped, from another version of the same story kept in the
    // window: the diff followed the move, the other version's surroundings agreed further).
    const src = source(a);
    const side = typeof found !== 'object' ? (found === 'ambiguous' ? 'mixed' : 'worse') : otherMention(a, src, keptFrom?.(found.start, found.end)) ? 'worse' : compare(text, src, found, p);
    if (side === 'worse') out.push(p);
    else {
      held.set(own!, held.get(own!)! - 1);
      if (side === 'mixed') lost.push({ id: a.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: text.slice(p.start, p.end), score: p.score } });
      else place(found as Candidate);
    }
  }
  const undone = outOfOrder(reattached);
  if (undone.size === 0) return { placed: out, orphans: lost };
  return { placed: out.filter((x) => !undone.has(x)), orphans: [...lost, ...reattached.filter((r) => undone.has(r.placement)).map((r) => r.orphan)] };
}

/** Characters between two re-attached places within which they claim one passage (see outOfOrder): two contexts' worth. */
const CLAIMED_TOGETHER = 64;
/**
 * Re-attached orphans out of order with each other, with no anchor the per-anchor rules placed
 * between them in old order: neither bounds the other when placed (each is judged against those
 * anchors only, since a deleted one may find a copy), so a deleted paragraph's "[Bay]" took the next
 * paragraph's "Hudson's Bay said it will …" and that paragraph's own "Hudson" went just before it
 * (eval:anchoring, mixed edits alone, seed 1, without the old text). One of two such is wrong and
 * the text does not say which: neither is placed here. Only two placed within CLAIMED_TOGETHER of
 * each other, one passage claimed by anchors of two; not two with placed anchors between them: each
 * kept its order with those. Two far apart out of order only say that text moved (a review's three
 * paragraphs, the last moved to the top, lost a right "Smith"; table rows shuffled, two neighbouring
 * rows' names).
 */
function outOfOrder(reattached: readonly { placement: Placement; after: number }[]): Set<Placement> {
  const undone = new Set<Placement>();
  for (let k = 0; k + 1 < reattached.length; k++) {
    const [x, y] = [reattached[k], reattached[k + 1]];
    if (x.after === y.after && x.placement.start > y.placement.start && x.placement.start - y.placement.end < CLAIMED_TOGETHER) undone.add(x.placement).add(y.placement);
  }
  return undone;
}

/** For each anchor, the start of the nearest anchor after it (in old order) that the per-anchor rules placed, or Infinity. */
function placedAfter(ordered: readonly AnchorQuery[], at: ReadonlyMap<string, Placement>): number[] {
  const hi = new Array<number>(ordered.length).fill(Infinity);
  let next = Infinity;
  for (let i = ordered.length - 1; i >= 0; i--) {
    hi[i] = next;
    next = at.get(ordered[i].id)?.start ?? next;
  }
  return hi;
}

/**
 * With no sure anchor, nothing frames the others, and the search's rules stand (the place
 * predicted from the old offsets among copies of equal context). But the diff's choice between
 * copies of the same text, with the old text known, is arbitrary: it is checked against the whole
 * text as the window (when short enough to tell anything), and orphaned as ambiguous when another
 * copy agrees with the old text as far.
 */
function unframed(
  text: string,
  ordered: readonly AnchorQuery[],
  placed: Placement[],
  orphans: Orphan[],
  source: (a: AnchorQuery) => Source,
  held: Map<string, number>,
  keptFrom: KeptFrom | undefined,
  inserted: Inserted | undefined,
): { placed: Placement[]; orphans: Orphan[] } {
  if (text.length > MAX_WINDOW) return { placed, orphans };
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const out: Placement[] = [];
  const lost = [...orphans];
  for (const p of placed) {
    const a = byId.get(p.id)!;
    const src = source(a);
    const own = `${p.start}:${p.end}`;
    const free = freeBesides(held, own);
    if (src.context || (p.method !== 'diff' && p.method !== 'context') || p.end - p.start !== a.quote.length || !text.startsWith(a.quote, p.start) || !rivalInWindow(text, a, src, p, 0, text.length, free, keptFrom, inserted)) out.push(p);
    else {
      held.set(own, held.get(own)! - 1);
      lost.push({ id: a.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: a.quote, score: p.score } });
    }
  }
  return { placed: out, orphans: lost };
}

/** Whether a candidate's span is held by no placement but the anchor's own (`own`, its span key). */
function freeBesides(held: ReadonlyMap<string, number>, own: string | undefined): (c: Candidate) => boolean {
  return (c) => (held.get(`${c.start}:${c.end}`) ?? 0) - (`${c.start}:${c.end}` === own ? 1 : 0) === 0;
}

/** Whether candidate `c`'s surroundings agree with the old ones (`src`) at least as far as `p`'s on both sides ('better'), less far on both ('worse'), or neither. */
function compare(text: string, src: Source, c: Candidate, p: Placement): 'better' | 'worse' | 'mixed' {
  const bc = agreeBefore(src.text, src.s, text, c.start);
  const fc = agreeAfter(src.text, src.e, text, c.end);
  const bp = agreeBefore(src.text, src.s, text, p.start);
  const fp = agreeAfter(src.text, src.e, text, p.end);
  if (bc >= bp && fc >= fp) return 'better';
  return bc <= bp && fc <= fp ? 'worse' : 'mixed';
}

/** The old offset new [start, end) was kept from unchanged, as the diff aligned them (old text known). */
export type KeptFrom = (start: number, end: number) => number | undefined;

/** Whether the old offset a place was kept from unchanged (`keptAt`, see {@link KeptFrom}) is another old mention of the quote than the anchor's own. */
function otherMention(a: AnchorQuery, src: Source, keptAt: number | undefined): boolean {
  return keptAt !== undefined && keptAt !== src.s && src.text.startsWith(a.quote, keptAt);
}

/** New [start, end) lies wholly in text a minimal diff inserted (old text known, diffed character by character). */
export type Inserted = (start: number, end: number) => boolean;

/** The text an anchor was made on, as far as it is known: the old text, or its stored quote and context; [s, e) is the quote. */
export interface Source {
  text: string;
  s: number;
  e: number;
  /** `text` is the stored context alone (the old text is not known). */
  context?: boolean;
}

/**
 * Another occurrence of the quote in the window, fitting and free, whose surroundings agree with
 * the anchor's old ones (`src`) as far as those of the place `p` on one side at least: `p` is
 * kept only when it agrees at least as far on both sides, and further on one, than every other.
 * (With the old text known, a diff's choice between copies of the same text is arbitrary: a
 * sentence and the sentence pasted after it can be aligned either way.)
 */
function rivalInWindow(
  text: string,
  a: AnchorQuery,
  src: Source,
  p: Placement,
  lo: number,
  hi: number,
  free: (c: Candidate) => boolean,
  keptFrom?: KeptFrom,
  inserted?: Inserted,
): boolean {
  if (hi - lo > MAX_WINDOW) return false;
  // The place is the quote's own old text, kept by a minimal diff (see the loop).
  const ownKept = inserted !== undefined && keptFrom?.(p.start, p.end) === src.s;
  const len = a.quote.length;
  const before = wordsBefore(src, agreeBefore(src.text, src.s, text, p.start));
  const after = wordsAfter(src, agreeAfter(src.text, src.e, text, p.end));
  const [from, to] = sentenceAround(src.text, src.s, src.e);
  const whole = (b: number, f: number) => b >= src.s - from && f >= to - src.e;
  const ownWhole = whole(before, after);
  // The text past the quote's sentence that agrees with the old one is evidence only when it is
  // not copied too: a sentence pasted after a copy of its old neighbour ("P T" pasted, the original
  // T now after other pasted text) agrees further than the original, and says nothing.
  const region = [Math.max(0, lo - AGREE_REGION), Math.min(text.length, hi + len + AGREE_REGION)] as const;
  // (Known from the stored context alone, a sentence that runs past it may be a cut copy of
  // itself, as the original is: what agrees past the sentence's known end then tells nothing.)
  const known = !src.context || (from > 0 && to < src.text.length);
  const pastBefore = (at: number, k: number) => (known ? uncopiedBefore(text, at, k, src.s - from, region) : Math.min(k, src.s - from));
  const pastAfter = (at: number, k: number) => (known ? uncopiedAfter(text, at, k, to - src.e, region) : Math.min(k, to - src.e));
  const ownB = pastBefore(p.start, before);
  const ownF = pastAfter(p.end, after);
  for (const q of occurrences(text.slice(lo, hi + len), a.quote)) {
    const c = { start: lo + q, end: lo + q + len, text: a.quote, score: 0 };
    if (c.start === p.start) continue;
    // Another old mention of the quote that the diff kept in place ("President Kim" further on,
    // when the user edited this one into "Chairman Kim") is that mention, not a copy of this one.
    const keptAt = keptFrom?.(c.start, c.end);
    if (otherMention(a, src, keptAt)) continue;
    const b = wordsBefore(src, agreeBefore(src.text, src.s, text, c.start));
    const f = wordsAfter(src, agreeAfter(src.text, src.e, text, c.end));
    // The place holding the quote's whole old sentence is the original, not a cut copy of it
    // ("Kim met X." pasted before "Kim met X in Y."); between two that both do (or neither), the
    // one whose surroundings agree further on both sides.
    const wholeToo = whole(b, f);
    // A copy in text a minimal diff inserted, when the diff kept the place, holding the quote's
    // whole old sentence, from the quote's own old text: aligning the old sentence with that copy
    // instead would delete and insert more. (Alignments of equal cost, a copy pasted right next to
    // the original, are copyRival's in alignment.ts, checked before; and a place holding a cut copy
    // of the sentence, first words pasted before it again and again, is no better than the copy.)
    // Each copy pasted elsewhere made its original an ambiguous orphan: 9.5 % of the names of
    // eval:anchoring's duplicated sentences at ten edits.
    if (ownKept && ownWhole && keptAt === undefined && inserted(c.start, c.end)) continue;
    if (ownWhole !== wholeToo) {
      if (ownWhole) continue;
    } else {
      const cb = ownWhole ? pastBefore(c.start, b) : b;
      const cf = ownWhole ? pastAfter(c.end, f) : f;
      const [pb, pf] = ownWhole ? [ownB, ownF] : [before, after];
      if ((cb < pb && cf <= pf) || (cb <= pb && cf < pf)) continue;
    }
    // (Whether the place is free last: it builds a key, and a window may hold thousands of copies.)
    if (free(c) && edgesAgree(text, c.start, c.end, a) && !otherSentence(text, c.start, c.end, a.quote, a.prefix, a.suffix)) return true;
  }
  return false;
}

/** How far past a window's ends a copy of agreeing text is looked for (see {@link uncopiedBefore}). */
const AGREE_REGION = 700;

/**
 * `k` characters before new offset `at` agree with the old text, `own` of them the quote's own
 * sentence: `k`, or `own` when the agreeing text right past the sentence (up to NEIGHBOUR
 * characters) occurs again in `region`: a copy of the neighbour sentence, and what agrees past it
 * only goes on with it, so the agreement tells nothing.
 */
function uncopiedBefore(text: string, at: number, k: number, own: number, region: readonly [number, number]): number {
  if (k <= own) return k;
  return copiedIn(text, Math.max(at - k, at - own - NEIGHBOUR), at - own, region) ? own : k;
}
function uncopiedAfter(text: string, at: number, k: number, own: number, region: readonly [number, number]): number {
  if (k <= own) return k;
  return copiedIn(text, at + own, Math.min(at + k, at + own + NEIGHBOUR), region) ? own : k;
}
/** Characters right past a sentence that show which sentence is next to it. */
const NEIGHBOUR = 32;
/**
 * New [x, y) occurs again in `region` (at another start), whitespace at its ends left out (a copy
 * pasted after a line break rather than a space is a copy all the same); only whitespace counts
 * as copied: it tells nothing.
 */
function copiedIn(text: string, x: number, y: number, [lo, hi]: readonly [number, number]): boolean {
  const raw = text.slice(x, y);
  const piece = raw.trim();
  if (!piece) return true;
  const at = x + raw.length - raw.trimStart().length;
  // (Searched in place: a copy of the region for every candidate was up to 20,000 characters each.)
  for (let i = text.indexOf(piece, lo); i >= 0 && i + piece.length <= hi; i = text.indexOf(piece, i + 1)) if (i !== at) return true;
  return false;
}

/**
 * `k` characters agreeing before (after) the old quote, less the part of a word at their far end:
 * "t " (of "President Kim" read on "that Kim") agrees on no word, no more than " " (on "Chairman
 * Kim", the place the user edited). Otherwise any copy of the quote after a word ending in the
 * old word's last letter would rival the place the user only edited next to.
 */
function wordsBefore(src: Source, k: number): number {
  while (k > 0 && letterAt(src.text, src.s - k) && letterAt(src.text, src.s - k - 1)) k--;
  return k;
}
function wordsAfter(src: Source, k: number): number {
  while (k > 0 && letterAt(src.text, src.e + k - 1) && letterAt(src.text, src.e + k)) k--;
  return k;
}
function letterAt(t: string, i: number): boolean {
  return i >= 0 && i < t.length && /[\p{L}\p{N}]/u.test(t[i]);
}

/** Context agreement an orphan's one fitting occurrence in its window needs to be placed there. */
const REATTACH = 0.25;
/** The same, allowing edits ({@link fuzzyContextScore}). */
const FUZZY_REATTACH = 0.6;

/**
 * The one occurrence of the anchor's quote in new [lo, hi] (starts) that fits (word edges, its own
 * sentence) and is free; 'ambiguous' when several do; 'none'; 'far' when the
 * window is too wide to tell anything.
 */
function inWindow(text: string, a: AnchorQuery, lo: number, hi: number, free: (c: Candidate) => boolean): Candidate | 'ambiguous' | 'none' | 'far' {
  if (hi - lo > MAX_WINDOW || !a.quote) return 'far';
  const fitting: Candidate[] = [];
  const all = occurrences(text.slice(lo, hi + a.quote.length), a.quote).map((q) => lo + q);
  for (const start of all) {
    const c = { start, end: start + a.quote.length, text: a.quote, score: 0 };
    if (!free(c) || !edgesAgree(text, c.start, c.end, a) || otherSentence(text, c.start, c.end, a.quote, a.prefix, a.suffix)) continue;
    // (An anchor stored without any context is never re-attached by its window alone.)
    c.score = contextScore(text, c.start, c.end, a.prefix, a.suffix) ?? 0;
    // Two that fit make it ambiguous, whatever the rest (a window of a text of two letters holds thousands).
    if (fitting.push(c) > 1) return 'ambiguous';
  }
  // Two that fit are not told apart by their scores: a copy pasted next to the original (a
  // stutter) takes the original's context on one side, and may score higher than the original.
  if (fitting.length !== 1) return fitting.length === 0 ? 'none' : 'ambiguous';
  // Nor is the one that fits told from its neighbour occurrence when the two are one passage twice
  // in a row but for a few edits (echo.ts): the other copy of a paragraph pasted after itself,
  // edited so that it no longer looks like the quote's sentence, is as likely the anchor's.
  const only = fitting[0];
  const k = all.indexOf(only.start);
  const echoes = (p: number | undefined) => p !== undefined && echoAround(text, p, only.start, a);
  return echoes(all[k - 1]) || echoes(all[k + 1]) ? 'ambiguous' : only;
}
