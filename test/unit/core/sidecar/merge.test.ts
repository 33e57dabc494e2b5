import * as assert from 'node:assert/strict';
import { buildSidecarData, mergeSidecars, parseSidecar, updateSidecar, writeSidecar } from '../../../../src/core/sidecar';
import { annotate, inputOf } from './helpers';

const TEXT = 'Kim Jong Il met Roh Moo-hyun in Seoul on March 2, 2006, the ministry said.\n';
const base = () => [annotate(TEXT, 'a1', 'Kim Jong Il'), annotate(TEXT, 'a2', 'Roh Moo-hyun'), annotate(TEXT, 'a3', 'Seoul', 'PLACE')];
const data = (anns: ReturnType<typeof base>) => buildSidecarData(inputOf(TEXT, anns));

describe('three-way merge of sidecars (E2)', () => {
  it('keeps non-conflicting changes from both sides, field by field', () => {
    const mine = base();
    mine[0].status = 'confirmed';
    mine.push(annotate(TEXT, 'a4', 'March 2, 2006', 'DATE'));
    const theirs = base();
    theirs[0].note = 'leader of the North';
    theirs.splice(2, 1); // they deleted Seoul
    const r = mergeSidecars(data(base()), data(mine), data(theirs));
    assert.deepEqual(r.conflicts, []);
    const byId = new Map(r.merged.annotations.map((a) => [a.id, a]));
    assert.deepEqual([...byId.keys()].sort(), ['a1', 'a2', 'a4']);
    assert.equal(byId.get('a1')!.status, 'confirmed');
    assert.equal(byId.get('a1')!.note, 'leader of the North');
  });

  it('reports a field both sides changed differently, and keeps both values visible', () => {
    const mine = base();
    mine[1].status = 'confirmed';
    const theirs = base();
    theirs[1].status = 'rejected';
    const r = mergeSidecars(data(base()), data(mine), data(theirs));
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0].id, 'a2');
    assert.deepEqual(r.conflicts[0].fields, ['status']);
    assert.equal((r.conflicts[0].mine as { status: string }).status, 'confirmed');
    assert.equal(r.merged.annotations.find((a) => a.id === 'a2')!.status, 'rejected');
  });

  it('never drops an annotation one side deleted while the other changed it', () => {
    const mine = base();
    mine[2].kb = 'Q8684';
    const theirs = base().filter((a) => a.id !== 'a3');
    const r = mergeSidecars(data(base()), data(mine), data(theirs));
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0].kind, 'delete-modify');
    assert.equal(r.merged.annotations.find((a) => a.id === 'a3')!.kb, 'Q8684');
  });

  it('flags the same new id added differently by both', () => {
    const mine = [...base(), annotate(TEXT, 'a9', 'ministry', 'ORGANIZATION')];
    const theirs = [...base(), annotate(TEXT, 'a9', 'March 2, 2006', 'DATE')];
    const r = mergeSidecars(data(base()), data(mine), data(theirs));
    assert.equal(r.conflicts[0].kind, 'add-add');
  });

  it('writes the merge into their file, keeping their hand edits', () => {
    const baseText = updateSidecar(undefined, inputOf(TEXT, base()));
    const theirText = baseText.replace('  - id: a2\n', '  # edited in vim\n  - id: a2\n').replace('    quote: Seoul\n    prefix', '    quote: Seoul\n    note: capital\n    prefix');
    const mine = base();
    mine[0].status = 'confirmed';
    const r = mergeSidecars(parseSidecar(baseText).doc!, data(mine), parseSidecar(theirText).doc!);
    assert.deepEqual(r.conflicts, []);
    const out = writeSidecar(theirText, r.merged);
    assert.match(out, /# edited in vim/);
    const back = parseSidecar(out).doc!;
    assert.equal(back.annotations.find((a) => a.id === 'a3')!.note, 'capital');
    assert.equal(back.annotations.find((a) => a.id === 'a1')!.status, 'confirmed');
  });
});
