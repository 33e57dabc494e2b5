import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../../../src/core/dates';

/**
 * Expressions the recogniser missed on news it had never seen (issue 14): each case names every
 * expression of its sentence, as highlighted, with its TIMEX3 type and value.
 */
interface Case {
  text: string;
  dct: string;
  /** [phrase, type, value] for each expression, in order. */
  expect: [string, 'DATE' | 'TIME' | 'DURATION' | 'SET', string][];
}

const CASES: Case[] = [
  // a range of years is two dates, as TimeML marks a range; a two-digit end takes the century of the start
  { text: 'He was mayor of the city from 2009-2010.', dct: '2013-03-15', expect: [['2009', 'DATE', '2009'], ['2010', 'DATE', '2010']] },
  { text: 'The club won the league in 1957-58.', dct: '2013-03-15', expect: [['1957', 'DATE', '1957'], ['58', 'DATE', '1958']] },
  { text: 'Exports fell in the 1990–91 fiscal year.', dct: '1992-03-15', expect: [['1990', 'DATE', '1990'], ['91', 'DATE', '1991']] },
  { text: 'In 1999-2000 the team lost every game.', dct: '2013-03-15', expect: [['1999', 'DATE', '1999'], ['2000', 'DATE', '2000']] },
  { text: 'Profits fell in 1999-00.', dct: '2013-03-15', expect: [['1999', 'DATE', '1999'], ['00', 'DATE', '2000']] },
  // ... but an ISO date is one date
  { text: 'The filing is dated 2009-10-15.', dct: '2013-03-15', expect: [['2009-10-15', 'DATE', '2009-10-15']] },
  // a recurrence of the sports or theatre season
  { text: 'Ticket prices rise each season.', dct: '2013-03-15', expect: [['each season', 'SET', 'P1Y']] },
  // "at the time": the time just told of, before the document date ("at" stays outside, as for "on Monday")
  { text: 'He gave a speech six weeks ago, saying at the time he was willing to withdraw.', dct: '1998-03-01', expect: [['six weeks ago', 'DATE', '1998-W03'], ['the time', 'DATE', 'PAST_REF']] },
  { text: 'At the time, the bank had no branches abroad.', dct: '2013-03-15', expect: [['the time', 'DATE', 'PAST_REF']] },
  // "now" opening a sentence contrasts the present with what was told before
  { text: 'Opposition to the school shifted. Now, critics are targeting its owner.', dct: '1998-03-03', expect: [['Now', 'DATE', 'PRESENT_REF']] },
  { text: 'Iraq was ready to withdraw. Now, he says, it looks like a different war.', dct: '1991-02-25', expect: [['Now', 'DATE', 'PRESENT_REF']] },
  // "today" as "in our times": a general statement in the present tense, not the day of the article
  { text: 'They do not have the right to work. And today, the right to work is equal to the right to survive.', dct: '1998-03-05', expect: [['today', 'DATE', 'PRESENT_REF']] },
  { text: 'Today, more people live in cities than in the countryside.', dct: '2013-03-15', expect: [['Today', 'DATE', 'PRESENT_REF']] },
  { text: 'The world of today is different.', dct: '2013-03-15', expect: [['today', 'DATE', 'PRESENT_REF']] },
  // ... while "today" with an event of the day stays the day
  { text: 'Today, hundreds of people began to arrive from the US.', dct: '1998-01-20', expect: [['Today', 'DATE', '1998-01-20']] },
  { text: 'Today, the minister will open the bridge.', dct: '1998-01-20', expect: [['Today', 'DATE', '1998-01-20']] },
  { text: 'Prices are higher today on the exchange.', dct: '1998-01-20', expect: [['today', 'DATE', '1998-01-20']] },
  // a race time is a duration written as a clock
  { text: 'She won the marathon in 3:07:35, a course record.', dct: '2013-03-15', expect: [['3:07:35', 'DURATION', 'PT3H7M35S']] },
  { text: 'Kipsang finished in 2:03:23 on Sunday.', dct: '2013-09-30', expect: [['2:03:23', 'DURATION', 'PT2H3M23S'], ['Sunday', 'DATE', '2013-09-29']] },
  // a term of office is a length of time
  { text: 'During his tenure, the deficit grew.', dct: '2013-03-15', expect: [['his tenure', 'DURATION', 'PXY']] },
  { text: 'Her tenure as chief executive ended badly.', dct: '2013-03-15', expect: [['Her tenure', 'DURATION', 'PXY']] },
  // a decade counted from the date told last
  { text: 'He moved to Paris in 1957. The following decade he returned to Rome.', dct: '2013-03-15', expect: [['1957', 'DATE', '1957'], ['The following decade', 'DATE', '196']] },
  { text: 'The war ended in the 1940s, and the following decade was calm.', dct: '2013-03-15', expect: [['the 1940s', 'DATE', '194'], ['the following decade', 'DATE', '195']] },
  // more of modern news, written for this file: seasons of sport, quarter codes, ranges of days, parts of centuries
  { text: 'The team struggled last season but leads the league this season.', dct: '2013-03-15', expect: [['last season', 'DATE', 'PAST_REF'], ['this season', 'DATE', 'PRESENT_REF']] },
  { text: 'In Q3 2012, revenue rose; it fell in Q4.', dct: '2013-03-15', expect: [['Q3 2012', 'DATE', '2012-Q3'], ['Q4', 'DATE', '2012-Q4']] },
  { text: 'The festival ran June 5-9, 2012.', dct: '2013-03-15', expect: [['June 5', 'DATE', '2012-06-05'], ['9, 2012', 'DATE', '2012-06-09']] },
  { text: 'The festival runs from June 5 to 9.', dct: '2013-03-15', expect: [['June 5', 'DATE', '2013-06-05'], ['9', 'DATE', '2013-06-09']] },
  { text: 'The city grew fast in the late 19th century.', dct: '2013-03-15', expect: [['the late 19th century', 'DATE', '18']] },
  // "this past", the 24-hour clock of wire services and US time zones
  { text: 'This past weekend, fans rioted; sales fell this past week.', dct: '2013-03-21', expect: [['This past weekend', 'DATE', '2013-W11-WE'], ['this past week', 'DATE', '2013-W11']] },
  { text: 'Troops clashed at 14:30 local time. The blast occurred at 0930 GMT.', dct: '2013-03-21', expect: [['14:30', 'TIME', '2013-03-21T14:30'], ['0930 GMT', 'TIME', '2013-03-21T09:30']] },
  { text: 'The market closed at 17:00 GMT on Friday.', dct: '2013-03-21', expect: [['17:00 GMT on Friday', 'TIME', '2013-03-15T17:00']] },
  { text: 'Trading resumes at 9:30 a.m. ET.', dct: '2013-03-21', expect: [['9:30 a.m. ET', 'TIME', '2013-03-21T09:30']] },
  // "a year ago" is the same quarter a year back only in a report on quarters, not beside "a quarter of the population"
  { text: 'Nearly a quarter of the population is poor, up from 18 percent a year ago.', dct: '2013-03-21', expect: [['a year ago', 'DATE', '2012']] },
  // decimal durations, halves of the year named with it
  { text: 'Bolt ran the 100 meters in 9.58 seconds.', dct: '2013-03-21', expect: [['9.58 seconds', 'DURATION', 'PT9.58S']] },
  { text: 'In the first half of the year sales rose; they fell in the third quarter of last year.', dct: '2013-03-21', expect: [['the first half of the year', 'DATE', '2013-H1'], ['the third quarter of last year', 'DATE', '2012-Q3']] },
  // a weekday before a day written first, as British and wire-service copy does
  { text: 'On Monday 19 December the UN Security Council met.', dct: '2016-12-20', expect: [['Monday 19 December', 'DATE', '2016-12-19']] },
  { text: 'The summit opens at 11am on Thursday 28 July.', dct: '2016-07-20', expect: [['11am on Thursday 28 July', 'TIME', '2016-07-28T11:00']] },
  // "the next couple of years" is two years, as "a couple of years" is
  { text: 'Over the next couple of years we would not be surprised by losses.', dct: '1989-11-02', expect: [['the next couple of years', 'DURATION', 'P2Y']] },
  { text: 'Sales fell in the last couple of months.', dct: '2013-03-21', expect: [['the last couple of months', 'DURATION', 'P2M']] },
  // an unknown length of time: "for a while", "for some time"; not "for a time bomb", nor "at a time"
  { text: 'They will have to live without it for a while.', dct: '1998-02-13', expect: [['a while', 'DURATION', 'PXX']] },
  { text: 'Troops would be in the gulf region for some time.', dct: '1990-08-15', expect: [['some time', 'DURATION', 'PXX']] },
];

