/**
 * One step through spans (suggestions, annotations) from the current selection. Pure.
 *
 * When the selection is exactly one of the spans (a previous jump selected it), the step follows
 * the sorted order itself, so a span nested at the same start ("[Tunisian] Navy" inside
 * "Tunisian Navy") is visited too; otherwise it is the first span starting after the cursor.
 */

import type { Span } from '../model';
import { jump, type Jump } from './navigate';

/** Whether `a` sorts before `b` in `sortSpans` order (start, then longest first). */
function before(a: Span, b: Span): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

/**
 * The span after (1) or before (-1) `selection` in `sorted` (sorted by `sortSpans`). A selection
 * that is itself a span (or was one, before it was accepted) steps in span order.
 */
export function step<T extends Span>(sorted: readonly T[], selection: Span, direction: 1 | -1, wrap: boolean): Jump<T> | undefined {
  if (selection.start === selection.end) return jump(sorted, selection.start, direction, wrap);
  if (sorted.length === 0) return undefined;
  if (direction === 1) {
    const next = sorted.find((s) => before(selection, s));
    if (next) return { item: next, wrapped: false };
    return wrap ? { item: sorted[0], wrapped: true } : undefined;
  }
  const previous = [...sorted].reverse().find((s) => before(s, selection));
  if (previous) return { item: previous, wrapped: false };
  return wrap ? { item: sorted[sorted.length - 1], wrapped: true } : undefined;
}
