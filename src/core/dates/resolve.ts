/**
 * Anchoring relative expressions to the document date. Every function takes the anchor explicitly;
 * without one the caller emits a value with `X` placeholders, never a guess from the current date.
 */
import { Ymd, addDays, addMonths, formatWeek, formatYmd, isValidDate, isoWeekday, pad } from './calendar';

export type Tense = 'past' | 'future' | undefined;

/** Future cues in the clause before an expression ("will meet on Thursday", "as early as Tuesday"). */
const FUTURE_CUE = /\b(will|would|won't|shall|'ll|going to|plans? to|planned|planning|scheduled|expected to|is due|are due|was due|were due|is to|are to|set to|intends? to|set for|slated for|upcoming|as soon as|as early as|next|tomorrow)\b/i;
const FUTURE_CUE_ALL = new RegExp(FUTURE_CUE.source, 'gi');
const PAST_CUE = /\b(ago|since|last|was|were|had|did|has been|have been|yesterday)\b/i;
/** Words right before a date that set a deadline or a due date ("payable Dec. 15", "until March 6"). */
const DEADLINE = /(?<!^\s*)\b(until|till|payable|effective|of record|record|extended to|postponed to|due|starting|beginning|as early as|as soon as|ahead of)\s+(on\s+|at\s+)?$/i;
/** Verbs in the past tense just before the expression ("said Friday", "closed Wednesday"). */
const PAST_VERB = /\b(\w+ed|said|met|told|came|went|left|sat|held|took|gave|made|began|spoke|saw|won|lost|fell|rose|shot|struck|led|sent|found|got|put|ran|broke|brought|thought|heard|paid|kept|wrote|drew|flew|fought|chose|became|sold|bought|hit|cut|quit|did|was|were|had)\s+(?:(?:it|him|her|them|on|late|early|last|this)\s+)*$/i;

/**
 * A verb in the present right before the expression, as timetables are told, or with one adverb
 * or place word between ("meet separately Monday", "returns home on Thursday"). The adverbs are
 * listed, not any word in -ly, which would take in "Italy", "July" or "supply". After a linking
 * verb ("remained open on Sunday") or a determiner ("early returns on Sunday") the word is no verb.
 */
const SCHEDULE_VERB = /\b(?:begins?|starts?|opens?|resumes?|meets?|arrives?|leaves?|travels?|heads?|visits?|returns?|expires?|convenes?|kicks? off|takes? effect|goes on sale|is|are)\s+(?:(?:separately|jointly|together|briefly|privately|formally|officially|again|home|here|there)\s+)?(?:on\s+|until\s+)?$/i;
/** Words before which SCHEDULE_VERB's word is no verb (tested on the text before its match: a lookbehind in it was slow). */
const NOT_A_VERB_AFTER = /\b(?:remain(?:s|ed)?|stay(?:s|ed)?|kept|keeps?|be|been|being|was|were|is|are|the|a|an|his|her|its|their|early|first|last)\s+$/i;

/**
 * Timetable verbs in the simple present, which English uses for a scheduled event ("the trial opens
 * in Arusha on Thursday"): the third person singular, and the base form after a plural subject
 * ("talks resume in Geneva on Wednesday"). Forms that are as often plural nouns ("returns", "heads",
 * "marks", "votes") are left out.
 */
const TIMETABLE_3SG = new Set([
  'begins', 'starts', 'opens', 'closes', 'ends', 'resumes', 'meets', 'arrives', 'leaves', 'departs', 'travels', 'flies',
  'visits', 'expires', 'convenes', 'reconvenes', 'adjourns', 'plays', 'faces', 'hosts', 'holds', 'goes', 'sails',
  'launches', 'concludes', 'testifies', 'attends', 'celebrates',
]);
const TIMETABLE_BASE = new Set([
  'begin', 'start', 'open', 'resume', 'meet', 'arrive', 'leave', 'depart', 'travel', 'fly', 'convene', 'reconvene', 'adjourn',
  'expire', 'conclude', 'testify', 'attend', 'sail', 'go', 'hold', 'play', 'face', 'vote', 'host',
]);
/** Forms as often plural nouns ("tax returns", "heads of state"): verbs only after a pronoun ("who returns"). */
const TIMETABLE_3SG_AFTER_PRONOUN = new Set(['returns', 'heads', 'votes', 'tours']);
/** A word before a form in -s that makes it a noun ("his visits", "the plays") rather than a verb. */
const NOUN_BEFORE = /^(?:the|a|an|his|her|its|their|our|your|my|this|these|those|of|in|on|for|with|to|from|by|at|after|before|early|late|first|last|no|any|some|several|many|one|two|three|four|five|six|seven|eight|nine|ten|not|will|would|could|should|can|may|might|must|did|does|do)$/;
/** Past forms and auxiliaries: the nearest verb is not a present of a timetable ("hosted", "has met"). */
const NOT_PRESENT = /^(?:\w{3,}ed|said|met|told|came|went|left|held|took|gave|made|began|spoke|saw|won|lost|fell|rose|brought|paid|sold|bought|became|was|were|had|did|has|have|is|are|be|been|will|would|shall|could|should|might|must|may)$/;
/** Words in -ed that are not past forms. */
const NOT_PAST = /^(?:speed|seed|feed|breed|creed|greed|proceed|succeed|exceed|hundred)$/;

