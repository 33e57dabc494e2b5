/** Types and helpers shared by the rule families. */
import { Ymd, formatYmd, isValidDate, pad } from '../calendar';
import { MONTH_RE, WEEKDAY_RE, WEEKDAYS, monthOf, parseOrdinal, unitOf } from '../lexicon';
import { SENTENCE_END, Tense, quarterOf, resolveMonthDay, resolveWeekday, shiftValue, spanStart, unresolved } from '../resolve';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** What a rule makes of a match: its TIMEX3 type and value. */
export interface Timex {
  value?: string;
  type: TimexType;
  /**
   * For an expression anchored on the last date the text mentioned rather than on the document
   * date ("that day", "the following year"): the unit and the shift from that date. The value is
   * filled in once every expression of the text is known.
   */
  anaphor?: Anaphor;
}

/**
 * `shift` units of `unit` from the date mentioned last; `part` adds a part of day ("that night").
 * Day-level anaphors need a reference that names a day; otherwise the document date serves.
 */
export interface Anaphor {
  unit: 'D' | 'W' | 'WE' | 'M' | 'Q' | 'Y' | 'DE';
  shift: number;
  part?: string;
  /** "the previous Friday" (shift -1), "the following Monday" (+1): that weekday (1 = Monday) before or after. */
  weekday?: number;
  /** A clock time ("10 p.m.", `22:00`) on the day mentioned last. */
  time?: string;
  /** A month (1-12) of the year `shift` years from the one mentioned last ("April of that year"). */
  month?: number;
}

/** Everything a rule may consult besides its match. */
export interface RuleContext {
  text: string;
  anchor?: Ymd;
  /** Tense around the match, computed lazily. */
  tense(): Tense;
}

/** A family of expressions. */
export interface Rule {
  name: string;
  /**
   * Words one of which every match contains, in lower case; `#4` stands for any 4-digit number
   * (`#1`, `#2` likewise), `#:` for a number followed by a colon and `#-` for one followed by a dash.
   * The rule only runs near them: most rules find nothing in most articles.
   */
  triggers: string[];
  /**
   * How far (characters) a match may reach before and after a trigger word, when less than the
   * default: rules woken by frequent words ("that") then scan only a little text around each.
   */
  reach?: [number, number];
  /** Global regular expression; a match is the whole expression as highlighted. */
  pattern: RegExp;
  /** The expression's value, or undefined to reject the match (a shorter one may then be tried). */
  build(m: RegExpExecArray, ctx: RuleContext): Timex | undefined;
}

export const B = '(?<![\\w\'-])'; // word start that does not split "ex-1990" or "mid-'90s"
export const E = '(?![\\w-])';

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI',
};

export function isCapitalised(s: string | undefined): boolean {
  return s !== undefined && s[0] >= 'A' && s[0] <= 'Z';
}

/** A TIMEX3 duration or set period: `P3M`, `PT2H`, `PXY` for an unknown count. */
export function durationValue(n: number, unitWord: string): string | undefined {
  const unit = unitOf(unitWord);
  if (!unit) return undefined;
  const count = Number.isNaN(n) ? 'X' : String(n);
  return unit.time ? `PT${count}${unit.code}` : `P${count}${unit.code}`;
}

/** A date given by day words relative to the anchor ("yesterday"). */
export function dayValue(ctx: RuleContext, offset: number, part?: string): string {
  const base = ctx.anchor ? shiftValue(ctx.anchor, 'D', offset) : unresolved('D');
  return part ? `${base}T${part}` : base;
}

/** `HH:MM` on the 24-hour clock for "3:30 p.m.", or undefined for an impossible time. */
export function timeOfDay(hour: number, minute: number, ampm: string): string | undefined {
  const pm = /^p/i.test(ampm);
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const h = (hour % 12) + (pm ? 12 : 0);
  return `${pad(h)}:${pad(minute)}`;
}

