import * as assert from 'node:assert/strict';
import { dateRecognizer, recognizeDates } from '../../../../src/core/dates';

/** The expression recognised exactly at `phrase` (first occurrence), or undefined. */
function at(text: string, phrase: string, documentDate?: string) {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `fixture lacks "${phrase}"`);
  return recognizeDates(text, { documentDate }).find((m) => m.start === start && m.end === start + phrase.length);
}

function valueOf(text: string, phrase: string, documentDate?: string): string | undefined {
  const m = at(text, phrase, documentDate);
  assert.ok(m, `"${phrase}" not recognised as a whole in: ${text}`);
  return m.value;
}

// A hand-written paragraph in the style of a wire report dated Thursday 2 March 2006.
const ARTICLE = [
  'Talks open',
  '',
  '02 March 2006',
  '',
  'Generals sat across from each other in the truce village Thursday. It is their first meeting since talks',
  'broke off two years ago. The war was halted by an 1953 armistice. The two-day talks follow a historic',
  '2000 summit. The navies have fought twice in the last seven years. A follow-up meeting is planned this June.',
].join('\n');
const DCT = '2006-03-02';

describe('recognizeDates on a news article', () => {
  it('normalises the dateline and absolute years', () => {
    assert.equal(valueOf(ARTICLE, '02 March 2006', DCT), '2006-03-02');
    assert.equal(valueOf(ARTICLE, '1953', DCT), '1953');
    assert.equal(valueOf(ARTICLE, '2000', DCT), '2000');
  });

  it('resolves relative expressions against the document date', () => {
    assert.equal(valueOf(ARTICLE, 'Thursday', DCT), '2006-03-02');
    assert.equal(valueOf(ARTICLE, 'two years ago', DCT), '2004');
    assert.equal(valueOf(ARTICLE, 'this June', DCT), '2006-06');
  });

  it('gives durations as ISO periods without the article', () => {
    const last = at(ARTICLE, 'the last seven years', DCT);
    assert.equal(last?.value, 'P7Y');
    assert.equal(last?.timexType, 'DURATION');
    assert.equal(valueOf(ARTICLE, 'two-day', DCT), 'P2D');
  });

  it('returns exact, sorted, non-overlapping spans of type DATE', () => {
    const found = recognizeDates(ARTICLE, { documentDate: DCT });
    assert.ok(found.length >= 8);
    for (let i = 0; i < found.length; i++) {
      const m = found[i];
      assert.equal(m.text, ARTICLE.slice(m.start, m.end));
      assert.equal(m.type, 'DATE');
      assert.equal(m.source, 'dates');
      if (i > 0) assert.ok(found[i - 1].end <= m.start, 'overlap or wrong order');
    }
  });

  it('does not take "sat" or "Sun" for weekdays', () => {
    const found = recognizeDates('They sat down. The Sun newspaper said so. A sat phone rang.', { documentDate: DCT });
    assert.deepEqual(found, []);
  });

  it('wakes a rule by its trigger word in capitals or mixed case too (headlines, shouting)', () => {
    // the trigger words are looked up by their letters with case ignored; the rules decide what they accept
    const found = (text: string) => recognizeDates(text, { documentDate: '2006-03-02' }).map((m) => `${m.text}=${m.value}`);
    assert.deepEqual(found('He left on MONDAY and came back on WednesDay.'), ['MONDAY=2006-02-27', 'WednesDay=2006-03-01']);
    assert.deepEqual(found('It lasted THREE YEARS, two Weeks and 5 DAYS.'), ['THREE YEARS=P3Y', 'two Weeks=P2W', '5 DAYS=P5D']);
    assert.deepEqual(found('Last MARCH it rained.'), ['Last MARCH=2005-03']);
  });

  it('keeps relative values unresolved without a document date', () => {
    assert.equal(valueOf(ARTICLE, 'two years ago'), 'XXXX');
    assert.match(valueOf(ARTICLE, 'Thursday') ?? '', /^XXXX/);
    assert.equal(valueOf(ARTICLE, 'this June'), 'XXXX-06');
    assert.equal(valueOf(ARTICLE, '1953'), '1953');
  });

  it('reads a weekday forward when the sentence speaks of the future', () => {
    const text = 'The minister will visit Kenya on Friday, officials said.';
    assert.equal(valueOf(text, 'Friday', DCT), '2006-03-03');
    assert.equal(valueOf('The minister visited Kenya on Friday.', 'Friday', DCT), '2006-02-24');
  });

  it('handles common news expressions', () => {
    const d = '1998-02-13'; // a Friday
    assert.equal(valueOf('He left yesterday.', 'yesterday', d), '1998-02-12');
    assert.equal(valueOf('It rained tonight.', 'tonight', d), '1998-02-13TNI');
    assert.equal(valueOf('He met them last week.', 'last week', d), '1998-W06');
    assert.equal(valueOf('The strike ended at 3 p.m. yesterday.', '3 p.m. yesterday', d), '1998-02-12T15:00');
    // TimeBank and TempEval-3 take "the" into a decade ("the late 1970s")
    assert.equal(valueOf('Prices rose in the 1990s.', 'the 1990s', d), '199');
    assert.equal(valueOf('Sales rose in the third quarter.', 'the third quarter', '1989-11-02'), '1989-Q3');
    assert.equal(valueOf('He is now in Paris.', 'now', d), 'PRESENT_REF');
    assert.equal(valueOf('It was recently sold.', 'recently', d), 'PAST_REF');
    assert.equal(valueOf('It took three months.', 'three months', d), 'P3M');
    assert.equal(at('They meet every week.', 'every week', d)?.timexType, 'SET');
    assert.equal(valueOf('Profit rose from a year earlier.', 'a year earlier', d), '1997');
  });

  it('is exposed as the "dates" recogniser', () => {
    assert.equal(dateRecognizer.name, 'dates');
    assert.deepEqual(dateRecognizer.recognize(ARTICLE, { documentDate: DCT }), recognizeDates(ARTICLE, { documentDate: DCT }));
  });
});
