import * as assert from 'node:assert/strict';
import { progressBar } from '../../../src/cli/progress';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../fixtures/paths';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 80, writes, write: (s: string) => (writes.push(s), true) };
}

describe('CLI progress bar', () => {
  it('draws a bar with the count on a terminal, finishing at total, and clears its line', () => {
    const s = stream(true);
    const bar = progressBar(3, 'files', s);
    for (let i = 0; i < 3; i++) bar.tick();
    bar.done();
    assert.match(s.writes[0], /^\r\[\.+\] 0\/3 files/);
    const last = s.writes[s.writes.length - 2];
    assert.match(last, /^\r\[#+\] 3\/3 files/);
    assert.ok(!last.includes('.]'), 'the bar is not full at the end');
    assert.equal(s.writes[s.writes.length - 1], '\r\x1b[K');
  });

  it('writes nothing when the output is not a terminal (CI logs, pipes)', () => {
    const s = stream(false);
    const bar = progressBar(3, 'files', s);
    bar.tick();
    bar.done();
    assert.deepEqual(s.writes, []);
  });
});
