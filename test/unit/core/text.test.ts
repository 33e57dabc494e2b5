import * as assert from 'node:assert/strict';
import { sameAsLoaded, unsuitableReason } from '../../../src/core/text';

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

describe('sameAsLoaded', () => {
  it('takes a file of mixed line endings for the one-ending text VS Code loads of it', () => {
    const disk = 'factmark-entities: 1\r\nentities:\r\n  - id: e-1\n    name: Roh\r\n';
    assert.equal(sameAsLoaded(disk, disk.replace(/\r\n/g, '\n')), true);
    assert.equal(sameAsLoaded(disk, disk.replace(/\r?\n/g, '\r\n')), true);
  });
  it('takes a file with a BOM for the text without it', () => {
    assert.equal(sameAsLoaded('\uFEFFentities: []\n', 'entities: []\n'), true);
  });
  it('tells a changed file from the loaded text, whatever the line endings', () => {
    assert.equal(sameAsLoaded('name: Roh\r\n', 'name: Roh Moo-hyun\n'), false);
    assert.equal(sameAsLoaded('a\r\n\r\nb', 'a\nb'), false);
  });
});
