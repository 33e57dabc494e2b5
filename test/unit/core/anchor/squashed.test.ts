import * as assert from 'node:assert/strict';
import { commonPrefix, commonSuffix, contextScore } from '../../../../src/core/anchor/match';
import { squashedSlice } from '../../../../src/core/anchor/squashed';
import { rng } from './rng';

// contextScore reads the text around a place without squashing it into new strings (squashed.ts):
// its scores must be exactly those of squashing both sides and comparing them, since every
// tie and threshold of re-anchoring is decided on them.

/** The definition: both sides squashed (whitespace runs as one space), then compared. */
function reference(text: string, start: number, end: number, prefix: string | undefined, suffix: string | undefined): number | undefined {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  let matched = 0;
  let expected = 0;
  if (prefix) {
    const p = squash(prefix);
    matched += commonSuffix(p, squash(text.slice(Math.max(0, start - prefix.length - 16), start)));
    expected += p.length;
  }
  if (suffix) {
    const s = squash(suffix);
    matched += commonPrefix(s, squash(text.slice(end, end + suffix.length + 16)));
    expected += s.length;
  }
  return expected ? Math.min(1, matched / expected) : undefined;
}

describe('reanchor: context scores read whitespace runs as one space (squashed.ts)', () => {
  it('scores as squashing both sides does: every kind of whitespace, runs cut by the window, pairs, the text edges', () => {
    const rand = rng(3);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    // Every unit `\s` matches, some that it does not (U+0085, U+180E, U+200B), astral characters and halves.
    const spaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\r\n', '    '];
    const others = ['a', 'b', 'a', 'b', '.', '\u0085', '\u180e', '\u200b', '\u{1F600}', '\uD83D', '\uDE00'];
    let compared = 0;
    for (let round = 0; round < 3000; round++) {
      const atoms = () => (rand() < 0.4 ? pick(spaces) : pick(others));
      let text = '';
      const length = Math.floor(rand() * 120);
      while (text.length < length) text += atoms();
      // A context taken next to a place of the text (so that long agreements happen), edited now and then, or made up.
      const start = Math.floor(rand() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(rand() * 4));
      const side = (s: string) => {
        if (rand() < 0.2) return undefined;
        if (rand() < 0.2) return Array.from({ length: Math.floor(rand() * 20) }, atoms).join('');
        const chars = [...s];
        if (rand() < 0.5 && chars.length) chars[Math.floor(rand() * chars.length)] = atoms();
        if (rand() < 0.3) chars.splice(Math.floor(rand() * (chars.length + 1)), 0, pick(spaces));
        return chars.join('');
      };
      const prefix = side(text.slice(Math.max(0, start - Math.floor(rand() * 40)), start));
      const suffix = side(text.slice(end, end + Math.floor(rand() * 40)));
      // (And places outside the text, read as slice reads them.)
      const places: [number, number][] = [[start, end], [text.length + 3, text.length + 5], [-2, 1]];
      for (const [s, e] of places) {
        assert.equal(contextScore(text, s, e, prefix, suffix), reference(text, s, e, prefix, suffix), JSON.stringify({ text, s, e, prefix, suffix }));
        compared++;
      }
    }
    assert.ok(compared >= 9000);
  });

  it('reads a side of the text squashed, forwards or reversed by code units, as squashing the slice does (squashedSlice)', () => {
    const rand = rng(8);
    const atoms = ['a', 'b', ' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff', '\u200b', '\u{1F600}', '\uD83D', '      '];
    for (let round = 0; round < 2000; round++) {
      let text = '';
      while (text.length < Math.floor(rand() * 60)) text += atoms[Math.floor(rand() * atoms.length)];
      const x = Math.floor(rand() * (text.length + 1));
      const y = Math.floor(rand() * (text.length + 1));
      const squashed = text.slice(Math.min(x, y), Math.max(x, y)).replace(/\s+/g, ' ');
      assert.equal(squashedSlice(text, x, y), x <= y ? squashed : squashed.split('').reverse().join(''), JSON.stringify({ text, x, y }));
    }
  });
});
