import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../../src/core/dates';

/** A sentence, its document date, and every date expression found in it, as highlighted. */
export interface Case {
  text: string;
  dct: string;
  /** [phrase, type, value] for each expression, in order. */
  expect: [string, 'DATE' | 'TIME' | 'DURATION' | 'SET', string][];
}

/** One test per case: the recogniser finds exactly the expected expressions, types and values. */
export function check(cases: Case[]): void {
  for (const c of cases) {
    it(`"${c.text}" (${c.dct})`, () => {
      const found = recognizeDates(c.text, { documentDate: c.dct });
      assert.deepEqual(found.map((m) => [m.text, m.timexType, m.value]), c.expect);
    });
  }
}
