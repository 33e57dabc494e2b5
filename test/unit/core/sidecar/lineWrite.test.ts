import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../../src/core/model';
import { buildSidecarData, fingerprintData, parseSidecar, updateSidecar, writeSidecar, type SidecarData } from '../../../../src/core/sidecar';
import { sameData } from '../../../../src/core/sidecar/canonical';
import * as fastread from '../../../../src/core/sidecar/fastread';
import { editLines } from '../../../../src/core/sidecar/lineWrite';
import { parseWithNodes } from '../../../../src/core/sidecar/parse';
import { insertionGroups } from '../../../../src/core/sidecar/textEdits';
import { editInPlace } from '../../../../src/core/sidecar/write';
import { compareEntries } from '../../../../src/core/sidecar/canonical';
import { inputOf } from './helpers';

// Issue 11: a file in Factmark's layout is written through the fast reader's index of lines
// (lineWrite.ts) instead of yaml nodes. It must make exactly the edits the node writer makes, on
// the files people really have: comments, hand-edited entries, CRLF, a BOM, astral characters.

const TEXT = 'Kim Jong Il met 😀 Roh Moo-hyun in Seoul on March 2, 2006.\r\n남북 장성급 회담 in Panmunjom, said "Ri".\n';
const WORDS = ['Kim Jong Il', 'Roh Moo-hyun', 'Seoul', 'March 2, 2006', '남북', 'Panmunjom', '"Ri"', '😀 Roh'];

