import * as assert from 'node:assert/strict';
import { addSuggestions } from '../../../../src/core/documents';
import type { Annotation } from '../../../../src/core/model';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../../../src/core/sidecar';

// Issue 11 item 4: a text that was shorter once (a torn read during a save, a branch with less
// text) writes `orphaned: true`; when the text returns, the entries must come back to it.

const INTRO = 'Seoul, 2 March 2006.\n\n';
const GONE = 'Kim Yong-chol met the delegation in Panmunjom on Thursday.\n\n';
const REST = 'The talks went on late into the night, officials said.\n';
const FULL = INTRO + GONE + REST;
const SHORT = INTRO + REST;

function at(text: string, quote: string): [number, number] {
  const s = text.indexOf(quote);
  return [s, s + quote.length];
}

/** Loads a sidecar on `text` and writes it back as the extension and annotate do. */
function roundTrip(sidecar: string, text: string, oldText?: string): { sidecar: string; loaded: ReturnType<typeof loadAnnotations> } {
  const loaded = loadAnnotations(parseSidecar(sidecar).doc!, text, oldText);
  return { loaded, sidecar: updateSidecar(sidecar, { document: loaded.document, text, orphans: loaded.orphans }) };
}

describe('an orphan is re-attached when its text returns (issue 11 item 4)', () => {
  const [ks, ke] = at(FULL, 'Kim Yong-chol');
  const [ps, pe] = at(FULL, 'Panmunjom');
  const anns: Annotation[] = [
    { id: 'a1', type: 'PLACE', start: ps, end: pe, text: 'Panmunjom', status: 'confirmed', note: 'truce village' },
    { id: 'a2', type: 'PERSON', start: ks, end: ke, text: 'Kim Yong-chol', status: 'rejected' },
  ];
  const original = updateSidecar(undefined, { text: FULL, document: { path: 'a.txt', annotations: anns, facts: [] } });

  it('shorter text orphans them, the full text back re-attaches them where they were', () => {
    const short = roundTrip(original, SHORT);
    assert.deepEqual([...short.loaded.orphans.keys()].sort(), ['a1', 'a2']);
    assert.match(short.sidecar, /orphaned: true/);
    const back = roundTrip(short.sidecar, FULL);
    assert.deepEqual([...back.loaded.orphans.keys()], []);
    const got = Object.fromEntries(back.loaded.document.annotations.map((a) => [a.id, [a.start, a.end, a.status, a.note]]));
    assert.deepEqual(got, { a1: [ps, pe, 'confirmed', 'truce village'], a2: [ks, ke, 'rejected', undefined] });
    assert.doesNotMatch(back.sidecar, /orphaned/);
  });

  it('a rejected suggestion does not come back as new when its text returns', () => {
    const short = roundTrip(original, SHORT);
    const back = roundTrip(short.sidecar, FULL);
    const mention = { type: 'PERSON', start: ks, end: ke, text: 'Kim Yong-chol', source: 'test' };
    assert.equal(addSuggestions(back.loaded.document, [mention]).added, 0);
  });

  it('an orphan whose words appear again in another sentence stays an orphan', () => {
    const short = roundTrip(original, SHORT);
    const other = `${SHORT}Later, reporters asked about Panmunjom and the border.\n`;
    const again = roundTrip(short.sidecar, other);
    assert.ok(again.loaded.orphans.has('a1'), 'placed on another mention of its words');
  });

  it('two orphans of one deleted paragraph with the same quote each return to their own place', () => {
    const para = 'Iraq said on Monday that talks would go on. Diplomats in Iraq were less sure.\n\n';
    const full = INTRO + para + REST;
    const first = full.indexOf('Iraq');
    const second = full.indexOf('Iraq', first + 1);
    const two: Annotation[] = [first, second].map((s, i) => ({ id: `i${i}`, type: 'PLACE', start: s, end: s + 4, text: 'Iraq', status: 'confirmed' }));
    const sidecar = updateSidecar(undefined, { text: full, document: { path: 'a.txt', annotations: two, facts: [] } });
    // With the old text known, both orphans get the place where the paragraph was as their hint.
    const back = roundTrip(roundTrip(sidecar, SHORT, full).sidecar, full);
    assert.deepEqual(back.loaded.document.annotations.map((a) => [a.id, a.start]), [['i0', first], ['i1', second]]);
  });
});
