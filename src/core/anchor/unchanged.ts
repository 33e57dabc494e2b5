/** Anchors on the very text they were made on: each checked at its stored place, O(1) apiece. */
import type { OffsetMap } from '../offsets';
import type { AnchorQuery, Placement } from './types';

/** Every anchor at its stored place on the text it was made on, or undefined if any quote is not there. */
export function unchangedPlacements(text: string, anchors: readonly AnchorQuery[], map: OffsetMap | undefined): Placement[] | undefined {
  const placed: Placement[] = new Array(anchors.length);
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const s = map ? map.toUtf16(a.start) : a.start;
    const e = map ? map.toUtf16(a.end) : a.end;
    if (e < s || e - s !== a.quote.length || !text.startsWith(a.quote, s)) return undefined;
    placed[i] = { id: a.id, start: s, end: e, method: 'unchanged', modified: false, score: 1 };
  }
  return placed;
}
