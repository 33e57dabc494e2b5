import * as assert from 'node:assert/strict';
import { Descending, RankedSides, rankable } from '../../../../src/core/anchor/ranked';
import { contextScore, occurrences } from '../../../../src/core/anchor/match';
import { rng } from './rng';

// The ranking (ranked.ts) must give exactly the scores of scoring every occurrence, in descending
// order, on the texts a user can have (found by the review of anchor-cost; none failed): astral
// characters and lone halves of a pair next to the quote, a quote that is half a pair, CRLF, no-break
// and line-separator spaces, long whitespace runs that squash a long context below RANKED_SIDE,
// contexts cut by the text's start or end, and many occurrences with equal sides (a chunk repeated).

describe('reanchor: ranking on hostile text agrees with scoring every occurrence (ranked.ts)', () => {
  it('meets every occurrence once, with the scores of contextScore in descending order', () => {
    const rand = rng(21);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const atoms = ['a', 'b', ' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u{1F600}', '\uD83D', '\uDE00', '      ', '\ufeff', 'x'];
    const quotes = ['a', 'b', 'ab', '\uD83D', '\uDE00', 'a '];
    let checked = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      const length = 50 + Math.floor(rand() * 600);
      const alphabet = atoms.slice(0, 3 + Math.floor(rand() * atoms.length));
      if (round % 2) while (text.length < length) text += pick(alphabet);
      else {
        // Near-repeated: one chunk again and again, an atom changed here and there (long agreements).
        let chunk = '';
        while (chunk.length < 8 + Math.floor(rand() * 40)) chunk += pick(alphabet);
        while (text.length < length) text += rand() < 0.3 ? chunk.replace(/./su, pick(alphabet)) : chunk;
      }
      const quote = pick(quotes);
      const starts = occurrences(text, quote);
      if (starts.length < 2) continue;
      const sides = new RankedSides(text, starts, quote.length);
      for (let k = 0; k < 4; k++) {
        // A context taken from one occurrence (the first or last sometimes: cut by the text's edge),
        // long or short, with an atom added or changed next to the quote now and then.
        const p = rand() < 0.2 ? pick([starts[0], starts[starts.length - 1]]) : pick(starts);
        const len = () => (rand() < 0.15 ? 0 : rand() < 0.1 ? 70 + Math.floor(rand() * 300) : Math.floor(rand() * 50));
        let prefix = text.slice(Math.max(0, p - len()), p);
        let suffix = text.slice(p + quote.length, p + quote.length + len());
        if (rand() < 0.3) prefix = pick(atoms) + prefix;
        if (rand() < 0.3) suffix += pick(atoms);
        if (rand() < 0.2) prefix = prefix.slice(0, -1) + pick(atoms);
        const key = { quote, prefix: prefix || undefined, suffix: suffix || undefined };
        if (!rankable(key)) continue;
        checked++;
        const want = starts.map((s) => contextScore(text, s, s + quote.length, key.prefix, key.suffix)).sort((x, y) => y! - x!);
        const ranked = new Descending(text, starts, key, sides);
        const got: number[] = [];
        const met = new Set<number>();
        for (let i = 0, c = ranked.at(0); c; c = ranked.at(++i)) {
          got.push(c.score);
          met.add(c.start);
        }
        assert.deepEqual(got, want, JSON.stringify(key));
        assert.equal(met.size, starts.length);
      }
    }
    assert.ok(checked > 500, `only ${checked} contexts checked`);
  });
});
