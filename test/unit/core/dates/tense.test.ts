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

// 1996-08-27 is a Tuesday, 1998-05-01 a Friday
describe('the tense of a relative date: a modal verb before a weekday looks ahead', () => {
  check([
    { text: 'The envoy could meet the president on Thursday, his office said.', dct: '1996-08-27', phrase: 'Thursday', value: '1996-08-29' },
    { text: 'The champions can go top of the table if they win on Sunday.', dct: '1996-08-27', phrase: 'Sunday', value: '1996-09-01' },
    { text: 'The court may finally rule on the appeal on Friday.', dct: '1996-08-27', phrase: 'Friday', value: '1996-08-30' },
    // ... but not a modal that looks back, nor one that denies
    { text: 'The envoy may have met the president on Thursday.', dct: '1996-08-27', phrase: 'Thursday', value: '1996-08-22' },
    { text: 'Police could not confirm reports of shooting on Sunday.', dct: '1996-08-27', phrase: 'Sunday', value: '1996-08-25' },
  ]);
});

describe('the tense of a relative date: a timetable in the present, with an adverb before the day', () => {
  check([
    { text: 'The two leaders meet separately Monday with the secretary of state.', dct: '1998-05-01', phrase: 'Monday', value: '1998-05-04' },
    { text: 'The captain, who returns home on Thursday for surgery, took three wickets.', dct: '1998-05-01', phrase: 'Thursday', value: '1998-05-07' },
  ]);
});

describe('the tense of a relative date: the verb nearest to it governs it', () => {
  check([
    // a past verb after "will" in the same sentence tells of the past
    { text: 'The minister will visit Jordan on her first trip abroad since she took office in June.', dct: '1996-08-28', phrase: 'June', value: '1996-06' },
    { text: 'He will meet officials as part of an agreement Iraq reached with the United Nations in June.', dct: '1996-08-28', phrase: 'June', value: '1996-06' },
    { text: 'The report will include figures delayed from Tuesday by the holiday.', dct: '1996-08-30', phrase: 'Tuesday', value: '1996-08-27' },
    // ... while a participle of the future ("will be completed"), a plan ("scheduled") or a
    // reporting verb ("a trader said") does not
    { text: 'The new terminal will be completed in October.', dct: '1996-08-28', phrase: 'October', value: '1996-10' },
    { text: 'The press conference replaces his scheduled appearance at an IMF-hosted seminar Thursday.', dct: '1996-08-28', phrase: 'Thursday', value: '1996-08-29' },
    { text: 'Prices will firm, a trader said, when buyers return on Monday.', dct: '1996-08-28', phrase: 'Monday', value: '1996-09-02' },
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
