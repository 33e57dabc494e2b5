import * as assert from 'node:assert/strict';
import { indexSidecar, offsetsHold, parseSearch, PathKeys, WorkspaceIndex } from '../../../../src/core/index';
import { loadAnnotations, parseSidecar } from '../../../../src/core/sidecar';
import type { Entity } from '../../../../src/core/entities';

const ROH = 'e-roh00001';
const PARK = 'e-park0001';
const ENTITIES: Entity[] = [
  { id: ROH, name: 'Roh Moo-hyun', type: 'PERSON', aliases: ['Roh', 'President Roh'] },
  { id: PARK, name: 'Park Chan-bong', type: 'PERSON' },
];

/** A sidecar for `text`: annotations at the first occurrence of each quote (code points = UTF-16 here). */
function sidecar(path: string, text: string, anns: Array<{ id: string; quote: string; type: string; status?: string; entity?: string; value?: string }>, facts: Array<{ id: string; quote: string; entities: string[]; date?: string }> = [], date?: string): string {
  const lines = ['factmark: 1', 'document:', `  path: ${path}`, ...(date ? [`  date: "${date}"`] : []), 'offsets: codepoints', 'annotations:'];
  for (const a of anns) {
    const start = text.indexOf(a.quote);
    lines.push(`  - id: ${a.id}`, `    type: ${a.type}`, `    start: ${start}`, `    end: ${start + a.quote.length}`, `    quote: "${a.quote}"`, `    status: ${a.status ?? 'confirmed'}`);
    if (a.entity) lines.push(`    entity: ${a.entity}`);
    if (a.value) lines.push(`    value: "${a.value}"`);
  }
  lines.push(facts.length ? 'facts:' : 'facts: []');
  for (const f of facts) {
    const start = text.indexOf(f.quote);
    lines.push(`  - id: ${f.id}`, '    label: meeting', `    start: ${start}`, `    end: ${start + f.quote.length}`, `    quote: "${f.quote}"`, `    entities: [${f.entities.join(', ')}]`);
    if (f.date) lines.push(`    date: "${f.date}"`);
  }
  return lines.join('\n') + '\n';
}

const SEOUL = 'SEOUL, March 2, 2006\nPresident Roh met Park Chan-bong in Seoul on Thursday.\nRoh said little.\n';
const BUSAN = 'Roh Moo-hyun visited Busan.\nThe mayor of Busan greeted him.\n';

function build(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const doc = (key: string, text: string, yaml: string) => index.setDocument(indexSidecar(key, key, parseSidecar(yaml).doc!, text));
  doc('seoul.txt', SEOUL, sidecar('seoul.txt', SEOUL, [
    { id: 'a1', quote: 'President Roh', type: 'PERSON', entity: ROH },
    { id: 'a2', quote: 'Park Chan-bong', type: 'PERSON', entity: PARK },
    { id: 'a3', quote: 'Seoul', type: 'PLACE', status: 'suggested' },
    { id: 'a4', quote: 'Thursday', type: 'DATE', value: '2006-03-02' },
    { id: 'a5', quote: 'Roh said', type: 'PERSON', status: 'rejected', entity: ROH },
  ], [{ id: 'f1', quote: 'President Roh met Park Chan-bong in Seoul on Thursday.', entities: ['a1', 'a2', 'a4'], date: '2006-03-02' }], '2006-03-02'));
  doc('busan-1990.txt', BUSAN, sidecar('busan-1990.txt', BUSAN, [
    { id: 'a1', quote: 'Roh Moo-hyun', type: 'PERSON', entity: ROH },
    { id: 'a2', quote: 'Busan', type: 'PLACE' },
  ], [], '1990-08-15'));
  index.setEntities('root', ENTITIES);
  return index;
}

