/**
 * Which unit a doccano line's offsets count. doccano's Python backend counts code points, its web UI
 * stores UTF-16 units (doccano issue #2290) and JavaScript tools write UTF-16 too, so a file that does not
 * say (`meta.offsets`, which Factmark's export writes) is checked against its own text: a span read in the
 * wrong unit starts or ends inside a word, splits an emoji or starts on a space, once past the first
 * astral character. The unit whose spans fit is taken; when both fit equally the line is ambiguous.
 */
import { OffsetMap } from '../offsets';
import type { OffsetUnit } from './types';

export type UnitGuess = OffsetUnit | 'ambiguous';

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True when [start, end) of `text` (UTF-16) looks like a span someone marked. */
function fits(text: string, start: number, end: number): boolean {
  if (!(start >= 0 && start < end && end <= text.length)) return false;
  const low = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  if (low(start) || low(end)) return false; // splits a surrogate pair
  const inner = text.slice(start, end);
  if (/^\s|\s$/u.test(inner)) return false;
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  // a boundary inside a word: letters on both sides of it
  if (WORD.test(before) && WORD.test(inner[0])) return false;
  if (WORD.test(after) && WORD.test(inner[inner.length - 1])) return false;
  // a combining mark right after the end belongs to the span's last letter
  if (/\p{M}/u.test(after)) return false;
  return true;
}

/** The unit of a line's spans, judged by how many fit in each reading. */
export function guessUnit(text: string, spans: readonly { start: number; end: number }[]): UnitGuess {
  const map = new OffsetMap(text);
  let asCp = 0;
  let asUtf16 = 0;
  let differ = false;
  for (const s of spans) {
    const cs = map.toUtf16(s.start);
    const ce = map.toUtf16(s.end);
    if (cs === s.start && ce === s.end) continue; // both readings agree: no evidence either way
    differ = true;
    if (fits(text, cs, ce)) asCp++;
    if (fits(text, s.start, s.end)) asUtf16++;
  }
  if (!differ) return 'codepoints';
  if (asCp === asUtf16) return 'ambiguous';
  return asCp > asUtf16 ? 'codepoints' : 'utf16';
}
