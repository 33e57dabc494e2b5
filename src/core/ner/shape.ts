/**
 * Word shapes and case of the entity tagger's words (see lexeme.ts), worked out from character codes
 * where that gives the same answer as the string definitions, since every new word needs them.
 */

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return ch;
  }
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'X';
  if (/\p{L}|\p{M}/u.test(ch)) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  return ch;
}

/** Word shape: X for capitals, x for small letters, d for digits; runs cut to 3 (or to 1 when `collapse`). */
export function wordShape(word: string, collapse: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = charClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= (collapse ? 1 : 3)) out += c;
  }
  return out;
}

/**
 * hashString(wordShape(word, collapse)), without making the shape string: worked out for every new
 * word (twice), it was a good part of a word's first sight. A character's class is told by a code
 * point (X, x, d, or the character itself, which is never one of those three letters).
 */
export function shapeHashOf(word: string, collapse: boolean): number {
  const cut = collapse ? 1 : 3;
  let h = 0x811c9dc5;
  let last = -1;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c = 88;
      else if (c >= 97 && c <= 122) c = 120;
      else if (c >= 48 && c <= 57) c = 100;
    } else {
      const point = word.codePointAt(i) as number;
      const ch = String.fromCodePoint(point);
      if (point > 0xffff) i++;
      const cls = charClass(ch);
      c = cls === ch ? point : cls.charCodeAt(0);
    }
    run = c === last ? run + 1 : 1;
    last = c;
    if (run > cut) continue;
    if (c > 0xffff) {
      h = Math.imul(h ^ (0xd800 + ((c - 0x10000) >> 10)), 0x01000193);
      h = Math.imul(h ^ (0xdc00 + ((c - 0x10000) & 0x3ff)), 0x01000193);
    } else h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

// The case of an ASCII word told from its character codes (for a new word, the regular expressions
// with Unicode classes and the upper-case copy were a good part of its first sight); the same answers
// as those expressions, which other words still take. -1: not ASCII.
export const CAPITALISED = 1;
export const ALL_LOWER = 2;
export const HAS_LOWER = 4;
export const HAS_LETTER = 8;
export function asciiCase(word: string): number {
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  const first = word.charCodeAt(0);
  return (
    (first >= 65 && first <= 90 ? CAPITALISED : 0) |
    (lower > 0 && lower === word.length ? ALL_LOWER : 0) |
    (lower > 0 ? HAS_LOWER : 0) |
    (lower + upper > 0 ? HAS_LETTER : 0)
  );
}

/** hashString(word.toUpperCase()) of an ASCII word, without the copy. */
export function asciiUpperHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h = Math.imul(h ^ (c >= 97 && c <= 122 ? c - 32 : c), 0x01000193);
  }
  return h >>> 0;
}
