/**
 * The document date in W3C and brat (issue 15, item 5: "carried into every export"): where each format
 * puts it, that the import restores a date set by hand, and that a date the dateline gives is not
 * turned into one set by hand.
 */
import * as assert from 'node:assert/strict';
import { mergeImported } from '../../../../src/core/documents';
import { exportBrat } from '../../../../src/core/export/brat';
import { importBrat } from '../../../../src/core/export/bratImport';
import { exportW3c, type W3cCollection } from '../../../../src/core/export/w3c';
import { importW3c } from '../../../../src/core/export/w3cImport';
import { DocBuilder } from './fixtures';

const TEXT = 'SEOUL, March 2, 2006 (AP) -- Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006.\n';

/** The Korea sentence under a dateline, with the document date set to `date` (undefined: none set). */
function korea(date?: string) {
  const b = new DocBuilder(TEXT, 'news/korea.txt', date);
  b.add('Kim Yong-chol', 'PERSON', { note: 'head of the delegation' });
  b.add('2 March 2006', 'DATE', { value: '2006-03-02' });
  return b.build();
}

describe('the document date in W3C and brat exports (issue 15, item 5)', () => {
  it('W3C: every target names the document with its date (dcterms:date), and the import restores a date set by hand', () => {
    const input = korea('2006-03-01');
    const collection = JSON.parse(exportW3c([input]).files[0].content) as W3cCollection;
    for (const item of collection.first.items) {
      assert.deepEqual(item.target.source, { id: 'urn:x-factmark:doc:news/korea.txt', type: 'Text', 'dcterms:date': '2006-03-01' });
    }
    const back = importW3c(exportW3c([input]).files[0].content, TEXT, { documentName: 'news/korea.txt' });
    assert.deepEqual(back.problems, []);
    assert.equal(back.documentDate, '2006-03-01');
    assert.equal(back.annotations.length, 2, 'the annotations were not all imported');
  });

  it('W3C: the dateline’s own date is exported, and not set by the import (it needs no setting)', () => {
    const content = exportW3c([korea()]).files[0].content;
    assert.match(content, /"dcterms:date": "2006-03-02"/);
    assert.equal(importW3c(content, TEXT, { documentName: 'news/korea.txt' }).documentDate, undefined);
    // A document with no date at all: the source stays a plain IRI.
    const undated = new DocBuilder('Kim Yong-chol met officials.\n', 'plain.txt');
    undated.add('Kim Yong-chol', 'PERSON');
    const items = (JSON.parse(exportW3c([undated.build()]).files[0].content) as W3cCollection).first.items;
    assert.equal(items[0].target.source, 'urn:x-factmark:doc:plain.txt');
  });

  it('brat: an AnnotatorNotes line on the DATE annotation of that value, read back as the date and not as a note', () => {
    const input = korea('2006-03-02');
    const { files, warnings } = exportBrat([input]);
    assert.deepEqual(warnings, []);
    const ann = files.find((f) => f.name === 'news/korea.ann')!.content;
    assert.match(ann, /^T2\tDATE \d+ \d+\t2 March 2006\n[^]*^#2\tAnnotatorNotes T2\tFactmark document date: 2006-03-02$/m);
    const back = importBrat(ann, TEXT);
    assert.deepEqual(back.problems, []);
    assert.equal(back.annotations.find((a) => a.type === 'DATE')?.note, undefined, 'the date became a note');
    assert.equal(back.annotations.find((a) => a.type === 'PERSON')?.note, 'head of the delegation');
    // The dateline gives that date: nothing to set. A date set by hand, on no DATE annotation of that value: on the first entity.
    assert.equal(back.documentDate, undefined);
    const byHand = exportBrat([korea('2006-03-01')]).files.find((f) => f.name === 'news/korea.ann')!.content;
    assert.match(byHand, /^#\d+\tAnnotatorNotes T1\tFactmark document date: 2006-03-01$/m);
    assert.equal(importBrat(byHand, TEXT).documentDate, '2006-03-01');
  });

  it('the import sets the date only where none is set', () => {
    const imported = { annotations: [], facts: [], documentDate: '2006-03-01' };
    assert.equal(mergeImported({ path: 'k.txt', annotations: [], facts: [] }, imported).document.documentDate, '2006-03-01');
    const kept = mergeImported({ path: 'k.txt', annotations: [], facts: [], documentDate: '2007-01-01' }, imported);
    assert.equal(kept.document.documentDate, '2007-01-01');
    assert.equal(kept.documentDate, undefined);
  });
});
