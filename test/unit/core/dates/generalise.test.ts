import { check } from './sentenceCases';

/**
 * Issue 14, "dates that generalise": rules from the TimeML guidelines and the grammar of English,
 * each written as a general rule rather than fitted to one annotated story. Each case names every
 * expression of its sentence, as highlighted, with its TIMEX3 type and value.
 */
describe('dates that generalise (issue 14)', () => {
  describe('a half of a decade or a century is one expression, valued as the decade or century', () => {
    // TIMEX3 has no half-decade: the value is the decade, and the span the whole noun phrase
    check([
      { text: 'Home prices climbed through the first half of the 1990s.', dct: '1998-05-01', expect: [['the first half of the 1990s', 'DATE', '199']] },
      { text: "Sales slowed in the last half of the '70s, the brewer said.", dct: '1989-10-26', expect: [["the last half of the '70s", 'DATE', '197']] },
      { text: 'The town grew quickly in the second half of the 19th century.', dct: '1998-05-01', expect: [['the second half of the 19th century', 'DATE', '18']] },
      // a half of a year is still a half-year
      { text: 'Profit rose in the first half of 1997.', dct: '1998-05-01', expect: [['the first half of 1997', 'DATE', '1997-H1']] },
    ]);
  });

  describe('weekdays joined by "and" share a plural noun: a recurrence', () => {
    // "Friday and Saturday nights" is every Friday night and every Saturday night
    check([
      { text: 'The ferry sails on Friday and Saturday nights.', dct: '1998-03-10', expect: [['Friday', 'SET', 'XXXX-WXX-5TNI'], ['Saturday nights', 'SET', 'XXXX-WXX-6TNI']] },
      { text: 'The museum opens its doors on Tuesday and Thursday evenings.', dct: '1998-03-10', expect: [['Tuesday', 'SET', 'XXXX-WXX-2TEV'], ['Thursday evenings', 'SET', 'XXXX-WXX-4TEV']] },
      // ... while two single days stay two dates
      { text: 'Rebels attacked the town on Friday and Saturday.', dct: '1998-03-10', expect: [['Friday', 'DATE', '1998-03-06'], ['Saturday', 'DATE', '1998-03-07']] },
      { text: 'Talks resumed Monday and Tuesday night the parties signed.', dct: '1998-03-11', expect: [['Monday', 'DATE', '1998-03-09'], ['Tuesday night', 'TIME', '1998-03-10TNI']] },
    ]);
  });

  describe('a duration with "year-earlier" or "year-ago" is one expression', () => {
    check([
      { text: 'Net income for the year-earlier nine months was $4 million.', dct: '1989-10-26', expect: [['the year-earlier nine months', 'DURATION', 'P9M']] },
      { text: 'Sales in the year-ago six months were flat.', dct: '1989-10-26', expect: [['the year-ago six months', 'DURATION', 'P6M']] },
    ]);
  });

  describe('"the first hours of" an event is a stretch of unknown length', () => {
    check([
      { text: 'Hundreds of soldiers surrendered in the first hours of the offensive.', dct: '1991-02-25', expect: [['the first hours', 'DURATION', 'PTXH']] },
      { text: 'Shops were looted during the first days of the uprising.', dct: '1998-05-20', expect: [['the first days', 'DURATION', 'PXD']] },
      // "the days of empire" is no stretch of time told as such
      { text: 'He longed for the days of empire.', dct: '1998-05-20', expect: [] },
    ]);
  });

  describe('a weekday after a timetable verb in the present, with its object or place between, is ahead', () => {
    // English tells a scheduled event in the simple present ("the trial opens in Arusha on
    // Thursday"): with a weekday, the present of such a verb is never a past day (DCT: Monday)
    check([
      { text: 'The trial opens in Arusha on Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-13']] },
      { text: 'The summit, which begins in Manila on Friday, will focus on trade.', dct: '1998-08-10', expect: [['Friday', 'DATE', '1998-08-14']] },
      { text: 'Talks resume in Geneva on Wednesday.', dct: '1998-08-10', expect: [['Wednesday', 'DATE', '1998-08-12']] },
      { text: 'The two sides meet again in Cairo on Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-13']] },
      { text: 'A spokesman said the team arrives in Nairobi on Tuesday.', dct: '1998-08-10', expect: [['Tuesday', 'DATE', '1998-08-11']] },
      { text: 'The team plays Brazil in the final on Saturday.', dct: '1998-08-10', expect: [['Saturday', 'DATE', '1998-08-15']] },
      { text: 'The festival ends Sunday.', dct: '1998-08-10', expect: [['Sunday', 'DATE', '1998-08-16']] },
      // ... and so is the day of a clock time
      { text: 'The ceasefire begins at noon Saturday.', dct: '1998-08-10', expect: [['noon Saturday', 'TIME', '1998-08-15T12:00']] },
      { text: 'Polling stations open at 7 a.m. Sunday.', dct: '1998-08-10', expect: [['7 a.m. Sunday', 'TIME', '1998-08-16T07:00']] },
      { text: 'The ceasefire began at noon Saturday.', dct: '1998-08-10', expect: [['noon Saturday', 'TIME', '1998-08-08T12:00']] },
      { text: 'The ministers, who lost a vote last week, hold talks in Washington on Thursday.', dct: '1998-08-10', expect: [['last week', 'DATE', '1998-W32'], ['Thursday', 'DATE', '1998-08-13']] },
      // ... but a past verb nearer the day, a noun that looks like a verb, or a past perfect keeps it past
      { text: 'The summit opens in Geneva, which hosted talks on Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-06']] },
      { text: 'The shops remained open on Sunday.', dct: '1998-08-10', expect: [['Sunday', 'DATE', '1998-08-09']] },
      { text: 'His visits to the front on Friday angered the generals.', dct: '1998-08-10', expect: [['Friday', 'DATE', '1998-08-07']] },
      { text: 'The talks had been due to resume in Geneva on Wednesday.', dct: '1998-08-10', expect: [['Wednesday', 'DATE', '1998-08-05']] },
      { text: 'The premier, who returns from a tour of Asia on Saturday, must call an election soon.', dct: '1998-08-12', expect: [['Saturday', 'DATE', '1998-08-15'], ['soon', 'DATE', 'FUTURE_REF']] },
      { text: 'Early returns on Sunday showed the ruling party ahead.', dct: '1998-08-10', expect: [['Sunday', 'DATE', '1998-08-09']] },
      { text: 'The envoy, who travels widely, met the rebels in Goma on Friday.', dct: '1998-08-10', expect: [['Friday', 'DATE', '1998-08-07']] },
    ]);
  });

  describe('"set for", "slated for" and "was due to" announce a date ahead, as "scheduled for" does', () => {
    check([
      { text: 'The vote is set for Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-13']] },
      { text: 'The refinery, slated for a December sale, employs 900 people.', dct: '1998-08-10', expect: [['December', 'DATE', '1998-12']] },
      // "was due to" in wire copy is a plan told after "said", still ahead of the report
      { text: 'The envoy was due to fly to Belgrade on Friday, the ministry said.', dct: '1998-08-13', expect: [['Friday', 'DATE', '1998-08-14']] },
      // a plan told in the past perfect is over
      { text: 'The vote, which had been set for Thursday, was called off.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-06']] },
    ]);
  });

  describe('a modal verb nearest a weekday looks ahead, as HeidelTime reads it', () => {
    check([
      { text: 'He met the prime minister on Monday and could meet the president on Tuesday.', dct: '1998-08-10', expect: [['Monday', 'DATE', '1998-08-10'], ['Tuesday', 'DATE', '1998-08-11']] },
      { text: 'The envoy may finally get to discuss his proposals with the rebel leaders on Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-13']] },
      // ... not one that looks back, nor one in another clause
      { text: 'The gunmen may have crossed the border on Thursday.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-06']] },
      { text: 'Police can confirm that the attack on Thursday killed five.', dct: '1998-08-10', expect: [['Thursday', 'DATE', '1998-08-06']] },
    ]);
  });

  describe('a month before a futures noun is a delivery month, never past', () => {
    check([
      { text: 'December bonds closed 5/32 lower.', dct: '1998-08-28', expect: [['December', 'DATE', '1998-12']] },
      { text: 'Traders sold the March contract after the report.', dct: '1998-08-28', expect: [['March', 'DATE', '1999-03']] },
      { text: 'September crude settled at $13.50.', dct: '1998-08-28', expect: [['September', 'DATE', '1998-09']] },
      // ... while a month that is no contract keeps its reading
      { text: 'Bond prices fell in March.', dct: '1998-08-28', expect: [['March', 'DATE', '1998-03']] },
    ]);
  });

  describe('the verb nearest a date governs it: a past verb after "will" tells of the past', () => {
    check([
      { text: 'The minister will visit Ghana on her first trip abroad since she took office in June.', dct: '1998-08-28', expect: [['June', 'DATE', '1998-06']] },
      { text: 'The envoy will hold talks under an agreement the two sides reached in July.', dct: '1998-08-28', expect: [['July', 'DATE', '1998-07']] },
      { text: 'The report will include figures delayed from Tuesday by the strike.', dct: '1998-08-28', expect: [['Tuesday', 'DATE', '1998-08-25']] },
      // ... while a participle of the future or a reporting clause does not
      { text: 'The new terminal will be completed in October.', dct: '1998-08-28', expect: [['October', 'DATE', '1998-10']] },
      { text: 'Prices will firm, a trader said, when buyers return on Monday.', dct: '1998-08-28', expect: [['Monday', 'DATE', '1998-08-31']] },
    ]);
  });

  describe('"a year earlier" after a reported month is that month a year before, as after a reported quarter', () => {
    check([
      { text: 'Car sales rose 9 percent in July from a year earlier.', dct: '1998-08-20', expect: [['July', 'DATE', '1998-07'], ['a year earlier', 'DATE', '1997-07']] },
      { text: 'Exports fell in March 1998 from the year-earlier period.', dct: '1998-08-20', expect: [['March 1998', 'DATE', '1998-03'], ['the year-earlier period', 'DATE', '1997-03']] },
      // a day of a month ends a quarter, and a quarter named after the month is what is compared
      { text: 'Profit for the quarter ended Sept. 30 rose from a year earlier.', dct: '1998-10-20', expect: [['the quarter', 'DATE', '1998-Q3'], ['Sept. 30', 'DATE', '1998-09-30'], ['a year earlier', 'DATE', '1997-Q3']] },
    ]);
  });

  describe('a quarter or half whose results are reported is over, whatever the tense', () => {
    check([
      { text: 'Analysts expect the bank will report a weak first half.', dct: '1998-08-20', expect: [['first half', 'DATE', '1998-H1']] },
      { text: 'Second quarter growth figures will be released on Friday.', dct: '1998-08-20', expect: [['Second quarter', 'DATE', '1998-Q2'], ['Friday', 'DATE', '1998-08-21']] },
      // ... while a quarter told of as ahead stays ahead
      { text: 'The plant will open in the first quarter.', dct: '1998-08-20', expect: [['the first quarter', 'DATE', '1999-Q1']] },
    ]);
  });

  describe('"the weekend" told of on a Sunday is the weekend the document is in', () => {
    // 1998-08-09 is a Sunday, 1998-08-10 a Monday
    check([
      { text: 'Results of league matches played at the weekend.', dct: '1998-08-09', expect: [['the weekend', 'DATE', '1998-W32-WE']] },
      { text: 'Results of league matches played at the weekend.', dct: '1998-08-10', expect: [['the weekend', 'DATE', '1998-W32-WE']] },
      { text: 'Two suspects were questioned over the weekend.', dct: '1998-08-12', expect: [['the weekend', 'DATE', '1998-W32-WE']] },
    ]);
  });
});
