/**
 * Which placed annotations can vouch for a neighbour's place, and which places they may vouch
 * for (between.ts). A copy of a passage next to a place is what makes both untrustworthy: the
 * text cannot tell which of the two copies an annotation was on.
 */

import { contextSupport, occurrences, sideWhole } from './match';
import { MAX_RIVALS, NEAR_COPY } from './rivals';
import type { AnchorQuery, Placement } from './types';

/** Characters of each side of the context next to the quote looked for near it (see {@link echoNear}). */
const ECHO_SIDE = 16;

/**
 * A placement to go by (`sure`: order.ts found it sure): found where its neighbours predicted it
 * (`position`) or kept by the diff, or sure, with the quote and its whole stored context there, no
 * copy of its passage within NEAR_COPY ({@link alone}), not even one with the quote edited
 * ({@link echoNear}). One placed by its context away from the prediction may sit on the unedited
 * copy of a paragraph pasted after itself (echo.ts), and a placement at the position it predicted
 * after it too; so may a sure one, whose quote was deleted from the edited copy.
 */
export function vouches(text: string, a: AnchorQuery, p: Placement, sure: boolean): boolean {
  if (!sure && p.method !== 'position' && p.method !== 'unchanged' && p.method !== 'diff') return false;
  const pre = a.prefix ?? '';
  const suf = a.suffix ?? '';
  if (p.end - p.start !== a.quote.length || !text.startsWith(a.quote, p.start) || !text.startsWith(pre, p.start - pre.length) || !text.startsWith(suf, p.end)) return false;
  // (The echo first: two searches in the window, where `alone` compares every occurrence there.)
  return !echoNear(text, a, p.start) && alone(text, a, p.start);
}

/**
 * No other occurrence of the quote within NEAR_COPY of `x` agrees wholly with a side of its stored
 * context (as far as its sentence or line goes): no copy of its passage pasted next to it, nor
 * the original it was pasted next to.
 */
export function alone(text: string, a: AnchorQuery, x: number): boolean {
  const lo = Math.max(0, x - NEAR_COPY);
  return occurrences(text.slice(lo, x + a.quote.length + NEAR_COPY), a.quote).every((k) => {
    const y = lo + k;
    if (y === x) return true;
    const end = y + a.quote.length;
    return !sideWhole(text, y, end, a.prefix, 'before', a.quote, false) && !sideWhole(text, y, end, a.suffix, 'after', a.quote, false);
  });
}

/**
 * Within NEAR_COPY of `x`, the ECHO_SIDE characters of context right before the quote, or right
 * after it, stand elsewhere: a copy of its passage, perhaps with the quote itself deleted or
 * replaced there ("later Dole. The plan" next to "later  The plan"). Which of the two is the
 * annotation's own the text cannot tell.
 */
export function echoNear(text: string, a: AnchorQuery, x: number): boolean {
  const before = (a.prefix ?? '').slice(-ECHO_SIDE);
  const after = (a.suffix ?? '').slice(0, ECHO_SIDE);
  // (Within NEAR_COPY only: looking up to 2,000 characters away, a paragraph's length, left the
  // review fuzzer's wrong placements as they were and cost orphans.)
  const lo = Math.max(0, x - NEAR_COPY);
  const window = text.slice(lo, x + a.quote.length + NEAR_COPY);
  const elsewhere = (side: string, own: number) => side.length === ECHO_SIDE && occurrences(window, side, 2).some((k) => lo + k !== own);
  return elsewhere(before, x - before.length) || elsewhere(after, x + a.quote.length);
}

/**
 * Another occurrence of the quote whose context agrees further than at `x` (contextSupport, as far
 * as the sentences go): records of a table swapped, the quote found at its old offset in the other
 * record. (Past MAX_RIVALS occurrences, repeated text, none is looked for.)
 */
export function outdone(text: string, a: AnchorQuery, x: number, starts: readonly number[]): boolean {
  if (starts.length > MAX_RIVALS) return false;
  const support = (y: number) => contextSupport(text, y, y + a.quote.length, a.quote, a.prefix, a.suffix, false);
  const own = support(x);
  return starts.some((y) => y !== x && support(y) > own);
}
