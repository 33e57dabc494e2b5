import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { formatString } from '../../../../src/core/sidecar/scalar';
import { parseSidecar, updateSidecar, emitSidecar, buildSidecarData, sidecarPathFor, documentPathFor, gitBlobSha1, contentHash } from '../../../../src/core/sidecar';
import { annotate, changedLines, inputOf, removedLines } from './helpers';

const TEXT = 'Kim Jong Il met 😀 Roh Moo-hyun in Seoul on March 2, 2006, the ministry said.\r\n남북 장성급 회담 in Panmunjom.\n';

function model() {
  return [
    annotate(TEXT, 'a1', 'Kim Jong Il'),
    annotate(TEXT, 'a2', 'Roh Moo-hyun'),
    annotate(TEXT, 'a3', 'Seoul', 'PLACE'),
    annotate(TEXT, 'a4', 'March 2, 2006', 'DATE'),
    annotate(TEXT, 'a5', 'Panmunjom', 'PLACE'),
  ];
}

/** A sidecar as a person would hand-edit it: comments everywhere, CRLF, a BOM, unknown keys, odd quoting. */
function handEdited(): string {
  const base = updateSidecar(undefined, inputOf(TEXT, model(), { documentDate: '2006-03-02' }));
  return (
    '\uFEFF# Reviewed by the desk, keep this header\r\n' +
    base
      .replace('factmark: 1', 'factmark: 1   # do not change')
      .replace('  - id: a2\n', '  # South Korean president\n  - id: a2\n')
      .replace('    quote: Kim Jong Il\n', "    quote: 'Kim Jong Il'\n    reviewer: jo\n")
      .replace('offsets: codepoints\n', 'offsets: codepoints\nx-team: politics\n')
      .replace(/\n/g, '\r\n') +
    '# end of file comment\r\n'
  );
}

