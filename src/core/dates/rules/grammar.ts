/**
 * The grammar of temporal expressions: one regular expression per family of phrases, each with a
 * function that turns a match into a TIMEX3 value. Spans follow TimeBank: modifiers such as "about",
 * "early" and "the past" are part of the expression; a leading preposition ("on", "in") is not.
 */
import { DAYS_RULES } from './days';
import { DURATIONS_RULES } from './durations';
import { PERIODS_RULES } from './periods';
import { RANGES_RULES } from './ranges';
import type { Rule } from './shared';

export type { Rule, RuleContext, Timex, TimexType } from './shared';

const ALL = [...DAYS_RULES, ...PERIODS_RULES, ...RANGES_RULES, ...DURATIONS_RULES];
const byName = new Map(ALL.map((r) => [r.name, r]));

/** Every rule; on matches of equal length the earlier rule wins. */
export const RULES: Rule[] = [
  'clock time',
  '24-hour clock',
  'named time',
  'iso date',
  'numeric date',
  'month day year',
  'day month year',
  'second day',
  'month',
  'weekday',
  'week of',
  'day word',
  'part of day',
  'part of that day',
  'reference word',
  'the time',
  'tenure',
  'a while',
  'anaphoric',
  'year',
  'range start',
  'range end',
  'decade',
  'century',
  'half of a decade or century',
  'relative unit',
  'season',
  'quarter',
  'quarter code',
  'spoken year',
  'named period',
  'holiday',
  'end of period',
  'decade word',
  'vague reference',
  'long',
  'ago',
  'year earlier',
  'duration',
  'race time',
  'vague duration',
  'set',
  'frequency',
].map((name) => byName.get(name)!);
