import * as assert from 'node:assert/strict';
import { labelSentences, shippedEntityModel, type EntityModel } from '../../../../src/core/ner/recognizer';
import { decoderWorkBytes, type Scorer } from '../../../../src/core/ner/tagger';
import { arenaCapacity } from '../../../../src/core/ner/wordScores';

// The entity tagger caches the summed scores of every word it has seen, per scorer, in one arena of
// arrays bounded to 32 K words: an arena that would pass the bound starts over between two sentences, and
// one left full or larger after a document is dropped. Which arena a score comes from must change no name.
describe('cached word scores of the entity tagger', () => {
  const model = shippedEntityModel();
  const shipped: Scorer = model.scorer ?? model.weights;
  // A scorer of its own (another object), with the shipped weights: a second model, as the extension has
  // one with learnt corrections besides the shipped one.
  const another = (): Scorer => ({ accumulate: (f, from, to, out) => shipped.accumulate(f, from, to, out), scale: shipped.scale });
  const withScorer = (scorer: Scorer): EntityModel => ({ ...model, scorer });
  const article = [
    ['Mr.', 'Kim', 'Jong-un', 'met', 'President', 'Moon', 'Jae-in', 'at', 'Panmunjeom', 'on', 'Thursday', '.'],
    ['The', 'Ministry', 'of', 'Unification', 'in', 'Seoul', 'said', 'North', 'Koreans', 'would', 'visit', 'Busan', '.'],
    ['Kim', 'later', 'flew', 'to', 'Beijing', 'with', 'Samsung', 'Electronics', 'chairman', 'Lee', 'Jae-yong', '.'],
  ];
  // Made-up capitalised names, all distinct: each new to the tagger, so each takes room in the arena.
  const name = (k: number): string => 'Q' + [...k.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('') + 'ov';
  const names = (from: number, count: number): string[][] => {
    const out: string[][] = [];
    for (let k = from; k < from + count; k += 2) out.push(['Mr.', name(k), name(k + 1), 'said', 'so', 'in', 'Seoul', '.']);
    return out;
  };
  const flat = (labels: Uint8Array[]) => labels.map((l) => [...l].join(' '));

  it('finds the same names whether the arena starts over within a document or not, with two scorers used in turn', function () {
    this.timeout(60_000);
    const expected = flat(labelSentences(article, withScorer(another())));
    // A document of 40,000 new names: more than an arena holds, so it starts over within it, at a sentence
    // that depends on how full the arena was before.
    const long = [...article, ...names(1_000_000, 40_000), ...article];
    const first = another();
    const second = another();
    labelSentences(names(2_000_000, 20_000), withScorer(first));
    const once = flat(labelSentences(long, withScorer(first)));
    assert.deepEqual(once.slice(0, 3), expected);
    for (const scorer of [second, first, second]) {
      assert.deepEqual(flat(labelSentences(article, withScorer(scorer))), expected);
      assert.deepEqual(flat(labelSentences(long, withScorer(scorer))), once);
    }
  });

  it('holds no more than its bound of words after and during a document of more new names than that', function () {
    this.timeout(60_000);
    let most = 0;
    const watched: Scorer = {
      accumulate: (f, from, to, out) => {
        const room = arenaCapacity(watched);
        if (room) most = Math.max(most, room.roles, room.words);
        shipped.accumulate(f, from, to, out);
      },
      scale: shipped.scale,
    };
    labelSentences(names(3_000_000, 10_000), withScorer(watched));
    labelSentences(names(4_000_000, 60_000), withScorer(watched));
    const after = arenaCapacity(watched);
    assert.ok(after);
    assert.ok(most <= after.bound, `the arena grew to room for ${most} words within the document, over its bound of ${after.bound}`);
    assert.ok(after.roles <= after.bound && after.words <= after.bound, `after the document the arena keeps room for ${after.roles} words' role scores, ${after.words} words' tables`);
  });
});

describe('work arrays of the entity tagger', () => {
  it('does not keep the arrays of a sentence of 200,000 tokens after tagging it', function () {
    this.timeout(60_000);
    const sentence: string[] = [];
    for (let k = 0; k < 50_000; k++) sentence.push('Kim', 'met', 'Lee', ',');
    const labels = labelSentences([sentence]);
    assert.equal(labels[0].length, sentence.length);
    assert.ok(decoderWorkBytes() <= 2 << 20, `the decoder keeps ${decoderWorkBytes()} bytes of work arrays`);
    // And they are made again as needed.
    assert.deepEqual(labelSentences([sentence]), labels);
  });
});
