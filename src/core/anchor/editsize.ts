/**
 * The size of an edit between two texts, found in milliseconds and the same on every machine: what
 * decides whether {@link DiffMap} diffs them character by character.
 */

import { diff_match_patch, DIFF_DELETE, DIFF_INSERT } from 'diff-match-patch';

/** Most pieces (both texts) that {@link sentenceEditSize} diffs at once: past it, the edit counts as all of them. */
const MAX_SYMBOLS = 4000;

/**
 * The size of the edit from `a` to `b`, found in milliseconds and the same on every machine (no
 * time limit): a diff of whole sentences (each one symbol, whitespace runs read as one space, so a
 * re-wrapped paragraph keeps its sentences), then of words inside each run of sentences replaced
 * by others (a word replaced all through the text changes many sentences, but few characters).
 * Counted: the characters of what the two diffs delete or insert, and of whitespace changed in the
 * sentences kept; an upper bound of the character diff's edit.
 */
export function sentenceEditSize(a: string, b: string): number {
  const x = a.split(SENTENCE_END);
  const y = b.split(SENTENCE_END);
  if (x.length + y.length > MAX_SYMBOLS) return Infinity;
  let size = 0;
  let i = 0;
  let j = 0;
  // Sentences deleted and inserted since the last kept one: a replaced run, compared by words.
  let deleted = '';
  let inserted = '';
  const flush = () => {
    size += deleted && inserted ? symbolEdit(deleted.split(WORD_EDGE), inserted.split(WORD_EDGE)) : deleted.length + inserted.length;
    deleted = inserted = '';
  };
  for (const [op, n] of symbolDiff(x, y, (p) => p.replace(/\s+/g, ' '))) {
    for (let k = 0; k < n; k++) {
      if (op === DIFF_DELETE) deleted += x[i++];
      else if (op === DIFF_INSERT) inserted += y[j++];
      else {
        flush();
        size += whitespaceChanged(x[i++], y[j++]);
      }
    }
  }
  flush();
  return size;
}

/** Characters that a diff of two lists of pieces (each one symbol) deletes or inserts; all of them past MAX_SYMBOLS. */
function symbolEdit(x: readonly string[], y: readonly string[]): number {
  if (x.length + y.length > MAX_SYMBOLS) return x.join('').length + y.join('').length;
  let size = 0;
  let i = 0;
  let j = 0;
  for (const [op, n] of symbolDiff(x, y, (p) => p)) {
    for (let k = 0; k < n; k++) {
      if (op === DIFF_DELETE) size += x[i++].length;
      else if (op === DIFF_INSERT) size += y[j++].length;
      else {
        i++;
        j++;
      }
    }
  }
  return size;
}

/** A diff of two lists of pieces, pieces with the same key being one symbol: [op, count] runs. */
function symbolDiff(x: readonly string[], y: readonly string[], key: (p: string) => string): [number, number][] {
  const ids = new Map<string, number>();
  const encode = (pieces: readonly string[]): string => {
    let out = '';
    for (const p of pieces) {
      const k = key(p);
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      out += String.fromCharCode(FIRST_SYMBOL + id);
    }
    return out;
  };
  const dmp = new diff_match_patch();
  dmp.Diff_Timeout = 0;
  return dmp.diff_main(encode(x), encode(y), false).map(([op, t]) => [op, t.length]);
}

/** Characters of the whitespace runs that differ between two pieces alike but for whitespace. */
function whitespaceChanged(p: string, q: string): number {
  if (p === q) return 0;
  const u = p.split(/(\s+)/);
  const v = q.split(/(\s+)/);
  let n = 0;
  for (let k = 0; k < Math.max(u.length, v.length); k++) if (u[k] !== v[k]) n += (u[k]?.length ?? 0) + (v[k]?.length ?? 0);
  return n;
}

/** Word edges: every word and every whitespace run is one piece. */
const WORD_EDGE = /(?<=\s)(?=\S)|(?<=\S)(?=\s)/;
/** Where a sentence (with the whitespace after it) or a paragraph (with the blank line after it) ends: every character is in one piece. */
export const SENTENCE_END = /(?<=[.!?]["'’”)\]]*\s+)(?=\S)|(?<=\n[^\S\n]*\n\s*)(?=\S)/;
/** Code of the first symbol of {@link sentenceEditSize}: the private-use area (E000-F8FF), past the surrogates, which a symbol must never be. */
const FIRST_SYMBOL = 0xe000;
