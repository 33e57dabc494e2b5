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

  constructor(text: string, quote: string) {
    const m = (this.matches = search(text, quote, Math.floor(quote.length / 4)));
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
