import * as assert from 'node:assert/strict';
import { parse } from 'papaparse';
import { toCsv, toFactmarkJson, toMarkdown } from '../../../../src/core/export';
import { DocBuilder } from './fixtures';

/** An article whose date is only in its dateline, as the hover finds it: no date set in the sidecar. */
const TEXT = 'SEOUL, March 2, 2006 (AP) — North and South Korean generals met on Thursday in Panmunjom.\n';

function dated(documentDate?: string) {
  const b = new DocBuilder(TEXT, 'korea.txt', documentDate);
  b.add('Panmunjom', 'PLACE');
  return b.build();
}

describe('the document date in every export (issue 15, item 5)', () => {
  it('JSON and Markdown give the date found in the dateline, not "unknown"', () => {
    const json = toFactmarkJson([dated()]) as { documents: { documentDate?: string }[] };
    assert.equal(json.documents[0].documentDate, '2006-03-02');
    assert.match(toMarkdown(dated()), /^Document date: 2006-03-02$/m);
  });

  it('CSV has a documentDate column, filled on every row', () => {
    const rows = parse(toCsv([dated()]), { header: true, skipEmptyLines: true }).data as Record<string, string>[];
    assert.deepEqual(rows.map((r) => r.documentDate), ['2006-03-02']);
  });

  it('a date set by hand wins over the dateline', () => {
    assert.match(toMarkdown(dated('2006-03-01')), /^Document date: 2006-03-01$/m);
    const rows = parse(toCsv([dated('2006-03-01')]), { header: true, skipEmptyLines: true }).data as Record<string, string>[];
    assert.equal(rows[0].documentDate, '2006-03-01');
  });

  it('a document without a dateline still says unknown', () => {
    const b = new DocBuilder('Generals met in Panmunjom.\n', 'undated.txt');
    b.add('Panmunjom', 'PLACE');
    assert.match(toMarkdown(b.build()), /^Document date: unknown$/m);
  });
});

describe('the JSON export keeps entity links (issue 15)', () => {
  it('an annotation linked to an entity carries its entity id', () => {
    const doc = dated();
    doc.doc.annotations[0].entity = 'e-panmunjm';
    const json = toFactmarkJson([doc]) as { documents: { annotations: { entity?: string }[] }[] };
    assert.equal(json.documents[0].annotations[0].entity, 'e-panmunjm');
  });
});
