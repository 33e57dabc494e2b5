/**
 * Checks on a diff's alignment when the old text is known (see reanchor.ts): text moved elsewhere
 * is followed into inserted text only, a place the diff chose among pasted copies of the same
 * text is questioned, and so is a place another old mention of the quote fits better.
 */

import { endsWithAbbreviation } from '../abbreviations';
import type { DiffMap } from './diffmap';
import { contextScore, contextSupport, occurrences, sideSupport, type Candidate } from './match';

/** Two candidates closer than this are a tie: the anchor is ambiguous. */
export const TIE = 0.05;

/**
 * Text cut from one place and pasted in another: the quote, with the context that moved along
 * with it (inside the deleted block), found again in inserted text only — never in text that was
 * already there, which is what tells a move from a deletion next to another mention.
 */
export function findMoved(oldText: string, newText: string, diff: DiffMap, s: number, e: number, quote: string): Candidate | undefined {
  const block = diff.deletedBlock(s) ?? diff.deletedBlock(e - 1);
  if (!block) return undefined;
  // Context that moved along (inside the deleted block), and the whole old context: a diff can
  // cut a re-typed or re-wrapped passage into several blocks.
  const inBlock = [oldText.slice(Math.max(block.start, s - 32), s), oldText.slice(e, Math.min(block.end, e + 32))];
  const contexts = [inBlock, [oldText.slice(Math.max(0, s - 32), s), oldText.slice(e, e + 32)]].filter(([p, x]) => p.length + x.length >= 8);
  if (!contexts.length) return undefined;
  // Moved text arrives with what was deleted along with it, on both sides: the same name in an
  // inserted sentence that only starts like the deleted one ("trading on the New York Stock
  // Exchange." / "…Exchange, Bethlehem shares") was not moved there.
  const movedAlong = (p: number) =>
    (sideSupport(newText, p, p + quote.length, inBlock[0], 'before', quote) ?? 1) >= 0.75 &&
    (sideSupport(newText, p, p + quote.length, inBlock[1], 'after', quote) ?? 1) >= 0.75;
  let best: Candidate | undefined;
  let second = 0;
  for (const p of occurrences(newText, quote)) {
    if (!diff.isInserted(p, p + quote.length) || !movedAlong(p)) continue;
    const score = Math.max(...contexts.map(([pre, suf]) => contextScore(newText, p, p + quote.length, pre, suf) ?? 0));
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { start: p, end: p + quote.length, text: quote, score };
    } else second = Math.max(second, score);
  }
  return best && best.score - second >= TIE ? best : undefined;
}

/** How far around a place its text is compared with the old text's, for {@link copyRival}. */
const AGREE_LIMIT = 600;

/**
 * Text pasted next to a copy of itself (a sentence, or its first words before it) gives the diff
 * alignments of equal cost ({@link DiffMap.slides}), and the one it takes may put the quote on the
 * copy, whose context often fits too. The places are told apart by how far the new text around
 * them agrees with the old text around [s, e): one holding the quote's whole old sentence and the
 * other not (the copy of "Kim met X in Y." before "Kim met X in Y on Monday."): that one; both
 * holding it (two copies of the same sentences side by side): the text cannot tell, 'ambiguous';
 * otherwise undefined: the diff's place, new [ns, ns + e - s), stands.
 */
export function copyRival(oldText: string, newText: string, diff: DiffMap, s: number, e: number, ns: number): number | 'ambiguous' | undefined {
  const len = e - s;
  const others = diff.slides(newText, ns, ns + len);
  if (!others.length) return undefined;
  const [from, to] = sentenceAround(oldText, s, e);
  const whole = (q: number) => agreeBefore(oldText, s, newText, q) >= s - from && agreeAfter(oldText, e, newText, q + len) >= to - e;
  const rivals = others.filter(whole);
  if (!rivals.length) return undefined;
  if (whole(ns) || rivals.length > 1) return 'ambiguous';
  return rivals[0];
}

/**
 * Old [from, to) of the sentence holding [s, e): from after the last sentence end or line break
 * before it (or 400 characters back), to its next one. A period after an initial, a short
 * capitalised word or an abbreviation ("W.", "Mr.", "Gen.", "U.S.") ends no sentence.
 */
export function sentenceAround(text: string, s: number, e: number): [number, number] {
  const lo = Math.max(0, s - 400);
  let from = lo;
  for (const m of text.slice(lo, s).matchAll(SENTENCE_END)) if (!abbreviationAt(text, lo + m.index)) from = lo + m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const hi = Math.min(text.length, e + 400);
  for (const m of text.slice(e, hi).matchAll(SENTENCE_END)) if (!abbreviationAt(text, e + m.index)) return [from, e + m.index + 1];
  return [from, hi];
}
const SENTENCE_END = /[.!?]["'\u201d)\]]*\s+|\n/g;

/** The full stop at `i` follows an abbreviation (one has at most five letters: eight characters tell). */
function abbreviationAt(text: string, i: number): boolean {
  return text[i] === '.' && endsWithAbbreviation(text.slice(Math.max(0, i - 8), i), { shortCapitalised: true });
}

/** Characters before old offset `s` and new offset `ns` that agree (at most {@link AGREE_LIMIT}). */
export function agreeBefore(oldText: string, s: number, newText: string, ns: number): number {
  let k = 0;
  while (k < AGREE_LIMIT && k < s && k < ns && oldText.charCodeAt(s - k - 1) === newText.charCodeAt(ns - k - 1)) k++;
  return k;
}

/** Characters from old offset `e` and new offset `ne` on that agree (at most {@link AGREE_LIMIT}). */
export function agreeAfter(oldText: string, e: number, newText: string, ne: number): number {
  let k = 0;
  while (k < AGREE_LIMIT && e + k < oldText.length && ne + k < newText.length && oldText.charCodeAt(e + k) === newText.charCodeAt(ne + k)) k++;
  return k;
}

/** Old mentions of a quote looked at around it, when checking a doubtful diff alignment. */
const MENTION_WINDOW = 4000;

/**
 * True when another mention of the quote in the old text (near [s, e)) fits the new place
 * [ns, ne) clearly better than the quote's own context (`own`, its {@link contextSupport}) and
 * is not itself kept elsewhere by the diff: the diff aligned the wrong mention there.
 */
export function betterOldMention(oldText: string, newText: string, diff: DiffMap, s: number, e: number, ns: number, ne: number, quote: string, own: number): boolean {
  // An empty quote (a hand-written sidecar may hold one) has no mentions to compare; indexOf('')
  // would also stop advancing at the end of the text and never leave the loop.
  if (!quote) return false;
  const len = e - s;
  const context = (p: number): [string, string] => [oldText.slice(Math.max(0, p - 32), p), oldText.slice(p + len, p + len + 32)];
  for (let p = oldText.indexOf(quote, Math.max(0, s - MENTION_WINDOW)); p >= 0 && p < s + MENTION_WINDOW; p = oldText.indexOf(quote, p + 1)) {
    if (p === s) continue;
    const [pre, suf] = context(p);
    const support = contextSupport(newText, ns, ne, quote, pre, suf);
    if (support < 1.5 || support < own + 0.25) continue;
    const m = diff.mapSpan(p, p + len);
    if (m.intact && m.start !== ns && contextSupport(newText, m.start, m.end, quote, pre, suf) >= 2) continue;
    return true;
  }
  return false;
}
