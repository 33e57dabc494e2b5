/** `factmark entities` and `factmark query` (issue 15, item 7), run in-process on a folder of articles. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Io } from '../../../src/cli/command';
import { main } from '../../../src/cli/main';
import { folderWith } from './run';

const ENTITIES = `# who is who
factmark-entities: 1
entities:
  - id: e-roh00001
    name: Roh Moo-hyun
    type: PERSON
    aliases: [Roh, President Roh]
    kb: [Q4286]
  - id: e-park0001
    name: Park Chan-bong
    type: PERSON
`;

const SEOUL = 'President Roh met Park Chan-bong in Seoul.\n';
const SEOUL_SIDECAR = `factmark: 1
document:
  path: seoul.txt
  date: "2006-03-02"
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 13
    quote: President Roh
    status: confirmed
    entity: e-roh00001
  - id: a2
    type: PERSON
    start: 18
    end: 32
    quote: Park Chan-bong
    status: confirmed
    entity: e-park0001
  - id: a3
    type: PLACE
    start: 36
    end: 41
    quote: Seoul
    status: suggested
facts:
  - id: f1
    label: meeting
    start: 0
    end: 42
    quote: President Roh met Park Chan-bong in Seoul.
    entities: [a1, a2]
`;
const BUSAN = 'Roh Moo-hyun, "Busan"\n';
const BUSAN_SIDECAR = `factmark: 1
document:
  path: busan.txt
  date: "1990-08-15"
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 12
    quote: Roh Moo-hyun
    status: confirmed
    entity: e-roh00001
  - id: a2
    type: PLACE
    start: 14
    end: 21
    quote: '"Busan"'
    status: confirmed
facts: []
`;

function workspace(extra: Record<string, string> = {}): string {
  return folderWith({
    'factmark.entities.yaml': ENTITIES,
    'news/seoul.txt': SEOUL,
    'news/seoul.txt.factmark.yaml': SEOUL_SIDECAR,
    'news/busan.txt': BUSAN,
    'news/busan.txt.factmark.yaml': BUSAN_SIDECAR,
    ...extra,
  });
}

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), cwd };
  const code = await main(args, io, '');
  return { code, out, err };
}

describe('CLI: entities and query', () => {
  const dirs: string[] = [];
  const dir = (extra?: Record<string, string>) => {
    const d = workspace(extra);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('entities: each entity with its id, aliases, ids and how often and where it is mentioned (JSON)', async () => {
    const r = await run(dir(), 'entities');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.documents, 2);
    assert.deepEqual(json.entities[1], { id: 'e-roh00001', name: 'Roh Moo-hyun', type: 'PERSON', aliases: ['Roh', 'President Roh'], kb: ['Q4286'], mentions: 2, documents: 2, facts: 1, first: '1990-08-15', last: '2006-03-02' });
    assert.match(r.err, /2 entities/);
  });

  it('entities: CSV, from a subfolder (the entities file is found above it)', async () => {
    const d = dir();
    const r = await run(`${d}/news`, 'entities', '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.split('\r\n').slice(0, 3), [
      'id,name,type,aliases,kb,mentions,documents,facts,first,last',
      'e-park0001,Park Chan-bong,PERSON,,,1,1,1,2006-03-02,2006-03-02',
      'e-roh00001,Roh Moo-hyun,PERSON,Roh;President Roh,Q4286,2,2,1,1990-08-15,2006-03-02',
    ]);
  });

  it('entities: without an entities file, says so (exit 2)', async () => {
    const d = folderWith({ 'a.txt': 'x\n' });
    dirs.push(d);
    const r = await run(d, 'entities');
    assert.equal(r.code, 2);
    assert.match(r.err, /no factmark\.entities\.yaml found/);
  });

  it('query: mentions and facts of an entity named by an alias, with context and dates', async () => {
    const r = await run(dir(), 'query', '--entity', 'President Roh');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.mentions.map((m: { document: string; text: string; date: string }) => [m.document, m.text, m.date]), [
      ['news/busan.txt', 'Roh Moo-hyun', '1990-08-15'],
      ['news/seoul.txt', 'President Roh', '2006-03-02'],
    ]);
    assert.equal(json.mentions[1].context, 'President Roh met Park Chan-bong in Seoul.');
    assert.deepEqual(json.facts.map((f: { id: string; entities: Array<{ name: string }> }) => [f.id, f.entities.map((e) => e.name)]), [['f1', ['Roh Moo-hyun', 'Park Chan-bong']]]);
  });

  it('query: by type, date range, status and document, as CSV with quoting', async () => {
    const d = dir();
    const lines = async (...args: string[]) => (await run(d, 'query', '--only', 'mentions', '--format', 'csv', ...args)).out.trim().split('\r\n').slice(1).map((l) => l.split(',').slice(0, 6).join(','));
    assert.deepEqual(await lines('--type', 'place'), ['mention,news/busan.txt,a2,PLACE,confirmed,"""Busan"""', 'mention,news/seoul.txt,a3,PLACE,suggested,Seoul']);
    assert.deepEqual(await lines('--from', '2000', '--status', 'confirmed'), ['mention,news/seoul.txt,a1,PERSON,confirmed,President Roh', 'mention,news/seoul.txt,a2,PERSON,confirmed,Park Chan-bong']);
    assert.deepEqual(await lines('--to', '1990', '--document', 'busan', '--text', 'roh'), ['mention,news/busan.txt,a1,PERSON,confirmed,Roh Moo-hyun']);
    assert.deepEqual(await lines('--search', 'type:PLACE status:suggested'), ['mention,news/seoul.txt,a3,PLACE,suggested,Seoul']);
  });

  it('query: facts only, by date range (a fact without a date has its document’s)', async () => {
    const d = dir();
    const facts = async (...args: string[]) => JSON.parse((await run(d, 'query', '--only', 'facts', ...args)).out).facts.map((f: { id: string; date: string }) => `${f.id} ${f.date}`);
    assert.deepEqual(await facts('--from', '2006-03'), ['f1 2006-03-02']);
    assert.deepEqual(await facts('--to', '2005'), []);
  });

  it('query: a bad date, status or format is a usage error (exit 2); a malformed sidecar is reported and the rest searched (exit 1)', async () => {
    const d = dir({ 'bad.txt': 'x\n', 'bad.txt.factmark.yaml': 'factmark: 1\nannotations: [\n' });
    assert.equal((await run(d, 'query', '--from', 'soon')).code, 2);
    assert.equal((await run(d, 'query', '--status', 'maybe')).code, 2);
    assert.equal((await run(d, 'query', '--format', 'xml')).code, 2);
    const r = await run(d, 'query', '--type', 'PERSON');
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.txt\.factmark\.yaml: error: malformed sidecar/);
    assert.equal(JSON.parse(r.out).mentions.length, 3);
  });

  it('query and entities: an entry that fails validation is reported (exit 1), not left out of the answer unsaid', async () => {
    // A hand edit broke Park's mention ("start: eighteen"): the answer had one mention fewer and exit 0.
    const d = dir({ 'news/seoul.txt.factmark.yaml': SEOUL_SIDECAR.replace('start: 18\n', 'start: eighteen\n') });
    const r = await run(d, 'query', '--type', 'PERSON');
    assert.equal(r.code, 1);
    assert.match(r.err, /news\/seoul\.txt\.factmark\.yaml:\d+:\d+: error: annotations\[1\] \(a2\)\.start: must be integer; left out/);
    assert.equal(JSON.parse(r.out).mentions.length, 2);
    const e = await run(d, 'entities');
    assert.equal(e.code, 1);
    assert.match(e.err, /\(a2\)\.start: must be integer; left out/);
  });
});
