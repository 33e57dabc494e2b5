import { endsWithAbbreviation } from '../abbreviations';

// Where sentences start and end next to a quote, for judging its context (match.ts): a line break
// or a full stop not after an abbreviation.

const SENTENCE_END = /[.!?]+["'’”)]*(?=\s)/g;

/**
 * True when `s` holds a sentence or line boundary: a line break, or `.` `!` `?` (and closing
 * quotes) before whitespace, not after a usual abbreviation or an initial. `lead` is the text
 * just before `s` (for the abbreviation).
 */
export function hasBoundary(s: string, lead = ''): boolean {
  if (s.includes('\n')) return true;
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(s)); ) if (!endsWithAbbreviation(lead + s.slice(0, m.index))) return true;
  return false;
}

/** `before` (the text before something) ends with a sentence or line boundary, or is empty. */
export function opensSentence(before: string): boolean {
  return before === '' || /\n\s*$/.test(before) || endsWithStop(before);
}

/** `after` (the text after `quote`) starts with a sentence or line boundary, or is empty. */
export function closesSentence(after: string, quote: string): boolean {
  return after === '' || /^\s*\n/.test(after) || startsAtStop(after, quote);
}

/** A full stop (`.` `!` `?`, closing quotes) and spaces end `before`: prose, where a line break alone ends records and list items too. */
export function endsWithStop(before: string): boolean {
  const m = /[.!?]+["'’”)]*\s+$/.exec(before);
  return !!m && !endsWithAbbreviation(before.slice(0, m.index));
}
/** `after` (the text after `quote`) starts with a full stop and a space (see {@link endsWithStop}). */
export function startsWithStop(after: string, quote: string): boolean {
  return /^[.!?]+["'’”)]*\s/.test(after) && !endsWithAbbreviation(quote);
}
/** Offset in `s` of its first sentence or line boundary (see {@link hasBoundary}), or `s.length`. */
export function firstBoundary(s: string, lead: string): number {
  let at = s.indexOf('\n');
  if (at < 0) at = s.length;
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(s)) && m.index < at; ) if (!endsWithAbbreviation(lead + s.slice(0, m.index))) return m.index;
  return at;
}

/** Offset in `s` just after its last sentence or line boundary, or 0. */
export function lastBoundary(s: string): number {
  let at = s.lastIndexOf('\n') + 1;
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(s)); ) if (m.index >= at && !endsWithAbbreviation(s.slice(0, m.index))) at = m.index + m[0].length;
  return at;
}

/** Offset in `s` just after its last full stop (`.` `!` `?` and closing quotes, before a space; not a line break), or -1. */
export function lastStop(s: string): number {
  let at = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(s)); ) if (!endsWithAbbreviation(s.slice(0, m.index))) at = m.index + m[0].length;
  return at;
}

/** Offset in `s` of its first full stop (see {@link lastStop}), or -1; `lead` is the text just before `s`. */
export function firstStop(s: string, lead: string): number {
  SENTENCE_END.lastIndex = 0;
  for (let m; (m = SENTENCE_END.exec(s)); ) if (!endsWithAbbreviation(lead + s.slice(0, m.index))) return m.index;
  return -1;
}

/** `before` ends with a full stop (no space after it), not one of an abbreviation. */
export function endsAtStop(before: string): boolean {
  const m = /[.!?]+["'’”)]*$/.exec(before);
  return !!m && !endsWithAbbreviation(before.slice(0, m.index));
}

/** `after` starts with a full stop and a space or the end; `lead` is the text before it (for an abbreviation). */
export function startsAtStop(after: string, lead: string): boolean {
  return /^[.!?]+["'’”)]*(?:\s|$)/.test(after) && !endsWithAbbreviation(lead);
}

/**
 * The share of `a`'s words (letters and digits, any case, counted with repeats; a number with its
 * decimals or thousands whole, so that "$9.8" and "$2.9" share nothing) that `b` holds too;
 * undefined when `a` has fewer than `min` words. Text that stands for unknown words (a noncharacter,
 * sentences.ts) holds none.
 */
export function wordsShared(a: string, b: string, min = 4): number | undefined {
  const words = a.toLowerCase().match(WORDS) ?? [];
  if (words.length < min) return undefined;
  const left = new Map<string, number>();
  for (const w of b.toLowerCase().match(WORDS) ?? []) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n === 0) continue;
    shared++;
    left.set(w, n - 1);
  }
  return shared / words.length;
}
const WORDS = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu;

/** A character no article holds (a noncharacter): text a rebuilt old text does not know (sentences.ts). */
export const UNKNOWN = '\uffff';

/**
 * The share of the words of old text [from, to) around the quote at [s, e), the quote's own left
 * out, that stand as far around new offset `at` (where the quote, as long, may now be) and `slack`
 * units further: a moved or kept sentence brings most of its words along, re-wrapped or edited.
 */
export function wordsAround(oldText: string, from: number, to: number, s: number, e: number, newText: string, at: number, slack: number): number | undefined {
  const end = at + e - s;
  const old = `${oldText.slice(from, s)} ${oldText.slice(e, to)}`;
  const now = `${newText.slice(Math.max(0, at - (s - from) - slack), at)} ${newText.slice(end, end + (to - e) + slack)}`;
  return wordsShared(old, now);
}
