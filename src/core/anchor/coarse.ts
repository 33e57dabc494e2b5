/**
 * Spans orphaned by a coarse change, found again in the text that change (or, for a moved line,
 * the same event) inserted. VS Code reports
 * a formatter's rewrite, a moved line and even a large Replace All as one replacement of a whole
 * region (a code-server host merged 600 edits into one); every span inside it looks deleted to the
 * tracker although its text is still there. Re-placing is strict: a quote is placed only where the
 * replacement holds exactly as many copies of it as it swallowed spans with that quote, in order.
 */
import type { TextChange } from './tracker';

/** A span the tracker orphaned in this event: its quote, and where it collapsed (UTF-16, new text). */
export interface CoarseOrphan {
  id: string;
  quote: string;
  at: number;
}

/** New places (UTF-16 offsets into `newText`) of the orphans found again; the others are left out. */
export function placeInReplacements(newText: string, changes: readonly TextChange[], orphans: readonly CoarseOrphan[]): Map<string, { start: number; end: number }> {
  const placed = new Map<string, { start: number; end: number }>();
  if (orphans.length === 0) return placed;
  // Where each replacement's text sits in the new text: its old offset moved by the changes before it.
  const ascending = [...changes].sort((a, b) => a.rangeOffset - b.rangeOffset);
  const regions = new Map<number, number>();
  const inserted: [number, number][] = [];
  let shift = 0;
  for (const c of ascending) {
    if (c.text.length > 0 && c.rangeLength > 0) regions.set(c.rangeOffset + shift, c.text.length);
    if (c.text.length > 0) inserted.push([c.rangeOffset + shift, c.rangeOffset + shift + c.text.length]);
    shift += c.text.length - c.rangeLength;
  }
  // Orphans by the region they collapsed into, then by quote, in the order given (old text order).
  const groups = new Map<string, CoarseOrphan[]>();
  for (const o of orphans) {
    if (!o.quote || !regions.has(o.at)) continue;
    const key = `${o.at}\u0000${o.quote}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  for (const list of groups.values()) {
    const { at, quote } = list[0];
    const end = at + regions.get(at)!;
    const found: number[] = [];
    for (let p = newText.indexOf(quote, at); p >= 0 && p + quote.length <= end; p = newText.indexOf(quote, p + quote.length)) found.push(p);
    if (found.length !== list.length) continue; // some were deleted or copied: no guess
    list.forEach((o, k) => placed.set(o.id, { start: found[k], end: found[k] + quote.length }));
  }
  // A line moved (Alt+Up/Down, drag and drop) arrives as a deletion and an insertion in one event:
  // the rest are looked for in everything the event inserted, under the same rule.
  const byQuote = new Map<string, CoarseOrphan[]>();
  for (const o of orphans) {
    if (!o.quote || placed.has(o.id)) continue;
    const list = byQuote.get(o.quote);
    if (list) list.push(o);
    else byQuote.set(o.quote, [o]);
  }
  const taken = new Set([...placed.values()].map((p) => p.start));
  for (const [quote, list] of byQuote) {
    const found: number[] = [];
    for (const [from, to] of inserted) {
      for (let p = newText.indexOf(quote, from); p >= 0 && p + quote.length <= to; p = newText.indexOf(quote, p + quote.length)) if (!taken.has(p)) found.push(p);
    }
    if (found.length !== list.length) continue;
    list.forEach((o, k) => placed.set(o.id, { start: found[k], end: found[k] + quote.length }));
  }
  return placed;
}
