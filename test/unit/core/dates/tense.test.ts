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
// A verb of agreeing or voting before "to" names an act, not its time: the main verb of the clause
// still decides (a rule reading these forward was tried and left out: it broke every case below).
describe('the tense of a relative date: "agreed to", "voted to" leave the main verb to decide', () => {
  check([
    { text: 'Workers, who voted to strike, walked out of the plant on Monday.', dct: '1996-08-28', phrase: 'Monday', value: '1996-08-26' },
    { text: 'The firm has agreed to pay $5 million, it said in a filing on Friday.', dct: '1996-08-28', phrase: 'Friday', value: '1996-08-23' },
    { text: 'Israel agreed to withdraw from Hebron in January.', dct: '1997-02-10', phrase: 'January', value: '1997-01' },
  ]);
});