/** Sentences in which nothing is a date. */
const NOT_DATES = [
  'The bill passed 1850-1790 in the lower house.',
  'Call 555-1957-58 for tickets.',
  'Form 2009-05 was filed.',
  'The flight was scheduled at the time of the attack.',
  'At the time Howes was captured, the rebels were weak.',
  'Now for the weather.',
  'He gave $4 million to the Future of Babylon project.',
  'He lives at 2010 Main Street.',
  'Bonds were little changed at 2.46 billion guilders.',
  'The score was 21:14 in the end, a ratio of 3:1.',
  'He went to the station at 10:30:15 a.m. sharp.',
  'The chip processes 16 pieces of data at a time.',
  'He waited for some time signal from the base.',
];

describe('recognizeDates on news it was not developed on', () => {
  for (const c of CASES) {
    it(`"${c.text}"`, () => {
      const found = recognizeDates(c.text, { documentDate: c.dct });
      assert.deepEqual(
        found.map((m) => [m.text, m.timexType, m.value]),
        c.expect,
      );
      let from = 0;
      for (const [phrase] of c.expect) {
        const m = found.find((f) => f.text === phrase)!;
        assert.equal(m.start, c.text.indexOf(phrase, from), `offset of "${phrase}"`);
        from = m.end;
      }
    });
  }

  for (const text of NOT_DATES) {
    it(`finds no date in "${text}"`, () => {
      const found = recognizeDates(text, { documentDate: '2013-03-15' }).filter((m) => m.timexType !== 'TIME');
      assert.deepEqual(found.map((m) => m.text), []);
    });
  }
});
