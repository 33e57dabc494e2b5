import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../fixtures/paths';

/**
 * Factmark keeps copies of the texts sidecars are written on in the user's cache folder
 * (src/node/textStore.ts); test/fixtures/paths.ts turns that store off for the tests (and the
 * processes they start) unless a test names one. A unit test file that runs the CLI's code or starts
 * a process must import it itself: run alone (`mocha --no-config FILE`), or before any file that does,
 * it would otherwise read and fill the user's own store.
 */
const unitDir = path.join(repoRoot, 'test/unit');
const reachesStore = /from '[./]*src\/(cli|node)\/|node:child_process/;
const turnsStoreOff = /from '[./]*fixtures\/paths'|import '[./]*fixtures\/paths'|from '\.\.?\/(cli\/)?run'/;

describe('test isolation: no unit test reads or fills the user\'s store of kept texts', () => {
  it('every test file that runs the CLI\'s code or starts a process imports test/fixtures/paths', () => {
    const files = fs.readdirSync(unitDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
    assert.ok(files.length > 0, `no test files under ${unitDir}`);
    const missing = files.filter((f) => {
      const source = fs.readFileSync(path.join(unitDir, f), 'utf8');
      return reachesStore.test(source) && !turnsStoreOff.test(source);
    });
    assert.deepEqual(missing, []);
  });
});