describe('Workspace index', () => {
  it('finds the mentions of an entity in every document, with their line, column and context', () => {
    const index = build();
    const refs = index.mentionsOf(ROH);
    assert.deepEqual(refs.map((m) => [m.doc, m.text, m.line, m.character]), [
      ['busan-1990.txt', 'Roh Moo-hyun', 0, 0],
      ['seoul.txt', 'President Roh', 1, 0],
    ]);
    assert.equal(refs[1].after, ' met Park Chan-bong in Seoul on…');
    assert.equal(refs[0].before, '');
  });

  it('counts lines as the editor does in a text with lone CR line breaks (line, column and context)', () => {
    const text = 'SEOUL, March 2\rRoh met Park Chan-bong.\rRoh said little.\r';
    const index = new WorkspaceIndex();
    index.setDocument(indexSidecar('cr.txt', 'cr.txt', parseSidecar(sidecar('cr.txt', text, [{ id: 'a1', quote: 'Park Chan-bong', type: 'PERSON', entity: PARK }])).doc!, text));
    const [m] = index.mentionsOf(PARK);
    assert.deepEqual([m.line, m.character, m.endLine, m.endCharacter], [1, 8, 1, 22]);
    assert.equal(m.before, 'Roh met ');
    assert.equal(m.after, '.');
  });

  it('answers by entity name or alias, type, status, document, text and date range', () => {
    const index = build();
    const texts = (q: Parameters<WorkspaceIndex['queryMentions']>[0]) => index.queryMentions(q).map((m) => `${m.doc}:${m.text}`);
    assert.deepEqual(texts({ entity: 'president roh' }), ['busan-1990.txt:Roh Moo-hyun', 'seoul.txt:President Roh', 'seoul.txt:Roh said']);
    assert.deepEqual(texts({ types: ['PLACE'] }), ['busan-1990.txt:Busan', 'seoul.txt:Seoul']);
    assert.deepEqual(texts({ statuses: ['suggested'] }), ['seoul.txt:Seoul']);
    assert.deepEqual(texts({ document: 'busan' }), ['busan-1990.txt:Roh Moo-hyun', 'busan-1990.txt:Busan']);
    assert.deepEqual(texts({ text: 'roh' }), ['busan-1990.txt:Roh Moo-hyun', 'seoul.txt:President Roh', 'seoul.txt:Roh said']);
    // The document's date for names, the value for dates.
    assert.deepEqual(texts({ from: '2006', types: ['PERSON'], statuses: ['confirmed'] }), ['seoul.txt:President Roh', 'seoul.txt:Park Chan-bong']);
    assert.deepEqual(texts({ to: '1999' }), ['busan-1990.txt:Roh Moo-hyun', 'busan-1990.txt:Busan']);
    assert.deepEqual(texts({ types: ['DATE'], from: '2006-03-02', to: '2006-03-02' }), ['seoul.txt:Thursday']);
  });

  it('finds facts by entity and date, with their entities', () => {
    const index = build();
    const facts = index.queryFacts({ entity: PARK });
    assert.equal(facts.length, 1);
    assert.deepEqual(facts[0].entities, [ROH, PARK]);
    assert.deepEqual(facts[0].types.sort(), ['DATE', 'PERSON']);
    assert.equal(index.queryFacts({ from: '2007' }).length, 0);
    assert.equal(index.queryFacts({ from: '2006-03', to: '2006-03' }).length, 1);
    assert.equal(index.queryFacts({ statuses: ['rejected'] }).length, 0);
  });

  it('reflects a changed document, and a removed one, in every lookup', () => {
    const index = build();
    const text = 'Park Chan-bong spoke.\n';
    index.setDocument(indexSidecar('busan-1990.txt', 'busan-1990.txt', parseSidecar(sidecar('busan-1990.txt', text, [{ id: 'a1', quote: 'Park Chan-bong', type: 'PERSON', entity: PARK }])).doc!, text));
    assert.deepEqual(index.mentionsOf(ROH).map((m) => m.doc), ['seoul.txt']);
    assert.deepEqual(index.mentionsOf(PARK).map((m) => m.doc), ['busan-1990.txt', 'seoul.txt']);
    assert.deepEqual(index.queryMentions({ types: ['PLACE'] }).map((m) => m.text), ['Seoul']);
    index.removeDocument('seoul.txt');
    assert.deepEqual(index.mentionsOf(PARK).map((m) => m.doc), ['busan-1990.txt']);
    assert.equal(index.queryFacts({}).length, 0);
  });

  it('finds the documents at or under a deleted file or folder, and nothing beside it', () => {
    const index = new WorkspaceIndex();
    const keys = ['file:///w/news/a.txt', 'file:///w/news/sub/b.txt', 'file:///w/news-old/c.txt', 'file:///w/news.txt', 'file:///w/other/d.txt'];
    for (const key of keys) index.setDocument({ key, name: key, mentions: [], facts: [] });
    assert.deepEqual(index.documentsUnder('file:///w/news'), ['file:///w/news/a.txt', 'file:///w/news/sub/b.txt']);
    assert.deepEqual(index.documentsUnder('file:///w/news.txt'), ['file:///w/news.txt']);
    assert.deepEqual(index.documentsUnder('file:///w/nothing'), []);
    index.removeDocument('file:///w/news/a.txt');
    assert.deepEqual(index.documentsUnder('file:///w/news/'), ['file:///w/news/sub/b.txt']);
    const gone = new PathKeys();
    gone.add('file:///w/x/y.txt');
    assert.deepEqual(gone.under('file:///w/x'), ['file:///w/x/y.txt']);
    assert.deepEqual(gone.under('file:///w/x/y.txt'), ['file:///w/x/y.txt']);
  });

  it('re-anchors a sidecar whose text moved, and leaves out what no longer anchors', () => {
    const index = new WorkspaceIndex();
    const yaml = sidecar('busan.txt', BUSAN, [
      { id: 'a1', quote: 'Roh Moo-hyun', type: 'PERSON', entity: ROH },
      { id: 'a2', quote: 'mayor', type: 'MISC' },
    ]);
    const edited = 'Yesterday Roh Moo-hyun visited Busan.\n';
    index.setDocument(indexSidecar('busan.txt', 'busan.txt', parseSidecar(yaml).doc!, edited));
    assert.deepEqual(index.mentionsOf(ROH).map((m) => [m.start, m.text]), [[10, 'Roh Moo-hyun']]);
    assert.deepEqual(index.queryMentions({ types: ['MISC'] }), []);
  });

  it('says when a sidecar needs re-anchoring, and takes it anchored elsewhere (a worker) as it anchors it itself', () => {
    const yaml = sidecar('busan.txt', BUSAN, [{ id: 'a1', quote: 'Roh Moo-hyun', type: 'PERSON', entity: ROH }]);
    const data = parseSidecar(yaml).doc!;
    const edited = 'Yesterday Roh Moo-hyun visited Busan.\n';
    assert.equal(offsetsHold(data, BUSAN), true);
    assert.equal(offsetsHold(data, edited), false);
    const elsewhere = loadAnnotations(data, edited);
    assert.deepEqual(indexSidecar('busan.txt', 'busan.txt', data, edited, elsewhere), indexSidecar('busan.txt', 'busan.txt', data, edited));
    // What it is given is what it indexes: an orphan there is left out.
    elsewhere.orphans.set('a1', {});
    assert.deepEqual(indexSidecar('busan.txt', 'busan.txt', data, edited, elsewhere).mentions, []);
  });

  it('counts each entity’s mentions, documents, facts and first and last dates', () => {
    const [park, roh] = build().summaries();
    assert.deepEqual(
      { name: roh.name, mentions: roh.mentions, documents: roh.documents, facts: roh.facts, first: roh.first, last: roh.last },
      { name: 'Roh Moo-hyun', mentions: 2, documents: 2, facts: 1, first: '1990-08-15', last: '2006-03-02' },
    );
    assert.equal(park.mentions, 1);
  });

  it('finds entities by name and facts by label for Ctrl+T', () => {
    const hits = build().symbols('moohyun');
    assert.deepEqual(hits.map((h) => (h.kind === 'entity' ? h.entity.name : h.fact.label)), ['Roh Moo-hyun']);
    assert.deepEqual(build().symbols('meet').map((h) => h.kind), ['fact']);
  });

  it('parses the search box: typed filters, quoted values and words', () => {
    assert.deepEqual(parseSearch('type:person,org entity:"Roh Moo-hyun" after:2006 before:2006-06 status:conf doc:korea talks').query, {
      types: ['PERSON', 'ORGANIZATION'],
      entity: 'Roh Moo-hyun',
      from: '2006',
      to: '2006-06',
      statuses: ['confirmed'],
      document: 'korea',
      text: 'talks',
    });
    assert.deepEqual(parseSearch('after:soon').problems, ['after: needs a date such as 2006 or 2006-03-02']);
    assert.deepEqual(parseSearch('at 10:30 type:').query, { text: 'at 10:30' });
  });
});
