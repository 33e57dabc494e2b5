/**
 * Checks on a diff's alignment when the old text is known (see reanchor.ts): a place the diff chose
 * among pasted copies of the same text is questioned, and so is a place another old mention of the
 * quote fits better. (Text moved elsewhere is followed in moved.ts.)
 */

import { endsWithAbbreviation } from '../abbreviations';
import type { DiffMap } from './diffmap';
import { contextSupport } from './match';

/** Two candidates closer than this are a tie: the anchor is ambiguous. */
export const TIE = 0.05;

/** Characters of the old text, the quote's and around it, that text moved elsewhere brings along unchanged (moved.ts). */
export const MIN_MOVED = 24;

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

/** Characters agreeing past a sentence's end that show it still stands next to an old neighbour. */
const NEIGHBOUR_KEPT = 12;
/** How far from a sentence the diff may have kept its old neighbour, with pasted text between (see strayCopy). */
const NEIGHBOUR_NEAR = 4000;
/** strayCopy's answers on the text between a sentence and its old neighbour, per diff. */
const gaps = new WeakMap<DiffMap, Map<string, boolean>>();
/** Occurrences of a quote beyond which {@link strayCopy} looks at none (a short word in a long text: the order check is there). */
const MAX_COPIES = 1000;

/**
 * A diff keeps the longest common text, and where a sentence was copied while the text around it
 * moved (paragraphs reordered, the sentence pasted in two places and its original deleted), the
 * copy it keeps may be one pasted among other text. The diff's place, new [ns, ns + e - s), is
 * questioned when it holds the quote's whole old sentence but kept neither old neighbour (see
 * keeps), and the new text holds the whole sentence elsewhere too (`startsOf`: the quote's new
 * occurrences), not kept by the diff from another old mention (that mention's own text): then no
 * text tells which copy is the original: 'ambiguous'; otherwise undefined. (Not even the one copy
 * next to an old neighbour: the neighbour may have been copied along with it, or edited at the
 * original and copied unedited with the copy; taking such a copy put eval:anchoring's duplicated
 * sentences' names on copies 14 times, and a review's case on the copy.)
 */
export function strayCopy(oldText: string, newText: string, diff: DiffMap, s: number, e: number, ns: number, startsOf: () => readonly number[]): 'ambiguous' | undefined {
  // The text around the place agrees with the old text on one side (keptAround): kept, and nothing
  // more is asked. This is most anchors (after a line added at the top, all of them).
  const around = keptAround(oldText, newText, s, e, ns);
  if (around.before || around.after) return undefined;
  const [from, to] = sentenceAround(oldText, s, e);
  const sentence = oldText.slice(from, to);
  const whole = (q: number) => q - (s - from) >= 0 && newText.startsWith(sentence, q - (s - from));
  const [before, after] = neighbourEnds(oldText, from, to);
  // Where the diff kept the neighbours' ends (asked only when the text around a copy disagrees).
  const kept = (x: number, y: number) => {
    const m = diff.mapSpan(x, y);
    return m.intact ? m : undefined;
  };
  const prev = () => (before > 0 ? kept(Math.max(0, before - NEIGHBOUR_KEPT), before) : undefined);
  const next = () => (after < oldText.length ? kept(after, Math.min(oldText.length, after + NEIGHBOUR_KEPT)) : undefined);
  // Only inserted text between, or none: text written there, or a copy of text that stands
  // elsewhere too (a sentence pasted there); not text moved there from elsewhere (two sentences
  // swapped: either of them may have moved).
  // (Asked once per gap: the names of one sentence ask the same, and each answer reads both texts.)
  const insertedBetween = (x: number, y: number) => {
    let asked = gaps.get(diff);
    if (!asked) gaps.set(diff, (asked = new Map()));
    let answer = asked.get(`${x}:${y}`);
    if (answer === undefined) {
      const gap = newText.slice(x, y).trim();
      const lo = newText.indexOf(gap, x);
      answer = !gap || (diff.isInserted(lo, lo + gap.length) && (!oldText.includes(gap) || newText.indexOf(gap) !== lo || newText.includes(gap, lo + 1)));
      asked.set(`${x}:${y}`, answer);
    }
    return answer;
  };
  // A copy at new q stands next to an old neighbour when the text past its sentence agrees with
  // the old one, or the diff kept that neighbour a little way off with only inserted text between
  // (a sentence pasted there), or both stand at the same edge of their texts.
  const keeps = (q: number) => {
    const cs = q - (s - from);
    const ce = cs + sentence.length;
    const prevKept = () => {
      const p = prev();
      return p !== undefined && p.end <= cs && p.end >= cs - NEIGHBOUR_NEAR && insertedBetween(p.end, cs);
    };
    const nextKept = () => {
      const n = next();
      return n !== undefined && n.start >= ce && n.start <= ce + NEIGHBOUR_NEAR && insertedBetween(ce, n.start);
    };
    return (
      (before === 0 ? !newText.slice(0, cs).trim() : agreeBefore(oldText, from, newText, cs) >= NEIGHBOUR_KEPT || prevKept()) ||
      (after === oldText.length ? !newText.slice(ce).trim() : agreeAfter(oldText, to, newText, ce) >= NEIGHBOUR_KEPT || nextKept())
    );
  };
  if (!whole(ns) || keeps(ns)) return undefined;
  // (The quote's occurrences last: the first ask searches the text for every anchor's quote.)
  const starts = startsOf();
  if (starts.length < 2 || starts.length > MAX_COPIES) return undefined;
  const len = e - s;
  const copies = starts.filter((q) => {
    if (q === ns || !whole(q)) return false;
    const keptAt = diff.unchangedFrom(q, q + len);
    return keptAt === undefined || keptAt === s || !oldText.startsWith(oldText.slice(s, e), keptAt);
  });
  return copies.length ? 'ambiguous' : undefined;
}

