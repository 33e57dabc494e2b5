/**
 * With the old text known (or rebuilt from the sentences' fingerprints: sentences.ts), an
 * annotation the diff called deleted whose own sentence both texts hold once, word for word, with
 * an old neighbour still next to it, is where that sentence is now. The diff keeps the longest
 * common text, and a paragraph moved among other edits may be deleted and inserted by it rather
 * than followed (findMoved in alignment.ts needs the context that moved along to agree on both
 * sides); the sentence, unique in both texts and not alone, says where it went. (Alone, a stock
 * sentence, "A spokesman did not immediately return a call seeking comment.", may be another
 * paragraph's, its own deleted with its paragraph.)
 */

import { OffsetMap } from '../offsets';
import { agreeAfter, agreeBefore, sentenceAround } from './alignment';
import type { AnchorQuery, Orphan, Placement, ReanchorOptions, ReanchorResult } from './types';

/**
 * UTF-16 units a sentence needs for its annotations to follow it: "Mr." and "U.S." end sentences
 * by their full stops and stand in many places; a sentence of 40 characters is one statement.
 */
const MIN_SENTENCE = 40;
/** Characters of the sentence beside the quote that say the sentence stands twice, edited once (see carriedTo). */
const MIN_SIDE = 12;
/** Characters agreeing past a sentence that show an old neighbour came along with it. */
const NEIGHBOUR = 12;

/** `result` (of re-anchoring `anchors` from `oldText` onto `newText`) with the orphans their sentence carries placed. */
export function withCarried(oldText: string | undefined, newText: string, anchors: readonly AnchorQuery[], result: ReanchorResult, options: ReanchorOptions): ReanchorResult {
  if (oldText === undefined || oldText === newText || !result.orphans.some((o) => o.reason === 'deleted')) return result;
  const oldMap = options.units === 'utf16' ? undefined : new OffsetMap(oldText);
  const byId = new Map(anchors.map((a) => [a.id, a]));
  const held = new Set(result.placed.map((p) => `${p.start}:${p.end}`));
  const placed: Placement[] = [...result.placed];
  const orphans: Orphan[] = [];
  const between = inOrder(anchors, result.placed);
  const sentences = new Map<string, Found>();
  for (const o of result.orphans) {
    const a = byId.get(o.id);
    const at = o.reason === 'deleted' && a ? carriedTo(oldText, newText, a, oldMap, (x) => between(o.id, x), sentences) : undefined;
    if (at === undefined || held.has(`${at}:${at + a!.quote.length}`)) {
      orphans.push(o);
      continue;
    }
    held.add(`${at}:${at + a!.quote.length}`);
    placed.push({ id: o.id, start: at, end: at + a!.quote.length, method: 'moved', modified: false, score: 0.9 });
  }
  if (orphans.length === result.orphans.length) return result;
  // Results in the order the anchors were given, as reanchor returns them.
  const order = new Map(anchors.map((a, i) => [a.id, i]));
  placed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  return { placed, orphans };
}

/**
 * Whether new offset x lies between the places of the nearest placed anchors before and after
 * anchor `id` in the old text (both placed, and in order themselves).
 */
function inOrder(anchors: readonly AnchorQuery[], placed: readonly Placement[]): (id: string, x: number) => boolean {
  const at = new Map(placed.map((p) => [p.id, p.start]));
  const ordered = [...anchors].sort((x, y) => x.start - y.start);
  const index = new Map(ordered.map((a, i) => [a.id, i]));
  const before: (number | undefined)[] = [];
  const after: (number | undefined)[] = new Array(ordered.length);
  for (let i = 0, last: number | undefined; i < ordered.length; i++) {
    before.push(last);
    last = at.get(ordered[i].id) ?? last;
  }
  for (let i = ordered.length - 1, next: number | undefined; i >= 0; i--) {
    after[i] = next;
    next = at.get(ordered[i].id) ?? next;
  }
  return (id, x) => {
    const i = index.get(id)!;
    const lo = before[i];
    const hi = after[i];
    return lo !== undefined && hi !== undefined && lo <= hi && x >= lo && x <= hi;
  };
}

/**
 * Where in the new text (UTF-16) the quote stands in its old sentence, when both texts hold that
 * sentence once and it is not alone there: an old neighbour came along, or it lies between the
 * places of the annotations placed around it (`between`). `sentences`: what each sentence asked
 * so far answered.
 */
function carriedTo(oldText: string, newText: string, a: AnchorQuery, oldMap: OffsetMap | undefined, between: (x: number) => boolean, sentences: Map<string, Found>): number | undefined {
  const s = oldMap ? oldMap.toUtf16(a.start) : a.start;
  const e = oldMap ? oldMap.toUtf16(a.end) : a.end;
  if (!a.quote || e - s !== a.quote.length || !oldText.startsWith(a.quote, s)) return undefined;
  const [from, to] = sentenceAround(oldText, s, e);
  if (to - from < MIN_SENTENCE) return undefined;
  const sentence = oldText.slice(from, to);
  // (Found once per sentence: the names of one sentence ask the same, and each asking reads both texts.)
  const key = `${from}:${to}`;
  if (!sentences.has(key)) sentences.set(key, foundOnce(oldText, newText, from, to));
  const found = sentences.get(key);
  if (!found) return undefined;
  const { at, along } = found;
  if (!along && !between(at + (s - from))) return undefined;
  // Nor when the words on one side of the quote stand elsewhere too: the sentence's own place may
  // hold them still, the quote edited there (a copy pasted, then the name deleted from the
  // original), and the copy is not where it went.
  for (const side of [sentence.slice(0, s - from), sentence.slice(e - from)]) {
    if (side.trim().length < MIN_SIDE) continue;
    const first = newText.indexOf(side);
    if (newText.includes(side, first + 1)) return undefined;
  }
  return at + (s - from);
}

/** Where a sentence both texts hold once stands in the new text, and whether an old neighbour came along; null when not so. */
type Found = { at: number; along: boolean } | null;

/** {@link Found} for old sentence [from, to). */
function foundOnce(oldText: string, newText: string, from: number, to: number): Found {
  const sentence = oldText.slice(from, to);
  if (oldText.indexOf(sentence) !== from || oldText.includes(sentence, from + 1)) return null;
  const at = newText.indexOf(sentence);
  if (at < 0 || newText.includes(sentence, at + 1)) return null;
  // An old neighbour came along: the text past the sentence agrees on one side (past the spaces
  // between, NEIGHBOUR characters of the next sentence), or both stand at the same edge of their
  // texts. (Otherwise the annotations placed around it must frame the place: carriedTo.)
  const b = agreeBefore(oldText, from, newText, at);
  const f = agreeAfter(oldText, to, newText, at + sentence.length);
  const alongBefore = b >= NEIGHBOUR || (b === from && b === at);
  const alongAfter = f >= NEIGHBOUR || (to + f === oldText.length && at + sentence.length + f === newText.length);
  return { at, along: alongBefore || alongAfter };
}
