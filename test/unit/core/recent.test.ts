import * as assert from 'node:assert/strict';
import { RecentSet } from '../../../src/core/recent';

describe('RecentSet (the handled-deletes barrier no longer grows for the whole session)', () => {
  it('keeps only the last values added, a re-added value counting as new', () => {
    const set = new RecentSet<string>(3);
    for (const v of ['a', 'b', 'c', 'a', 'd', 'e']) set.add(v);
    assert.deepEqual(set.toArray(), ['a', 'd', 'e']);
    assert.ok(set.has('a') && !set.has('b') && !set.has('c'));
  });

  it('stays bounded after many adds', () => {
    const set = new RecentSet<number>(100);
    for (let i = 0; i < 10_000; i++) set.add(i);
    assert.equal(set.toArray().length, 100);
    assert.equal(set.toArray()[0], 9_900);
  });
});
