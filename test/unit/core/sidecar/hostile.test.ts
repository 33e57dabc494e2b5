import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parseSidecar, updateSidecar, SidecarNotWritableError, SIDECAR_SCHEMA, MAX_SIDECAR_LENGTH, type ParseResult } from '../../../../src/core/sidecar';
import { inputOf, annotate } from './helpers';

const GOOD = `factmark: 1
document:
  path: article.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 0
    end: 3
    quote: Kim
    status: suggested
  - id: a2
    type: PLACE
    start: 8
    end: 13
    quote: Seoul
    status: confirmed
facts: []
`;

function refused(r: ParseResult, code: string, line?: number): void {
  assert.equal(r.writable, false, 'must not be writable');
  const d = r.diagnostics.find((x) => x.code === code && x.severity === 'error');
  assert.ok(d, `expected a ${code} error, got ${JSON.stringify(r.diagnostics)}`);
  if (line !== undefined) assert.equal(d.line, line, `line of ${d.message}`);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

describe('hostile and malformed sidecars (F-series)', () => {
  it('F1: a syntax error is reported at its line and column and the file is read-only', () => {
    const bad = GOOD.replace('    end: 3\n', '    end: [3\n');
    const r = parseSidecar(bad);
    refused(r, 'YAML_SYNTAX');
    const lines = bad.split('\n');
    const d = r.diagnostics[0];
    assert.ok(d.line >= 8 && d.line < lines.length, `line ${d.line}`);
    assert.throws(() => updateSidecar(bad, inputOf('Kim in Seoul', [])), SidecarNotWritableError);
  });

  it('F1: an unterminated quote points at the right line (CRLF and BOM do not shift columns)', () => {
    const bad = '\uFEFF' + GOOD.replace('quote: Seoul', 'quote: "Seoul').replace(/\n/g, '\r\n');
    const r = parseSidecar(bad);
    refused(r, 'YAML_SYNTAX');
    assert.ok(r.diagnostics[0].line >= 15, JSON.stringify(r.diagnostics[0]));
  });

  it('F2: a file truncated mid-scalar is refused', () => {
    refused(parseSidecar(GOOD.slice(0, GOOD.indexOf('Seoul') + 3).replace('quote: Seo', 'quote: "Seo')), 'YAML_SYNTAX');
  });

  it('F3: a billion-laughs alias bomb is refused fast and expands nothing', () => {
    let bomb = 'factmark: 1\ndocument: {path: a.txt}\nl0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 15; i++) bomb += `l${i}: &l${i} [${Array(15).fill(`*l${i - 1}`).join(',')}]\n`;
    const { value, ms } = timed(() => parseSidecar(bomb));
    refused(value, 'ALIAS', 3);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('F4: merge keys are not applied', () => {
    const r = parseSidecar(GOOD + 'base: &b {x: 1}\nother:\n  <<: *b\n');
    refused(r, 'ALIAS');
  });

  it('F5: 100k nested brackets are refused quickly without a crash', () => {
    const { value, ms } = timed(() => parseSidecar('factmark: 1\nx: ' + '['.repeat(100000)));
    refused(value, 'TOO_DEEP', 1);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('F6: executable-looking and binary tags are refused, nothing runs', () => {
    for (const tag of ['!!js/function "function(){ globalThis.pwned = 1 }"', '!!python/object/apply:os.system ["echo"]', '!custom x', '!!binary aGVsbG8=']) {
      const r = parseSidecar(GOOD.replace('quote: Kim', `quote: ${tag}`));
      refused(r, 'TAG', 9);
      assert.equal((globalThis as { pwned?: number }).pwned, undefined);
    }
  });

  it('F7: a %YAML 1.1 directive is refused, so NO is never turned into false', () => {
    refused(parseSidecar('%YAML 1.1\n---\n' + GOOD.replace('quote: Kim', 'quote: NO')), 'YAML_VERSION');
    // Without the directive, YAML 1.2 core keeps NO, yes and dates as the strings typed.
    const r = parseSidecar(GOOD.replace('quote: Kim', 'quote: NO').replace('path: article.txt', 'path: article.txt\n  date: 2006-03-02'));
    assert.equal(r.doc!.annotations[0].quote, 'NO');
    assert.equal(r.doc!.document.date, '2006-03-02');
  });

  it('F8: duplicate keys are an error; F9: two documents are an error', () => {
    refused(parseSidecar(GOOD.replace('    end: 3\n', '    end: 3\n    end: 4\n')), 'YAML_SYNTAX', 9);
    refused(parseSidecar(GOOD + '---\nfactmark: 1\n'), 'YAML_SYNTAX');
  });

  it('F10: a wrong entry is reported at its line, the others still load and it is kept verbatim on write', () => {
    const bad = GOOD.replace('    start: 0\n', '    start: "abc"\n');
    const r = parseSidecar(bad);
    assert.equal(r.writable, true);
    assert.deepEqual(r.doc!.annotations.map((a) => a.id), ['a2']);
    assert.deepEqual(r.doc!.invalid, [{ list: 'annotations', index: 0, id: 'a1' }]);
    const d = r.diagnostics.find((x) => x.code === 'SCHEMA')!;
    assert.equal(d.line, 7);
    assert.equal(d.column, 11);
    assert.match(d.message, /annotations\[0\] \(a1\)\.start: must be integer/);
    // Writing a change to a2 leaves the invalid a1 untouched.
    const text = 'Kim and Seoul';
    const a2 = { ...annotate(text, 'a2', 'Seoul', 'PLACE'), status: 'rejected' as const };
    const out = updateSidecar(bad, inputOf(text, [a2]));
    assert.ok(out.includes('  - id: a1\n    type: PERSON\n    start: "abc"\n    end: 3\n    quote: Kim\n    status: suggested\n'));
    assert.match(out, /status: rejected/);
  });

  it('F10: end before start, negative, float and huge offsets, missing quote, duplicate id', () => {
    const cases: [string, string][] = [
      ['    end: 3\n', '    end: -1\n'],
      ['    end: 3\n', '    end: 2.5\n'],
      ['    end: 3\n', '    end: 1152921504606846976\n'],
      ['    quote: Kim\n', ''],
      ['    start: 8\n', '    start: 20\n'],
      ['  - id: a2\n', '  - id: a1\n'],
    ];
    for (const [from, to] of cases) {
      const r = parseSidecar(GOOD.replace(from, to));
      assert.equal(r.writable, true, to);
      assert.equal(r.doc!.annotations.length, 1, `one entry left for ${JSON.stringify(to)}`);
      assert.ok(r.diagnostics.some((d) => d.severity === 'error'), to);
    }
  });

  it('F11: __proto__ and constructor keys do not touch Object.prototype', () => {
    const r = parseSidecar(GOOD.replace('    status: suggested\n', '    status: suggested\n    __proto__: {polluted: yes}\n    constructor: x\n'));
    assert.equal(r.writable, true);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    assert.ok(r.diagnostics.some((d) => d.code === 'UNKNOWN_KEY' && d.message.includes('__proto__')));
  });

  it('F13: absolute or escaping document paths are rejected', () => {
    for (const p of ['/etc/passwd', '../../etc/passwd', 'a/../../b', 'C:/x.txt']) {
      refused(parseSidecar(GOOD.replace('path: article.txt', `path: "${p}"`)), 'SCHEMA', 2);
    }
  });

  it('F14: an oversized sidecar is refused at once with a clear message', () => {
    const big = GOOD + '# ' + 'x'.repeat(MAX_SIDECAR_LENGTH) + '\n';
    const { value, ms } = timed(() => parseSidecar(big));
    refused(value, 'TOO_LARGE', 0);
    assert.match(value.diagnostics[0].message, /20 MB/);
    assert.ok(ms < 100, `took ${ms} ms`);
  });

  it('refuses an unknown or newer version, and files that are not sidecars', () => {
    refused(parseSidecar(GOOD.replace('factmark: 1', 'factmark: 2')), 'VERSION', 0);
    refused(parseSidecar(GOOD.replace('factmark: 1', 'factmark: "1"')), 'VERSION', 0);
    refused(parseSidecar('hello: world\n'), 'NOT_SIDECAR');
    refused(parseSidecar('- a\n- b\n'), 'NOT_SIDECAR');
  });

  it('a schema violation outside the entries makes the file read-only', () => {
    refused(parseSidecar(GOOD.replace('offsets: codepoints', 'offsets: utf16')), 'SCHEMA', 3);
    refused(parseSidecar(GOOD.replace('facts: []', 'facts: 3')), 'SCHEMA', 17);
  });

  it('the published schema is valid draft-07 and agrees with the parser', () => {
    const validate = new Ajv({ allErrors: true, strict: true, strictTuples: false, strictRequired: false, allowUnionTypes: true }).compile(SIDECAR_SCHEMA);
    const r = parseSidecar(GOOD);
    assert.equal(r.writable, true);
    assert.deepEqual(r.diagnostics, []);
    const data = JSON.parse(JSON.stringify({ factmark: 1, document: r.doc!.document, offsets: 'codepoints', annotations: r.doc!.annotations, facts: r.doc!.facts })) as { annotations: { status: string }[] };
    assert.ok(validate(data), JSON.stringify(validate.errors));
    data.annotations[0].status = 'maybe';
    assert.equal(validate(data), false);
  });

  it('a comment inside a flow list is a syntax error reported, not a label read (the fast reader agrees with yaml)', () => {
    const text = GOOD.replace('offsets: codepoints\n', 'offsets: codepoints\nlabels: [PERSON #c, ORG]\n');
    const r = parseSidecar(text);
    assert.ok(r.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(r.diagnostics));
    assert.equal(r.writable, false, 'a file with a syntax error must not be rewritten');
    assert.ok(!r.doc?.labels?.includes('PERSON #c'), 'a label that is not in the file was read');
  });

  it('an entry the file holds only in an invalid form is not written over by data for its id (the hand edit and its note stay)', () => {
    const text = GOOD.replace('    status: suggested\n  - id: a2', '    status: confirmd\n    note: I am not sure this is Kim, ask Lee\n  - id: a2');
    assert.ok(parseSidecar(text).doc?.invalid.some((e) => e.id === 'a1'), 'precondition: a1 is invalid');
    const kim = annotate('Kim went to Seoul.', 'a1', 'Kim');
    assert.throws(() => updateSidecar(text, inputOf('Kim went to Seoul.', [kim])), SidecarNotWritableError);
  });

  it('removing an entry keeps a comment that stands apart below it (a section header before the next entry)', () => {
    const text = GOOD.replace('  - id: a2', '\n  # ---- Section: places ----\n\n  - id: a2');
    const seoul = { ...annotate('Kim went to Seoul.', 'a2', 'Seoul', 'PLACE'), status: 'confirmed' as const };
    const out = updateSidecar(text, inputOf('Kim went to Seoul.', [seoul]));
    assert.match(out, /# ---- Section: places ----/, out);
    assert.doesNotMatch(out, /id: a1/, out);
  });
});
