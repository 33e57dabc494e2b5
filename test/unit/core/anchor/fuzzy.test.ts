import * as assert from 'node:assert/strict';
import search from 'approx-string-match';
import { FuzzyMatches, fuzzySearch } from '../../../../src/core/anchor/fuzzy';
import { occurrences } from '../../../../src/core/anchor/match';
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

  it('finds what the whole search finds, reading only windows around the quote\'s pieces or its exact places', () => {
    // Long texts of many words (the windows cover a small part) in which the quote stands as it
    // is, with one to four errors, cut at the ends or not at all; the quote's pieces also alone.
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const fillers = ['the', 'report', 'said', 'on', 'Monday', 'and', 'officials', 'in', 'ministry', 'a', 'of', 'talks', 'were'];
    const mutate = (q: string, n: number) => {
      let t = q;
      for (let e = 0; e < n; e++) {
        const i = Math.floor(rand() * (t.length + 1));
        const c = pick(['x', 'e', ' ', 'a', t[i] ?? 'z']);
        t = pick([() => t.slice(0, i) + c + t.slice(i), () => t.slice(0, i) + t.slice(i + 1), () => t.slice(0, i) + c + t.slice(i + 1)])();
      }
      return t;
    };
    let filtered = 0;
    for (let round = 0; round < 400; round++) {
      const quote = pick(['Nairobi', 'Dar es Salaam', 'Kim Yong-chol', 'Seoul', 'Panmunjom', 'United Nations Command', 'abcd', 'Tanzania', 'Mr. Schwarz']);
      const k = Math.floor(quote.length / 4);
      const words: string[] = [];
      while (words.length < 200 + Math.floor(rand() * 3000)) {
        const r = rand();
        if (r < 0.01 && round % 3 === 0) words.push(quote);
        else if (r < 0.03) words.push(mutate(quote, 1 + Math.floor(rand() * 4)));
        else if (r < 0.05) words.push(quote.slice(Math.floor(rand() * quote.length / 2), quote.length - Math.floor(rand() * quote.length / 2)));
        else words.push(pick(fillers));
      }
      let text = words.join(pick([' ', '', '\n']));
      if (rand() < 0.3) text = text.slice(Math.floor(rand() * 20), text.length - Math.floor(rand() * 20));
      const all = search(text, quote, k);
      assert.deepEqual(fuzzySearch(text, quote), all, `round ${round}`);
      assert.deepEqual(fuzzySearch(text, quote, occurrences(text, quote)), all, `round ${round}, exact places given`);
      if (all.length && all[0].errors > 0) filtered++;
    }
    assert.ok(filtered > 100, `${filtered} rounds with only inexact matches`);
  });
});
