/**
 * Ranges written with a dash: "2009-2010", "1957-58", "the 1990–91 fiscal year". TimeML marks a
 * range as two expressions, one for each end, so two rules find them: one the first year, one the
 * second, each seeing the other through a look-around. The year rule itself refuses a year touching a
 * dash, since a dash elsewhere makes a number of something else ("ex-1990", "555-1957").
 */
import { Rule } from './shared';

/** The year a range ends in, or undefined when the two numbers do not make a range of years. */
function rangeEnd(first: string, second: string): number | undefined {
  const start = Number(first);
  if (second.length === 4) {
    const end = Number(second);
    // "1998-2001"; not "1850-1790" (a vote) nor a span longer than a lifetime
    return end > start && end - start <= 100 ? end : undefined;
  }
  // "1957-58", "1999-00" (into the next century); not "2009-05", which reads as a month
  let end = Math.floor(start / 100) * 100 + Number(second);
  if (end <= start) end += 100;
  return end - start <= 20 ? end : undefined;
}

/** Not inside a longer number, a price or a phone number. */
const BEFORE = "(?<![\\w$£€#'.,/:-])";
/** Not followed by more digits, a unit or another dash. */
const AFTER = '(?![\\w%/:-]|[.,]\\d)';

export const RANGES_RULES: Rule[] = [
  {
    name: 'range start',
    triggers: ['#-'],
    // the match is the year itself: the rule looks only at the token around each number before a dash
    reach: [1, 12],
    pattern: new RegExp(`${BEFORE}(?<y>1\\d{3}|20\\d{2})(?=[-–](?<end>\\d{4}|\\d{2})${AFTER})`, 'g'),
    build(m) {
      return rangeEnd(m.groups!.y, m.groups!.end) ? { type: 'DATE', value: m.groups!.y } : undefined;
    },
  },
  {
    name: 'range end',
    triggers: ['#-'],
    reach: [1, 12],
    pattern: new RegExp(`(?<=${BEFORE}(?<y>1\\d{3}|20\\d{2})[-–])(?<end>\\d{4}|\\d{2})${AFTER}`, 'g'),
    build(m) {
      const end = rangeEnd(m.groups!.y, m.groups!.end);
      return end ? { type: 'DATE', value: String(end) } : undefined;
    },
  },
];
