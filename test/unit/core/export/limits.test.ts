/**
 * Size limit of imports (issue 12, "depth and size limits on imports that fail fast with a message"):
 * a file over the limit is refused by every importer with a message, before it is parsed.
 */
import * as assert from 'node:assert/strict';
import { importFormats } from '../../../../src/core/export';
import { MAX_IMPORT_CHARS } from '../../../../src/core/export/limits';

describe('import size limit', () => {
  const huge = 'x'.repeat(MAX_IMPORT_CHARS + 1);
  for (const format of importFormats) {
    it(`${format.id}: refuses a file over ${MAX_IMPORT_CHARS / 1024 / 1024} M characters with a message, importing nothing`, () => {
      const r = format.import(huge, 'Some text.');
      assert.equal(r.annotations.length, 0);
      assert.deepEqual(
        r.problems.map((p) => [p.kind, p.imported]),
        [['syntax', false]],
      );
      assert.match(r.problems[0].reason, /too large to import \(64\.0 M characters; at most 64 M\)/);
    });
  }
});
