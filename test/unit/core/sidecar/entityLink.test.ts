import * as assert from 'node:assert/strict';
import { unknownLinks } from '../../../../src/core/entities';
import { loadAnnotations, parseSidecar, SIDECAR_SCHEMA, updateSidecar } from '../../../../src/core/sidecar';
import { annotate, changedLines, inputOf } from './helpers';

const TEXT = 'President Roh met Roh Moo-hyun supporters in Seoul.\n';

describe('a mention links to its entity by id (sidecar key `entity`, issue 15)', () => {
  it('writes the link after kb, reads it back without a warning, and carries it through a load and save', () => {
    const roh = { ...annotate(TEXT, 'a1', 'President Roh'), status: 'confirmed' as const, entity: 'e-7kq2mxp4' };
    const text = updateSidecar(undefined, inputOf(TEXT, [roh, annotate(TEXT, 'a2', 'Seoul', 'PLACE')]));
    assert.match(text, /status: confirmed\n {4}entity: e-7kq2mxp4\n/);
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.doc!.annotations[0].entity, 'e-7kq2mxp4');
    const loaded = loadAnnotations(parsed.doc!, TEXT);
    assert.equal(loaded.document.annotations[0].entity, 'e-7kq2mxp4');
    assert.equal(updateSidecar(text, { text: TEXT, document: loaded.document }), text, 'saved again unchanged');
  });

  it('adds and removes the link by one line each, leaving the rest of the file alone', () => {
    const a = annotate(TEXT, 'a1', 'Roh Moo-hyun');
    const before = updateSidecar(undefined, inputOf(TEXT, [a]));
    const linked = updateSidecar(before, inputOf(TEXT, [{ ...a, entity: 'e-roh' }]));
    assert.deepEqual(changedLines(before, linked), ['    entity: e-roh']);
    assert.equal(updateSidecar(linked, inputOf(TEXT, [a])), before);
  });

  it('reads an old sidecar without links as before, and the schema allows the key', () => {
    const old = updateSidecar(undefined, inputOf(TEXT, [annotate(TEXT, 'a1', 'Seoul', 'PLACE')]));
    assert.equal(parseSidecar(old).doc!.annotations[0].entity, undefined);
    const ann = (SIDECAR_SCHEMA as { definitions: { annotation: { properties: Record<string, unknown> } } }).definitions.annotation.properties;
    assert.ok(ann.entity);
  });

  it('keeps a link to an entity that is not in the entities file, and reports it', () => {
    const text = updateSidecar(undefined, inputOf(TEXT, [{ ...annotate(TEXT, 'a1', 'Seoul', 'PLACE'), entity: 'e-gone' }]));
    const doc = parseSidecar(text).doc!;
    assert.equal(doc.annotations[0].entity, 'e-gone', 'not dropped');
    const links = unknownLinks([{ id: 'e-seoul', name: 'Seoul', type: 'PLACE' }], doc.annotations.map((x) => ({ ...x, text: x.quote })));
    assert.deepEqual(links, [{ mention: 'a1', entity: 'e-gone', suggestion: 'e-seoul' }]);
  });
});
