import * as assert from 'node:assert/strict';
import { CandidateIndex, nearest } from '../../../../src/core/anchor/candidates';
import type { Candidate } from '../../../../src/core/anchor/match';

// The shared index must pick exactly what sorting every occurrence for every anchor picked (the
// quadratic way it replaces): the eval's tables are unchanged only if these agree everywhere.

function rng(seed: number): () => number {
  let x = seed;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
}

describe('reanchor: occurrences shared by all anchors (candidates.ts)', () => {
  it('picks the same top occurrence and the same two nearest ties as sorting all of them by score, then distance', () => {
    const rand = rng(11);
    const words = ['Kim', 'met', 'Lee', 'in', 'Seoul.', 'Kim,', 'Kimchi', 'said'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 + Math.floor(rand() * 80) }, () => words[Math.floor(rand() * words.length)]).join(' ');
      const key = { quote: 'Kim', prefix: 'met ', suffix: ' in' };
      const fits = (c: Candidate) => c.start % 3 !== 0;
      const scored = new CandidateIndex(text).get(key, fits);
      for (let k = 0; k < 10; k++) {
        const hint = Math.floor(rand() * text.length);
        const threshold = rand();
        const sorted = [...scored.all].sort((x, y) => y.score - x.score || Math.abs(x.start - hint) - Math.abs(y.start - hint));
        const top = sorted.find((c) => c.score < threshold || fits(c));
        assert.deepEqual(scored.best(hint, threshold), top);
        if (!top) continue;
        const tied = sorted.filter((c) => fits(c) && c.score >= top.score - 0.05);
        const want = tied.map((c) => Math.abs(c.start - hint)).sort((x, y) => x - y).slice(0, 2);
        const got = nearest(scored.tied(top.score - 0.05), hint, 2).map((c) => Math.abs(c.start - hint));
        assert.deepEqual(got, want);
      }
    }
  });
});
