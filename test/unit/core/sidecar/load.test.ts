import * as assert from 'node:assert/strict';
import { AnchorTracker } from '../../../../src/core/anchor';
import { loadAnnotations, parseSidecar, updateSidecar, SidecarNotWritableError } from '../../../../src/core/sidecar';
import { annotate, inputOf } from './helpers';

const TEXT = 'Kim Jong Il met 😀 Roh Moo-hyun in Seoul on March 2, 2006.\n\nThe talks ended in Panmunjom.\n';
const model = () => [annotate(TEXT, 'a1', 'Kim Jong Il'), annotate(TEXT, 'a2', 'Roh Moo-hyun'), annotate(TEXT, 'a3', 'Panmunjom', 'PLACE')];

describe('load → edit → save, end to end', () => {
  it('E3: a sidecar whose fingerprint matches the text is used as is, and saving it again writes nothing', () => {
    const sidecar = updateSidecar(undefined, inputOf(TEXT, model()));
    const loaded = loadAnnotations(parseSidecar(sidecar).doc!, TEXT);
    assert.equal(loaded.unchanged, true);
    assert.ok(loaded.placements.every((p) => p.method === 'unchanged'));
    assert.deepEqual(loaded.document.annotations.map((a) => TEXT.slice(a.start, a.end)), ['Kim Jong Il', 'Roh Moo-hyun', 'Panmunjom']);
    assert.equal(updateSidecar(sidecar, { text: TEXT, document: loaded.document, orphans: loaded.orphans }), sidecar);
  });

  it('B4: a branch round trip (text changed, then changed back) gives a byte-identical sidecar', () => {
    const sidecar = updateSidecar(undefined, inputOf(TEXT, model()));
    const other = TEXT.replace('The talks ended', 'Talks ended');
    const onBranch = loadAnnotations(parseSidecar(sidecar).doc!, other, TEXT);
    const back = loadAnnotations(parseSidecar(sidecar).doc!, TEXT);
    assert.deepEqual(onBranch.orphanDetails, []);
    assert.equal(updateSidecar(sidecar, { text: TEXT, document: back.document, orphans: back.orphans }), sidecar);
  });

  it('A5 + save: an annotation deleted in the editor is kept in the file as an orphan with its quote, then restored', () => {
    const sidecar = updateSidecar(undefined, inputOf(TEXT, model()));
    const loaded = loadAnnotations(parseSidecar(sidecar).doc!, TEXT);
    const tracker = new AnchorTracker(loaded.document.annotations);
    const at = TEXT.indexOf(' in Panmunjom');
    const summary = tracker.applyChanges([{ rangeOffset: at, rangeLength: ' in Panmunjom'.length, text: '' }]);
    assert.deepEqual(summary.orphaned, ['a3']);
    const text = TEXT.slice(0, at) + TEXT.slice(at + ' in Panmunjom'.length);
    const stored = new Map(parseSidecar(sidecar).doc!.annotations.map((a) => [a.id, a]));
    const orphans = new Map(summary.orphaned.map((id) => [id, { prefix: stored.get(id)!.prefix, suffix: stored.get(id)!.suffix }]));
    const annotations = loaded.document.annotations.map((a) => ({ ...a, ...tracker.get(a.id)! }));
    const saved = updateSidecar(sidecar, { text, document: { ...loaded.document, annotations }, orphans });
    const back = parseSidecar(saved).doc!;
    const a3 = back.annotations.find((a) => a.id === 'a3')!;
    assert.equal(a3.orphaned, true);
    assert.equal(a3.quote, 'Panmunjom');
    // Reloading on the edited text keeps it orphaned; on the old text (e.g. after git checkout) it is found again.
    assert.equal(loadAnnotations(back, text).document.annotations.find((a) => a.id === 'a3')!.start, at);
    assert.ok(loadAnnotations(back, text).orphans.has('a3'));
  });

  it('D10: a sidecar that does not parse is never overwritten', () => {
    const broken = updateSidecar(undefined, inputOf(TEXT, model())).replace('status: suggested', 'status: [suggested');
    assert.equal(parseSidecar(broken).writable, false);
    assert.throws(() => updateSidecar(broken, inputOf(TEXT, model())), SidecarNotWritableError);
  });
});
