import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../../../src/core/sidecar';
import type { Annotation } from '../../../../src/core/model';

// Issue 11 item 3: a retyped suggestion and the suggestion `annotate` adds back on the same span
// are two entries on one span. Re-anchoring took them for rivals and orphaned one of them (the
// confirmed one, with its note) after any edit of the text.

const TEXT = 'Kim Yong-chol met the delegation in Panmunjom on 2 March 2006.\n\nThe talks went on late.\n';
const EDITED = `A line added above.\n${TEXT}`;

describe('reanchor: entries sharing a span anchor together (issue 11 item 3)', () => {
  for (const [mode, old] of [['old text unknown', undefined], ['old text known', TEXT]] as const) {
    it(`two anchors on one span are both placed after an edit (${mode})`, () => {
      const s = TEXT.indexOf('Kim Yong-chol');
      const one = anchorAt(TEXT, 'confirmed', s, s + 13);
      const two = { ...one, id: 'suggested' };
      const r = reanchor(old, EDITED, [one, two], { units: 'utf16' });
      assert.deepEqual(r.orphans, []);
      const at = EDITED.indexOf('Kim Yong-chol');
      assert.deepEqual(r.placed.map((p) => [p.id, p.start, p.end]), [['confirmed', at, at + 13], ['suggested', at, at + 13]]);
    });
  }

  it('a confirmed annotation with a note and a suggestion on the same span survive an external edit through the sidecar', () => {
    const s = TEXT.indexOf('Panmunjom');
    const anns: Annotation[] = [
      { id: 'a1', type: 'PLACE', start: s, end: s + 9, text: 'Panmunjom', status: 'confirmed', note: 'the truce village' },
      { id: 'a2', type: 'PERSON', start: s, end: s + 9, text: 'Panmunjom', status: 'suggested' },
    ];
    const sidecar = updateSidecar(undefined, { text: TEXT, document: { path: 'a.txt', annotations: anns, facts: [] } });
    const loaded = loadAnnotations(parseSidecar(sidecar).doc!, EDITED);
    assert.deepEqual([...loaded.orphans.keys()], []);
    const a1 = loaded.document.annotations.find((a) => a.id === 'a1')!;
    assert.equal(EDITED.slice(a1.start, a1.end), 'Panmunjom');
    assert.equal(a1.note, 'the truce village');
  });
});
