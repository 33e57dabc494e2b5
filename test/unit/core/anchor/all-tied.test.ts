import * as assert from 'node:assert/strict';
import { CandidateIndex, nearest } from '../../../../src/core/anchor/candidates';
import type { Candidate } from '../../../../src/core/anchor/match';
import { rng } from './rng';

// When most occurrences of a quote tie (a sentence over and over; words from a small vocabulary with
// a context that agrees only next to the quote), the index answers from the occurrences nearest the
// place (candidates.ts, nearestScoring): the answers must be those of gathering every tie, whether the
// nearest fit or not, and whether the context's occurrences are all scored or ranked.

describe('reanchor: a quote whose occurrences mostly tie (candidates.ts)', () => {
  it('gives the best and the two nearest ties that gathering all of them gives', () => {
    const rand = rng(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    let asked = 0;
    for (let round = 0; round < 12; round++) {
      // A sentence repeated, a word changed now and then; or words of a small vocabulary.
      const unit = 'Officials said Kim met the delegation in Seoul on Monday. ';
      const text =
        round % 2
          ? Array.from({ length: 400 }, () => (rand() < 0.1 ? unit.replace(pick(['said', 'met', 'Seoul', 'Monday']), pick(['told', 'saw', 'Bonn'])) : unit)).join('')
          : Array.from({ length: 2500 }, () => pick(['Kim', 'met', 'said', 'the', 'in', 'Seoul', 'on', '.\n'])).join(' ');
      const at = [...text.matchAll(/Kim/g)].map((m) => m.index);
      assert.ok(at.length > 200);
      const index = new CandidateIndex(text);
      // Fitting: most places, one in 97, or none.
      const fitsBy = [(c: Candidate) => c.start % 5 !== 0, (c: Candidate) => c.start % 97 === 0, () => false][round % 3];
      for (let k = 0; k < 20; k++) {
        // A context from one occurrence, a character changed at its far end (each its own), or next to the quote.
        const p = pick(at);
        const mark = String.fromCharCode(65 + k);
        const near = rand() < 0.5;
        const prefix = near ? text.slice(Math.max(0, p - 32), p - 1) + mark + ' ' : mark + text.slice(Math.max(0, p - 31), p);
        const suffix = near ? ' ' + mark + text.slice(p + 4, p + 34) : text.slice(p + 3, p + 34) + mark;
        const scored = index.get({ quote: 'Kim', prefix, suffix }, fitsBy);
        const every = scored.all;
        for (let j = 0; j < 6; j++) {
          const hint = rand() < 0.3 ? pick(at) : Math.floor(rand() * text.length);
          const threshold = pick([0.5, 0.25, 0.8]);
          const sorted = [...every].sort((x, y) => y.score - x.score || Math.abs(x.start - hint) - Math.abs(y.start - hint) || x.start - y.start);
          const top = sorted.find((c) => c.score < threshold || fitsBy(c));
          assert.deepEqual(scored.best(hint, threshold), top);
          const min = (top?.score ?? 1) - 0.05;
          assert.deepEqual(scored.nearTied(min, hint), nearest(every.filter((c) => c.score >= min && fitsBy(c)), hint, 2));
          asked++;
        }
      }
    }
    assert.equal(asked, 12 * 20 * 6);
  });
});
