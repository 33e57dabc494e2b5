/** doccano JSONL: the shape of doccano's own fixtures, code points by default, and its fixtures import. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDoccano, toDoccanoLine } from '../../../../src/core/export/doccano';
import { importDoccano } from '../../../../src/core/export/doccanoImport';
import { DocBuilder, hardDocument, peersDir, peersPresent } from './fixtures';

const fixtures = path.join(peersDir, 'doccano', 'backend', 'data_import');

describe('doccano JSONL export', () => {
  it('counts offsets in code points by default, as Python (doccano’s backend) slices strings', () => {
    const b = new DocBuilder('😀 Kim met 👩‍👩‍👧 Lee in 서울.');
    b.add('Lee', 'PERSON');
    b.add('서울', 'PLACE');
    const input = b.build();
    const row = JSON.parse(toDoccanoLine(input)) as { text: string; label: [number, number, string][] };
    const codePoints = [...row.text];
    assert.deepEqual(row.label.map(([s, e]) => codePoints.slice(s, e).join('')), ['Lee', '서울']);
    const utf16 = JSON.parse(toDoccanoLine(input, { offsetUnit: 'utf16' })) as typeof row;
    assert.deepEqual(utf16.label.map(([s, e]) => row.text.slice(s, e)), ['Lee', '서울']);
  });

  it('writes one line per document, sorted by name, with the text unchanged (CRLF kept)', () => {
    const a = hardDocument();
    const b = new DocBuilder('Seoul.', 'a-first.txt').build();
    const [file] = exportDoccano([a, b]).files;
    const lines = file.content.split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { meta: { name: string } }).meta.name), ['a-first.txt', 'news/hard-case.txt']);
    assert.equal((JSON.parse(lines[1]) as { text: string }).text, a.text);
  });

  it('picks the document’s line out of a multi-document file by name', () => {
    const a = hardDocument();
    const b = new DocBuilder('Seoul.', 'a-first.txt');
    b.add('Seoul', 'PLACE');
    const content = exportDoccano([a, b.build()]).files[0].content;
    const r = importDoccano(content, 'Seoul.', { documentName: 'a-first.txt' });
    assert.deepEqual(r.annotations.map((x) => [x.text, x.type]), [['Seoul', 'PLACE']]);
  });
});

describe('doccano JSONL against doccano’s own fixtures', function () {
  before(function () {
    if (!peersPresent('doccano/backend/data_import')) {
      console.log(`    (skipped: ${fixtures} not found)`);
      this.skip();
    }
  });

  it('uses the keys and label triples of doccano’s sequence-labelling fixture', () => {
    const theirs = fs.readFileSync(path.join(fixtures, 'tests/data/sequence_labeling/example.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const ours = JSON.parse(toDoccanoLine(hardDocument())) as Record<string, unknown>;
    const keys = new Set(theirs.flatMap((r) => Object.keys(r)));
    assert.deepEqual(Object.keys(ours).filter((k) => !keys.has(k)), []);
    const shape = (l: unknown) => Array.isArray(l) && l.length === 3 && Number.isInteger(l[0]) && Number.isInteger(l[1]) && typeof l[2] === 'string';
    assert.ok((ours.label as unknown[]).every(shape));
    assert.ok(theirs.flatMap((r) => (r.label as unknown[]) ?? []).every(shape));
  });

  it('imports the labels of doccano’s fixtures (sequence labelling and relation extraction)', () => {
    const files = ['tests/data/sequence_labeling/example.jsonl', 'tests/data/sequence_labeling/example_overlapping.jsonl', 'pipeline/examples/relation_extraction/example.jsonl'];
    for (const f of files) {
      for (const line of fs.readFileSync(path.join(fixtures, f), 'utf8').split('\n').filter(Boolean)) {
        const row = JSON.parse(line) as { text?: string; label?: [number, number, string][]; entities?: { start_offset: number; end_offset: number; label: string }[] };
        if (row.text === undefined) continue;
        const expected = [...(row.label ?? []).map(([s, e, t]) => [s, e, t]), ...(row.entities ?? []).map((x) => [x.start_offset, x.end_offset, x.label])];
        const r = importDoccano(line, row.text);
        // relations are reported (Factmark has none); nothing else may be
        assert.deepEqual(r.problems.filter((p) => !/relations? not imported/.test(p.reason)), [], f);
        assert.deepEqual(r.annotations.map((a) => [a.start, a.end, a.type]), expected, f);
      }
    }
  });
});
