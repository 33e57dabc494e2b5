import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { recognizeDates } from '../../../../src/core/dates';

interface Case {
  text: string;
  /** The expression, exactly as it should be highlighted. */
  phrase: string;
  dct?: string;
  value?: string;
  type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

/** Hand-written sentences in the style of wire and business news. */
const CASES: Case[] = [
  { text: 'The talks resume next week.', phrase: 'next week', dct: '1998-02-13', value: '1998-W08' },
  { text: 'Officials met two weeks ago.', phrase: 'two weeks ago', dct: '1998-02-13', value: '1998-W05' },
  { text: 'In January nineteen ninety-seven, Atlanta again.', phrase: 'January nineteen ninety-seven', dct: '1998-02-27', value: '1997-01' },
  { text: 'Oil fell to the level of the winter of 1994.', phrase: 'the winter of 1994', dct: '1998-02-23', value: '1994-WI' },
  { text: 'They will meet again on Christmas Day.', phrase: 'Christmas Day', dct: '1998-02-13', value: '1998-12-25' },
  { text: 'The deal should close by year-end.', phrase: 'year-end', dct: '1989-11-02', value: '1989' },
  { text: 'The offer was extended to Nov. 16.', phrase: 'Nov. 16', dct: '1989-10-30', value: '1989-11-16' },
  { text: 'The dividend is payable Jan. 2 to holders of record.', phrase: 'Jan. 2', dct: '1989-11-02', value: '1990-01-02' },
  { text: 'In the quarter ended Sept. 30, sales rose 5%.', phrase: 'the quarter', dct: '1989-11-02', value: '1989-Q3' },
  // a fiscal quarter ending in another month is the calendar quarter of its middle month
  { text: 'In the quarter ended July 31, the distributor had 5.6 million shares outstanding.', phrase: 'the quarter', dct: '1989-10-30', value: '1989-Q2' },
  { text: 'Sales fell in the quarter ended Jan. 31.', phrase: 'the quarter', dct: '1990-03-15', value: '1989-Q4' },
  { text: 'Sales fell in the quarter ended Nov. 30.', phrase: 'the quarter', dct: '1990-03-15', value: '1989-Q4' },
  { text: 'Third-quarter net rose to $5 million from $3 million a year earlier.', phrase: 'a year earlier', dct: '1989-11-02', value: '1988-Q3' },
  { text: 'Third-quarter net rose to $5 million.', phrase: 'Third-quarter', dct: '1989-11-02', value: '1989-Q3' },
  { text: 'Net income was $5 million, up from $3 million in the 1988 quarter.', phrase: 'the 1988 quarter', dct: '1989-10-30', value: '1988-Q3' },
  { text: 'Net income rose in the 1988 quarter ended June 30.', phrase: 'the 1988 quarter', dct: '1989-10-30', value: '1988-Q2' },
  { text: 'For the quarter a year ago, the bank reported a loss.', phrase: 'the quarter a year ago', dct: '1989-10-26', value: '1988-Q3' },
  { text: 'Sales in the third quarter a year earlier were $4 million.', phrase: 'the third quarter a year earlier', dct: '1989-10-26', value: '1988-Q3' },
  { text: 'The paper said in an editorial on Monday, Oct. 26: enough.', phrase: 'Monday, Oct. 26', dct: '1998-10-25', value: '1998-10-26' },
  { text: 'Sales were weak last spring.', phrase: 'last spring', dct: '1989-10-26', value: '1989-SP' },
  { text: 'The blast came at about 10:35 a.m. Friday.', phrase: 'about 10:35 a.m. Friday', dct: '1998-08-08', value: '1998-08-07T10:35', type: 'TIME' },
  { text: 'The plan was approved in May.', phrase: 'May', dct: '1998-08-08', value: '1998-05' },
  { text: 'Sales have risen in recent years.', phrase: 'recent years', dct: '1998-08-08', type: 'DURATION' },
  { text: 'The city was ruled from Moscow for centuries.', phrase: 'centuries', dct: '1998-08-08', type: 'DURATION' },
  { text: 'It ended a decades-long feud.', phrase: 'decades-long', dct: '1998-08-08', value: 'PXY', type: 'DURATION' },
  { text: 'Families have lived apart for decades.', phrase: 'decades', dct: '1998-08-08', value: 'PXY', type: 'DURATION' },
  { text: 'Flights leave every Monday.', phrase: 'every Monday', dct: '1998-08-08', type: 'SET' },
  { text: 'The court meets again next week.', phrase: 'next week', value: 'XXXX-WXX' },
  { text: 'Prices dropped through the nineties.', phrase: 'the nineties', dct: '1998-02-13', value: '199' },
  // anaphoric expressions count from the date mentioned last, not from the document date
  { text: 'He left Cuba in June 1996 and returned later that year.', phrase: 'later that year', dct: '2000-01-28', value: '1996' },
  { text: 'He was promoted in 1995, and the following year he retired.', phrase: 'the following year', dct: '1998-04-18', value: '1996' },
  { text: 'The doctor was shot on Oct. 23, 1998. Earlier that day, his family prayed.', phrase: 'Earlier that day', dct: '1999-10-24', value: '1998-10-23' },
  { text: 'He was named in October 1998 and crossed off that same day.', phrase: 'that same day', dct: '1999-02-06', value: '1998-10-XX' },
  { text: 'The board met in March 1989. The following month, it sold the unit.', phrase: 'The following month', dct: '1989-10-30', value: '1989-04' },
  { text: 'Imports reached $1.5 billion in 1988, up 5% that year.', phrase: 'that year', dct: '1989-10-26', value: '1988' },
  { text: 'He arrived on Tuesday, Feb. 22 and appeared in court the next morning.', phrase: 'the next morning', dct: '2000-02-24', value: '2000-02-23TMO', type: 'TIME' },
  { text: 'Nobody mentioned a date, and that day passed.', phrase: 'that day', dct: '2000-02-24', value: '2000-02-24' },
  // the adjective "current" refers to the present
  { text: 'The stock trades below its current value.', phrase: 'current', dct: '1989-10-26', value: 'PRESENT_REF' },
  { text: 'He may buy shares at the then current price.', phrase: 'then current', dct: '1989-10-26', value: 'PAST_REF' },
  // halves are given in the next smaller unit
  { text: 'They lived in camps for 2 1/2 years.', phrase: '2 1/2 years', dct: '1998-02-27', value: 'P2Y6M', type: 'DURATION' },
  { text: 'The plane landed for 5 1/2 hours.', phrase: '5 1/2 hours', dct: '1998-02-27', value: 'PT5H30M', type: 'DURATION' },
  { text: 'But a minute and a half later, a pilot called.', phrase: 'a minute and a half', dct: '1998-01-14', value: 'PT1M30S', type: 'DURATION' },
  { text: 'The meeting lasted two and a half days.', phrase: 'two and a half days', dct: '1998-01-14', value: 'P2DT12H', type: 'DURATION' },
  { text: 'He said the father would be traveling to the United States Thursday.', phrase: 'Thursday', dct: '2000-04-05', value: '2000-04-06' },
  { text: 'It is our theme from now to Election Day.', phrase: 'Election Day', dct: '1998-10-26', value: '1998-11-03' },
  { text: 'Orangemen march each July through the town.', phrase: 'each July', dct: '1998-03-22', value: 'XXXX-07', type: 'SET' },
  { text: 'It achieved profitability after several quarters of losses.', phrase: 'several quarters', dct: '1989-10-30', value: 'PXQ', type: 'DURATION' },
  { text: 'Eight trading days after Oct. 12, the index fell.', phrase: 'Eight trading days', dct: '1989-10-30', value: 'P8D', type: 'DURATION' },
  { text: 'Ministers meet at the Washington summit on April 24 and 25.', phrase: '25', dct: '1999-02-10', value: '1999-04-25' },
  { text: 'For now, the embassy stays closed.', phrase: 'now', dct: '1998-08-10', value: 'PRESENT_REF' },
  { text: 'Traders are hurting these days.', phrase: 'these days', dct: '1989-10-30', value: 'PRESENT_REF' },
  { text: 'Stocks closed Friday at 2082.1, down 4.5% from the previous Friday.', phrase: 'the previous Friday', dct: '1989-10-30', value: '1989-10-20' },
  { text: 'The bombs went off on Friday, Aug. 7, 1998. The first blast came at 10:35 a.m.', phrase: '10:35 a.m.', dct: '1998-08-10', value: '1998-08-07T10:35', type: 'TIME' },
  { text: 'The vote closes at 5 p.m., the agency said.', phrase: '5 p.m.', dct: '1998-08-10', value: '1998-08-10T17:00', type: 'TIME' },
  { text: 'Traders squared positions ahead of the weekend.', phrase: 'the weekend', dct: '1989-10-27', value: '1989-W43-WE' },
  { text: 'In London at mid-afternoon yesterday, shares were lower.', phrase: 'mid-afternoon yesterday', dct: '1989-11-02', value: '1989-11-01TAF', type: 'TIME' },
  { text: 'By mid afternoon, officials reported fighting.', phrase: 'mid afternoon', dct: '1998-03-06', value: '1998-03-06TAF', type: 'TIME' },
  { text: 'Net sales for this year\'s third quarter were $5 million.', phrase: 'this year\'s third quarter', dct: '1989-11-01', value: '1989-Q3' },
  { text: 'U.K. sales for last year\'s quarter were about $3 million.', phrase: 'last year\'s quarter', dct: '1989-11-01', value: '1988-Q3' },
  { text: 'The cut could be effective as early as next year\'s first quarter.', phrase: 'next year\'s first quarter', dct: '1989-11-01', value: '1990-Q1' },
  { text: 'It may sell shares at a later date.', phrase: 'a later date', dct: '1989-10-30', value: 'FUTURE_REF' },
  // ranges of counts, "no more than", "more recently" and "earlier" before a weekday belong to the expression (TimeBank)
  { text: 'Shipments resume within two to three weeks.', phrase: 'two to three weeks', dct: '1989-10-30', value: 'PXW', type: 'DURATION' },
  { text: 'Acquisitions are to be made during the next 12 to 18 months.', phrase: 'the next 12 to 18 months', dct: '1989-10-30', value: 'PXM', type: 'DURATION' },
  { text: 'The offer lasts no more than sixty days.', phrase: 'no more than sixty days', dct: '1989-10-30', value: 'P60D', type: 'DURATION' },
  { text: 'More recently, the company cut prices.', phrase: 'More recently', dct: '1989-10-30', value: 'PAST_REF' },
  { text: 'Earlier Sunday, police fired tear gas.', phrase: 'Earlier Sunday', dct: '1998-03-23', value: '1998-03-22' },
  // "or so" belongs to the expression it rounds
  { text: 'It will be surprised if, over the next two years or so, sales fall.', phrase: 'the next two years or so', dct: '1989-10-30', value: 'P2Y', type: 'DURATION' },
  { text: 'The plants will be closed over the next year or so.', phrase: 'the next year or so', dct: '1989-10-30', value: '1990' },
];

/** Sentences in which nothing is a date. */
const NOT_DATES = [
  'You may leave, he said, and he may go.',
  'Thousands joined the March for Life on Capitol Hill.',
  'The 6-year-old boy and his 37-year-old father.',
  'The company earns $2 million a year in fees and 700 seats a week.',
  'Iraq imports about three-quarters of its food.',
  'It will be a second betrayal.',
  'They sat down with the Sun reporter.',
  'He said that day traders lost money.',
  'It was high noon for the people of Poland.',
  'Baker said on ABC News\' "This Week" that talks failed.',
  'That is less than 5% of the average daily volume.',
  'A strong current swept the swimmers away.',
  'The two companies each may decide to sell.',
  'Police said every march ended peacefully.',
];

describe('recognizeDates on news phrases', () => {
  for (const c of CASES) {
    it(`"${c.phrase}" in "${c.text}"`, () => {
      const start = c.text.indexOf(c.phrase);
      const found = recognizeDates(c.text, { documentDate: c.dct });
      const m = found.find((f) => f.start === start && f.end === start + c.phrase.length);
      assert.ok(m, `expected "${c.phrase}", got ${JSON.stringify(found.map((f) => f.text))}`);
      if (c.value) assert.equal(m.value, c.value);
      if (c.type) assert.equal(m.timexType, c.type);
    });
  }

  for (const text of NOT_DATES) {
    it(`finds nothing in "${text}"`, () => {
      assert.deepEqual(recognizeDates(text, { documentDate: '1998-02-13' }).map((m) => m.text), []);
    });
  }

  it('finds the same expression whatever text precedes it', () => {
    const words = ['the', 'minister', 'said', 'on', '1,200', 'troops', 'will', 'year-old', 'in', 'March', '—', '\n', 'x'];
    const sentence = 'Talks ended on March 2, 2006 after two years.';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 120 }), (prefixWords) => {
        const prefix = prefixWords.join(' ') + '. ';
        const found = recognizeDates(prefix + sentence, { documentDate: '2006-03-10' }).filter((m) => m.start >= prefix.length);
        assert.deepEqual(
          found.map((m) => [m.start - prefix.length, m.text, m.value]),
          [[15, 'March 2, 2006', '2006-03-02'], [35, 'two years', 'P2Y']],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('scales to a long text without losing expressions', () => {
    const para = 'On Friday the court ruled. Last week 2,000 people marched for three days. ';
    const text = para.repeat(2000);
    const found = recognizeDates(text, { documentDate: '1998-02-13' });
    assert.equal(found.length, 2000 * 3);
    assert.equal(found[found.length - 1].text, 'three days');
  });
});