/** Characters that end a clause, for `spanStart`. */
const CLAUSE_END = new Set('.;:!?\n,"()');
/** Characters that end a sentence, for `spanStart`. */
export const SENTENCE_END = new Set('.!?\n');

/**
 * Where the span that ends at `end` starts: after the last of `stops` before it, at most `max`
 * characters back. A backward scan, as a regular expression anchored at the end (/[^.]*$/) would
 * try every start and cost the square of the length.
 */
export function spanStart(text: string, end: number, max: number, stops: ReadonlySet<string>): number {
  let from = end;
  while (from > 0 && end - from < max && !stops.has(text[from - 1])) from--;
  return from;
}

/**
 * Whether the nearest verb before a weekday, within its clause and a few words, looks ahead: a
 * timetable verb in the simple present ("opens in Arusha on", "hold talks in Washington on"), which
 * with a weekday tells a scheduled event, or a modal ("could meet Yeltsin on", "may finally get to
 * discuss ... on"), which HeidelTime reads as present-future. A past form, an auxiliary, a past
 * perfect, an infinitive or a new clause ("that", "which") nearer the day says nothing of the kind.
 */
export function timetableAhead(text: string, start: number): boolean {
  const clause = text.slice(spanStart(text, start, 140, CLAUSE_END), start);
  const words = clause.match(/[A-Za-z']+/g) ?? [];
  if (words.some((w) => /^had$/i.test(w))) return false;
  for (let i = words.length - 1; i >= 0 && i >= words.length - 14; i--) {
    const w = words[i].toLowerCase();
    const prev = words[i - 1];
    // lower case only: "May" is more often the month; "may have met", "could not" look back or deny
    if (/^(?:can|could|may|might|must|should)$/.test(words[i])) return !/^(?:have|not)$/i.test(words[i + 1] ?? '');
    if (/^(?:that|which|who|when|where|because|if|while|although)$/.test(w)) return false;
    if (NOT_PRESENT.test(w) && !NOT_PAST.test(w)) return false;
    if (TIMETABLE_3SG.has(w)) return prev === undefined || !NOUN_BEFORE.test(prev.toLowerCase());
    if (TIMETABLE_3SG_AFTER_PRONOUN.has(w) && prev !== undefined && /^(?:who|which|that|he|she|it)$/i.test(prev)) return true;
    // the base form needs its plural subject right before it ("sides meet", "they hold", "Talks resume"),
    // or opens its clause ("The ministers, who lost, hold talks ...")
    if (TIMETABLE_BASE.has(w)) return prev === undefined || /^(?:can|could|may|might|must|should)$/.test(prev) || (!/ed$/i.test(prev) && (/^(?:they|we|you|who|which|that)$/i.test(prev) || (/[^s]s$/i.test(prev) && !NOUN_BEFORE.test(prev.toLowerCase()))));
  }
  return false;
}

/**
 * A finite verb in the past tense: not a participle after an auxiliary ("will be completed", "has
 * agreed"), an infinitive marker or a determiner ("the proposed merger"), nor the end of a compound
 * ("IMF-hosted"), and not a word that only ends like one ("hundred", "need"). "Said" and "told" are
 * left out: a reporting clause ("a trader said") frames the sentence, it governs no date in it.
 * (From commit 0938f91.)
 */
const PAST_FINITE = /(?<!\b(?:be|been|being|is|are|am|was|were|to|will|would|'ll|has|have|having|had|get|gets|got|the|a|an|its|their|his|her|our|your|this|that|these|those)\s+)(?<!-)\b(?:(?![a-z]*(?:eed|hundred|kindred)\b|(?:scheduled|planned|expected)\b)[a-z]{2,}[^e\s]ed|met|came|went|left|held|took|gave|made|began|spoke|saw|won|lost|fell|rose|brought|paid|sold|bought|became|was|were|did)\b/;

/** The last match of a global regular expression in `s`. */
function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

/** Nothing before the expression in its sentence but a preposition or a conjunction. */
const OPENER = /^\s*(?:(?:and|but|so|then|also|in|on|by|until|since|from|through|during|early|late|last|this|next)\s+)*$/i;
/** The clause after an expression, up to the end of its sentence. */
const FOLLOWING_CLAUSE = /^[^.;!?\n]*/;
/** The first verb group of that clause, as future or past. */
const VERB_AFTER = /^[^"]{0,60}?\b(?:(?<future>will|won't|shall|'ll|is to|are to|is due|are due|plans? to|is scheduled|are scheduled|is expected|are expected)|(?<past>\w{3,}ed|said|told|met|came|went|left|held|took|gave|made|began|spoke|saw|won|lost|fell|rose|brought|paid|sold|bought|became|was|were|had|did|has|have))\b/i;

/**
 * The tense of the clause around [start, end): a past-tense verb right before the expression wins,
 * then future cues in the clause before it, then past cues around it. News reports past events in
 * the past tense and announces future ones with "will".
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  let from = start;
  while (from > 0 && start - from < 150 && !/[.;!?\n]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < 30 && !/[.;!?\n,]/.test(text[to])) to++;
  const before = text.slice(from, start);
  // "In January, the company sold ...", "On Tuesday, officials will ...": an expression that opens
  // its sentence takes the tense of the clause it introduces
  if (OPENER.test(before)) {
    const verb = VERB_AFTER.exec(FOLLOWING_CLAUSE.exec(text.slice(end, end + 160))![0]);
    if (verb) return verb.groups!.future ? 'future' : 'past';
  }
  if (DEADLINE.test(before)) return 'future';
  // "must repay the loan by February" sets a deadline; "had filed reports by Wednesday" looks back
  if (/\bby\s+$/i.test(before) && !/\b(had|was|were|did)\b/i.test(before.slice(-48))) return 'future';
  // "the trial begins Monday", "talks resume on Tuesday": the present of a timetable
  const schedule = SCHEDULE_VERB.exec(before);
  if (schedule && !NOT_A_VERB_AFTER.test(before.slice(0, schedule.index)) && !/\bhad\b/i.test(before)) return 'future';
  const past = PAST_VERB.exec(before);
  // "will be paid Dec. 14" is a future with a participle
  if (past && !/\b(will|would|to|be|is|are)\s+(\w+\s+)?$/i.test(before.slice(0, past.index))) return 'past';
  // "had been scheduled to expire Friday": a plan told in the past perfect is over
  const future = lastMatch(FUTURE_CUE_ALL, before);
  // "will visit Jordan on her first trip since she took office in June": the verb nearest to the
  // expression governs it, so a past-tense verb after the future cue wins
  if (future && !/\b(had|had been|previously)\s+$/i.test(before.slice(0, future.index)) && !PAST_FINITE.test(before.slice(future.index + future[0].length))) return 'future';
  if (PAST_CUE.test(before) || PAST_CUE.test(text.slice(end, to))) return 'past';
  return undefined;
}

/** The weekday `wd` (1 = Monday) nearest to the anchor in the direction of the tense (default past). */
export function resolveWeekday(anchor: Ymd, wd: number, tense: Tense, strict = false): Ymd {
  const diff = wd - isoWeekday(anchor);
  if (tense === 'future') {
    const ahead = (diff + 7) % 7;
    return addDays(anchor, ahead === 0 && strict ? 7 : ahead);
  }
  const back = (7 - diff) % 7;
  return addDays(anchor, -(back === 0 && strict ? 7 : back));
}

/** The year of a month named without one: the nearest such month in the direction of the tense. */
export function resolveMonthYear(anchor: Ymd, month: number, tense: Tense, strict = false): number {
  if (tense === 'future') return month > anchor.month || (month === anchor.month && !strict) ? anchor.year : anchor.year + 1;
  if (tense === 'past') return month < anchor.month || (month === anchor.month && !strict) ? anchor.year : anchor.year - 1;
  // no cue: the past, as news mostly reports, unless the month is one of the next three
  const ahead = (month - anchor.month + 12) % 12;
  if (ahead >= 1 && ahead <= 3) return month > anchor.month ? anchor.year : anchor.year + 1;
  return month <= anchor.month ? anchor.year : anchor.year - 1;
}

/**
 * A month and day without a year: the nearest such date in the direction of the tense; without a
 * cue, the past or the next few weeks. A weekday given with the date ("Monday, Oct. 26") picks the
 * year in which the two agree.
 */
export function resolveMonthDay(anchor: Ymd, month: number, day: number, tense: Tense, weekday?: number): Ymd {
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    .map((year) => ({ year, month, day }))
    .filter((d) => isValidDate(d.year, d.month, d.day));
  if (!candidates.length) return { year: anchor.year, month, day };
  const dist = (d: Ymd) => (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(anchor.year, anchor.month - 1, anchor.day)) / 86_400_000;
  const agreeing = weekday ? candidates.filter((d) => isoWeekday(d) === weekday) : [];
  const pool = agreeing.length ? agreeing : candidates;
  // the nearest date, pushed towards the tense: "the year ended Jan. 31" written in October is the
  // past January, "was extended to Nov. 16" written on Oct. 30 the coming Nov. 16; a date a year
  // away would not be written without its year
  const cost = (d: Ymd) => {
    const t = dist(d);
    if (tense === undefined) return Math.abs(t) + (t > 45 ? 100 : 0);
    return Math.abs(t) + ((tense === 'future' ? t < 0 : t > 0) ? 200 : 0);
  };
  return pool.reduce((best, d) => (cost(d) < cost(best) ? d : best));
}

/** Quarter (1-4) of a month. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * The value of the calendar unit `n` units away from the anchor, at that unit's granularity:
 * year → `2004`, month → `2006-06`, week → `2006-W09`, day → `2006-03-01`, quarter → `2006-Q1`.
 */
export function shiftValue(anchor: Ymd | undefined, unit: string, n: number): string {
  if (!anchor) return unresolved(unit);
  switch (unit) {
    case 'Y': return pad(anchor.year + n, 4);
    case 'M': { const m = addMonths(anchor.year, anchor.month, n); return `${pad(m.year, 4)}-${pad(m.month)}`; }
    case 'W': return formatWeek(addDays(anchor, 7 * n));
    case 'WE': return `${formatWeek(addDays(anchor, 7 * n))}-WE`;
    case 'D': return formatYmd(addDays(anchor, n));
    case 'Q': {
      const q = anchor.year * 4 + quarterOf(anchor.month) - 1 + n;
      return `${pad(Math.floor(q / 4), 4)}-Q${(q % 4) + 1}`;
    }
    case 'DE': return String(Math.floor(anchor.year / 10) + n);
    case 'CE': return String(Math.floor(anchor.year / 100) + n);
    default: return unresolved(unit);
  }
}

/** Placeholder value for a relative expression that has no anchor. */
export function unresolved(unit: string): string {
  switch (unit) {
    case 'Y': return 'XXXX';
    case 'M': return 'XXXX-XX';
    case 'W': return 'XXXX-WXX';
    case 'WE': return 'XXXX-WXX-WE';
    case 'Q': return 'XXXX-QX';
    case 'DE': return 'XXX';
    case 'CE': return 'XX';
    default: return 'XXXX-XX-XX';
  }
}

const SEASON_MONTHS: Record<string, number> = { SP: 4, SU: 7, FA: 10, WI: 1 };

/** Year of a season named with this/last/next (or nothing) relative to the anchor. */
export function resolveSeasonYear(anchor: Ymd, season: string, dir: string | undefined, tense: Tense): number {
  const mid = SEASON_MONTHS[season];
  if (dir === 'last' || dir === 'past' || dir === 'previous') return mid < anchor.month - 1 ? anchor.year : anchor.year - 1;
  if (dir === 'next' || dir === 'coming') return mid > anchor.month + 1 ? anchor.year : anchor.year + 1;
  if (dir === 'this') return anchor.year;
  return resolveMonthYear(anchor, mid, tense);
}

/**
 * The date `shift` units of `unit` away from a reference value (the date a text mentioned last,
 * e.g. `1998-10-23`, `1998-10`, `1988-Q2`, `1996`), at the granularity of `unit`. What the
 * reference does not say stays `X`: "that same day" after "October 1998" is `1998-10-XX`.
 */
export function shiftReference(ref: string, unit: string, shift: number): string | undefined {
  const m = /^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q(\d)|H(\d)|W(\d\d)))?/.exec(ref);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const date: Ymd | undefined = month && day ? { year, month, day } : undefined;
  switch (unit) {
    case 'Y': return pad(year + shift, 4);
    case 'M': {
      if (!month) return `${pad(year, 4)}-XX`;
      const to = addMonths(year, month, shift);
      return `${pad(to.year, 4)}-${pad(to.month)}`;
    }
    case 'Q': {
      const q = m[4] ? Number(m[4]) : month ? quarterOf(month) : undefined;
      if (!q) return `${pad(year, 4)}-QX`;
      const idx = year * 4 + q - 1 + shift;
      return `${pad(Math.floor(idx / 4), 4)}-Q${(idx % 4) + 1}`;
    }
    case 'W':
    case 'WE': {
      const suffix = unit === 'WE' ? '-WE' : '';
      if (date) return formatWeek(addDays(date, 7 * shift)) + suffix;
      if (m[6] && shift === 0) return `${pad(year, 4)}-W${m[6]}${suffix}`;
      return `${pad(year, 4)}-WXX${suffix}`;
    }
    default: {
      if (date) return formatYmd(addDays(date, shift));
      return month ? `${pad(year, 4)}-${pad(month)}-XX` : `${pad(year, 4)}-XX-XX`;
    }
  }
}
