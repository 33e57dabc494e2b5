import * as assert from 'node:assert/strict';
import { labelSentences } from '../../../../src/core/ner/recognizer';
import { shippedEntityModel, type EntityModel } from '../../../../src/core/ner/entityModel';
import { decoderWorkBytes, type Scorer } from '../../../../src/core/ner/tagger';
import { arenaCapacity, D, rolesAt, setArenaBound, startDocument, wordRow } from '../../../../src/core/ner/wordScores';
import { lexeme } from '../../../../src/core/ner/lexeme';
import { LABEL_COUNT } from '../../../../src/core/ner/labels';
import { mix } from '../../../../src/core/ner/hash';

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

  it('finds the same names when arenas of a few words start over at almost every sentence and grow within long ones', () => {
    // With a bound of a few words, each sentence starts an arena over, and its words' rows are made
    // again, in the middle of the sentence, for words whose rows lie in an arena dropped before.
    const long = [...article.flat(), ...names(5_000_000, 300).flat(), ...article.flat()];
    const doc = [...article, ...names(6_000_000, 200), long, ...article, long, ...names(6_000_000, 200)];
    const read = () => {
      const first = another();
      const second = another();
      return [first, second, first, second, first].map((scorer) => flat(labelSentences(doc, withScorer(scorer))));
    };
    const expected = read();
    for (const words of [1, 3, 40]) {
      setArenaBound(words);
      try {
        assert.deepEqual(read(), expected, `arenas bounded to ${words} words`);
      } finally {
        setArenaBound();
      }
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

describe('word tables of the entity tagger', () => {
  it("reads a word's table of the scorer asked for, whichever scorer summed it before", () => {
    const model = shippedEntityModel();
    const shipped: Scorer = model.scorer ?? model.weights;
    // Two scorers that score the same features differently (as the shipped model and one with learnt corrections).
    const twice: Scorer = {
      accumulate: (f, from, to, out) => {
        const own = new Float64Array(out.length);
        shipped.accumulate(f, from, to, own);
        for (let c = 0; c < out.length; c++) out[c] += 2 * own[c];
      },
    };
    const lex = lexeme('Qwordtableov');
    const pair = new Uint32Array(2);
    const sum = new Float64Array(LABEL_COUNT);
    const row = 3;
    const read = (scorer: Scorer) => {
      const t = startDocument(scorer);
      const at = wordRow(lex, t, scorer, row, pair, sum);
      return [...t.arena.words.subarray(at, at + LABEL_COUNT)];
    };
    const expected = (scorer: Scorer) => {
      const out = new Float64Array(LABEL_COUNT);
      scorer.accumulate(Uint32Array.of(mix(D.Prev1Word, mix(row, lex.lowerHash)), mix(D.Prev1Shape, mix(row, lex.shapeHash))), 0, 2, out);
      return [...Float32Array.from(out)];
    };
    rolesAt(lex, startDocument(shipped), shipped, sum);
    assert.deepEqual(read(shipped), expected(shipped));
    assert.deepEqual(read(twice), expected(twice), 'the table of the second scorer');
    assert.deepEqual(read(shipped), expected(shipped), 'the table of the first scorer again');
  });
});
