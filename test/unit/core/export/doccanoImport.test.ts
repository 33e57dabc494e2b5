/** doccano import (issue 12, items 1, 5, 6, 7): offsets in the unit the file used, every loss reported. */
import * as assert from 'node:assert/strict';
import { exportDoccano, toDoccanoLine } from '../../../../src/core/export/doccano';
import { importDoccano } from '../../../../src/core/export/doccanoImport';
import { DocBuilder } from './fixtures';

/** Two news lines with emoji before most entities, as doccano's web UI stores them (UTF-16 offsets). */
const TEXT = '🇰🇵 Gen. Kim Yong-chol 😀 met U.S. officials in Panmunjom. 울산 👍 and Seoul agreed.';
const spansOf = (text: string, ...quotes: [string, string][]) => quotes.map(([q, t]) => [text.indexOf(q), text.indexOf(q) + q.length, t] as [number, number, string]);

describe('doccano import', () => {
  it('reads UTF-16 offsets (doccano’s web UI) where its spans fit, instead of shifting them silently', () => {
    const label = spansOf(TEXT, ['Kim Yong-chol', 'PERSON'], ['U.S.', 'PLACE'], ['Panmunjom', 'PLACE'], ['울산', 'PLACE'], ['Seoul', 'PLACE']);
    const r = importDoccano(JSON.stringify({ text: TEXT, label }), TEXT);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.annotations.map((a) => a.text), ['Kim Yong-chol', 'U.S.', 'Panmunjom', '울산', 'Seoul']);
  });

  it('still reads code points (doccano’s backend) where those fit', () => {
    const cps = [...TEXT];
    const label = ['Kim Yong-chol', '울산', 'Seoul'].map((q) => {
      const at = [...TEXT.slice(0, TEXT.indexOf(q))].length;
      return [at, at + [...q].length, 'X'];
    });
    assert.equal(cps.length < TEXT.length, true);
    const r = importDoccano(JSON.stringify({ text: TEXT, label }), TEXT);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.annotations.map((a) => a.text), ['Kim Yong-chol', '울산', 'Seoul']);
  });

  it('Factmark’s own export says its unit, and the import follows it', () => {
    const b = new DocBuilder(TEXT);
    b.add('Kim Yong-chol', 'PERSON');
    b.add('울산', 'PLACE');
    for (const offsetUnit of ['utf16', 'codepoints'] as const) {
      const line = toDoccanoLine(b.build(), { offsetUnit });
      assert.equal(JSON.parse(line).meta.offsets, offsetUnit);
      const r = importDoccano(line, TEXT);
      assert.deepEqual(r.annotations.map((a) => a.text), ['Kim Yong-chol', '울산'], offsetUnit);
    }
  });

  it('imports nothing and says so when the offsets fit both units', () => {
    const text = '😀 I. I.';
    const r = importDoccano(JSON.stringify({ text, label: [[3, 4, 'X']] }), text);
    assert.deepEqual(r.annotations, []);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].kind, 'ambiguous');
    assert.match(r.problems[0].reason, /code points and UTF-16/);
    const told = importDoccano(JSON.stringify({ text, label: [[3, 4, 'X']] }), text, { offsetUnit: 'utf16' });
    assert.deepEqual(told.annotations.map((a) => a.text), ['I']);
  });

  it('accepts span objects in "label" and renamed text and label columns, as doccano’s importer does', () => {
    const text = 'Kim met Lee in Seoul.';
    const objects = importDoccano(JSON.stringify({ text, label: [{ start_offset: 0, end_offset: 3, label: 'PERSON' }, [8, 11, 'PERSON']] }), text);
    assert.deepEqual(objects.problems, []);
    assert.deepEqual(objects.annotations.map((a) => a.text), ['Kim', 'Lee']);
    const renamed = JSON.stringify({ data: text, ents: [[15, 20, 'PLACE']] });
    const told = importDoccano(renamed, text, { textColumn: 'data', labelColumn: 'ents' });
    assert.deepEqual(told.annotations.map((a) => a.text), ['Seoul']);
    const untold = importDoccano(renamed, text);
    assert.match(untold.problems.map((p) => p.reason).join('\n'), /no "text" string \(it has "data"/);
  });

  it('reports a line whose spans are under another column (a renamed "label"), instead of importing nothing unsaid', () => {
    // `factmark import` does not ask for the column: the line gave 0 annotations and no problem, exit 0.
    const labels = spansOf(TEXT, ['Kim Yong-chol', 'PERSON']);
    const r = importDoccano(JSON.stringify({ text: TEXT, labels }), TEXT);
    assert.equal(r.annotations.length, 0);
    assert.deepEqual(r.problems.map((p) => [p.kind, p.line, p.reason, p.imported]), [['syntax', 1, 'line has no "label" list (it has "labels": a renamed label column? say which)', false]]);
    assert.deepEqual(importDoccano(JSON.stringify({ text: TEXT, labels }), TEXT, { labelColumn: 'labels' }).annotations.map((a) => a.text), ['Kim Yong-chol']);
    assert.deepEqual(importDoccano(JSON.stringify({ text: TEXT }), TEXT).problems, [], 'a line with no list at all has nothing to import');
  });

  it('reports relations, and lines that are not doccano objects ("hello", [])', () => {
    const text = 'Kim met Lee.';
    const r = importDoccano(JSON.stringify({ text, entities: [{ id: 1, start_offset: 0, end_offset: 3, label: 'PERSON' }], relations: [{ from_id: 1, to_id: 1, type: 'self' }] }), text);
    assert.equal(r.annotations.length, 1);
    assert.match(r.problems.map((p) => p.reason).join('\n'), /1 relation not imported/);
    for (const content of ['"hello"', '[]', '']) {
      const bad = importDoccano(content, text);
      assert.equal(bad.annotations.length, 0);
      assert.ok(bad.problems.length > 0, `${content}: nothing imported and nothing said`);
    }
  });

  it('keeps suggested annotations suggested through export and import', () => {
    const b = new DocBuilder('Kim met Lee in Seoul.');
    b.add('Kim', 'PERSON');
    b.add('Lee', 'PERSON', { status: 'suggested' });
    const line = toDoccanoLine(b.build(), { includeSuggested: true });
    const r = importDoccano(line, 'Kim met Lee in Seoul.');
    assert.deepEqual(r.annotations.map((a) => [a.text, a.status]), [['Kim', 'confirmed'], ['Lee', 'suggested']]);
  });

  it('warns on export when spans overlap (a default doccano project drops them)', () => {
    const b = new DocBuilder('Port of Lisbon opened.');
    b.add('Port of Lisbon', 'ORGANIZATION');
    b.add('Lisbon', 'PLACE');
    const r = exportDoccano([b.build()]);
    assert.match(r.warnings.join('\n'), /2 of 2 spans overlap/);
    assert.deepEqual(exportDoccano([new DocBuilder('Seoul.').build()]).warnings, []);
  });
});

describe('doccano renamed columns', () => {
  it('names the columns that could hold the text and the labels when the usual ones are missing', async () => {
    const { renamedColumns } = await import('../../../../src/core/export/doccanoImport');
    assert.deepEqual(renamedColumns(JSON.stringify({ data: 'Kim met Lee.', ents: [[0, 3, 'PERSON']], id: 4 })), { text: ['data'], label: ['ents'] });
    assert.equal(renamedColumns(JSON.stringify({ text: 'Kim met Lee.', label: [] })), undefined);
    assert.equal(renamedColumns(JSON.stringify({ data: 'x', ents: [] }), { textColumn: 'data', labelColumn: 'ents' }), undefined);
  });
});