/** The day that a day phrase inside a larger expression names ("Wednesday", "yesterday", "Nov. 9"). */
export function dayOf(phrase: string | undefined, ctx: RuleContext): string | undefined {
  if (!phrase) return undefined;
  const p = phrase.trim();
  const word = p.toLowerCase();
  if (word === 'today' || word === 'tonight') return dayValue(ctx, 0);
  if (word === 'yesterday') return dayValue(ctx, -1);
  if (word === 'tomorrow') return dayValue(ctx, 1);
  const wd = WEEKDAYS.get(word);
  if (wd) return ctx.anchor ? formatYmd(resolveWeekday(ctx.anchor, wd, ctx.tense())) : `XXXX-WXX-${wd}`;
  // "Nov. 9", "28 July", "Thursday 28 July" (the weekday picks the year)
  const md = /^(?:(\w+),?\s+)?(?:(\S+)\s+(\d{1,2})|(\d{1,2})\s+(\S+))$/.exec(p);
  const month = md ? monthOf(md[2] ?? md[5]) : undefined;
  if (md && month) {
    const day = Number(md[3] ?? md[4]);
    const weekday = md[1] ? WEEKDAYS.get(md[1].toLowerCase()) : undefined;
    return ctx.anchor ? formatYmd(resolveMonthDay(ctx.anchor, month, day, ctx.tense(), weekday)) : `XXXX-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}

/**
 * A passage about a reporting quarter ("third-quarter net", "in the latest quarter", "quarterly
 * results"); not a share ("a quarter of the population", "three quarters of voters").
 */
const QUARTER_CONTEXT = /\b(?:first|second|third|fourth|latest|last|this|that|the|fiscal|same|current|previous|year-earlier|year-ago|comparable|corresponding)[\s-]quarter\b(?!\s+of\s+(?:the|a|an|its|their|his|her|all|voters|people)\b)|\bquarterly\b|\bperiod\b/i;

/** A full month name reported on ("in July", "for March 1998"), not a day ("Sept. 30") nor a quarter's end. */
const REPORTED_MONTH = /\b(?:in|for|during)\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b(?!\s*\d)/g;

/**
 * "Exports rose 5 percent in July from a year earlier": what a sentence compares with "a year
 * earlier" is the month it reports, a year before (as the quarter it reports in a quarterly report).
 * Undefined when the sentence names no such month before the expression, or a quarter or half after it.
 */
function yearAgoMonth(ctx: RuleContext, index: number): string | undefined {
  const sentence = ctx.text.slice(spanStart(ctx.text, index, 300, SENTENCE_END), index);
  const named = [...sentence.matchAll(REPORTED_MONTH)].pop();
  if (!named || !ctx.anchor || /\b(?:quarter|half|period|months)\b/i.test(sentence.slice(named.index))) return undefined;
  const month = monthOf(named[1])!;
  const year = named[2] ? Number(named[2]) : month <= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year - 1;
  return `${pad(year - 1, 4)}-${pad(month)}`;
}

/**
 * In financial reports "a year earlier" means the same quarter a year before: the quarter named in
 * the text just before, or else the last completed one. Undefined when the passage is not about a quarter.
 */
export function yearAgoQuarter(ctx: RuleContext, index: number, window = 600): string | undefined {
  if (!ctx.anchor) return undefined;
  const month = yearAgoMonth(ctx, index);
  if (month) return month;
  const before = ctx.text.slice(Math.max(0, index - window), index);
  if (!QUARTER_CONTEXT.test(before + ctx.text.slice(index, index + 120))) return undefined;
  const named = [...before.matchAll(/\b(first|second|third|fourth)[\s-]quarter\b/gi)].pop();
  const current = quarterOf(ctx.anchor.month);
  if (named) {
    const n = parseOrdinal(named[1])!;
    const year = n <= current ? ctx.anchor.year : ctx.anchor.year - 1;
    return `${year - 1}-Q${n}`;
  }
  return shiftValue(ctx.anchor, 'Q', -5);
}

export const TZ = '(?:\\s(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|GMT|UTC|BST|CET))';
export const DAY_PHRASE = `(?:today|tonight|yesterday|tomorrow|(?:${WEEKDAY_RE},?\\s)?\\d{1,2}\\s${MONTH_RE}|${WEEKDAY_RE}|${MONTH_RE}\\s\\d{1,2})`;
export const APPROX = '(?:about|around|approximately|roughly|nearly|almost|some|no more than|no less than|not more than|no fewer than|more than|less than|at least|at most|up to|over|under|just|only|another|an additional|barely|fully)';

export function dayMonthYear(
  mon: string, d: string, y: string | undefined, ctx: RuleContext, wd?: string, tense?: Tense,
): Timex | undefined {
  const month = monthOf(mon);
  const day = Number(d);
  if (!month || !isCapitalised(mon) || !(day >= 1 && day <= 31)) return undefined;
  if (y) return isValidDate(Number(y), month, day) ? { type: 'DATE', value: `${y}-${pad(month)}-${pad(day)}` } : undefined;
  if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${pad(month)}-${pad(day)}` };
  const weekday = wd ? WEEKDAYS.get(wd.toLowerCase()) : undefined;
  return { type: 'DATE', value: formatYmd(resolveMonthDay(ctx.anchor, month, day, tense ?? ctx.tense(), weekday)) };
}