function annotationsOf(picks: { word: number; id: number; status: number; note?: string; kb?: string }[]): Annotation[] {
  const seen = new Set<string>();
  const out: Annotation[] = [];
  for (const p of picks) {
    const id = `a${p.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const quote = WORDS[p.word];
    const start = TEXT.indexOf(quote);
    const a: Annotation = { id, start, end: start + quote.length, text: quote, type: p.word % 2 ? 'PERSON' : 'PLACE', status: (['suggested', 'confirmed', 'rejected'] as const)[p.status] };
    if (p.note !== undefined) a.note = p.note;
    if (p.kb !== undefined) a.kb = p.kb;
    out.push(a);
  }
  return out;
}

/** What a person does to a sidecar by hand, each kept by the fast reader. */
const handEdits: ((s: string) => string)[] = [
  (s) => s.replace(/\n {2}- id: (a\d+)\n/, '\n  # checked by the desk\n  - id: $1   # mine\n'),
  (s) => s.replace(/\n {4}quote: ([^\n]*)\n/, '\n    x-reviewer: jo\n    quote: $1\n'),
  (s) => s.replace('offsets: codepoints\n', 'offsets: codepoints\nx-team: politics   # ours\n'),
  (s) => s.replace(/\n {4}status: (\w+)\n/, "\n    status: '$1'\n"),
  (s) => s.replace(/\n\n {2}- id/g, '\n  - id'),
  (s) => s.replace(/^ {2}- id/gm, '- id').replace(/^ {4}(\w)/gm, '  $1').replace(/^ {2}(path|date|gitBlob)/gm, '  $1'),
  (s) => s.replace(/\n {4}type: (\w+)\n {4}start: (\d+)\n/, '\n    start: $2\n    type: $1\n'),
  (s) => `# Reviewed, keep this header\n${s}# end of file\n`,
  (s) => s.replace(/\n/g, '\r\n'),
  (s) => `\uFEFF${s}`,
];

const picks = fc.array(
  fc.record({ word: fc.nat(WORDS.length - 1), id: fc.nat(9), status: fc.nat(2), note: fc.option(fc.constantFrom('leader', 'two\nlines', '😀 "q"', "it's: here # not a comment"), { nil: undefined }), kb: fc.option(fc.constantFrom('Q1', 'Q42'), { nil: undefined }) }),
  { maxLength: 7 },
);

describe('the line writer (issue 11: no yaml nodes for a file in Factmark\'s layout)', () => {
  it('makes exactly the edits of the yaml-node writer on hand-edited files (comments, unknown keys, quoting, CRLF, BOM, unicode)', () => {
    fc.assert(
      fc.property(picks, picks, fc.subarray(handEdits.map((_, i) => i)), fc.option(fc.constantFrom('2006-03-02', '2007'), { nil: undefined }), fc.boolean(), (before, after, edits, date, labels) => {
        let original = updateSidecar(undefined, inputOf(TEXT, annotationsOf(before)));
        for (const i of edits) original = handEdits[i](original);
        const parsed = parseWithNodes(original);
        assert.ok(parsed.result.writable, JSON.stringify(parsed.result.diagnostics));
        assert.ok(parsed.fast, `the fast reader reads the hand-edited file:\n${original}`);
        const input = inputOf(TEXT, annotationsOf(after), date === undefined ? {} : { documentDate: date });
        const data: SidecarData = { ...buildSidecarData(input), ...(labels ? { labels: ['PERSON', 'PLACE', 'Weapon system'] } : {}) };
        const invalid = parsed.result.doc!.invalid;
        const byLines = attempt(() => editLines(original, parsed.fast!, invalid, data));
        const byNodes = attempt(() => editInPlace(original, parsed.yaml!, invalid, data));
        assert.deepEqual(byLines, byNodes);
        const written = writeSidecar(original, data);
        assert.ok(sameData(parseSidecar(written).doc!, data), 'the written file reads back to the data');
      }),
      { numRuns: 200 },
    );
  });

  it('writes a large sidecar after a prepend without building yaml nodes', () => {
    const anns: Annotation[] = [];
    let text = '';
    for (let i = 0; i < 2000; i++) {
      const name = `Person${i.toString(36)}`;
      anns.push({ id: `a${i}`, type: 'PERSON', start: text.length + 3, end: text.length + 3 + name.length, text: name, status: 'suggested' });
      text += `On ${name} met the delegation. `;
    }
    const original = updateSidecar(undefined, inputOf(text, anns));
    const moved = anns.map((a) => ({ ...a, start: a.start + 1, end: a.end + 1 }));
    // The yaml nodes of a file the fast reader read are built by fastRead, only when a writer asks.
    const m = fastread as { fastRead: typeof fastread.fastRead };
    const real = m.fastRead;
    let built = 0;
    m.fastRead = (t) => {
      built++;
      return real(t);
    };
    try {
      const out = updateSidecar(original, inputOf(`.${text}`, moved));
      assert.equal(parseSidecar(out).doc!.annotations[1999].start, anns[1999].start + 1);
    } finally {
      m.fastRead = real;
    }
    assert.equal(built, 0, 'yaml nodes were built for the write');
  });

  it('compares data as the fingerprints do: same content, whatever the order and the absent, null or false fields', () => {
    const base = buildSidecarData(inputOf(TEXT, annotationsOf([{ word: 0, id: 1, status: 0 }, { word: 2, id: 2, status: 1, note: 'n' }, { word: 5, id: 3, status: 2 }])));
    const variants: SidecarData[] = [
      base,
      { ...base, annotations: [...base.annotations].reverse() },
      { ...base, annotations: base.annotations.map((a, i) => (i === 1 ? { ...a, orphaned: false } : a)) },
      { ...base, annotations: base.annotations.map((a, i) => (i === 1 ? { ...a, note: 'm' } : a)) },
      { ...base, annotations: base.annotations.slice(1) },
      { ...base, annotations: [base.annotations[0], base.annotations[0], base.annotations[2]] },
      { ...base, document: { ...base.document, date: '2006' } },
      { ...base, labels: ['PERSON'] },
      { ...base, facts: [{ id: 'f1', label: 'met', start: 0, end: 3, quote: 'Kim', entities: ['a1', 'a2'] }] },
      { ...base, facts: [{ id: 'f1', label: 'met', start: 0, end: 3, quote: 'Kim', entities: ['a2', 'a1'] }] },
    ];
    for (const a of variants) for (const b of variants) assert.equal(sameData(a, b), fingerprintData(a) === fingerprintData(b));
  });

  it('puts new entries where a search per entry put them, in one pass, even among unsorted old ones', () => {
    const entry = fc.record({ id: fc.constantFrom('a', 'b', 'c'), start: fc.nat(5), end: fc.nat(5) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(entry, { maxLength: 8 }), (fresh, keys) => {
        const sorted = [...fresh].sort(compareEntries);
        const expected = new Map<number, typeof fresh>();
        for (const e of sorted) {
          let j = keys.findIndex((k) => compareEntries(e, k) < 0);
          if (j < 0) j = keys.length;
          expected.set(j, [...(expected.get(j) ?? []), e]);
        }
        assert.deepEqual([...insertionGroups(sorted, keys)], [...expected]);
      }),
    );
  });
});

/** The result of an edit, or the name of what it threw. */
function attempt(edit: () => string): string {
  try {
    return edit();
  } catch (e) {
    return `threw ${(e as Error).constructor.name}`;
  }
}
