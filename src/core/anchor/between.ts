/**
 * Neighbours that say which copy (the last step of reanchor.ts). An annotation left an *ambiguous*
 * orphan (copies of its quote whose context agrees as well: a sentence pasted elsewhere, the quote
 * inside it with 32 characters of that sentence on each side) is placed on one copy when the
 * annotations placed next to it, before and after in the old order, that can vouch for their own
 * place (neighbours.ts) point there:
 * - **exactly where it stood**: the text between the two kept its length, and the quote stands at
 *   its old distance from both (nothing was inserted or deleted between them: the copies are
 *   elsewhere). A copy pasted next to the original changes that length, so neither is taken.
 *   Nor when an annotation placed nearest it between them moved otherwise: rows of one length,
 *   one moved from below the quote's row to above it, keep the length between the two, and the
 *   quote's old place is then the row above its own (review31's fuzzer: 3 wrong of 2,500);
 * - **the only one between them**: of the quote's occurrences in the whole text, one alone lies
 *   between the two, with no copy of its passage next to it (the original moved out, a copy left).
 * Not at its old distance from one of them only (text inserted or deleted on the other side): that
 * is where a copy pasted next to the original stands, and in an article of many pasted sentences it
 * put 25 annotations of 86,000 on a copy in eval:anchoring (the copy next to its old neighbour, the
 * original with pasted text on both sides: one paste explains either reading).
 * Each place must also fit as any search's does: its word edges, its sentence, its context as good
 * as the best copy's, and no other occurrence whose context agrees further. Before the first
 * annotation that vouches, the text's start stands in for it ("exactly" only: a heading copied
 * further down). Chained in the old order: an annotation placed here is the next one's neighbour
 * before. Without the echo rule's orphans (echo.ts: nothing tells those apart).
 * Only without the old text: with it, the diff is the better witness (there the rule put a copy
 * left in the place of a paragraph moved away on the original's place).
 * Linear in the anchors, plus the quote's occurrences near each candidate.
 */

import { TIE } from './alignment';
import { edgesAgree } from './edges';
import { contextScore, otherSentence } from './match';
import { alone, outdone, vouches } from './neighbours';
import { sureAnchors } from './sure';
import type { AnchorQuery, Orphan, Placement } from './types';

/** Offsets in the stored unit (code points, or UTF-16 units) from new-text UTF-16 offsets and back. */
export interface Units {
  toStored(utf16: number): number;
  toUtf16(stored: number): number;
}

/** Where a neighbour stands: its old start (stored unit), its new start (stored unit) and new end (UTF-16). */
interface Mark {
  old: number;
  now: number;
  end: number;
  /** Index in `ordered` (-1: the text's start). */
  i: number;
}
const TEXT_START: Mark = { old: 0, now: 0, end: 0, i: -1 };

/**
 * Ambiguous orphans placed by their neighbours (see above). `ordered`: the anchors in the order of
 * their old offsets; `startsOf`: where a quote occurs in `text`, ascending; `echoed`: the orphans
 * the echo rule left. Returns the new lists (placements gained here have method `order`).
 */
