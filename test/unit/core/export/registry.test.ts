/** The registries the command and the CLI list, and what every format promises. */
import * as assert from 'node:assert/strict';
import { exportFormats, importFormats } from '../../../../src/core/export/index';
import type { ExportInput } from '../../../../src/core/export/types';
import { DocBuilder, hardDocument } from './fixtures';

describe('export and import registries', () => {
  it('list each format once, with a label and an extension', () => {
    for (const list of [exportFormats, importFormats]) {
      assert.equal(new Set(list.map((f) => f.id)).size, list.length);
      for (const f of list) assert.ok(f.label.length > 0 && /^[a-z]+$/.test(f.extension), f.id);
    }
    assert.deepEqual(importFormats.map((f) => f.id).sort(), ['brat', 'doccano', 'w3c']);
  });

  const docs = (): ExportInput[] => {
    const other = new DocBuilder('Kim met Lee.', 'b/second.txt');
    other.add('Lee', 'PERSON');
    return [hardDocument(), other.build()];
  };

  for (const format of exportFormats) {
    it(`${format.id}: output does not depend on the order of documents or annotations`, () => {
      const a = format.export(docs());
      const reversed = docs()
        .reverse()
        .map((d) => ({ ...d, doc: { ...d.doc, annotations: d.doc.annotations.slice().reverse() } }));
      assert.deepEqual(format.export(reversed), a);
    });

    it(`${format.id}: never exports rejected annotations, and suggested ones only when asked`, () => {
      // brat's .txt copies of the documents hold every word; the annotations are in the other files
      const text = (r: ReturnType<typeof format.export>) => r.files.filter((f) => !(format.id === 'brat' && f.name.endsWith('.txt'))).map((f) => f.content).join('\n');
      const plain = text(format.export(docs()));
      const all = text(format.export(docs(), { includeSuggested: true }));
      // "Friday" is rejected, "Kim\u0301" suggested; these formats print quotes but no context around them
      if (['brat', 'csv', 'json', 'markdown'].includes(format.id)) assert.doesNotMatch(all, /Friday/);
      assert.notEqual(plain, all);
    });

    it(`${format.id}: an empty document exports without error`, () => {
      const r = format.export([{ text: '', name: 'empty.txt', doc: { path: 'empty.txt', annotations: [], facts: [] } }]);
      assert.ok(r.files.length >= 1);
    });
  }
});
