import * as assert from 'node:assert/strict';
import { IdMaker } from '../../../src/core/ids';

/** A seeded generator (mulberry32), so a test can replay the same "random" ids. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ids for new annotations and facts (src/core/ids)', () => {
  it('makes ids the sidecar schema accepts, with the kind in front', () => {
    const maker = new IdMaker();
    const a = maker.next('annotation');
    const f = maker.next('fact');
    assert.match(a, /^a-[a-z2-9]{8}$/);
    assert.match(f, /^f-[a-z2-9]{8}$/);
    assert.match(a, /^[A-Za-z0-9_.:-]{1,64}$/, 'the schema pattern');
  });

  it('never hands out a taken id, nor the same id twice', () => {
    // Two makers on the same seed would make the same ids; telling the second what the first made keeps them apart.
    const first = new IdMaker([], seeded(7));
    const made = Array.from({ length: 50 }, () => first.next('annotation'));
    const second = new IdMaker(made, seeded(7));
    const more = Array.from({ length: 50 }, () => second.next('annotation'));
    assert.equal(new Set([...made, ...more]).size, 100);
    const third = new IdMaker([], seeded(7));
    third.reserve([made[0]]);
    assert.notEqual(third.next('annotation'), made[0], 'a reserved id is skipped');
  });

  it('does not repeat ids across sessions or branches where a counter would', () => {
    // A counter restarts from the highest id left: delete a13, reopen, and a13 comes back. Random ids do not.
    const session1 = new IdMaker(['a1', 'a2'], seeded(1)).next('annotation');
    const session2 = new IdMaker(['a1', 'a2'], seeded(2)).next('annotation');
    assert.notEqual(session1, session2);
    const branchA = new IdMaker(['a1'], Math.random);
    const branchB = new IdMaker(['a1'], Math.random);
    const a = new Set(Array.from({ length: 1000 }, () => branchA.next('annotation')));
    const b = Array.from({ length: 1000 }, () => branchB.next('annotation'));
    assert.equal(b.filter((id) => a.has(id)).length, 0, 'two branches adding 1,000 annotations each share an id');
  });

  it('derives the same id from the same seed, in any maker, and another one when it is taken', () => {
    const one = new IdMaker().derived('annotation', '5:18:PERSON:Kim Yong-chol');
    assert.match(one, /^a-[a-z2-9]{8}$/);
    assert.equal(new IdMaker(['a1']).derived('annotation', '5:18:PERSON:Kim Yong-chol'), one);
    assert.notEqual(new IdMaker().derived('annotation', '5:18:PLACE:Kim Yong-chol'), one);
    const maker = new IdMaker([one]);
    const second = maker.derived('annotation', '5:18:PERSON:Kim Yong-chol');
    assert.notEqual(second, one);
    assert.equal(new IdMaker([one]).derived('annotation', '5:18:PERSON:Kim Yong-chol'), second, 'the fallback is deterministic too');
    const many = new IdMaker();
    const ids = Array.from({ length: 2000 }, (_, i) => many.derived('annotation', `${i}:${i + 4}:PLACE:x`));
    assert.equal(new Set(ids).size, 2000);
  });
});
