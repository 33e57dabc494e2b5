import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { SIDECAR_SCHEMA, validateShape } from '../../../../src/core/sidecar';

// validateShape checks each list entry on its own (ajv's errors of a referenced schema are gathered
// with concat, quadratic over a file of invalid entries); it must report what the whole published
// schema reports, no more and no less.
describe('validateShape: entries checked one at a time report what the whole schema reports', () => {
  const whole = new Ajv({ allErrors: true, strict: false }).compile(SIDECAR_SCHEMA);
  // In order, not sorted: `check` prints the problems in the order they come.
  const reported = (data: unknown) => validateShape(data).map((e) => `${e.path.join('/')}: ${e.missing ? 'missing' : e.message}`);
  const expected = (data: unknown) =>
    (whole(data) ? [] : whole.errors!).map((e) => `${e.instancePath.split('/').slice(1).join('/')}: ${e.keyword === 'required' ? 'missing' : e.message}`);
  // (ajv's own message, before validateShape adds the allowed values of an enum or const)
  const bare = (message: string) => message.replace(/(must be equal to (one of the allowed values|constant)).*/, '$1');
  const cases: Record<string, unknown> = {
    valid: { factmark: 1, document: { path: 'a.txt' }, annotations: [{ id: 'a1', type: 'PERSON', status: 'confirmed', start: 0, end: 3, quote: 'Kim' }], facts: [] },
    'entries wrong in both lists, and the file': {
      factmark: 2,
      document: { path: '/abs.txt', date: 'May' },
      offsets: 'utf16',
      annotations: [{ id: 'a1', type: 'PERSON', start: 0, end: 3, quote: 'Kim' }, { id: 'bad id', type: '', status: 'maybe', start: -1, end: 'x', quote: 3 }, 7, null],
      facts: [{ id: 'f1', start: 0, end: 3, quote: 'Kim' }, { id: 'f2', label: 'met', entities: [3], start: 0, end: 3, quote: 'Kim' }],
    },
    'lists that are not lists': { factmark: 1, document: { path: 'a.txt' }, annotations: 'none', facts: { a: 1 } },
    'wrong entries, then facts that are not a list': {
      factmark: 1,
      document: 3,
      annotations: [{ id: 'a1', type: 'PERSON', start: 0, end: 3, quote: 'Kim' }, 7],
      facts: 'none',
    },
    'facts that are not a list, then wrong entries': { facts: 'none', annotations: [{ id: 'a1', type: 'PERSON', status: 'maybe', start: 0, end: 3, quote: 'Kim' }], factmark: 1 },
    'not a mapping': [1, 2],
    nothing: null,
  };
  for (const [name, data] of Object.entries(cases)) {
    it(name, () => assert.deepEqual(reported(data).map(bare), expected(data)));
  }
});
