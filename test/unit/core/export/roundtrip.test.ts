/**
 * Export → import gives the same annotations back, on text with emoji, Hangul, combining marks and CRLF.
 * Checked on a hand-built news-like document and on random documents (fast-check).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../../src/core/model';
import { toBratAnn } from '../../../../src/core/export/brat';
import { importBrat } from '../../../../src/core/export/bratImport';
import { toDoccanoLine } from '../../../../src/core/export/doccano';
import { importDoccano } from '../../../../src/core/export/doccanoImport';
import type { ExportInput, ImportResult } from '../../../../src/core/export/types';
import { toW3cCollection } from '../../../../src/core/export/w3c';
import { importW3c } from '../../../../src/core/export/w3cImport';
import { DocBuilder, essentials, hardDocument } from './fixtures';

function exported(input: ExportInput, includeSuggested = false): Annotation[] {
  return input.doc.annotations
    .filter((a) => a.status === 'confirmed' || (includeSuggested && a.status === 'suggested'))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

function sorted(r: ImportResult): Annotation[] {
  return r.annotations.slice().sort((a, b) => a.start - b.start || a.end - b.end);
}

describe('round trips on a document with emoji, Hangul, combining marks and CRLF', () => {
  const input = hardDocument();

  it('brat: types, spans, values, KB ids, notes, suggested status and facts come back', () => {
    const r = importBrat(toBratAnn(input, { includeSuggested: true }), input.text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(sorted(r).map(essentials), exported(input, true).map(essentials));
    assert.deepEqual(sorted(r).map((a) => a.status), exported(input, true).map((a) => a.status));
    const [fact] = r.facts;
    const original = input.doc.facts[0];
    assert.equal(r.facts.length, 1);
    assert.deepEqual({ label: fact.label, start: fact.start, end: fact.end, date: fact.date, note: fact.note }, { label: original.label, start: original.start, end: original.end, date: original.date, note: original.note });
    const byId = new Map(r.annotations.map((a) => [a.id, a.text]));
    const originalById = new Map(input.doc.annotations.map((a) => [a.id, a.text]));
    assert.deepEqual(fact.entities.map((id) => byId.get(id)), original.entities.map((id) => originalById.get(id)));
  });

  it('W3C: types, spans, values, KB ids, notes (line breaks included) and facts come back', () => {
    const r = importW3c(JSON.stringify(toW3cCollection([input])), input.text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(sorted(r).map(essentials), exported(input).map(essentials));
    assert.equal(r.facts.length, 1);
    assert.equal(r.facts[0].date, input.doc.facts[0].date);
    assert.equal(r.facts[0].entities.length, input.doc.facts[0].entities.length);
  });

  it('doccano: types and spans come back (its format has no values, KB ids or notes)', () => {
    const r = importDoccano(toDoccanoLine(input), input.text);
    assert.deepEqual(r.problems, []);
    const strip = (a: Annotation) => ({ type: a.type, start: a.start, end: a.end, text: a.text });
    assert.deepEqual(sorted(r).map(strip), exported(input).map(strip));
  });

  it('doccano in UTF-16 units round-trips: the line says its unit, and a line that does not is read in the unit its spans fit', () => {
    const line = toDoccanoLine(input, { offsetUnit: 'utf16' });
    const texts = (r: ImportResult) => sorted(r).map((a) => a.text);
    const said = importDoccano(line, input.text);
    assert.deepEqual(said.problems, []);
    assert.deepEqual(texts(said), exported(input).map((a) => a.text));
    const row = JSON.parse(line) as { meta: Record<string, unknown> };
    delete row.meta.offsets;
    const unsaid = importDoccano(JSON.stringify(row), input.text);
    assert.deepEqual(unsaid.problems, []);
    assert.deepEqual(texts(unsaid), exported(input).map((a) => a.text));
  });
});

describe('round trips on random documents', function () {
  this.timeout(30_000);
  const pieces = ['Kim', ' ', 'Seoul', '남북', '회담', '😀', '👩‍👩‍👧', 'e\u0301', 'é', '\r\n', '\n', ',', '.', '"', '|', '%', 'Q42', '\t', 'ab', '𝒳'];
  const arbText = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
  const arbDoc = arbText.chain((text) =>
    fc
      .array(
        fc.record({
          a: fc.nat(text.length),
          b: fc.nat(text.length),
          type: fc.constantFrom('PERSON', 'PLACE', 'DATE', 'ORGANIZATION', 'MISC'),
          value: fc.option(fc.constantFrom('2006-03-02', 'a value with spaces', '100%', 'P7Y'), { nil: undefined }),
          kb: fc.option(fc.constantFrom('Q423', 'GeoNames:1835848', 'local id 7'), { nil: undefined }),
          note: fc.option(fc.constantFrom('checked', 'pipe | "quote"', 'émoji 😀'), { nil: undefined }),
        }),
        { maxLength: 8 },
      )
      .map((specs) => {
        const annotations: Annotation[] = [];
        for (const s of specs) {
          let [start, end] = s.a <= s.b ? [s.a, s.b] : [s.b, s.a];
          // never cut a surrogate pair; brat cannot keep line breaks at a span's edges
          if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
          if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
          const slice = text.slice(start, end);
          if (slice.length === 0 || /^[\r\n]|[\r\n]$/.test(slice)) continue;
          annotations.push({ id: `a${annotations.length + 1}`, type: s.type, start, end, text: slice, status: 'confirmed', ...(s.value ? { value: s.value } : {}), ...(s.kb ? { kb: s.kb } : {}), ...(s.note ? { note: s.note } : {}) });
        }
        const input: ExportInput = { text, name: 'random.txt', doc: { path: 'random.txt', annotations, facts: [] } };
        return input;
      }),
  );

  it('brat gives back every annotation', () => {
    fc.assert(
      fc.property(arbDoc, (input) => {
        const r = importBrat(toBratAnn(input), input.text);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(sorted(r).map(essentials), exported(input).map(essentials));
      }),
      { numRuns: 300 },
    );
  });

  it('W3C gives back every annotation', () => {
    fc.assert(
      fc.property(arbDoc, (input) => {
        const r = importW3c(JSON.stringify(toW3cCollection([input])), input.text);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(sorted(r).map(essentials), exported(input).map(essentials));
      }),
      { numRuns: 300 },
    );
  });

  it('doccano gives back every span', () => {
    fc.assert(
      fc.property(arbDoc, (input) => {
        const r = importDoccano(toDoccanoLine(input), input.text);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(sorted(r).map((a) => [a.start, a.end, a.type]), exported(input).map((a) => [a.start, a.end, a.type]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('importers re-check every annotation against the text', () => {
  const original = new DocBuilder('Kim met Lee in Seoul. Later Kim flew to Busan.');
  original.add('Seoul', 'PLACE', { kb: 'Q8684' });
  original.add('Kim', 'PERSON', { nth: 1 });
  const input = original.build();
  // the document was edited after export: a sentence inserted before, a place renamed
  const edited = 'Breaking: Kim met Lee in Seoul. Later Kim flew to Pusan.';

  it('brat: a quote that moved is found again and reported as relocated', () => {
    const r = importBrat(toBratAnn(input), edited);
    assert.deepEqual(r.annotations.map((a) => edited.slice(a.start, a.end)), ['Seoul', 'Kim']);
    // the second Kim, not the first: the nearest occurrence to the old offsets
    assert.equal(r.annotations[1].start, edited.lastIndexOf('Kim'));
    assert.equal(r.problems.filter((p) => p.kind === 'relocated').length, 2);
  });

  it('W3C: prefix and suffix choose between occurrences', () => {
    const collection = toW3cCollection([input]);
    // drop positions: only the quote and its context remain
    for (const item of collection.first.items) (item.target.selector as unknown[]).splice(1, 1);
    const r = importW3c(JSON.stringify(collection), edited);
    assert.equal(r.annotations[1].start, edited.lastIndexOf('Kim'));
    assert.deepEqual(r.problems, []);
  });

  it('what does not anchor is returned as a problem, never dropped silently', () => {
    const gone = input.text.replace('Seoul', 'Incheon');
    for (const r of [importBrat(toBratAnn(input), gone), importW3c(JSON.stringify(toW3cCollection([input])), gone), importDoccano(toDoccanoLine(input), gone)]) {
      assert.deepEqual(r.annotations.map((a) => a.text), ['Kim']);
      const unanchored = r.problems.filter((p) => p.kind === 'unanchored');
      assert.equal(unanchored.length, 1);
      assert.match(unanchored[0].reason, /Seoul/);
      assert.equal(unanchored[0].imported, false);
    }
  });

  it('W3C: takes the annotations of the asked document out of a multi-document collection', () => {
    const other = new DocBuilder('Lee stayed in Busan.', 'other.txt');
    other.add('Busan', 'PLACE');
    const withUri = { ...other.build(), uri: 'file:///news/other.txt' };
    const content = JSON.stringify(toW3cCollection([input, withUri]));
    const byUri = importW3c(content, withUri.text, { documentUri: withUri.uri });
    assert.deepEqual(byUri.annotations.map((a) => a.text), ['Busan']);
    assert.equal(byUri.problems.length, 1);
    assert.match(byUri.problems[0].reason, /2 annotations of another document/);
    const byName = importW3c(content, input.text, { documentName: input.name });
    // in position order: "Seoul", then the second "Kim"
    assert.deepEqual(byName.annotations.map((a) => a.text), ['Seoul', 'Kim']);
  });

  it('brat: relations, other attributes and malformed lines are reported with their line number', () => {
    const ann = ['T1\tPerson 0 3\tKim', 'T2\tPerson 8 11\tLee', 'R1\tFamily Arg1:T1 Arg2:T2\t', 'A1\tNegation T1', 'T3 Person 0 3 Kim', ''].join('\n');
    const r = importBrat(ann, input.text);
    assert.equal(r.annotations.length, 2);
    assert.deepEqual(r.problems.map((p) => [p.kind, p.line]), [['unsupported', 3], ['syntax', 5], ['unsupported', 4]]);
  });
});
