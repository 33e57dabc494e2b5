/** CSV, JSON and Markdown: what a user opening the file would see. */
import * as assert from 'node:assert/strict';
import { parse } from 'papaparse';
import { CSV_COLUMNS, toCsv } from '../../../../src/core/export/csv';
import { JSON_EXPORT_VERSION, toFactmarkJson } from '../../../../src/core/export/json';
import { escapeMarkdown, toMarkdown } from '../../../../src/core/export/markdown';
import type { ExportInput } from '../../../../src/core/export/types';
import { DocBuilder, hardDocument } from './fixtures';

function shuffled(input: ExportInput): ExportInput {
  const annotations = input.doc.annotations.slice().reverse();
  return { ...input, doc: { ...input.doc, annotations, facts: input.doc.facts.slice().reverse() } };
}

describe('CSV export', () => {
  const input = hardDocument();
  const csv = toCsv([input]);
  const rows = parse(csv, { header: true, skipEmptyLines: true });

  it('parses back (RFC 4180) to one row per exported annotation with every awkward character intact', () => {
    assert.deepEqual(rows.errors, []);
    const data = rows.data as Record<string, string>[];
    assert.deepEqual(Object.keys(data[0]), CSV_COLUMNS);
    assert.equal(data.length, input.doc.annotations.filter((a) => a.status === 'confirmed').length);
    const un = data.find((r) => r.type === 'ORGANIZATION');
    assert.equal(un?.quote, 'U.N. | Command');
    assert.equal(un?.note, 'pipe | and "quotes", commas');
    assert.equal(data.find((r) => r.type === 'PERSON')?.note, 'Not the leader: a general\nwith the same name.');
    assert.equal(data.find((r) => r.type === 'MISC')?.quote, 'families waited.\r\nSeoul');
  });

  it('ends records with CRLF and gives 1-based line and column, in code points', () => {
    assert.ok(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`));
    const data = rows.data as Record<string, string>[];
    const lines = input.text.split('\r\n');
    for (const r of data) {
      const line = lines[Number(r.line) - 1];
      const column = Number(r.column);
      assert.equal([...line].slice(column - 1).join('').startsWith(r.quote.split('\r\n')[0]), true, JSON.stringify(r));
      assert.equal([...input.text].slice(Number(r.start), Number(r.end)).join(''), r.quote);
    }
  });

  it('can guard cells against spreadsheet formulas', () => {
    const b = new DocBuilder('Profit = Revenue');
    b.add('Revenue', 'MISC', { note: '=HYPERLINK("http://x")' });
    const guarded = parse(toCsv([b.build()], { escapeFormulae: true }), { header: true }).data as Record<string, string>[];
    assert.equal(guarded[0].note, `'=HYPERLINK("http://x")`);
  });
});

describe('Factmark JSON export', () => {
  it('has a format and version, code point offsets, and the same bytes whatever the input order', () => {
    const input = hardDocument();
    const json = toFactmarkJson([input]) as { format: string; version: number; documents: { annotations: { start: number; end: number; text: string }[] }[] };
    assert.equal(json.format, 'factmark');
    assert.equal(json.version, JSON_EXPORT_VERSION);
    const cps = [...input.text];
    for (const a of json.documents[0].annotations) assert.equal(cps.slice(a.start, a.end).join(''), a.text);
    assert.equal(JSON.stringify(toFactmarkJson([shuffled(input)])), JSON.stringify(json));
    assert.deepEqual(Object.keys(json), ['format', 'version', 'offsets', 'documents']);
  });
});

describe('Markdown report', () => {
  const input = hardDocument();
  const md = toMarkdown(input);

  it('gives the title, the document date, the facts with date and entities, and mention counts', () => {
    assert.match(md, /^# news\/hard\\-case\.txt$|^# news\/hard-case\.txt$/m);
    assert.match(md, /^Document date: 2006-03-02$/m);
    assert.match(md, /^- \*\*Meeting\*\* \(2006-03-02\): “Gen\. Kim Jong-il met José Martínez”$/m);
    assert.match(md, /^ {2}- Entities: Kim Jong-il \(PERSON\); José Martínez \(PERSON\); Panmunjom \(PLACE\)/m);
    assert.match(md, /^\| PLACE \| Seoul \| {2}\| Q8684 \| 2 \|$/m);
  });

  it('keeps every table row at five cells and shows document text literally', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    for (const r of rows) assert.equal(r.split(/(?<!\\)\|/).length - 2, 5, r);
    assert.match(md, /U\.N\. \\\| Command/);
    const b = new DocBuilder('Say *hi* to <b>[Kim](http://x)</b> & `co` ~~now~~ #1');
    b.add('*hi* to <b>[Kim](http://x)</b> & `co` ~~now~~ #1', 'MISC');
    const report = toMarkdown(b.build());
    assert.match(report, /\\\*hi\\\* to \\<b\\>\\\[Kim\\\]\(http:\/\/x\)\\<\/b\\> &amp; \\`co\\` \\~\\~now\\~\\~ \\#1/);
  });

  it('escapes every Markdown-special character it is given', () => {
    for (const c of '\\`*_[]<>#|~') assert.equal(escapeMarkdown(c), `\\${c}`);
    assert.equal(escapeMarkdown('a\r\nb'), 'a b');
  });
});
