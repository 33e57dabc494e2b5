import * as assert from 'node:assert/strict';
import { CandidateIndex, nearest } from '../../../../src/core/anchor/candidates';
import { contextSupport, supportAtLeast, type Candidate } from '../../../../src/core/anchor/match';
import { rng } from './rng';

// The shared index must pick exactly what sorting every occurrence for every anchor picked (the
// quadratic way it replaces): the eval's tables are unchanged only if these agree everywhere.

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

  it('with hundreds of occurrences, finds the same top and ties without scoring them all (ranked.ts) as scoring them all', () => {
    const rand = rng(5);
    const words = ['Kim', 'met', 'Lee', 'in', 'Seoul.', 'Kim,', 'said', 'at', 'noon'];
    const gaps = [' ', ' ', ' ', '  ', '\n', ' \n\n', '\t', '\r\n'];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    for (let round = 0; round < 8; round++) {
      // Near-repeated words: many occurrences agree with a context on a few characters, some on many.
      const text = Array.from({ length: 1200 + Math.floor(rand() * 600) }, () => pick(words) + pick(gaps)).join('');
      const at = [...text.matchAll(/Kim/g)].map((m) => m.index);
      assert.ok(at.length > 200); // (RANK_FROM in candidates.ts: fewer are all scored)
      // (One index per text: a quote's first SCORED_CONTEXTS contexts score every occurrence, the rest are ranked.)
      const index = new CandidateIndex(text);
      for (let k = 0; k < 16; k++) {
        // A context taken from one occurrence, cut short or edited or left out on one side.
        const p = pick(at);
        const cut = (s: string) => (rand() < 0.3 ? s.slice(Math.floor(rand() * s.length)) : s);
        let prefix: string | undefined = cut(text.slice(Math.max(0, p - 32), p));
        let suffix: string | undefined = text.slice(p + 3, p + 35).slice(0, rand() < 0.3 ? Math.floor(rand() * 32) : 32);
        if (rand() < 0.3) suffix = suffix.replace(/e/, 'a');
        const drop = rand();
        if (drop < 0.15) prefix = undefined;
        else if (drop < 0.3) suffix = undefined;
        const key = { quote: 'Kim', prefix, suffix };
        const fits = (c: Candidate) => c.start % 5 !== 0;
        const scored = index.get(key, fits);
        const every = scored.all;
        for (let j = 0; j < 4; j++) {
          const hint = Math.floor(rand() * text.length);
          const threshold = pick([0.5, 0.25, 0.8, 1]);
          const sorted = [...every].sort((x, y) => y.score - x.score || Math.abs(x.start - hint) - Math.abs(y.start - hint) || x.start - y.start);
          const top = sorted.find((c) => c.score < threshold || fits(c));
          assert.deepEqual(scored.best(hint, threshold), top);
          const min = (top?.score ?? 1) - 0.05;
          assert.deepEqual(scored.tied(min), every.filter((c) => c.score >= min && fits(c)));
          const s = pick(at);
          assert.deepEqual(scored.startingAt(s), every.find((c) => c.start === s));
        }
      }
    }
  });

  it('compares the support of every copy with a minimum as contextSupport does, fuzzy checks made or not (supportAtLeast)', () => {
    const rand = rng(9);
    const words = ['Kim', 'met', 'Lee', 'in', 'Seoul.', 'said', 'at', 'noon', 'the', 'talks'];
    for (let round = 0; round < 30; round++) {
      const text = Array.from({ length: 300 }, () => words[Math.floor(rand() * words.length)]).join(rand() < 0.5 ? ' ' : '\n');
      const at = [...text.matchAll(/Kim/g)].map((m) => m.index);
      const p = at[Math.floor(rand() * at.length)];
      const prefix = rand() < 0.1 ? undefined : text.slice(Math.max(0, p - 32), p).replace(/e/, rand() < 0.5 ? 'a' : 'e');
      const suffix = rand() < 0.1 ? undefined : text.slice(p + 3, p + 35).replace(/a/, rand() < 0.5 ? 'o' : 'a');
      for (const q of at) {
        const support = contextSupport(text, q, q + 3, 'Kim', prefix, suffix);
        for (const min of [0, 0.5, 1, 1.25, 1.5, 1.75, 2, support]) assert.equal(supportAtLeast(text, q, q + 3, 'Kim', prefix, suffix, min), support >= min);
      }
    }
  });
  it('elsewhere: past 200 occurrences, the one place whose stored context stands verbatim, and none where two places have it', () => {
    // 300 rows alike but for their numbers; row 120 copied once further on in the second text.
    const row = (i: number) => `Record ${String(i).padStart(5, '0')} of the ledger: the company reported its figures ${i % 7} times.`;
    const rows = Array.from({ length: 300 }, (_, i) => row(i));
    const text = rows.join('\n');
    const p = text.indexOf(row(120)) + row(120).indexOf('company');
    const key = { quote: 'company', prefix: text.slice(p - 32, p), suffix: text.slice(p + 7, p + 39) };
    assert.equal(new CandidateIndex(text, ['company']).elsewhere(key, 0)?.start, p);
    // The row and the rows around it twice: two places read as the stored context, so neither is the one.
    const twice = [...rows.slice(0, 200), ...rows.slice(119, 122), ...rows.slice(200)].join('\n');
    assert.equal(new CandidateIndex(twice, ['company']).elsewhere(key, 0), undefined);
  });
});
