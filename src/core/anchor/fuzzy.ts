/**
 * A quote's matches in a text allowing edits, searched once per re-anchoring and shared by every
 * anchor on the quote (see CandidateIndex.fuzzy). Each anchor keeps the matches with the fewest
 * errors nearest its predicted place: sorting all of them for each anchor, or even reading them all,
 * was the cost of a frequent word of five letters or more (tens of thousands of matches in 5 MB).
 */

import search from 'approx-string-match';

export type FuzzyMatch = ReturnType<typeof search>[number];

/** Where `quote` occurs in `text` allowing an error in four characters (Myers' algorithm), with a way to the nearest. */
export class FuzzyMatches {
  readonly matches: readonly FuzzyMatch[];
  /** Match numbers by errors, then start, then number. */
  private readonly order: Int32Array;
  /** Where each number of errors begins in `order` (and its end last). */
  private readonly levels: number[] = [];

  /**
   * `exact`: every place the quote starts in `text`, when known (spares the search: see {@link fuzzySearch}).
   * `offset`: where `text` starts in the whole text, when it is a window of it (the matches are given in the whole text's offsets).
   */
  constructor(text: string, quote: string, exact?: readonly number[], offset = 0) {
    const found = fuzzySearch(text, quote, exact);
    const m = (this.matches = offset ? found.map((f) => ({ start: f.start + offset, end: f.end + offset, errors: f.errors })) : found);
    this.order = Int32Array.from(m.keys()).sort((i, j) => m[i].errors - m[j].errors || m[i].start - m[j].start || i - j);
    this.order.forEach((i, k) => {
      if (k === 0 || m[i].errors !== m[this.order[k - 1]].errors) this.levels.push(k);
    });
    this.levels.push(this.order.length);
  }

  /**
   * The first `limit` matches by errors, then distance to `hint`, then their order in `matches`:
   * what a stable sort of them all by errors and distance gives, read outwards from `hint` instead.
   */
  nearest(hint: number, limit: number): FuzzyMatch[] {
    const { matches: m, order } = this;
    const picked: number[] = [];
    for (let v = 0; v + 1 < this.levels.length && picked.length < limit; v++) {
      const [a, b] = [this.levels[v], this.levels[v + 1]];
      const need = limit - picked.length;
      let r = a;
      for (let hi = b; r < hi; ) {
        const mid = (r + hi) >>> 1;
        if (m[order[mid]].start < hint) r = mid + 1;
        else hi = mid;
      }
      let l = r - 1;
      // Nearest first; past the need-th, only those as near as it (ties are then put in order).
      const got: number[] = [];
      let cut = Infinity;
      while (l >= a || r < b) {
        const dl = l >= a ? hint - m[order[l]].start : Infinity;
        const dr = r < b ? m[order[r]].start - hint : Infinity;
        if (Math.min(dl, dr) > cut) break;
        got.push(dl <= dr ? order[l--] : order[r++]);
        if (got.length === need) cut = Math.min(dl, dr);
      }
      const distance = (i: number) => Math.abs(m[i].start - hint);
      picked.push(...got.sort((i, j) => distance(i) - distance(j) || i - j).slice(0, need));
    }
    return picked.map((i) => m[i]);
  }
}

/**
 * What `search(text, quote, ⌊quote.length / 4⌋)` of approx-string-match returns (the matches with
 * the fewest errors, in text order), with its costly part on only the text that can hold a match.
 * That search steps its bit-parallel automaton over every character, and re-anchoring asks it once
 * per quote it cannot place otherwise: with half the paragraphs of a 400 KB text deleted, 650
 * quotes took 1.4 s of the 3.5 s (issue 11: a 1.6 MB text with 20,000 anchors took 43–75 s). Two exact shortcuts, no heuristics:
 * - the quote occurs as it is: the search reports exactly those places, with no error;
 * - otherwise a match with at most k errors holds one of k + 1 pieces of the quote unchanged
 *   (each error falls in one piece): the pieces are found with the engine's indexOf (still a pass
 *   over the text each, but a fast one), and the search runs only on windows around their
 *   occurrences, each sized so that every such match, and the text before it that the search
 *   reads to find its start, lie inside it. (An end read too near a window's start can only be
 *   given more errors than it has, never fewer: it is either another window's match or beaten.)
 * When the windows would cover much of the text, the whole text is searched as before.
 * (Written here rather than taken from a library: it is a filter in front of the one we use.)
 */
export function fuzzySearch(text: string, quote: string, exact?: readonly number[]): FuzzyMatch[] {
  const m = quote.length;
  const k = Math.floor(m / 4);
  if (exact && exact.length > 0) return exact.map((start) => ({ start, end: start + m, errors: 0 }));
  if (m === 0 || (exact && k === 0)) return [];
  if (k === 0) return search(text, quote, 0);
  const windows: [number, number][] = [];
  let covered = 0;
  const budget = text.length / 4;
  const size = Math.floor(m / (k + 1));
  for (let i = 0; i <= k; i++) {
    const o = i * size;
    const piece = quote.slice(o, i === k ? m : o + size);
    for (let p = text.indexOf(piece); p >= 0; p = text.indexOf(piece, p + 1)) {
      const w: [number, number] = [Math.max(0, p - o - 3 * k - 1), Math.min(text.length, p - o + m + k + 1)];
      covered += w[1] - w[0];
      if (covered > budget) return search(text, quote, k);
      windows.push(w);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  let best = k + 1;
  let found: FuzzyMatch[] = [];
  for (let i = 0; i < windows.length; ) {
    const from = windows[i][0];
    let to = windows[i][1];
    // Windows that overlap or nearly touch are searched as one (a search has a set-up cost).
    for (i++; i < windows.length && windows[i][0] <= to + 2 * m; i++) to = Math.max(to, windows[i][1]);
    for (const r of search(text.slice(from, to), quote, k)) {
      if (r.errors > best) continue;
      if (r.errors < best) [best, found] = [r.errors, []];
      found.push({ start: r.start + from, end: r.end + from, errors: r.errors });
    }
  }
  return found;
}
