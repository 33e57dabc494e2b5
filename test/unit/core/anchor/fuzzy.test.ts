import * as assert from 'node:assert/strict';
import search from 'approx-string-match';
import { FuzzyMatches } from '../../../../src/core/anchor/fuzzy';
import { rng } from './rng';

// Each anchor keeps a quote's fuzzy matches with the fewest errors nearest its place, read outwards
// from it (fuzzy.ts): they must be exactly the first of a stable sort of all of them by errors and
// distance, ties and all, since the candidates scored (and the order of equal scores) follow them.

describe('reanchor: fuzzy matches nearest a place (fuzzy.ts)', () => {
  it('keeps the first matches of a stable sort by errors, then distance: ties on both sides, one start with several ends', () => {
    const rand = rng(4);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      // Words close to the quote, in a small alphabet: many matches, with one, two errors or none.
      const quote = pick(['later', 'Seoul', 'officials', 'abcab', 'aaaaa']);
      // (Without the quote itself half the time: after an exact match, only exact ones are reported;
      // before it, one start can have several ends, "Seou" and "Seoux" for "Seoul".)
      const words = [quote.slice(1), quote.replace(/.$/, 'x'), 'a', 'b', ' ', 'ab', quote.slice(0, 3), ...(round % 2 ? [quote, quote + 's'] : [])];
      let text = '';
      while (text.length < 50 + Math.floor(rand() * 1500)) text += pick(words) + pick([' ', '', '  ']);
      const found = new FuzzyMatches(text, quote);
      const all = search(text, quote, Math.floor(quote.length / 4));
      assert.deepEqual(found.matches, all);
      for (let k = 0; k < 12; k++) {
        // Midway between two matches now and then (equal distances on both sides).
        const two = all.length > 1 ? Math.floor(rand() * (all.length - 1)) : 0;
        const hint = all.length > 1 && rand() < 0.3 ? (all[two].start + all[two + 1].start) / 2 : Math.floor(rand() * (text.length + 1));
        const limit = pick([1, 2, 5, 50]);
        const sorted = [...all].sort((a, b) => a.errors - b.errors || Math.abs(a.start - hint) - Math.abs(b.start - hint));
        assert.deepEqual(found.nearest(hint, limit), sorted.slice(0, limit));
        compared++;
      }
    }
    assert.ok(compared === 3600);
  });
});
