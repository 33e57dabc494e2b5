/** W3C import (issue 12, items 2, 5, 6, 8): the right document, every loss reported, limits. */
import * as assert from 'node:assert/strict';
import { toW3cCollection } from '../../../../src/core/export/w3c';
import { importW3c } from '../../../../src/core/export/w3cImport';
import type { ExportInput } from '../../../../src/core/export/types';
import { DocBuilder } from './fixtures';

function docs(uri: (name: string) => string | undefined): ExportInput[] {
  const a = new DocBuilder('The story of Busan and now Seoul.', 'news/a-first.txt');
  a.add('Busan', 'PLACE');
  a.add('now', 'DATE');
  const k = new DocBuilder('Kim met Lee now in Seoul.', 'news/korea.txt');
  k.add('Kim', 'PERSON');
  k.add('Seoul', 'PLACE', { kb: 'Q8684' });
  const k2 = new DocBuilder('Kim met Lee now in Seoul.', 'archive/korea.txt');
  k2.add('Lee', 'PERSON', { note: 'archived copy' });
  return [a.build(), k.build(), k2.build()].map((d) => {
    const u = uri(d.name);
    return u === undefined ? d : { ...d, uri: u };
  });
}

const KOREA = 'Kim met Lee now in Seoul.';

describe('W3C import picks the document by path, never the first one', () => {
  it('finds the document in an export made on another machine (file:// URIs of another folder)', () => {
    const content = JSON.stringify(toW3cCollection(docs((n) => `file:///home/alice/corpus/${n}`)));
    const r = importW3c(content, KOREA, { documentUri: 'file:///Users/bob/work/corpus/news/korea.txt', documentName: 'news/korea.txt' });
    assert.deepEqual(r.annotations.map((a) => [a.text, a.kb]), [['Kim', undefined], ['Seoul', 'Q8684']]);
    const others = r.problems.filter((p) => p.kind === 'other-document');
    assert.equal(others.length, 2, JSON.stringify(r.problems));
    assert.ok(others.every((p) => !p.imported));
  });

  it('finds it in a --base-uri export by its name relative to the base', () => {
    const content = JSON.stringify(toW3cCollection(docs((n) => `https://example.org/corpus/${n}`)));
    // not the first document of the file (archive/korea.txt sorts first): the one named news/korea.txt
    const r = importW3c(content, KOREA, { documentUri: 'file:///tmp/x/news/korea.txt', documentName: 'news/korea.txt' });
    assert.deepEqual(r.annotations.map((a) => a.text), ['Kim', 'Seoul']);
    const archived = importW3c(content, KOREA, { documentUri: 'file:///tmp/x/archive/korea.txt', documentName: 'archive/korea.txt' });
    assert.deepEqual(archived.annotations.map((a) => [a.text, a.note]), [['Lee', 'archived copy']]);
  });

  it('imports nothing when two documents match equally, and says so', () => {
    const content = JSON.stringify(toW3cCollection(docs(() => undefined)));
    const r = importW3c(content, KOREA, { documentName: 'korea.txt' });
    assert.deepEqual(r.annotations, []);
    assert.equal(r.problems[0].kind, 'ambiguous');
  });

  it('imports nothing from a file whose annotations name another document', () => {
    const [a] = docs((n) => `file:///home/alice/corpus/${n}`);
    const r = importW3c(JSON.stringify(toW3cCollection([a])), 'The story of Busan and now Seoul.', { documentUri: 'file:///home/alice/corpus/news/korea.txt', documentName: 'news/korea.txt' });
    assert.deepEqual(r.annotations, []);
    assert.match(r.problems[0].reason, /a-first\.txt, none of news\/korea\.txt/);
  });
});

describe('W3C import reports what it does not take', () => {
  const text = 'Kim met Lee.';
  const one = (body: unknown) =>
    JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:a1', type: 'Annotation', body, target: { source: 'urn:doc', selector: { type: 'TextQuoteSelector', exact: 'Kim' } } });

  it('reports non-tagging bodies and body IRIs', () => {
    const r = importW3c(one([{ type: 'TextualBody', purpose: 'tagging', value: 'PERSON' }, { type: 'TextualBody', purpose: 'questioning', value: 'who?' }, 'http://example.org/x']), text);
    assert.deepEqual(r.annotations.map((a) => a.type), ['PERSON']);
    const reasons = r.problems.map((p) => p.reason).join('\n');
    assert.match(reasons, /who\?.*questioning/);
    assert.match(reasons, /http:\/\/example\.org\/x/);
  });

  it('says so when the file holds no annotation ("hello", [], {})', () => {
    for (const content of ['"hello"', '[]', '{}', '42']) {
      const r = importW3c(content, text);
      assert.equal(r.annotations.length, 0);
      assert.ok(r.problems.length > 0, `${content}: nothing imported and nothing said`);
    }
  });

  it('fails fast with a message on 20,000 nested collections (no RangeError)', () => {
    let json = '{"type":"AnnotationPage","items":[]}';
    for (let i = 0; i < 20_000; i++) json = `{"type":"AnnotationCollection","first":${json}}`;
    const r = importW3c(json, text);
    assert.match(r.problems[0].reason, /nested deeper/);
  });

  it('keeps suggested annotations suggested (creator: Factmark’s recognisers)', () => {
    const b = new DocBuilder(text);
    b.add('Kim', 'PERSON');
    b.add('Lee', 'PERSON', { status: 'suggested' });
    const r = importW3c(JSON.stringify(toW3cCollection([b.build()], { includeSuggested: true })), text);
    assert.deepEqual(r.annotations.map((a) => [a.text, a.status]), [['Kim', 'confirmed'], ['Lee', 'suggested']]);
  });
});

describe('W3C import keeps the text of a knowledge-base id', () => {
  it('keeps a Wikidata URL as written; only the IRI the export writes for a bare QID comes back as the QID', () => {
    const k = new DocBuilder(KOREA, 'news/korea.txt');
    k.add('Kim', 'PERSON', { kb: 'https://www.wikidata.org/wiki/Q5' });
    k.add('Lee', 'PERSON', { kb: 'https://www.wikidata.org/entity/Q42' });
    k.add('Seoul', 'PLACE', { kb: 'Q8684' });
    const content = JSON.stringify(toW3cCollection([k.build()]));
    const r = importW3c(content, KOREA, { documentName: 'news/korea.txt' });
    assert.deepEqual(r.annotations.map((a) => [a.text, a.kb]), [
      ['Kim', 'https://www.wikidata.org/wiki/Q5'],
      ['Lee', 'https://www.wikidata.org/entity/Q42'],
      ['Seoul', 'Q8684'],
    ]);
  });
});
