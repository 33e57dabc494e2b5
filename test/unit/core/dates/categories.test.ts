import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../../src/core/dates';

/**
 * One small hand-made fixture per family of expressions or resolution rule, so that a rule tuned on
 * the development data keeps its linguistic reason (and a regression names the rule it broke).
 */
interface Case {
  text: string;
  phrase: string;
  dct: string;
  value?: string;
  type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

const CATEGORIES: Record<string, Case[]> = {
  'tense of a sentence opened by the expression': [
    { text: 'The deal closed last week. In January, the bank had hired advisers.', phrase: 'January', dct: '2005-10-27', value: '2005-01' },
    { text: 'In January, the bank will hire advisers.', phrase: 'January', dct: '2005-10-27', value: '2006-01' },
    { text: 'In September, it announced plans to expand.', phrase: 'September', dct: '2005-10-30', value: '2005-09' },
  ],
  'deadlines with "by"': [
    { text: 'The group aims to repay the loan by February.', phrase: 'February', dct: '2005-10-30', value: '2006-02' },
    { text: 'Only two members had filed reports by Wednesday.', phrase: 'Wednesday', dct: '2005-08-18', value: '2005-08-17' },
  ],
  'timetables in the present look forward': [
    { text: 'The trial begins Monday in Boston.', phrase: 'Monday', dct: '2013-03-21', value: '2013-03-25' },
    { text: 'Talks resume on Tuesday.', phrase: 'Tuesday', dct: '2013-03-21', value: '2013-03-26' },
    { text: 'The offer had been due to expire Friday.', phrase: 'Friday', dct: '2013-03-25', value: '2013-03-22' },
  ],
  'plans told in the past perfect': [
    { text: 'The offer had been scheduled to expire at midnight Friday.', phrase: 'midnight Friday', dct: '2005-10-31', value: '2005-10-28T24:00', type: 'TIME' },
  ],
  '"this coming" and spoken days of the month': [
    { text: 'The festival is this coming Sunday, March eighth.', phrase: 'this coming Sunday, March eighth', dct: '2009-03-05', value: '2009-03-08' },
    { text: 'The vote is this coming Tuesday.', phrase: 'this coming Tuesday', dct: '2007-03-06', value: '2007-03-13' },
    { text: 'They signed it on June twenty-first, 1999.', phrase: 'June twenty-first, 1999', dct: '2007-03-06', value: '1999-06-21' },
    // a text wrapped at the line's end between the two words of the day
    { text: 'They signed it on June twenty\nfirst, 1999.', phrase: 'June twenty\nfirst, 1999', dct: '2007-03-06', value: '1999-06-21' },
  ],
  '"or so" before "ago"': [
    { text: 'Then, a week or so ago, the general chose a date.', phrase: 'a week or so ago', dct: '2005-02-23', value: '2005-W07' },
  ],
  'plural weekdays are sets': [
    { text: 'The ferry sails on Sundays.', phrase: 'Sundays', dct: '2005-02-23', value: 'XXXX-WXX-7', type: 'SET' },
    { text: 'New flights leave on Tuesday nights.', phrase: 'Tuesday nights', dct: '2005-02-23', value: 'XXXX-WXX-2TNI', type: 'SET' },
  ],
  'the week of a date': [
    { text: 'A hearing is planned for the week of March 6.', phrase: 'the week of March 6', dct: '2006-02-24', value: '2006-W10' },
  ],
  '"one day" as some day': [
    { text: 'She hopes the team will one day win the cup.', phrase: 'one day', dct: '2006-02-24', value: 'FUTURE_REF', type: 'DATE' },
    { text: 'The strike lasted one day.', phrase: 'one day', dct: '2006-02-24', value: 'P1D', type: 'DURATION' },
  ],
  'a part of the day the text is telling of': [
    { text: 'Prices fell on Friday. Buyers returned in the morning and left by noon.', phrase: 'the morning', dct: '2006-02-27', value: '2006-02-24TMO', type: 'TIME' },
    { text: 'On Tuesday the convoy will leave at 5 in the morning.', phrase: '5 in the morning', dct: '2006-02-27', value: '2006-02-28T05:00', type: 'TIME' },
  ],
  'the (fiscal) year being reported, or twelve months': [
    { text: 'For the year, volume was flat.', phrase: 'the year', dct: '2005-11-02', value: '2005', type: 'DATE' },
    { text: 'Earnings will be lower for the fiscal year.', phrase: 'the fiscal year', dct: '2005-11-02', value: '2005', type: 'DATE' },
    { text: 'Revenue for the year ended March 31 rose.', phrase: 'the year', dct: '2005-11-02', value: 'P1Y', type: 'DURATION' },
    { text: 'Margins should widen throughout the fiscal year.', phrase: 'the fiscal year', dct: '2005-11-02', value: 'P1Y', type: 'DURATION' },
  ],
  'a possessive weekday names a past event': [
    { text: 'Lawyers said they would appeal Wednesday\'s ruling.', phrase: 'Wednesday', dct: '2006-03-03', value: '2006-03-01' },
    { text: 'Troops deployed ahead of Sunday\'s vote.', phrase: 'Sunday', dct: '2006-03-03', value: '2006-03-05' },
  ],
  '"the past decade" as the last ten years': [
    { text: 'Attacks became routine over the past decade.', phrase: 'the past decade', dct: '2006-03-03', value: 'P10Y', type: 'DURATION' },
    { text: 'Wages lagged in the last decade.', phrase: 'the last decade', dct: '2006-03-03', value: '199', type: 'DATE' },
  ],
  'an unknown stretch of years': [
    { text: 'Over the years, waiting lists grew.', phrase: 'the years', dct: '2006-03-03', value: 'PXY', type: 'DURATION' },
    { text: 'Few lives are saved in the early years.', phrase: 'the early years', dct: '2006-03-03', value: 'PXY', type: 'DURATION' },
  ],
  '"Today" opening a sentence or after a verb': [
    { text: 'Today, he said no.', phrase: 'Today', dct: '2013-03-21', value: '2013-03-21' },
    { text: 'Officials said Today the vote is on.', phrase: 'Today', dct: '2013-03-21', value: '2013-03-21' },
  ],
  'the sample article': [
    { text: '02 March 2006\n\nThe generals met on Thursday, two years ago they had not.', phrase: 'Thursday', dct: '2006-03-02', value: '2006-03-02' },
    { text: 'Talks broke down two years ago.', phrase: 'two years ago', dct: '2006-03-02', value: '2004' },
    { text: 'They meet again this June.', phrase: 'this June', dct: '2006-03-02', value: '2006-06' },
    { text: 'The armistice was signed in 1953.', phrase: '1953', dct: '2006-03-02', value: '1953' },
  ],
};

/** Generic uses that name no date. */
const NOT_DATES: Record<string, string[]> = {
  '"today" and "tomorrow" as our times': [
    'The song speaks to today\'s youth.',
    'Many of today\'s personal computers are slow.',
    'He wanted to choose the leaders of tomorrow.',
  ],
  'a time just before an event, or a named era': [
    'The car was seen in the weeks before the shooting.',
    'He longed for the days of empire.',
  ],
  '"Today" as a name': [
    'He told USA Today that he would go.',
    'He appeared on the Today show.',
  ],
  'a year inside a name': [
    'They set up a joint venture called Orion 1980, making parts.',
  ],
  'habits without a tense': [
    'She usually studies in the morning.',
  ],
};

describe('recognizeDates by rule category', () => {
  for (const [category, cases] of Object.entries(CATEGORIES)) {
    describe(category, () => {
      for (const c of cases) {
        it(`"${c.phrase}" in "${c.text}"`, () => {
          const start = c.text.indexOf(c.phrase);
          const found = recognizeDates(c.text, { documentDate: c.dct });
          const m = found.find((f) => f.start === start && f.end === start + c.phrase.length);
          assert.ok(m, `expected "${c.phrase}", got ${JSON.stringify(found.map((f) => [f.text, f.value]))}`);
          if (c.value) assert.equal(m.value, c.value);
          if (c.type) assert.equal(m.timexType, c.type);
        });
      }
    });
  }

  for (const [category, texts] of Object.entries(NOT_DATES)) {
    describe(category, () => {
      for (const text of texts) {
        it(`finds nothing in "${text}"`, () => {
          assert.deepEqual(recognizeDates(text, { documentDate: '2006-03-02' }).map((m) => m.text), []);
        });
      }
    });
  }
});
