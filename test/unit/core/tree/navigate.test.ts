import * as assert from 'node:assert/strict';
import { jump, sortSpans } from '../../../../src/core/tree/navigate';

describe('next / previous jumps (src/core/tree/navigate)', () => {
  const spans = sortSpans([
    { id: 'c', start: 30, end: 35 },
    { id: 'a', start: 0, end: 4 },
    { id: 'b', start: 10, end: 25 },
    { id: 'b2', start: 18, end: 25 },
  ]);

  it('sorts by start, outer span first', () => {
    assert.deepEqual(spans.map((s) => s.id), ['a', 'b', 'b2', 'c']);
  });

  it('jumps to the next span after the cursor, skipping the one it is on', () => {
    assert.equal(jump(spans, 0, 1, true)?.item.id, 'b');
    assert.equal(jump(spans, 5, 1, true)?.item.id, 'b');
    assert.equal(jump(spans, 10, 1, true)?.item.id, 'b2', 'into a nested span');
  });

  it('jumps to the previous span before the cursor', () => {
    assert.equal(jump(spans, 30, -1, true)?.item.id, 'b2');
    assert.equal(jump(spans, 12, -1, true)?.item.id, 'b');
  });

  it('wraps around at either end, or stops when asked', () => {
    assert.deepEqual(jump(spans, 30, 1, true), { item: spans[0], wrapped: true });
    assert.deepEqual(jump(spans, 0, -1, true), { item: spans[3], wrapped: true });
    assert.equal(jump(spans, 30, 1, false), undefined);
    assert.equal(jump([], 0, 1, true), undefined);
  });
});
