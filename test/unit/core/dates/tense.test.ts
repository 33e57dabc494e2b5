import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../../src/core/dates';

/**
 * Which way a relative date is read, from the verbs of its sentence: the sentences are written for
 * this file in the style of wire copy. Each names the date's phrase and the value a reader gives it.
 */
interface Case {
  text: string;
  dct: string;
  phrase: string;
  value: string;
}

function valueAt(text: string, phrase: string, dct: string): string | undefined {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `fixture lacks "${phrase}"`);
  const m = recognizeDates(text, { documentDate: dct }).find((f) => f.start === start && f.end === start + phrase.length);
  assert.ok(m, `"${phrase}" not recognised as a whole in: ${text}`);
  return m.value;
}

function check(cases: Case[]): void {
  for (const c of cases) {
    it(`"${c.text}" → ${c.phrase} = ${c.value}`, () => {
      assert.equal(valueAt(c.text, c.phrase, c.dct), c.value);
    });
  }
}

// 1998-05-01 is a Friday
describe('the tense of a relative date: a timetable in the present, with an adverb before the day', () => {
  check([
    { text: 'The two leaders meet separately Monday with the secretary of state.', dct: '1998-05-01', phrase: 'Monday', value: '1998-05-04' },
    { text: 'The captain, who returns home on Thursday for surgery, took three wickets.', dct: '1998-05-01', phrase: 'Thursday', value: '1998-05-07' },
  ]);
});
describe('the tense of a relative date: an infinitive after a verb of intending or agreeing looks ahead', () => {
  check([
    { text: 'The firm agreed to buy the chemicals unit for $22 million in February.', dct: '1989-10-30', phrase: 'February', value: '1990-02' },
    { text: 'The president was due to fly to Washington on Saturday for a check-up.', dct: '1996-08-23', phrase: 'Saturday', value: '1996-08-24' },
    { text: 'Dock workers voted to strike from Saturday.', dct: '1996-08-28', phrase: 'Saturday', value: '1996-08-31' },
    // ... but not the noun ("extended their offers to acquire the maker Friday")
    { text: 'The two groups extended their offers to acquire the maker Friday.', dct: '1989-10-30', phrase: 'Friday', value: '1989-10-27' },
  ]);
});
