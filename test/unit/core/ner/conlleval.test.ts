import * as assert from 'node:assert/strict';
import { ChunkScorer, chunksFromTags } from '../../../../src/core/ner/conlleval';

describe('conlleval chunk scoring', () => {
  it('reads IOB1 chunks: I- continues, B- splits two adjacent entities of one type', () => {
    assert.deepEqual(chunksFromTags(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG']), [
      { type: 'PER', start: 0, end: 2 },
      { type: 'PER', start: 2, end: 3 },
      { type: 'LOC', start: 4, end: 5 },
      { type: 'ORG', start: 5, end: 6 },
    ]);
  });

  it('reads IOB2 and BILOU chunks the same way', () => {
    const expected = [{ type: 'ORG', start: 1, end: 4 }, { type: 'LOC', start: 5, end: 6 }];
    assert.deepEqual(chunksFromTags(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC']), expected);
    assert.deepEqual(chunksFromTags(['O', 'B-ORG', 'I-ORG', 'L-ORG', 'O', 'U-LOC']), expected);
  });

  it('counts only exact spans of the right type as correct', () => {
    const scorer = new ChunkScorer();
    // gold: PER [0,2), LOC [3,4); predicted: PER [0,1) (too short), LOC [3,4) (exact), ORG [5,6) (spurious)
    scorer.addTags(['I-PER', 'I-PER', 'O', 'I-LOC', 'O', 'O'], ['I-PER', 'O', 'O', 'I-LOC', 'O', 'I-ORG']);
    const { overall, byType } = scorer.result();
    assert.equal(overall.correct, 1);
    assert.equal(overall.predicted, 3);
    assert.equal(overall.gold, 2);
    assert.ok(Math.abs(overall.precision - 1 / 3) < 1e-12);
    assert.ok(Math.abs(overall.recall - 1 / 2) < 1e-12);
    assert.ok(Math.abs(overall.f1 - 0.4) < 1e-12);
    assert.equal(byType.get('LOC')!.f1, 1);
    assert.equal(byType.get('PER')!.correct, 0);
  });

  it('restricts the micro average to the types asked for', () => {
    const scorer = new ChunkScorer();
    scorer.addTags(['I-MISC', 'O', 'I-PER'], ['O', 'O', 'I-PER']);
    assert.equal(scorer.result(['PER', 'ORG', 'LOC']).overall.f1, 1);
    assert.ok(scorer.result().overall.f1 < 1);
  });

  it('refuses sequences of different lengths', () => {
    assert.throws(() => new ChunkScorer().addTags(['O'], ['O', 'O']));
  });
});
