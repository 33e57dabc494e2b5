import * as assert from 'node:assert/strict';
import { reanchor } from '../../../../src/core/anchor';
import { reanchorBySentences, sentenceFingerprints } from '../../../../src/core/anchor/sentences';
import type { AnchorQuery } from '../../../../src/core/anchor/types';

// Paragraphs of one template, alike but for a few words ("The ledger talks of week 12: Minister Kim
// Yong-chol discussed the … with the … council. Officials in Seoul said the … would follow."), their
// order reversed by another tool and one in five edited after its first name. The character diff
// aligns each paragraph with the one now where it stood, so it keeps "Kim Yong-chol" intact on
// another paragraph; where the line of the name could not be followed (edited, so known by its last
// words alone; or its first and last words shared with a paragraph edited or deleted), the diff's
// place stood: 3 to 6 of 80 names on other paragraphs, the old text known (the build before).

const WORDS = 'harbour ledger treaty convoy budget archive ferry garrison tariff pipeline bridge census railway vaccine border quarry reactor orchard canal summit river market council tower valley engine signal letter winter garden'.split(' ');

function alike(seed: number, count: number, reversed: boolean) {
  let x = seed;
  const word = () => WORDS[Math.floor(((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * WORDS.length)];
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const paragraphs = Array.from({ length: count }, (_, i) => `The ${word()} talks of week ${i % 30}: Minister Kim Yong-chol discussed the ${words(3)} with the ${word()} council. Officials in Seoul said the ${words(2)} would follow.`);
  const old = `${paragraphs.join('\n\n')}\n`;
  const order = reversed ? paragraphs.map((_, i) => count - 1 - i) : [...Array(10).keys(), ...Array.from({ length: count - 20 }, (_, i) => i + 20), ...Array.from({ length: 10 }, (_, i) => i + 10)];
  const edited = order.map((k, i) => (i % 5 === 0 ? paragraphs[k].replace('Officials in', 'Diplomats in') : paragraphs[k]));
  const text = `${edited.join('\n\n')}\n`;
  const anchors: AnchorQuery[] = [];
  const truth = new Map<string, number>();
  let from = 0;
  paragraphs.forEach((p, k) => {
    const i = order.indexOf(k);
    const at = edited.slice(0, i).reduce((n, q) => n + q.length + 2, 0);
    for (const quote of ['Kim Yong-chol', 'Seoul']) {
      const s = from + p.indexOf(quote);
      anchors.push({ id: `${k} ${quote}`, quote, start: s, end: s + quote.length, prefix: old.slice(Math.max(0, s - 32), s), suffix: old.slice(s + quote.length, s + quote.length + 32) });
      truth.set(`${k} ${quote}`, at + edited[i].indexOf(quote));
    }
    from += p.length + 2;
  });
  return { old, text, anchors, truth };
}

describe('reanchor: paragraphs alike but for a few words, reordered and some edited (issue 11)', () => {
  for (const reversed of [true, false]) {
    for (const mode of ['the old text known', 'the sentence fingerprints'] as const) {
      it(`${reversed ? 'reversed' : 'ten moved to the end'}, ${mode}: none on another paragraph, and most placed`, () => {
        for (const seed of [1, 2, 3]) {
          const { old, text, anchors, truth } = alike(seed, 40, reversed);
          const fingerprints = sentenceFingerprints(old);
          assert.ok(fingerprints);
          const r = mode === 'the old text known' ? reanchor(old, text, anchors, { units: 'utf16' }) : reanchorBySentences(fingerprints, text, anchors);
          assert.ok(r, 'the fingerprints are used');
          const wrong = r.placed.filter((p) => p.start !== truth.get(p.id)).map((p) => `${p.id} on …${text.slice(p.start - 40, p.start)}`);
          assert.deepEqual(wrong, [], `seed ${seed}`);
          assert.ok(r.placed.length >= anchors.length / 2, `seed ${seed}: ${r.placed.length} of ${anchors.length} placed`);
        }
      });
    }
  }
});

// A review of the rule above: two paragraphs alike but for a label, swapped, one edited after its
// head. Its line is known by its head where it went, so the diff's place, the other paragraph (a
// near copy of it), is never its place: an orphan, as before the rule (which first let a near copy
// stand there and put both names on the other paragraph).
describe('reanchor: two paragraphs alike but for a label, swapped, one edited (old text known)', () => {
  it("puts neither name of the edited one on the other's", () => {
    const filler = (i: number) => `Paragraph ${i} of filler text that says nothing much about anyone at all here.`;
    const a = 'Alpha team report today: the minister Kim Yong-chol met the council in Seoul today.';
    const b = 'Bravo team report today: the minister Kim Yong-chol met the council in Seoul today.';
    const old = [filler(1), a, b, filler(3)].join('\n');
    const cur = [filler(1), b, a.replace('the minister', 'a minister'), filler(3)].join('\n');
    for (const quote of ['Kim Yong-chol', 'Seoul']) {
      const s = old.indexOf(quote);
      const p = reanchor(old, cur, [{ id: 'x', quote, start: s, end: s + quote.length, prefix: old.slice(Math.max(0, s - 32), s), suffix: old.slice(s + quote.length, s + quote.length + 32) }], { units: 'utf16' }).placed[0];
      assert.ok(!p || p.start === cur.lastIndexOf(quote), `${quote} put on …${cur.slice((p?.start ?? 0) - 30, p?.start ?? 0)}`);
    }
  });
});
