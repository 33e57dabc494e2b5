/**
 * Sorts the date errors of an evaluation into categories of English time expressions, so that the
 * development set's errors can be read by kind (`eval-dates.mjs --categories`): which kinds of
 * expression are missed, found wrongly or given a wrong value.
 */

const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i;
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;

/** Ordered tests: the first that holds names the category. */
const CATEGORIES = [
  ['set (recurrence)', (t, type) => type === 'SET' || /\b(?:every|each|daily|weekly|monthly|annually|yearly|hourly)\b/i.test(t)],
  ['reference (now, recent, future)', (t, _type, values) => values.some((v) => /_REF$/.test(v ?? '')) || /\b(?:now|current(?:ly)?|recent(?:ly)?|soon|future|previously|once|already|yet)\b/i.test(t)],
  ['clock time or part of day', (t, type) => type === 'TIME' || /\b(?:a\.m\.|p\.m\.|morning|afternoon|evening|night|noon|midnight|overnight)\b/i.test(t)],
  ['weekday', (t) => WEEKDAY.test(t)],
  ['quarter, half, fiscal period', (t) => /\b(?:quarters?|half|period|fiscal)\b/i.test(t)],
  ['a year ago / earlier', (t) => /\byear[- ](?:ago|earlier)\b/i.test(t)],
  ['calendar date (month and day)', (t) => MONTH.test(t) && /\d/.test(t.replace(/\d{4}/, ''))],
  ['month or season', (t) => MONTH.test(t) || /\b(?:spring|summer|fall|autumn|winter)\b/i.test(t)],
  ['duration', (_t, type) => type === 'DURATION'],
  ['week or weekend', (t) => /\bweek(?:end)?s?\b/i.test(t)],
  ['day word or day', (t) => /\b(?:today|tonight|yesterday|tomorrow|days?)\b/i.test(t)],
  ['year, decade, century', (t) => /\b(?:\d{4}|years?|decades?|centur(?:y|ies)|'\d0s)\b/i.test(t)],
  ['other', () => true],
];

/** The category of an error, from its texts, TIMEX3 type and values (gold and/or system). */
export function categoryOf(texts, type, values) {
  const t = texts.filter(Boolean).join(' | ');
  return CATEGORIES.find(([, test]) => test(t, type, values))[0];
}

/** Counts per category and kind of error (MISS, FP, SPAN, VALUE), printed as a table. */
export function printCategories(errors) {
  const counts = new Map();
  for (const e of errors) {
    const row = counts.get(e.category) ?? { MISS: 0, FP: 0, SPAN: 0, VALUE: 0 };
    row[e.kind]++;
    counts.set(e.category, row);
  }
  const rows = [...counts].sort((a, b) => Object.values(b[1]).reduce((x, y) => x + y) - Object.values(a[1]).reduce((x, y) => x + y));
  console.log('errors by category (development set): missed / false / span / value');
  for (const [category, r] of rows) console.log(`  ${category.padEnd(34)} ${String(r.MISS).padStart(3)} ${String(r.FP).padStart(3)} ${String(r.SPAN).padStart(3)} ${String(r.VALUE).padStart(3)}`);
}
