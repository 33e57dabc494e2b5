import * as assert from 'node:assert/strict';
import { readSidecar } from '../../../../src/core/documents';
import { gitBlobSha1 } from '../../../../src/core/sidecar';

const TEXT = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006.\n';

/** A sidecar of TEXT whose a2 (“U.S.”, at 23–27) has offsets moved by hand to 0–4; `a1Extra` goes inside a1. */
function sidecar(a1Extra: string): string {
  return `factmark: 1
document:
  path: korea.txt
  gitBlob: "${gitBlobSha1(TEXT)}"
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
${a1Extra}    start: 5
    end: 18
    quote: Kim Yong-chol
    status: confirmed
  - id: a2
    type: PLACE
    start: 0
    end: 4
    quote: U.S.
    prefix: "Gen. Kim Yong-chol met "
    suffix: " officials in Panmunjom on 2"
    status: confirmed
`;
}

/** 1-based line of the first line of `text` equal to `line` after `from` (1-based, inclusive). */
const lineOf = (text: string, line: string, from = 1) => text.split('\n').findIndex((l, i) => i + 1 >= from && l === line) + 1;

describe('[OFFSETS] warnings: where they point (src/core/sidecar/relocated.ts)', () => {
  it('points at the moved entry’s start: key, not at a comment above it that names its id', () => {
    // The warning used to be located by a regex over the YAML: a comment “# TODO check id: a2” in a1
    // was taken for a2's id, and the warning pointed at a1's start: line.
    const file = sidecar('    # TODO check id: a2\n');
    const reading = readSidecar(file, TEXT);
    const warnings = reading.diagnostics.filter((d) => d.code === 'OFFSETS');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /^a2 “U\.S\.”/);
    const a2 = lineOf(file, '  - id: a2');
    assert.equal(warnings[0].line + 1, lineOf(file, '    start: 0', a2));
    assert.equal(warnings[0].column, 4);
  });

  it('points at the start: key in a file the full YAML parser reads (a flow mapping entry, a quoted id)', () => {
    const file = sidecar('    # id: a2\n').replace(/ {2}- id: a2\n[^]*$/, '  - {id: "a\\x32", type: PLACE, quote: U.S., prefix: "Gen. Kim Yong-chol met ",\n     suffix: " officials in Panmunjom on 2", status: confirmed,\n     end: 4, start: 0}\n');
    const reading = readSidecar(file, TEXT);
    const warnings = reading.diagnostics.filter((d) => d.code === 'OFFSETS');
    assert.equal(warnings.length, 1, JSON.stringify(reading.diagnostics));
    const line = file.split('\n').findIndex((l) => l.includes('start: 0'));
    assert.equal(warnings[0].line, line);
    assert.equal(warnings[0].column, file.split('\n')[line].indexOf('start'));
  });
});
