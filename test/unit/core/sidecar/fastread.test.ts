import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { fastRead, fastReadData } from '../../../../src/core/sidecar/fastread';
import { YAML_OPTIONS, emitSidecar, parseSidecar, type SidecarData } from '../../../../src/core/sidecar';
import { parseWithNodes } from '../../../../src/core/sidecar/parse';

/** Data and source ranges of a yaml node tree, for comparing two readers. */
function shape(node: unknown): unknown {
  // Ranges as far as they are read (diagnostics, the writer): their start and the end of their value.
  if (isMap(node)) return { items: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')), range: node.range?.slice(0, 2) };
  if (isSeq(node)) return { flow: !!node.flow, items: node.items.map(shape), range: (node as Node).range?.slice(0, 2) };
  if (isScalar(node)) return [node.value, node.range?.slice(0, 2)];
  return node ?? null;
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '\\', '\n', '\t', '-', ',', '[', '😀', '\u0085', '\u2028', 'é', '0', '1', '.', '\r') });
const data = fc.record({
  path: text.filter((s) => s.length > 0),
  anns: fc.array(fc.record({ id: fc.stringMatching(/^[a-z][0-9]{1,3}$/), quote: text, prefix: text, note: fc.option(text, { nil: undefined }), start: fc.nat(1000), status: fc.constantFrom('suggested', 'confirmed', 'rejected') }), { maxLength: 6 }),
});

