/**
 * Next / previous jumps over annotations or facts: pure, a sort once per model change and a
 * binary search per jump.
 */

import type { Span } from '../model';
import { countBefore } from '../bisect';

/** Spans sorted by start, then longest first (so an outer span comes before the spans it contains). */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Index of the first span in `sorted` starting strictly after `offset`. */
function firstAfter(sorted: readonly Span[], offset: number): number {
  return countBefore(sorted.length, (i) => sorted[i].start <= offset);
}

/** Index of the first span in `sorted` starting at or after `offset`. */
function firstAtOrAfter(sorted: readonly Span[], offset: number): number {
  return countBefore(sorted.length, (i) => sorted[i].start < offset);
}

/** The result of a jump: the span, and whether the search wrapped around the document. */
export interface Jump<T> {
  readonly item: T;
  readonly wrapped: boolean;
}

/**
 * The span after (direction 1) or before (-1) `offset` in spans sorted by `sortSpans`. A span
 * starting exactly at `offset` is the current one and is skipped. With `wrap`, the search continues
 * from the other end; without, it returns undefined at the end.
 */
export function jump<T extends Span>(sorted: readonly T[], offset: number, direction: 1 | -1, wrap: boolean): Jump<T> | undefined {
  if (sorted.length === 0) return undefined;
  if (direction === 1) {
    const i = firstAfter(sorted, offset);
    if (i < sorted.length) return { item: sorted[i], wrapped: false };
    return wrap ? { item: sorted[0], wrapped: true } : undefined;
  }
  const i = firstAtOrAfter(sorted, offset) - 1;
  if (i >= 0) return { item: sorted[i], wrapped: false };
  return wrap ? { item: sorted[sorted.length - 1], wrapped: true } : undefined;
}