/**
 * A diff keeps the longest common text, and where the first words of a sentence were pasted before
 * it ("Kim met X in Y." stacked before "Kim met X in Y on Monday.") it may keep the old sentence's
 * start on the copy and take the rest for inserted: its place, new [ns, ns + e - s), then lacks the
 * quote's whole old sentence, which stands whole, quote and all, elsewhere. Either may be the
 * original (the sentence cut short where it was and pasted whole elsewhere reads the same), so
 * this is true, for an ambiguous orphan; false where the diff's place holds the whole sentence, is
 * not a copy cut short (see cutShort) or kept both old neighbours (see neighboursKept), or the old
 * text holds the sentence twice, or the new text holds it nowhere else but in another old mention's
 * own text. (eval:anchoring's partly duplicated sentences, seed
 * 7: two names put on the copy.)
 */
export function wholeSentenceElsewhere(oldText: string, newText: string, diff: DiffMap, s: number, e: number, ns: number, startsOf: () => readonly number[]): boolean {
  // (Most places agree with the old text past any sentence's reach on both sides: whole, and the
  // sentence is not looked for.)
  const around = keptAround(oldText, newText, s, e, ns);
  if (around.before && around.after) return false;
  const [from, to] = sentenceAround(oldText, s, e);
  const len = e - s;
  // (A sentence of little more than the quote tells nothing by standing whole.)
  if (to - from < len + MIN_MOVED) return false;
  const sentence = oldText.slice(from, to);
  const whole = (q: number) => q - (s - from) >= 0 && newText.startsWith(sentence, q - (s - from));
  if (whole(ns) || !cutShort(oldText, newText, from, to, s, e, ns) || neighboursKept(oldText, diff, from, to, s, e, ns)) return false;
  const starts = startsOf();
  if (starts.length < 2 || starts.length > MAX_COPIES) return false;
  const quote = oldText.slice(s, e);
  // (Not a place the diff kept from another old mention of the quote whose own sentence stands
  // whole there too: that is the mention's own text. The diff may also have kept one there that
  // does not fit it: the second "First" of "… jobs with First of America." on the copy's first.)
  const ownText = (k: number, q: number) => {
    const [f, t] = sentenceAround(oldText, k, k + len);
    return q - (k - f) >= 0 && newText.startsWith(oldText.slice(f, t), q - (k - f));
  };
  const at = starts.find((q) => {
    if (q === ns || !whole(q)) return false;
    const keptAt = diff.unchangedFrom(q, q + len);
    return keptAt === undefined || keptAt === s || !oldText.startsWith(quote, keptAt) || !ownText(keptAt, q);
  });
  return at !== undefined && oldText.indexOf(sentence) === from && !oldText.includes(sentence, from + 1);
}

/**
 * The text at new `ns` (the quote's place) agrees with the old sentence [from, to) around old
 * [s, e) up to a sentence's end or start that the old sentence does not have there: a copy of the
 * sentence cut short ("… will take other jobs." of "… will take other jobs with First of
 * America."), not the sentence edited where it stands (a word changed: a review's rows, one copied
 * over another and the original edited, keep their anchor).
 */
