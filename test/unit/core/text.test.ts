import * as assert from 'node:assert/strict';
import { unsuitableReason } from '../../../src/core/text';

describe('unsuitableReason', () => {
  it('accepts an ordinary article', () => {
    assert.equal(unsuitableReason('North Korea and South Korea met on Thursday.', 1024), undefined);
  });
  it('refuses a text over the size limit, naming the limit and the setting', () => {
    assert.match(unsuitableReason('x'.repeat(5000), 4096) ?? '', /4 KB limit.*maxFileSizeKB/);
  });
  it('refuses a binary file (NUL characters)', () => {
    assert.match(unsuitableReason('PK\u0003\u0004\u0000\u0000data', 1024) ?? '', /binary/);
  });
});