describe('fast sidecar reader (differential against yaml)', () => {
  it('reads what Factmark writes exactly as the yaml parser does, ranges included', () => {
    fc.assert(
      fc.property(data, fc.boolean(), fc.boolean(), ({ path, anns }, crlf, bom) => {
        const d: SidecarData = {
          version: 1,
          document: { path },
          annotations: anns.map((a) => ({ id: a.id, type: 'PERSON', start: a.start, end: a.start + 1, quote: a.quote, prefix: a.prefix, status: a.status as 'suggested', ...(a.note === undefined ? {} : { note: a.note }) })),
          facts: [{ id: 'f1', label: 'x', start: 0, end: 1, quote: 'q', entities: anns.map((a) => a.id) }],
        };
        const src = (bom ? '\uFEFF' : '') + emitSidecar(d, crlf ? '\r\n' : '\n');
        const fast = fastRead(src);
        assert.ok(fast, 'the fast reader reads its own output');
        assert.deepEqual(shape(fast), shape(parseDocument(src, YAML_OPTIONS).contents));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the data (no yaml nodes) exactly as converting the yaml parser\'s nodes gives it', () => {
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    fc.assert(
      fc.property(data, fc.boolean(), ({ path, anns }, crlf) => {
        const d: SidecarData = {
          version: 1,
          document: { path },
          annotations: anns.map((a) => ({ id: a.id, type: 'PERSON', start: a.start, end: a.start + 1, quote: a.quote, prefix: a.prefix, status: a.status as 'suggested', ...(a.note === undefined ? {} : { note: a.note }) })),
          facts: [{ id: 'f1', label: 'x', start: 0, end: 1, quote: 'q', entities: anns.map((a) => a.id) }],
        };
        const src = emitSidecar(d, crlf ? '\r\n' : '\n');
        assert.deepEqual(plain(fastReadData(src)), plain(parseDocument(src, YAML_OPTIONS).toJS()));
      }),
      { numRuns: 200 },
    );
  });

  it('loads without yaml nodes and builds them, the same as the parser\'s, when a write asks', () => {
    const src = 'factmark: 1\ndocument:\n  path: a.txt\nannotations:\n  - id: a1 # mine\n    type: PERSON\n    start: 0\n    end: 4\n    quote: "Kim "\n    status: suggested\nfacts: []\n';
    const parsed = parseWithNodes(src + ' ');
    assert.equal(parsed.result.writable, true);
    assert.deepEqual(shape(parsed.yaml!.contents), shape(parseDocument(src, YAML_OPTIONS).contents));
    // A key that would not be an own property of a plain object goes to the full parser, which reports it.
    const odd = parseSidecar(src.replace('    status: suggested\n', '    status: suggested\n    __proto__: x\n'));
    assert.equal(fastReadData(src.replace('facts: []\n', '__proto__: 1\nfacts: []\n')), undefined);
    assert.deepEqual(odd.diagnostics.map((x) => [x.code, x.line]), [['UNKNOWN_KEY', 10]]);
  });

  it('reads common hand edits the same way, and leaves anything else to the yaml parser', () => {
    const base = 'factmark: 1\ndocument:\n  path: a.txt\nannotations:\n- id: a1   # first\n  type: PERSON\n  quote: \'It\'\'s\'\n  start: 0\n  end: 4\n  status: suggested\n  x-flag: true\n  note: plain # comment\nfacts: []\n';
    const fast = fastRead(base);
    assert.ok(fast);
    assert.deepEqual(shape(fast), shape(parseDocument(base, YAML_OPTIONS).contents));
    for (const odd of ['  note: |\n    block\n', '  note: &a x\n', '  note: !!str x\n', '  note: "multi\n    line"\n', '  entities:\n    - a1\n', '  note: a: b\n', '\tnote: tab\n', '  note: {a: 1}\n', '  note: 0x1F\n', '---\n', '%YAML 1.2\n', '  note: x\r  y\n', '  id: again\n']) {
      assert.equal(fastRead(base.replace('facts: []\n', '') .replace('  note: plain # comment\n', odd)), undefined, JSON.stringify(odd));
    }
  });

  it('locates the errors of a file in its layout where the yaml parser does (they are found on its nodes)', () => {
    const entry = (id: string, status: string) => `  - id: ${id} # checked\n    type: PERSON\n    start: 0\n    end: 4\n    quote: "Kim "\n${status}`;
    for (const eol of ['\n', '\r\n']) {
      const src = ['# hand-edited', 'factmark: 1', 'document:', '  path: a.txt', 'annotations:', entry('a1', ''), entry('a2', '    status: maybe\n'), entry('a3', '    status: confirmed\n    colour: red\n'), 'facts: []', ''].join('\n').replace(/\n/g, eol);
      assert.ok(fastRead(src), 'the fast reader reads it');
      const parsed = parseWithNodes(src);
      assert.ok(parsed.fast, 'read by the fast reader');
      // The same file behind a directive, which the fast reader leaves to the yaml parser: two lines lower.
      const viaParser = parseSidecar(`%YAML 1.2${eol}---${eol}${src}`).diagnostics.map((d) => ({ ...d, line: d.line - 2, endLine: d.endLine - 2 }));
      assert.equal(parsed.result.diagnostics.length, 3, JSON.stringify(parsed.result.diagnostics));
      assert.deepEqual(parsed.result.diagnostics, viaParser);
    }
  });

  it('locates an empty value with spaces or a comment after it, and a whole entry, where the yaml parser does', () => {
    // `labels:   # later` (an empty value: the parser puts it after the spaces, at the comment) and an
    // entry whose end is before its start (the entry's range runs to the start of the line after it).
    const entry = (id: string, start: number, end: number) => `  - id: ${id}\n    type: PERSON\n    start: ${start}\n    end: ${end}\n    quote: "Kim " # hand-edited\n    status: suggested\n`;
    for (const eol of ['\n', '\r\n']) {
      for (const labels of ['labels:   # later\n', 'labels:  \n', 'offsets: \n']) {
        for (const tail of ['facts: []\n', 'facts: []']) {
          const src = `factmark: 1\n${labels}document:\n  path: a.txt\nannotations:\n${entry('a1', 4, 0)}    # between\n\n${entry('a2', 0, 4)}${entry('a3', 9, 2).trimEnd()}\n${tail}`.replace(/\n/g, eol);
          const parsed = parseWithNodes(src);
          assert.ok(parsed.fast, 'read by the fast reader');
          const viaParser = parseSidecar(`%YAML 1.2${eol}---${eol}${src}`).diagnostics.map((d) => ({ ...d, line: d.line - 2, endLine: d.endLine - 2 }));
          assert.equal(parsed.result.diagnostics.length, 3, JSON.stringify(parsed.result.diagnostics));
          assert.deepEqual(parsed.result.diagnostics, viaParser, JSON.stringify(src));
        }
      }
    }
  });
});
