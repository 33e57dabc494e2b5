/**
 * The anchors whose place is sure, which frame the others (order.ts) and anchor passages (bridge.ts,
 * between.ts).
 */

import { findAll, type Pattern } from './findAll';
import { occurrences } from './match';
import { NEAR_COPY } from './rivals';
import type { AnchorQuery, Placement } from './types';

/** Characters of context on each side a sure place needs (fewer only at the text's edges). */
const MIN_SIDE = 16;

/**
 * Indices (into `ordered`) of the anchors placed for sure: the exact quote with its whole stored
 * context on both sides, no other occurrence of the quote within NEAR_COPY (a partial copy pasted
 * next to the original takes its context on one side), and the context with the quote found once
 * in the whole text on at least one side (counted for all anchors in one pass over the text).
 */
export function sureAnchors(text: string, ordered: readonly AnchorQuery[], at: ReadonlyMap<string, Placement>): number[] {
  const keys: Pattern[] = [];
  const cand: number[] = [];
  ordered.forEach((a, i) => {
    const p = at.get(a.id);
    if (!p || !a.quote || p.end - p.start !== a.quote.length || !text.startsWith(a.quote, p.start)) return;
    const pre = a.prefix ?? '';
    const suf = a.suffix ?? '';
    if (!text.startsWith(pre, p.start - pre.length) || !text.startsWith(suf, p.end)) return;
    if ((pre.length < MIN_SIDE && p.start !== pre.length) || (suf.length < MIN_SIDE && p.end + suf.length !== text.length)) return;
    const lo = Math.max(0, p.start - NEAR_COPY);
    if (occurrences(text.slice(lo, p.end + NEAR_COPY), a.quote, 2).length > 1) return;
    cand.push(i);
    // Each key hashed by its end nearest the quote: the far end of the context is often the same
    // for thousands of anchors (names in a repeated sentence), and hashing it was quadratic.
    keys.push({ text: pre + a.quote, window: 'end' }, { text: a.quote + suf, window: 'start' });
  });
  // How often each key occurs (up to 2: more is as good as 2), all in one go (findAll.ts).
  const count = findAll(text, keys, 2);
  return cand.filter((_, k) => count.get(keys[2 * k].text)!.length === 1 || count.get(keys[2 * k + 1].text)!.length === 1);
}
