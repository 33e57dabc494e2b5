import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/model';
import { decideSidecarWrite } from '../../../../src/core/sidecar/writeDecision';

const annotation: Annotation = { id: 'a1', type: 'PLACE', start: 0, end: 5, text: 'Seoul', status: 'confirmed' };
const nothing = { annotations: [], facts: [] };
const tagged = { annotations: [annotation], facts: [] };
const FILE = 'factmark: 1\nannotations: []\n';

describe('decideSidecarWrite: how a sidecar is written', () => {
  it('makes no file for a document with nothing in it, and a new one as soon as it has something', () => {
    assert.deepEqual(decideSidecarWrite(undefined, undefined, nothing), { kind: 'nothing' });
    assert.deepEqual(decideSidecarWrite(undefined, undefined, tagged), { kind: 'create' });
    // A document date set by hand is worth a file of its own.
    assert.deepEqual(decideSidecarWrite(undefined, undefined, { ...nothing, documentDate: '2006-03-02' }), { kind: 'create' });
    // Deleted since it was last written: made again with what there is now.
    assert.deepEqual(decideSidecarWrite(undefined, FILE, tagged), { kind: 'create' });
  });

  it('updates the file it last read or wrote, also when every entry was deleted', () => {
    assert.deepEqual(decideSidecarWrite(FILE, FILE, tagged), { kind: 'update', disk: FILE });
    assert.deepEqual(decideSidecarWrite(FILE, FILE, nothing), { kind: 'update', disk: FILE });
  });

  it('merges with a file changed on disk since, or one it never read, rather than overwrite it', () => {
    const theirs = `${FILE}# a colleague's note\n`;
    assert.deepEqual(decideSidecarWrite(theirs, FILE, tagged), { kind: 'merge', disk: theirs });
    assert.deepEqual(decideSidecarWrite(theirs, FILE, nothing), { kind: 'merge', disk: theirs });
    assert.deepEqual(decideSidecarWrite(FILE, undefined, tagged), { kind: 'merge', disk: FILE });
  });
});
