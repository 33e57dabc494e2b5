import * as assert from 'node:assert/strict';
import { relocatedLines } from '../../../src/cli/load';
import type { SidecarDiagnostic } from '../../../src/core/sidecar';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../fixtures/paths';

const warning = (i: number): SidecarDiagnostic => ({ message: `a${i} “x”: start 0 and end 1 do not hold its quote (edited by hand?); placed where its quote is, 5–6.`, severity: 'warning', code: 'OFFSETS', line: i, column: 4, endLine: i, endColumn: 9 });

describe('CLI: entries a rewrite placed by their quote, on stderr (src/cli/load.ts)', () => {
  it('names up to five entries of a sidecar at their line, then counts the rest', () => {
    const lines = relocatedLines('a.txt.factmark.yaml', Array.from({ length: 7 }, (_, i) => warning(i)));
    assert.equal(lines.length, 6);
    assert.equal(lines[0], 'a.txt.factmark.yaml:1:5: warning: a0 “x”: start 0 and end 1 do not hold its quote (edited by hand?); placed where its quote is, 5–6; written so in the sidecar [OFFSETS]\n');
    assert.match(lines[5], /^a\.txt\.factmark\.yaml: warning: 2 more entries placed by their quote .* \[OFFSETS\]\n$/);
    assert.deepEqual(relocatedLines('a.txt.factmark.yaml', []), []);
    assert.match(relocatedLines('s', Array.from({ length: 6 }, (_, i) => warning(i)))[5], /: warning: 1 more entry placed/);
  });
});
