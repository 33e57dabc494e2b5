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

  it('brat: a note of the user that reads like the date line stays a note and sets no date', () => {
    // "Factmark document date: 1999-01-01" as a note was read back as the document date: the note
    // was lost and a date set that the document never had.
    const b = new DocBuilder(TEXT, 'news/korea.txt');
    b.add('Kim Yong-chol', 'PERSON', { note: 'Factmark document date: 1999-01-01' });
    const ann = exportBrat([b.build()]).files.find((f) => f.name === 'news/korea.ann')!.content;
    const back = importBrat(ann, TEXT);
    assert.deepEqual(back.problems, []);
    assert.equal(back.documentDate, undefined);
    assert.equal(back.annotations[0].note, 'Factmark document date: 1999-01-01');
  });

  it('brat: a document with a date and no entity exported says the date is not in the export', () => {
    // Facts only, or every annotation filtered out: no T line of an entity to carry the note.
    const bare = new DocBuilder('Nothing of note happened.\n', 'news/quiet.txt', '2006-03-01').build();
    const { files, warnings } = exportBrat([bare]);
    assert.doesNotMatch(files.find((f) => f.name === 'news/quiet.ann')!.content, /document date/);
    assert.deepEqual(warnings, ['news/quiet.txt: its document date 2006-03-01 is not in the brat export (brat has no place for it without an entity to note it on)']);
  });

  it('W3C: a dcterms:date with a time gives its date and says so; any other form is reported, not dropped', () => {
    const content = exportW3c([korea('2006-03-01')]).files[0].content;
    const withDate = (date: unknown) => content.split('"dcterms:date": "2006-03-01"').join(`"dcterms:date": ${JSON.stringify(date)}`);
    const timed = importW3c(withDate('2006-03-01T10:00:00Z'), TEXT, { documentName: 'news/korea.txt' });
    assert.equal(timed.documentDate, '2006-03-01');
    assert.deepEqual(
      timed.problems.map((p) => [p.reason, p.imported]),
      [['the document date “2006-03-01T10:00:00Z” is a date and time: its date 2006-03-01 was taken, the time left out', true]],
    );
    // JSON-LD's typed value, with a time zone: the date as written.
    const typed = importW3c(withDate({ '@value': '2006-03-01T23:30:00-05:00', '@type': 'xsd:dateTime' }), TEXT, { documentName: 'news/korea.txt' });
    assert.equal(typed.documentDate, '2006-03-01');
    for (const other of ['March 1, 2006', '2006-13-01', 20060301]) {
      const back = importW3c(withDate(other), TEXT, { documentName: 'news/korea.txt' });
      assert.equal(back.documentDate, undefined, `${other} was set`);
      assert.equal(back.annotations.length, 2);
      assert.deepEqual(
        back.problems.map((p) => [p.reason, p.imported]),
        [[`the document date “${other}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD, or a date and time); not set`, false]],
        `${other} was dropped without a word`,
      );
    }
  });

  it('brat: a document date note with a time gives its date and says so; any other form is reported on its line', () => {
    const ann = (date: string) => `T1\tPERSON 34 47\tKim Yong-chol\n#1\tAnnotatorNotes T1\tFactmark document date: ${date}\n`;
    const timed = importBrat(ann('2006-03-01T10:00:00Z'), TEXT);
    assert.equal(timed.documentDate, '2006-03-01');
    assert.deepEqual(timed.problems.map((p) => [p.reason, p.line, p.imported]), [['the document date “2006-03-01T10:00:00Z” is a date and time: its date 2006-03-01 was taken, the time left out', 2, true]]);
    const other = importBrat(ann('the first of March'), TEXT);
    assert.equal(other.documentDate, undefined);
    assert.equal(other.annotations.length, 1);
    assert.deepEqual(other.problems.map((p) => [p.reason, p.ref, p.line, p.imported]), [['the document date “the first of March” is not a date (YYYY, YYYY-MM or YYYY-MM-DD, or a date and time); not set', '#1', 2, false]]);
  });

  it("brat: reads \\u0046 as F only at a note's start, where Factmark writes it, not inside a foreign note", () => {
    // A foreign note 'JSON escape \u0046 is F' came in as 'JSON escape F is F'.
    const ann = (note: string) => `T1\tPERSON 34 47\tKim Yong-chol\n#1\tAnnotatorNotes T1\t${note}\n`;
    assert.equal(importBrat(ann('JSON escape \\u0046 is F'), TEXT).annotations[0].note, 'JSON escape \\u0046 is F');
    assert.equal(importBrat(ann('\\u0046actmark document date: 1999'), TEXT).annotations[0].note, 'Factmark document date: 1999');
  });

  it('the import sets the date only where none is set', () => {
    const imported = { annotations: [], facts: [], documentDate: '2006-03-01' };
    assert.equal(mergeImported({ path: 'k.txt', annotations: [], facts: [] }, imported).document.documentDate, '2006-03-01');
    const kept = mergeImported({ path: 'k.txt', annotations: [], facts: [], documentDate: '2007-01-01' }, imported);
    assert.equal(kept.document.documentDate, '2007-01-01');
    assert.equal(kept.documentDate, undefined);
  });
});
