/** Word edges of a place: a placement never starts or ends inside a word where its quote did not. */

const WORD = /[\p{L}\p{N}]/u;

/** The code point ending at `i` (exclusive) / starting at `i` is a letter or digit. */
function wordBefore(t: string, i: number): boolean {
  if (i <= 0) return false;
  const lo = t.charCodeAt(i - 1);
  const from = lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return WORD.test(String.fromCodePoint(t.codePointAt(from)!));
}
function wordAt(t: string, i: number): boolean {
  return i < t.length && WORD.test(String.fromCodePoint(t.codePointAt(i)!));
}

/**
 * The place [start, end) starts and ends on word boundaries where the quote did: its stored
 * context says whether a letter touched it (no context: taken as a whole word).
 */
export function edgesAgree(text: string, start: number, end: number, a: { quote: string; prefix?: string; suffix?: string }): boolean {
  if (wordAt(a.quote, 0) && wordBefore(text, start) !== wordBefore(a.prefix ?? '', (a.prefix ?? '').length)) return false;
  return !(wordBefore(a.quote, a.quote.length) && wordAt(text, end) !== wordAt(a.suffix ?? '', 0));
}

/** A quote that ended at a word boundary now runs into a longer word, or the reverse. */
export function boundaryChanged(oldText: string, s: number, e: number, newText: string, ns: number, ne: number): boolean {
  const letter = (t: string, i: number) => i >= 0 && i < t.length && /[\p{L}\p{N}]/u.test(t[i]);
  return letter(oldText, s - 1) !== letter(newText, ns - 1) || letter(oldText, e) !== letter(newText, ne);
}

