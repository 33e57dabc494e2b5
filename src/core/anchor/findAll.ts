/**
 * The exact occurrences of many patterns in one text, found together in a few rolling-hash passes
 * over the text instead of one indexOf scan of the whole text per pattern. With thousands of
 * distinct quotes (a sidecar of 24,000 names whose offsets were all moved by hand) one scan per
 * quote was quadratic: minutes to open the article (issue #11).
 */

/** Longest window hashed: a pattern is found by HEAD of its characters (all of it when shorter), then checked whole. */
const HEAD = 12;
const BASE = 1_000_003;
/** Patterns that may share a hashed window before another window of theirs is tried. */
const FEW = 4;

/** A pattern, and which of its characters are hashed: its first HEAD ('start', the default) or its last ('end'). */
export interface Pattern {
  text: string;
  window?: 'start' | 'end';
}

/**
 * Where each pattern starts in `text` (UTF-16 offsets, in text order, overlapping occurrences
 * included, at most `limit` per pattern): the same lists as `occurrences(text, pattern, limit)`
 * in match.ts. One pass per distinct window length (at most HEAD) plus, per hash hit, a check of
 * the patterns sharing that window, whose windows are chosen so that few share one: in effect a
 * few passes over the text. Not bounded by one scan per pattern: in periodic text (a run of one
 * letter, quotes that are runs of it of many lengths) every window is shared and each hit checks
 * every sharer (n·N·m, against indexOf's n·N); real quotes and contexts are not like that.
 */
export function findAll(text: string, patterns: readonly Pattern[], limit: number): Map<string, number[]> {
  const found = new Map<string, number[]>();
  // Per window length: window hash → the patterns with that window, and the window's offset in each.
  const byLength = new Map<number, Map<number, { text: string; off: number; at: number[] }[]>>();
  for (const p of patterns) {
    if (found.has(p.text)) continue;
    const at: number[] = [];
    found.set(p.text, at);
    if (!p.text || p.text.length > text.length || limit <= 0) continue;
    const w = Math.min(HEAD, p.text.length);
    let byHash = byLength.get(w);
    if (!byHash) byLength.set(w, (byHash = new Map()));
    // The window asked for, unless many patterns share it (names after the same words): then the
    // other end, then windows in between, the first that few share (else the least shared). Any
    // window finds the pattern; a shared one costs a check of each sharer at each of its hits.
    const last = p.text.length - w;
    const offsets = p.window === 'end' ? [last, 0] : [0, last];
    for (let k = w; k < last; k += w) offsets.push(k);
    let off = offsets[0];
    let h = hash(p.text, off, w);
    let list = byHash.get(h);
    for (const o of offsets) {
      if (!list || list.length < FEW) break;
      const ho = hash(p.text, o, w);
      const lo = byHash.get(ho);
      if (!lo || lo.length < list.length) [off, h, list] = [o, ho, lo];
    }
    const entry = { text: p.text, off, at };
    if (list) list.push(entry);
    else byHash.set(h, [entry]);
  }
  for (const [w, byHash] of byLength) {
    if (text.length < w) continue;
    // Polynomial hash mod 2^32, rolled one character at a time.
    let pow = 1;
    for (let k = 1; k < w; k++) pow = Math.imul(pow, BASE);
    let h = hash(text, 0, w);
    for (let i = 0; ; i++) {
      const list = byHash.get(h);
      if (list) {
        for (const e of list) {
          const j = i - e.off;
          if (j >= 0 && e.at.length < limit && text.startsWith(e.text, j)) e.at.push(j);
        }
      }
      if (i + w >= text.length) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), pow), BASE) + text.charCodeAt(i + w)) | 0;
    }
  }
  return found;
}

function hash(s: string, from: number, length: number): number {
  let h = 0;
  for (let k = from; k < from + length; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) | 0;
  return h;
}
