/**
 * Context agreement read with whitespace runs as one space (see contextScore in match.ts), without
 * building the squashed strings. Scoring tens of thousands of occurrences of one quote for each of
 * hundreds of contexts (5 MB of words, every occurrence tied) spent most of its time squashing the
 * same windows of text again with a regular expression and collecting the strings it made.
 */

/** Whitespace runs as one space: re-wrapped lines and CRLF conversions do not change context. (ranked.ts sorts sides read so.) */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Whether `\s` (what {@link squash} replaces) matches this UTF-16 unit. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The length of the common end of `p` (squashed) and `squash(text.slice(lo, at))`. */
function agreeBefore(p: string, text: string, lo: number, at: number): number {
  let i = p.length;
  let j = at;
  while (i > 0 && j > lo) {
    const c = text.charCodeAt(j - 1);
    if (isSpace(c)) {
      // A run, cut by the window's edge or not, is one space.
      if (p.charCodeAt(i - 1) !== 32) break;
      for (j--; j > lo && isSpace(text.charCodeAt(j - 1)); j--);
    } else if (p.charCodeAt(i - 1) === c) j--;
    else break;
    i--;
  }
  return p.length - i;
}

/** The length of the common start of `s` (squashed) and `squash(text.slice(at, hi))`. */
function agreeAfter(s: string, text: string, at: number, hi: number): number {
  let i = 0;
  let j = at;
  while (i < s.length && j < hi) {
    const c = text.charCodeAt(j);
    if (isSpace(c)) {
      if (s.charCodeAt(i) !== 32) break;
      for (j++; j < hi && isSpace(text.charCodeAt(j)); j++);
    } else if (s.charCodeAt(i) === c) j++;
    else break;
    i++;
  }
  return i;
}

/**
 * squash(text.slice(from, to)), or when `from` > `to` squash(text.slice(to, from)) reversed by code
 * units, built without the strings in between (ranked.ts reads a side of every occurrence so).
 */
export function squashedSlice(text: string, from: number, to: number): string {
  const codes: number[] = [];
  if (from <= to) {
    for (let j = from; j < to; ) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) {
        codes.push(32);
        for (j++; j < to && isSpace(text.charCodeAt(j)); j++);
      } else {
        codes.push(c);
        j++;
      }
    }
  } else {
    for (let j = from; j > to; ) {
      const c = text.charCodeAt(j - 1);
      if (isSpace(c)) {
        codes.push(32);
        for (j--; j > to && isSpace(text.charCodeAt(j - 1)); j--);
      } else {
        codes.push(c);
        j--;
      }
    }
  }
  return String.fromCharCode(...codes);
}

/** contextScore for one context: (text, start, end) → score, the context squashed once. */
export type ContextScorer = (text: string, start: number, end: number) => number | undefined;

/**
 * contextScore (match.ts) of a fixed context: characters matching contiguously next to the quote,
 * over the characters expected, whitespace runs read as one space; each side compared with a
 * window of the text 16 characters longer than it (squashing can shorten the window).
 */
export function contextScorer(prefix: string | undefined, suffix: string | undefined): ContextScorer {
  const p = prefix ? squash(prefix) : undefined;
  const s = suffix ? squash(suffix) : undefined;
  const expected = (p?.length ?? 0) + (s?.length ?? 0);
  if (!expected) return () => undefined;
  return (text, start, end) => {
    let matched = 0;
    if (p) {
      const window = () => text.slice(Math.max(0, start - prefix!.length - 16), start);
      matched += start >= 0 && start <= text.length ? agreeBefore(p, text, Math.max(0, start - prefix!.length - 16), start) : agreeBefore(p, window(), 0, window().length);
    }
    if (s) {
      const window = () => text.slice(end, end + suffix!.length + 16);
      matched += end >= 0 ? agreeAfter(s, text, end, Math.min(text.length, end + suffix!.length + 16)) : agreeAfter(s, window(), 0, window().length);
    }
    return Math.min(1, matched / expected);
  };
}
