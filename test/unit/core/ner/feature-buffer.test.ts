import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FeatureBuffer } from '../../../../src/core/ner/features';
import { mix } from '../../../../src/core/ner/hash';

// FeatureBuffer.pushMix writes mix's steps out in place, for speed: the features it stores must be
// exactly those of mix, or the trained weights would be looked up under other hashes.
describe('FeatureBuffer.pushMix', () => {
  it('stores mix(a, b) for any two 32-bit values, signed or not, past the buffer growing', () => {
    const int = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(int, int), { minLength: 1, maxLength: 600 }), (pairs) => {
        const buffer = new FeatureBuffer();
        for (const [a, b] of pairs) buffer.pushMix(a, b);
        assert.deepEqual([...buffer.data.subarray(0, buffer.length)], pairs.map(([a, b]) => mix(a, b)));
      }),
    );
  });
});
