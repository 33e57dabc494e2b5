/**
 * Export → import → compare for brat, W3C and doccano (issue 12, "Done when"): a document with emoji,
 * Hangul, combining marks and CRLF; suggested annotations; notes with line breaks and tabs; type and
 * fact labels with spaces. Every format gives back what it can hold, and says what it cannot.
 */
import * as assert from 'node:assert/strict';
import { exportBrat } from '../../../../src/core/export/brat';
import { exportConll } from '../../../../src/core/export/conll';
import { exportCsv } from '../../../../src/core/export/csv';
import { importBrat } from '../../../../src/core/export/bratImport';
import { exportDoccano } from '../../../../src/core/export/doccano';
import { importDoccano } from '../../../../src/core/export/doccanoImport';
import type { Annotation, Fact } from '../../../../src/core/model';
import type { ExportInput, ImportResult } from '../../../../src/core/export/types';
import { exportW3c } from '../../../../src/core/export/w3c';
import { importW3c } from '../../../../src/core/export/w3cImport';
import { DocBuilder } from './fixtures';

function document(): ExportInput {
  const text = ['😀 남북 장성급 회담 in Panmunjom, 2 March 2006.', 'Gen. Kim\u0301 Yong-chol met José Martínez\tof the U.N. Command.', ''].join('\r\n');
  const b = new DocBuilder(text, 'news/hard.txt');
  const kim = b.add('Kim\u0301 Yong-chol', 'Military officer', { note: 'line one\nline two\ttabbed\r\nthird \\ backslash', kb: 'Q123' });
  const jose = b.add('José Martínez', 'PERSON', { status: 'suggested' });
  const place = b.add('Panmunjom', 'PLACE', { kb: 'Q212744' });
  const date = b.add('2 March 2006', 'DATE', { value: '2006-03-02' });
  b.add('남북', 'PLACE', { value: 'Korea (both)', status: 'suggested' });
  b.add('U.N. Command', 'Weapon system', { note: 'tab\there' });
  b.fact('Kim\u0301 Yong-chol met José Martínez', 'Met with', [kim, jose, place, date], { date: '2006-03-02', note: 'first\nmeeting' });
  return b.build();
}

const full = (a: Annotation) => ({ type: a.type, start: a.start, end: a.end, text: a.text, status: a.status, value: a.value, kb: a.kb, note: a.note });
const factOf = (f: Fact, texts: Map<string, string>) => ({ label: f.label, start: f.start, end: f.end, date: f.date, note: f.note, entities: f.entities.map((id) => texts.get(id)) });
const byPosition = (r: { annotations: Annotation[] }) => r.annotations.slice().sort((a, b) => a.start - b.start || a.end - b.end);

function compare(r: ImportResult, input: ExportInput, keep: (a: Annotation) => object = full): void {
  assert.deepEqual(r.problems, []);
  assert.deepEqual(byPosition(r).map(keep), byPosition(input.doc).map(keep));
}

function compareFacts(r: ImportResult, input: ExportInput): void {
  const texts = (as: Annotation[]) => new Map(as.map((a) => [a.id, a.text]));
  assert.deepEqual(r.facts.map((f) => factOf(f, texts(r.annotations))), input.doc.facts.map((f) => factOf(f, texts(input.doc.annotations))));
}

describe('lossless round trips (emoji, Hangul, combining marks, CRLF, suggested, notes with tabs, labels with spaces)', () => {
  const input = document();

  it('brat keeps everything, suggested status and facts included', () => {
    const files = exportBrat([input], { includeSuggested: true }).files;
    const ann = files.find((f) => f.name === 'news/hard.ann')!.content;
    assert.equal(files.find((f) => f.name === 'news/hard.txt')?.content, input.text);
    const r = importBrat(ann, input.text);
    compare(r, input);
    compareFacts(r, input);
  });

  it('W3C keeps everything, suggested status and facts included', () => {
    const { files, warnings } = exportW3c([input], { includeSuggested: true });
    assert.deepEqual(warnings, []);
    const r = importW3c(files[0].content, input.text, { documentName: input.name });
    compare(r, input);
    compareFacts(r, input);
  });

  it('CoNLL and CSV say what they cannot hold, like doccano (they dropped notes, KB ids, values and facts without a word)', () => {
    assert.match(exportConll([input], { includeSuggested: true }).warnings.join('\n'), /news\/hard\.txt: CoNLL keeps token spans and types only; not exported: 2 notes, 2 KB ids, 2 normalised values, 1 fact/);
    assert.match(exportCsv([input], { includeSuggested: true }).warnings.join('\n'), /news\/hard\.txt: CSV has one row per annotation; not exported: 1 fact/);
  });

  it('CoNLL, CSV and doccano say it once per export, not once per document', () => {
    // 'not exported: 1 fact' was repeated for each document of a corpus.
    const other = { ...input, name: 'news/other.txt' };
    for (const [format, exporter] of [['CoNLL', exportConll], ['CSV', exportCsv], ['doccano', exportDoccano]] as const) {
      const lines = exporter([input, other], { includeSuggested: true }).warnings.filter((w) => /not exported/.test(w));
      assert.equal(lines.length, 1, `${format}: ${lines.join('\n')}`);
      assert.match(lines[0], /^[^:]+; not exported: .*2 facts \(from 2 documents\)$/);
    }
  });

  it('doccano keeps spans, types and suggested status, and says that notes, KB ids, values and facts stay behind', () => {
    const { files, warnings } = exportDoccano([input], { includeSuggested: true });
    assert.match(warnings.join('\n'), /not exported: 2 notes, 2 KB ids, 2 normalised values, 1 fact/);
    const r = importDoccano(files[0].content, input.text, { documentName: input.name });
    compare(r, input, (a) => ({ type: a.type, start: a.start, end: a.end, text: a.text, status: a.status }));
    for (const offsetUnit of ['utf16', 'codepoints'] as const) {
      const again = importDoccano(exportDoccano([input], { includeSuggested: true, offsetUnit }).files[0].content, input.text);
      compare(again, input, (a) => ({ start: a.start, end: a.end, status: a.status }));
    }
  });
});
