/** Quote context: the text around a span, as stored with each annotation. */

import type { AnchorQuery } from './types';

/** How many code points of context are kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Up to `n` code points of `text` before UTF-16 offset `start` (never half a surrogate pair). */
export function prefixBefore(text: string, start: number, n = CONTEXT_LENGTH): string {
  let i = start;
  for (let k = 0; k < n && i > 0; k++) {
    i--;
    if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i--;
  }
  return text.slice(i, start);
}

/** Up to `n` code points of `text` after UTF-16 offset `end`. */
export function suffixAfter(text: string, end: number, n = CONTEXT_LENGTH): string {
  let i = end;
  for (let k = 0; k < n && i < text.length; k++) {
    i++;
    if (i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i++;
  }
  return text.slice(end, i);
}

/** The quote and its context at a UTF-16 span of a text, for storing an anchor. */
export function anchorAt(text: string, id: string, start: number, end: number): AnchorQuery {
  return { id, start, end, quote: text.slice(start, end), prefix: prefixBefore(text, start), suffix: suffixAfter(text, end) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
