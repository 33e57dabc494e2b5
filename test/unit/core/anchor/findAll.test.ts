import * as assert from 'node:assert/strict';
import { findAll } from '../../../../src/core/anchor/findAll';
import { occurrences } from '../../../../src/core/anchor/match';
import { rng } from './rng';

// Re-anchoring finds all quotes (and the order check's context keys) in one go with findAll instead
// of one scan per quote: the eval's placements are unchanged only if it finds exactly what
// occurrences() finds, pattern by pattern.

describe('reanchor: all quotes found in one go (findAll.ts)', () => {
  it('finds every pattern where indexOf finds it, overlapping copies, both windows and the limit included', () => {
    const rand = rng(7);
    // A small alphabet: many repeats, overlaps ("aaa" in "aaaa") and patterns sharing their first characters.
    const pick = (n: number) => Array.from({ length: n }, () => 'ab c.'[Math.floor(rand() * 5)]).join('');
    for (let round = 0; round < 40; round++) {
      const text = pick(300 + Math.floor(rand() * 300));
      const patterns = Array.from({ length: 30 }, () => {
        const from = Math.floor(rand() * text.length);
        const own = rand() < 0.8 ? text.slice(from, from + 1 + Math.floor(rand() * 25)) : pick(1 + Math.floor(rand() * 20));
        return { text: own, window: rand() < 0.5 ? ('end' as const) : ('start' as const) };
      });
      patterns.push({ text: '', window: 'start' }, { text: text + 'x', window: 'end' });
      for (const limit of [1, 2, 100_000]) {
        const found = findAll(text, patterns, limit);
        for (const p of patterns) assert.deepEqual(found.get(p.text), occurrences(text, p.text, limit), `${JSON.stringify(p)} limit ${limit}`);
      }
    }
  });

  it('finds patterns that share their first and last characters (each hashed by another window)', () => {
    const names = Array.from({ length: 40 }, (_, i) => `President of the board ${i % 7} number ${i} of the firm`);
    const text = names.map((n, i) => (i % 3 === 0 ? n + n.slice(0, 30) : n)).join(' and ') + names[5];
    const patterns = names.flatMap((n) => [{ text: n }, { text: 'and ' + n, window: 'end' as const }, { text: n.slice(0, 20) }]);
    const found = findAll(text, patterns, 100_000);
    for (const p of patterns) assert.deepEqual(found.get(p.text), occurrences(text, p.text), p.text);
  });
});
