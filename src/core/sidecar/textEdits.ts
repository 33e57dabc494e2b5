/** Text positions and edits shared by the two in-place writers (`write.ts` by yaml nodes, `lineWrite.ts` by the fast reader's index). */

import { compareEntries } from './canonical';

/** Replace `[from, to)` by `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Raised when an in-place edit cannot express a change: the yaml Document API writes it instead. */
export class NeedsFallback extends Error {}

export function applyEdits(text: string, edits: Edit[]): string {
  // One pass over the text in position order, the pieces joined once: linear in the text and the
  // edits (rebuilding the string per edit was quadratic: 18 s for 8,000 annotations after a prepend).
  // At one position insertions come before a replacement, in the order they were made.
  // The writers mostly make their edits in position order already: then there is nothing to sort.
  const before = (a: Edit, b: Edit) => a.from - b.from || (a.to - a.from) - (b.to - b.from);
  let sorted = true;
  for (let i = 1; i < edits.length && sorted; i++) sorted = before(edits[i - 1], edits[i]) <= 0;
  if (!sorted) {
    const order = new Map(edits.map((e, i) => [e, i]));
    edits.sort((a, b) => before(a, b) || order.get(a)! - order.get(b)!);
  }
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.from < pos) throw new NeedsFallback();
    parts.push(text.slice(pos, e.from), e.text);
    pos = e.to;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Where an entry's block starts (its comment lines included) and its indentation, from the offset
 * of its first key.
 */
export function itemGeometry(text: string, firstKey: number): { lead: number; dashColumn: number; keyColumn: number } {
  let dash = firstKey - 1;
  while (dash >= 0 && /[ \t\r\n]/.test(text[dash])) dash--;
  if (text[dash] !== '-') throw new NeedsFallback();
  let lead = lineStart(text, dash);
  if (text.slice(lead, dash).trim() !== '') throw new NeedsFallback();
  // Comment lines directly above belong to the entry.
  while (lead > 0) {
    const prev = lineStart(text, lead - 1);
    if (!text.slice(prev, lead).trimStart().startsWith('#')) break;
    lead = prev;
  }
  return { lead, dashColumn: dash - lineStart(text, dash), keyColumn: columnOf(text, firstKey) };
}

/**
 * For each entry of `fresh` (sorted), the index of the first of `keys` that sorts after it, or
 * `keys.length`: where it is inserted. `keys` need not be sorted (a hand-edited file); the answer
 * only grows along `fresh`, so one pass finds them all (a search per entry was quadratic on imports).
 */
export function insertionGroups<E extends { start: number; end: number; id: string }>(fresh: E[], keys: { start: number; end: number; id: string }[]): Map<number, E[]> {
  const groups = new Map<number, E[]>();
  let j = 0;
  for (const e of fresh) {
    while (j < keys.length && compareEntries(e, keys[j]) >= 0) j++;
    const group = groups.get(j);
    if (group) group.push(e);
    else groups.set(j, [e]);
  }
  return groups;
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line that holds the character before `offset`. */
export function lineEndAfter(text: string, offset: number): number {
  const from = Math.max(0, offset - 1);
  if (text.charCodeAt(from) === 10) return from + 1;
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

export function backOverBlankLines(text: string, lead: number): number {
  let at = lead;
  while (at > 0) {
    const prev = lineStart(text, at - 1);
    if (text.slice(prev, at).trim() !== '') break;
    at = prev;
  }
  return at;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}