describe('sidecar round trip (G1, G5, F16)', () => {
  it('names the sidecar next to its document', () => {
    assert.equal(sidecarPathFor('news/article.txt'), 'news/article.txt.factmark.yaml');
    assert.equal(documentPathFor(sidecarPathFor('a b/ü.txt')), 'a b/ü.txt');
    assert.equal(documentPathFor('article.txt'), undefined);
  });

  it('fingerprints the text as git does (git hash-object)', () => {
    // Known git values: the empty blob, and "hello\n".
    assert.equal(gitBlobSha1(''), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    assert.equal(gitBlobSha1('hello\n'), 'ce013625030ba8dba906f756967f9e9ca394464a');
    assert.notEqual(contentHash('a\n'), contentHash('a\r\n'));
  });

  it('writes a new file that reads back to the same data, offsets in code points', () => {
    const input = inputOf(TEXT, model(), { documentDate: '2006-03-02' });
    const text = updateSidecar(undefined, input);
    const parsed = parseSidecar(text);
    assert.equal(parsed.writable, true, JSON.stringify(parsed.diagnostics));
    assert.deepEqual(parsed.diagnostics, []);
    const roh = parsed.doc!.annotations.find((a) => a.id === 'a2')!;
    const cps = [...TEXT];
    assert.equal(cps.slice(roh.start, roh.end).join(''), 'Roh Moo-hyun');
    assert.equal(roh.start, TEXT.indexOf('Roh') - 1, 'the emoji before it counts once');
    assert.match(text, /offsets: codepoints/);
    assert.equal(parsed.doc!.document.date, '2006-03-02');
    assert.equal(parsed.doc!.document.gitBlob, gitBlobSha1(TEXT));
  });

  it('orders a new file by position then id', () => {
    const anns = model().reverse();
    anns.push({ ...anns[0], id: 'a0' }); // same span as a5, smaller id
    const text = emitSidecar(buildSidecarData(inputOf(TEXT, anns)));
    const ids = [...text.matchAll(/- id: (\w+)/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['a1', 'a2', 'a3', 'a4', 'a0', 'a5']);
  });

  it('G1: saving with no change returns the very same bytes (comments, CRLF, BOM, unknown keys)', () => {
    const original = handEdited();
    const parsed = parseSidecar(original);
    assert.equal(parsed.writable, true, JSON.stringify(parsed.diagnostics));
    const again = updateSidecar(original, inputOf(TEXT, model(), { documentDate: '2006-03-02' }));
    assert.equal(again, original);
  });

  it('G2: changing one status changes only that line', () => {
    const original = handEdited();
    const anns = model();
    anns[2].status = 'confirmed';
    const out = updateSidecar(original, inputOf(TEXT, anns, { documentDate: '2006-03-02' }));
    assert.deepEqual(changedLines(original, out), ['    status: confirmed\r']);
    assert.deepEqual(removedLines(original, out), ['    status: suggested\r']);
    assert.ok(out.startsWith('\uFEFF# Reviewed'));
  });

  it('G3: removing and adding other annotations keeps every comment with its annotation', () => {
    const original = handEdited();
    const anns = model().filter((a) => a.id !== 'a3');
    anns.push(annotate(TEXT, 'a6', 'ministry', 'ORGANIZATION'));
    const out = updateSidecar(original, inputOf(TEXT, anns, { documentDate: '2006-03-02' }));
    const back = parseSidecar(out);
    assert.equal(back.writable, true);
    assert.deepEqual(back.doc!.annotations.map((a) => a.id), ['a1', 'a2', 'a4', 'a6', 'a5']);
    assert.match(out, /# South Korean president\r\n {2}- id: a2\r\n/);
    assert.match(out, /factmark: 1 {3}# do not change/);
    assert.match(out, /x-team: politics/);
    assert.match(out, /reviewer: jo/);
    assert.match(out, /quote: 'Kim Jong Il'/, 'untouched quoting style kept');
    assert.ok(out.endsWith('# end of file comment\r\n'));
    assert.ok(!/[^\r]\n/.test(out), 'only CRLF line endings: ' + JSON.stringify(out));
    assert.equal((out.match(/^\uFEFF/g) ?? []).length, 1);
  });

  it('G6: save(save(x)) equals save(x)', () => {
    const original = handEdited();
    const anns = model();
    anns[0].note = 'leader';
    const input = inputOf(TEXT, anns, { documentDate: '2006-03-02' });
    const once = updateSidecar(original, input);
    assert.notEqual(once, original);
    assert.equal(updateSidecar(once, input), once);
  });

  it('adding entries to a one-entry list and removing them again gives back the same bytes (undo of an import)', () => {
    const [first, ...rest] = model();
    const one = updateSidecar(undefined, inputOf(TEXT, [first]));
    const three = updateSidecar(one, inputOf(TEXT, [first, rest[0], rest[1]]));
    assert.notEqual(three, one);
    assert.equal(updateSidecar(three, inputOf(TEXT, [first])), one, 'removing the last entries left a gap');
  });

  it('removes an optional field by deleting only its line', () => {
    const anns = model();
    anns[1].kb = 'Q1234';
    const withKb = updateSidecar(undefined, inputOf(TEXT, anns));
    delete anns[1].kb;
    const out = updateSidecar(withKb, inputOf(TEXT, anns));
    assert.deepEqual(removedLines(withKb, out), ['    kb: Q1234']);
    assert.deepEqual(changedLines(withKb, out), []);
  });

  it('C11: YAML-hostile quote text is read back identically, by yaml and with YAML 1.1 rules', () => {
    const nasty = [': colon', 'a #hash', '*star', '&amp', '!bang', '%pc', '@at', '- dash', 'tab\there', 'trail ', 'line\nbreak', 'nel\u0085x', 'ls\u2028ps\u2029', 'bom\uFEFF', 'nul\u0000', 'NO', 'yes', '2024-01-02', '0777', '1:30', '~', 'null', '"dq"', "it's", 'back\\slash', '😀 emoji', 'e\u0301'];
    const text = nasty.join(' | ');
    const anns = nasty.map((q, i) => ({ id: `q${i}`, start: text.indexOf(q), end: text.indexOf(q) + q.length, type: 'MISC', text: q, status: 'suggested' as const }));
    const out = updateSidecar(undefined, inputOf(text, anns));
    const back = parseSidecar(out);
    assert.equal(back.writable, true, JSON.stringify(back.diagnostics));
    for (const [i, q] of nasty.entries()) assert.equal(back.doc!.annotations.find((a) => a.id === `q${i}`)!.quote, q);
    // A YAML 1.1 reader (like PyYAML) must not coerce any of them either.
    const v11 = parseDocument(out, { version: '1.1' }).toJS() as { annotations: { quote: unknown }[] };
    for (const a of v11.annotations) assert.equal(typeof a.quote, 'string');
    // No raw characters that readers or VS Code treat as line terminators or reject.
    assert.ok(!/[\u0085\u2028\u2029\uFEFF\u0000]/.test(out));
  });

  it('C11/C10: any string, lone surrogates included, is written as a scalar that reads back identically', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const doc = parseDocument(`k: ${formatString(value)}\n`, { version: '1.2', schema: 'core' });
        assert.deepEqual(doc.errors, []);
        assert.equal(doc.get('k'), value);
        assert.equal(typeof parseDocument(`k: ${formatString(value)}\n`, { version: '1.1' }).get('k'), 'string');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a list emptied by deletions', () => {
  it('is written `[]`, the bytes it had before its first entry, not a bare key that reads as null', () => {
    const start = TEXT.indexOf('Seoul');
    const fact = { id: 'f1', label: 'meeting', text: 'Seoul', start, end: start + 5, entities: [] };
    const empty = updateSidecar(undefined, inputOf(TEXT, model()));
    assert.match(empty, /^facts: \[\]$/m);
    const one = updateSidecar(empty, inputOf(TEXT, model(), { facts: [fact] }));
    assert.match(one, /^facts:\n {2}- id: f1$/m);
    const none = updateSidecar(one, inputOf(TEXT, model(), { facts: [] }));
    assert.equal(none, empty);
    assert.deepEqual(parseDocument(none).toJS().facts, []);
    const noAnnotations = updateSidecar(none, inputOf(TEXT, []));
    assert.match(noAnnotations, /^annotations: \[\]$/m);
    assert.equal(noAnnotations, updateSidecar(undefined, inputOf(TEXT, [])));
  });
});