function cutShort(oldText: string, newText: string, from: number, to: number, s: number, e: number, ns: number): boolean {
  const ne = ns + e - s;
  const after = agreeAfter(oldText, e, newText, ne);
  if (e + after < to && STOP_HERE.test(newText.slice(ne + after, ne + after + 6))) return true;
  const before = agreeBefore(oldText, s, newText, ns);
  return s - before > from && (ns - before === 0 || STOPPED.test(newText.slice(Math.max(0, ns - before - 6), ns - before)));
}
/** A sentence ends at the start of the text tested / just before the end of it. */
const STOP_HERE = /^[.!?]["'\u201d)\]]*(?:\s|$)/;
const STOPPED = /(?:[.!?]["'\u201d)\]]*\s+|\n)$/;

/**
 * The diff kept the old sentence [from, to)'s neighbours on both sides of new `ns` (the quote's
 * place), each about as far from it as in the old text: the sentence was shortened where it stands,
 * and a whole copy of its old self elsewhere is a copy (a sentence copied into a summary, then the
 * original cut: a review's case). A text's edge counts as kept.
 */
function neighboursKept(oldText: string, diff: DiffMap, from: number, to: number, s: number, e: number, ns: number): boolean {
  const [before, after] = neighbourEnds(oldText, from, to);
  const ne = ns + e - s;
  if (before > 0) {
    const p = diff.mapSpan(Math.max(0, before - NEIGHBOUR_KEPT), before);
    if (!p.intact || p.end > ns || ns - p.end > 2 * (s - before) + NEIGHBOUR_KEPT) return false;
  }
  if (after < oldText.length) {
    const n = diff.mapSpan(after, Math.min(oldText.length, after + NEIGHBOUR_KEPT));
    if (!n.intact || n.start < ne || n.start - ne > 2 * (after - e) + NEIGHBOUR_KEPT) return false;
  }
  return true;
}

/**
 * Whether the new text around new `ns` agrees with the old text around old [s, e) past any
 * sentence's reach (sentenceAround looks 400 characters each way) and a neighbour's, or up to both
 * texts' edges, before the quote and after it. Compared as slices, natively (character by
 * character it was a fifth of a re-anchoring after a line added at the top).
 */
function keptAround(oldText: string, newText: string, s: number, e: number, ns: number): { before: boolean; after: boolean } {
  const reach = SENTENCE_REACH + NEIGHBOUR_KEPT;
  const ne = ns + e - s;
  const back = Math.min(reach, s);
  const ahead = Math.min(reach, oldText.length - e);
  return {
    before: (back === reach || s === ns) && oldText.slice(s - back, s) === newText.slice(ns - back, ns),
    after: (ahead === reach || oldText.length - e === newText.length - ne) && oldText.slice(e, e + ahead) === newText.slice(ne, ne + ahead),
  };
}

/**
 * The old neighbours' ends nearest the sentence [from, to): whitespace and closing quotes left out
 * (a copy pasted after a space rather than a line break is next to the same sentence); 0 and the
 * text's length at its edges.
 */
function neighbourEnds(oldText: string, from: number, to: number): [number, number] {
  let before = from;
  while (before > 0 && /\s/.test(oldText[before - 1])) before--;
  let after = to;
  while (after < oldText.length && /[\s"'\u201d\u2019)\]]/.test(oldText[after])) after++;
  return [before, after];
}

/**
 * Old [from, to) of the sentence holding [s, e): from after the last sentence end or line break
 * before it (or 400 characters back), to its next one. A period after an initial, a short
 * capitalised word or an abbreviation ("W.", "Mr.", "Gen.", "U.S.") ends no sentence.
 */
export function sentenceAround(text: string, s: number, e: number): [number, number] {
  const lo = Math.max(0, s - SENTENCE_REACH);
  let from = lo;
  for (const m of text.slice(lo, s).matchAll(SENTENCE_END)) if (endsSentence(text, lo + m.index, m[0])) from = lo + m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const hi = Math.min(text.length, e + SENTENCE_REACH);
  for (const m of text.slice(e, hi).matchAll(SENTENCE_END)) if (endsSentence(text, e + m.index, m[0])) return [from, e + m.index + 1];
  return [from, hi];
}
const SENTENCE_END = /[.!?]["'\u201d)\]]*\s+|\n/g;
/** How far from a quote {@link sentenceAround} looks for the ends of its sentence. */
const SENTENCE_REACH = 400;

/**
 * The SENTENCE_END match `m` at `i` ends a sentence: not a full stop after an abbreviation, unless
 * a line break follows it (the regex takes the break along with the stop, so it would not be seen
 * on its own: "… controls Young's.\n\nUnder terms …" read as one sentence across two paragraphs).
 */
function endsSentence(text: string, i: number, m: string): boolean {
  return !abbreviationAt(text, i) || m.includes('\n');
}

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