export function placeBetween(
  text: string,
  ordered: readonly AnchorQuery[],
  placed: Placement[],
  orphans: Orphan[],
  units: Units,
  startsOf: (quote: string) => readonly number[],
  echoed: ReadonlySet<string>,
): { placed: Placement[]; orphans: Orphan[] } {
  const open = new Map(orphans.filter((o) => o.reason === 'ambiguous' && o.best && !echoed.has(o.id)).map((o) => [o.id, o]));
  if (open.size === 0) return { placed, orphans };
  const at = new Map(placed.map((p) => [p.id, p]));
  const held = new Set(placed.map((p) => `${p.start}:${p.end}`));
  const sure = new Set(sureAnchors(text, ordered, at));
  // Whether each anchor vouches, asked only of the orphans' nearest neighbours, once each: in
  // dense repeated text asking it of every placed anchor made re-anchoring a third slower.
  // (Of its place before this step: one gained here is the next one's neighbour before anyway.)
  const known = new Int8Array(ordered.length);
  const vouching = (i: number) => {
    if (known[i] === 0) {
      const p = at.get(ordered[i].id);
      known[i] = p && vouches(text, ordered[i], p, sure.has(i)) ? 1 : 2;
    }
    return known[i] === 1;
  };
  // The nearest vouching anchor after an orphan (index in `ordered`; ordered.length for none),
  // looked for from where the last search stopped: each anchor is asked once.
  let next = -1;
  const nextAfter = (i: number) => {
    if (next > i) return next;
    next = i + 1;
    while (next < ordered.length && !vouching(next)) next++;
    return next;
  };
  const mark = (i: number, p: Placement): Mark => ({ old: ordered[i].start, now: units.toStored(p.start), end: p.end, i });
  // Whether the anchors placed nearest an orphan (before this step), between its two neighbours,
  // moved as the neighbours did: a line moved among rows of one length keeps the length between
  // the neighbours, not the places next to it.
  const shift = (k: number) => units.toStored(at.get(ordered[k].id)!.start) - ordered[k].start;
  const placedAfter = new Int32Array(ordered.length + 1).fill(ordered.length);
  const placedBefore = new Int32Array(ordered.length).fill(-1);
  for (let k = ordered.length - 1; k >= 0; k--) placedAfter[k] = at.has(ordered[k].id) ? k : placedAfter[k + 1];
  for (let k = 1; k < ordered.length; k++) placedBefore[k] = at.has(ordered[k - 1].id) ? k - 1 : placedBefore[k - 1];
  const steady = (from: number, i: number, to: number) => {
    const b = placedBefore[i];
    const n = placedAfter[i + 1];
    return (b <= from || shift(b) === shift(to)) && (n >= to || shift(n) === shift(to));
  };
  // The nearest anchor before, vouching or placed here, looked for back to the last orphan asked.
  let prev: Mark | undefined;
  let asked = -1;
  const gained = new Map<string, Placement>();
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i];
    const o = open.get(a.id);
    if (!o || at.has(a.id)) continue;
    const j = nextAfter(i);
    if (j >= ordered.length) continue;
    for (let k = i - 1; k > asked; k--) {
      const g = gained.get(ordered[k].id);
      if (g || vouching(k)) {
        prev = mark(k, g ?? at.get(ordered[k].id)!);
        break;
      }
    }
    asked = i - 1;
    const n = ordered[j];
    const after = mark(j, at.get(n.id)!);
    const x = choose(text, a, prev, after, units, startsOf(a.quote), (from, to) => steady(from, i, to));
    if (x === undefined || held.has(`${x}:${x + a.quote.length}`) || !fits(text, a, x, o.best!.score, startsOf(a.quote))) continue;
    const placement: Placement = { id: a.id, start: x, end: x + a.quote.length, method: 'order', modified: false, score: Math.min(1, contextScore(text, x, x + a.quote.length, a.prefix, a.suffix) ?? 1) };
    held.add(`${placement.start}:${placement.end}`);
    gained.set(a.id, placement);
  }
  if (gained.size === 0) return { placed, orphans };
  return { placed: [...placed, ...gained.values()], orphans: orphans.filter((o) => !gained.has(o.id)) };
}

/** The place the neighbours point at (see the rules above), or undefined. */
function choose(text: string, a: AnchorQuery, prev: Mark | undefined, after: Mark, units: Units, starts: readonly number[], steady: (from: number, to: number) => boolean): number | undefined {
  const before = prev ?? TEXT_START;
  const kept = after.now - before.now === after.old - before.old && steady(before.i, after.i) ? quoteAt(text, a, before.now + (a.start - before.old), units) : undefined;
  if (kept !== undefined) return kept;
  const one = prev ? onlyOne(starts, a.quote.length, prev.end, units.toUtf16(after.now)) : undefined;
  return one !== undefined && alone(text, a, one) ? one : undefined;
}

/** The quote's UTF-16 offset when it stands at `stored` (a stored-unit offset), else undefined. */
function quoteAt(text: string, a: AnchorQuery, stored: number, units: Units): number | undefined {
  if (stored < 0) return undefined;
  const x = units.toUtf16(stored);
  return x + a.quote.length <= text.length && text.startsWith(a.quote, x) ? x : undefined;
}

/** The place fits as a search's would, and no other occurrence's context agrees further. */
function fits(text: string, a: AnchorQuery, x: number, bestScore: number, starts: readonly number[]): boolean {
  const end = x + a.quote.length;
  return (
    edgesAgree(text, x, end, a) &&
    !otherSentence(text, x, end, a.quote, a.prefix, a.suffix) &&
    (contextScore(text, x, end, a.prefix, a.suffix) ?? 1) >= bestScore - TIE &&
    !outdone(text, a, x, starts)
  );
}

/** The one occurrence (of `starts`, ascending) lying wholly in [from, to), if only one does. */
function onlyOne(starts: readonly number[], length: number, from: number, to: number): number | undefined {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const inside = (k: number) => k < starts.length && starts[k] + length <= to;
  return inside(lo) && !inside(lo + 1) ? starts[lo] : undefined;
}
