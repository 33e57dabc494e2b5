import { check } from './sentenceCases';

/**
 * Issue 14, "dates that generalise" (second round): what a relative date counts from, and a length
 * of time that names a point. The sentences are written for this file in the style of wire copy;
 * each case names every expression of its sentence, as highlighted, with its TIMEX3 type and value.
 */
describe('a month "of that year" is in the year told of last (issue 14)', () => {
  check([
    { text: 'The firm was founded in 1994 and listed its shares in April of that year.', dct: '1996-08-22', expect: [['1994', 'DATE', '1994'], ['April of that year', 'DATE', '1994-04']] },
    { text: 'The dam was finished in 1971 and first flooded in August the following year.', dct: '1996-08-22', expect: [['1971', 'DATE', '1971'], ['August the following year', 'DATE', '1972-08']] },
    { text: 'Voters went to the polls in March 1990 and again in October the same year.', dct: '1996-08-22', expect: [['March 1990', 'DATE', '1990-03'], ['October the same year', 'DATE', '1990-10']] },
  ]);
});

describe('"that year", "the following year" count from a time the story tells of, not from the day of the report (issue 14)', () => {
  // 1996-08-30 is a Friday
  check([
    { text: 'The striker, who joined the club in 1992, was loaned to a rival on Friday, papers reported. He was badly hurt in a car crash the following year.', dct: '1996-08-30', expect: [['1992', 'DATE', '1992'], ['Friday', 'DATE', '1996-08-30'], ['the following year', 'DATE', '1993']] },
    { text: 'The bank failed in 1991, a court heard on Tuesday. Its chairman fled in March of that year.', dct: '1996-08-30', expect: [['1991', 'DATE', '1991'], ['Tuesday', 'DATE', '1996-08-27'], ['March of that year', 'DATE', '1991-03']] },
    // ... while a day-level anaphor keeps the day just told of, and a year named by the story is one
    { text: 'Rebels attacked the town on Tuesday. Later that day, troops arrived.', dct: '1996-08-30', expect: [['Tuesday', 'DATE', '1996-08-27'], ['Later that day', 'DATE', '1996-08-27']] },
  ]);
});

describe('"the next year" told in the past is the year after the one told of (issue 14)', () => {
  check([
    { text: 'The singer rose to fame in 1992. The next year, her brother was killed in a crash.', dct: '1996-08-26', expect: [['1992', 'DATE', '1992'], ['The next year', 'DATE', '1993']] },
    { text: 'He joined the army in 1990 and left the next month.', dct: '1996-08-26', expect: [['1990', 'DATE', '1990'], ['the next month', 'DATE', '1990-XX']] },
    // ... while said of the future it is the year after the document's
    { text: 'Sales will grow over the next year, the firm said.', dct: '1996-08-26', expect: [['the next year', 'DATE', '1997']] },
  ]);
});

describe('a day of a month with "next year", "last year" or "this year" is one date in that year (issue 14)', () => {
  check([
    { text: 'The accord sets elections for May 30 next year.', dct: '1996-08-22', expect: [['May 30 next year', 'DATE', '1997-05-30']] },
    { text: 'The plant has been shut since August 25 last year.', dct: '1996-08-22', expect: [['August 25 last year', 'DATE', '1995-08-25']] },
  ]);
});

describe('a length of time that names a point (issue 14)', () => {
  describe('"in" and a length of time in a clause about the future: the point that far ahead', () => {
    // "the bonds mature in ten years" says when, not how long: TIMEX3 values the point (TIDES, TimeBank)
    check([
      { text: 'The notes will be repaid in three years, the lender said.', dct: '1996-08-22', expect: [['three years', 'DATE', '1999']] },
      { text: 'The new bridge would open to traffic in two months.', dct: '1996-08-22', expect: [['two months', 'DATE', '1996-10']] },
      { text: 'Talks are expected to resume in ten days.', dct: '1996-08-22', expect: [['ten days', 'DATE', '1996-09-01']] },
      // ... while a stretch told of in the past, a first time in years or "within" stay lengths
      { text: 'The index posted its biggest weekly gain in three years.', dct: '1996-08-22', expect: [['weekly', 'SET', 'P1W'], ['three years', 'DURATION', 'P3Y']] },
      { text: 'Prices doubled in two months.', dct: '1996-08-22', expect: [['two months', 'DURATION', 'P2M']] },
      { text: 'The company will cut 500 jobs within two years.', dct: '1996-08-22', expect: [['two years', 'DURATION', 'P2Y']] },
      { text: 'It will be the first such visit in ten years.', dct: '1996-08-22', expect: [['ten years', 'DURATION', 'P10Y']] },
    ]);
  });
});
