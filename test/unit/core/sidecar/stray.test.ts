import * as assert from 'node:assert/strict';
import { gitBlobSha1 } from '../../../../src/core/sidecar/hash';
import { strayMatch } from '../../../../src/core/sidecar/stray';
import type { SidecarData, StoredAnnotation } from '../../../../src/core/sidecar/types';

const TEXT = 'Roh Moo-hyun met George W. Bush in Washington on Thursday.\n';

function sidecar(text: string, quotes: string[], extra: Partial<StoredAnnotation> = {}): SidecarData {
  return {
    version: 1,
    document: { path: 'old-name.txt', gitBlob: gitBlobSha1(text) },
    annotations: quotes.map((quote, i) => ({ id: `a${i}`, type: 'PERSON', status: 'confirmed', quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, ...extra })),
    facts: [],
  };
}

describe('a sidecar left behind by a document moved outside the editor', () => {
  it('follows without asking when it was made on exactly this text', () => {
    assert.equal(strayMatch(sidecar(TEXT, ['Bush']), TEXT), 'same');
  });

  it('is offered when the text was edited since but its quotes are still there', () => {
    const edited = TEXT.replace('on Thursday', 'on Thursday, officials said');
    assert.equal(strayMatch(sidecar(TEXT, ['Roh Moo-hyun', 'George W. Bush', 'Washington']), edited), 'likely');
  });

  it('is not offered for another document', () => {
    assert.equal(strayMatch(sidecar(TEXT, ['Roh Moo-hyun', 'Washington']), 'Kim Jong Il visited Beijing.\n'), undefined);
    // One quote out of three is not enough.
    assert.equal(strayMatch(sidecar(TEXT, ['Roh Moo-hyun', 'George W. Bush', 'Washington']), 'Bush spoke.\n'), undefined);
  });

  it('is not offered on the strength of orphaned quotes or of an empty sidecar', () => {
    assert.equal(strayMatch(sidecar(TEXT, ['Bush'], { orphaned: true }), 'Bush spoke.\n'), undefined);
    assert.equal(strayMatch(sidecar(TEXT, []), 'Bush spoke.\n'), undefined);
  });
});
