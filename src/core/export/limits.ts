/**
 * Limits on what an import reads, so that a huge or deeply nested file fails fast with a message instead
 * of an uncaught RangeError or a host that stops answering.
 */
import type { ImportCollector } from './importing';
import type { ImportResult } from './types';

/** Largest import file, in UTF-16 units (about 64 MB of ASCII). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** Largest import file in bytes, checked before it is read: UTF-8 takes at most 4 bytes per UTF-16 unit. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS * 4;
/** Deepest nesting of JSON objects and arrays an import accepts (W3C annotations need fewer than 10). */
export const MAX_JSON_DEPTH = 64;

/** The result of a file refused for its size. */
export function tooLarge(out: ImportCollector, chars: number): ImportResult {
  out.problem({ kind: 'syntax', reason: `the file is too large to import (${(chars / 1024 / 1024).toFixed(1)} M characters; at most ${MAX_IMPORT_CHARS / 1024 / 1024} M)`, imported: false });
  return out.result();
}

/**
 * Depth of the deepest nesting in JSON text, counted without parsing (brackets outside strings), stopping
 * as soon as `limit` is passed. Linear and without recursion.
 */
export function jsonDepthExceeds(content: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
