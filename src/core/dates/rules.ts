/**
 * The grammar of temporal expressions: one regular expression per family of phrases, each with a
 * function that turns a match into a TIMEX3 value. Spans follow TimeBank: modifiers such as "about",
 * "early" and "the past" are part of the expression; a leading preposition ("on", "in") is not.
 */
import { Ymd, formatYmd, isValidDate, pad } from './calendar';
import {
  MONTH_RE, NUMBER_RE, ORDINAL_RE, SEASONS, SPOKEN_YEAR_RE, UNIT_RE, WEEKDAY_RE, WEEKDAYS,
  monthOf, parseCardinal, parseOrdinal, parseSpokenYear, unitOf,
} from './lexicon';
import {
  Tense, quarterOf, resolveMonthDay, resolveMonthYear, resolveSeasonYear, resolveWeekday,
  shiftValue, unresolved,
} from './resolve';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** What a rule makes of a match. `start`/`end` trims, relative to the match, are optional. */
export interface Timex {
  value?: string;
  type: TimexType;
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
   * (`#1`, `#2` likewise). The rule only runs near them: most rules find nothing in most articles.
   */
  triggers: string[];
  pattern: RegExp;
  build(m: RegExpExecArray, ctx: RuleContext): Timex | undefined;
}

const B = '(?<![\\w\'-])'; // word start that does not split "ex-1990" or "mid-'90s"
const E = '(?![\\w-])';

const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI',
};

function isCapitalised(s: string | undefined): boolean {
  return s !== undefined && s[0] >= 'A' && s[0] <= 'Z';
}

function durationValue(n: number, unitWord: string): string | undefined {
  const unit = unitOf(unitWord);
  if (!unit) return undefined;
  const count = Number.isNaN(n) ? 'X' : String(n);
  return unit.time ? `PT${count}${unit.code}` : `P${count}${unit.code}`;
}

/** A date given by day words relative to the anchor ("yesterday"). */
function dayValue(ctx: RuleContext, offset: number, part?: string): string {
  const base = ctx.anchor ? shiftValue(ctx.anchor, 'D', offset) : unresolved('D');
  return part ? `${base}T${part}` : base;
}

function timeOfDay(hour: number, minute: number, ampm: string): string | undefined {
  const pm = /^p/i.test(ampm);
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const h = (hour % 12) + (pm ? 12 : 0);
  return `${pad(h)}:${pad(minute)}`;
}

/** The day that a day phrase inside a larger expression names ("Wednesday", "yesterday", "Nov. 9"). */
function dayOf(phrase: string | undefined, ctx: RuleContext): string | undefined {
  if (!phrase) return undefined;
  const p = phrase.trim();
  const word = p.toLowerCase();
  if (word === 'today' || word === 'tonight') return dayValue(ctx, 0);
  if (word === 'yesterday') return dayValue(ctx, -1);
  if (word === 'tomorrow') return dayValue(ctx, 1);
  const wd = WEEKDAYS.get(word);
  if (wd) return ctx.anchor ? formatYmd(resolveWeekday(ctx.anchor, wd, ctx.tense())) : `XXXX-WXX-${wd}`;
  const md = /^(\S+)\s+(\d{1,2})$/.exec(p);
  const month = md ? monthOf(md[1]) : undefined;
  if (md && month) {
    const day = Number(md[2]);
    return ctx.anchor ? formatYmd(resolveMonthDay(ctx.anchor, month, day, ctx.tense())) : `XXXX-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}

/**
 * In financial reports "a year earlier" means the same quarter a year before: the quarter named in
 * the text just before, or else the last completed one. Undefined when the passage is not about a quarter.
 */
function yearAgoQuarter(ctx: RuleContext, index: number, window = 600): string | undefined {
  if (!ctx.anchor) return undefined;
  const before = ctx.text.slice(Math.max(0, index - window), index);
  if (!/\bquarter(ly)?\b|\bperiod\b|-quarter\b/i.test(before + ctx.text.slice(index, index + 120))) return undefined;
  const named = [...before.matchAll(/\b(first|second|third|fourth)[\s-]quarter\b/gi)].pop();
  const current = quarterOf(ctx.anchor.month);
  if (named) {
    const n = parseOrdinal(named[1])!;
    const year = n <= current ? ctx.anchor.year : ctx.anchor.year - 1;
    return `${year - 1}-Q${n}`;
  }
  return shiftValue(ctx.anchor, 'Q', -5);
}

const TZ = '(?:\\s(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC))';
const DAY_PHRASE = `(?:today|tonight|yesterday|tomorrow|${WEEKDAY_RE}|${MONTH_RE}\\s\\d{1,2})`;
const APPROX = '(?:about|around|approximately|roughly|nearly|almost|some|more than|less than|at least|at most|up to|over|under|just|only|another|an additional|barely|fully)';

export const RULES: Rule[] = [
  {
    name: 'clock time',
    triggers: ['am', 'pm', 'm'],
    pattern: new RegExp(
      `${B}(?:(?:about|around|approximately|shortly (?:before|after))\\s)?(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?\\s?(?<ap>[ap]\\.m\\.|[ap]\\.m|[ap]m${E})(?:${TZ})?(?:,?\\s(?:on\\s)?(?<day>${DAY_PHRASE}))?`,
      'gi'),
    build(m, ctx) {
      const t = timeOfDay(Number(m.groups!.h), Number(m.groups!.min ?? 0), m.groups!.ap);
      if (!t) return undefined;
      const day = dayOf(m.groups!.day, ctx) ?? dayValue(ctx, 0);
      return { type: 'TIME', value: `${day}T${t}` };
    },
  },
  {
    name: 'named time',
    triggers: ['noon', 'midnight', 'midday'],
    pattern: new RegExp(`${B}(?<w>noon|midnight|midday)(?:,?\\s(?<day>${DAY_PHRASE}))?${E}`, 'gi'),
    build(m, ctx) {
      const day = dayOf(m.groups!.day, ctx) ?? dayValue(ctx, 0);
      return { type: 'TIME', value: `${day}T${m.groups!.w.toLowerCase() === 'midnight' ? '24:00' : '12:00'}` };
    },
  },
  {
    name: 'iso date',
    triggers: ['#4'],
    pattern: /(?<![\w-])(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:T(?<t>\d{2}:\d{2}(?::\d{2})?))?(?![\w-])/g,
    build(m) {
      const [y, mo, d] = [Number(m.groups!.y), Number(m.groups!.mo), Number(m.groups!.d)];
      if (!isValidDate(y, mo, d)) return undefined;
      const date = `${m.groups!.y}-${m.groups!.mo}-${m.groups!.d}`;
      return m.groups!.t ? { type: 'TIME', value: `${date}T${m.groups!.t}` } : { type: 'DATE', value: date };
    },
  },
  {
    name: 'numeric date',
    triggers: ['#1', '#2'],
    pattern: /(?<![\w/.-])(?<mo>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4}|\d{2})(?![\w/-])/g,
    build(m) {
      let y = Number(m.groups!.y);
      if (m.groups!.y.length === 2) y += y < 50 ? 2000 : 1900;
      const [mo, d] = [Number(m.groups!.mo), Number(m.groups!.d)];
      if (!isValidDate(y, mo, d)) return undefined;
      return { type: 'DATE', value: formatYmd({ year: y, month: mo, day: d }) };
    },
  },
  {
    name: 'month day year',
    triggers: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this)\\s)?(?:(?<wd>${WEEKDAY_RE}),?\\s)?(?<mon>${MONTH_RE})\\s(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(?<y>\\d{4}))?(?![\\w-]|,\\d)`, 'g'),
    build(m, ctx) {
      const dir = m.groups!.dir?.toLowerCase();
      const forced = dir === 'last' ? 'past' : dir === 'next' ? 'future' : undefined;
      // a weekday given with the date ("Monday, Oct. 26") tells the year
      return dayMonthYear(m.groups!.mon, m.groups!.d, m.groups!.y, ctx, m.groups!.wd, forced);
    },
  },
  {
    name: 'day month year',
    triggers: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
    pattern: new RegExp(`${B}(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(?<mon>${MONTH_RE})(?:,?\\s(?<y>\\d{4}))?${E}`, 'g'),
    build(m, ctx) {
      return dayMonthYear(m.groups!.mon, m.groups!.d, m.groups!.y, ctx);
    },
  },
  {
    name: 'month',
    triggers: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this|early|late|mid|the end of|the beginning of|the middle of|the start of)[\\s-](?:in\\s)?)?(?<mon>${MONTH_RE})(?:,?\\s(?:of\\s)?(?:(?<y>\\d{4})|(?<sy>${SPOKEN_YEAR_RE}))|\\s(?<rel>this|last|next)\\syear)?${E}`, 'gi'),
    build(m, ctx) {
      const { mon, sy, rel } = m.groups!;
      const y = m.groups!.y ?? (sy ? String(parseSpokenYear(sy)) : rel && ctx.anchor ? String(ctx.anchor.year + (rel.toLowerCase() === 'last' ? -1 : rel.toLowerCase() === 'next' ? 1 : 0)) : undefined);
      const month = monthOf(mon);
      if (!month || !isCapitalised(mon)) return undefined;
      const dir = m.groups!.dir?.toLowerCase();
      if (!y) {
        // Abbreviations and "May" alone are too often a name or the verb.
        const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
        const prep = /\b(in|since|until|till|by|from|to|through|during|before|after|of|early|late|mid|last|next|this)\s$/i.test(before);
        const abbreviated = /\.$/.test(mon) || (mon.length <= 4 && !/^(May|June|July)$/.test(mon));
        if (abbreviated && !dir) return undefined;
        // "the March for Life", "March of the Combatant Mothers": a march, not the month
        if (mon === 'March' && /^\s+(for|of|on|to)\s+(the\s+)?[A-Z]/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 14))) return undefined;
        if (mon === 'May' && !dir && !prep) return undefined;
      }
      if (y && y !== 'undefined') return { type: 'DATE', value: `${y}-${pad(month)}` };
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${pad(month)}` };
      const tense: Tense = dir === 'last' ? 'past' : dir === 'next' ? 'future' : ctx.tense();
      const strict = dir === 'last' || dir === 'next';
      const year = dir === 'this' ? ctx.anchor.year : resolveMonthYear(ctx.anchor, month, tense, strict);
      return { type: 'DATE', value: `${pad(year, 4)}-${pad(month)}` };
    },
  },
  {
    name: 'weekday',
    triggers: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this|early|late|early on|late on)\\s)?(?<wd>${WEEKDAY_RE})(?:[\\s-](?<part>morning|afternoon|evening|night))?${E}`, 'gi'),
    build(m, ctx) {
      const { wd, part } = m.groups!;
      if (!isCapitalised(wd)) return undefined;
      const day = WEEKDAYS.get(wd.toLowerCase())!;
      const dir = m.groups!.dir?.toLowerCase();
      const partCode = part ? PART_OF_DAY[part.toLowerCase()] : undefined;
      const type: TimexType = partCode ? 'TIME' : 'DATE';
      if (!ctx.anchor) return { type, value: `XXXX-WXX-${day}${partCode ? `T${partCode}` : ''}` };
      const tense: Tense = dir === 'last' ? 'past' : dir === 'next' ? 'future' : ctx.tense();
      const date = formatYmd(resolveWeekday(ctx.anchor, day, tense, dir === 'last' || dir === 'next'));
      return { type, value: partCode ? `${date}T${partCode}` : date };
    },
  },
  {
    name: 'day word',
    triggers: ['today', 'tonight', 'yesterday', 'tomorrow'],
    pattern: new RegExp(
      `${B}(?:(?<mod>early|late|earlier|later)\\s)?(?<w>today|tonight|yesterday|tomorrow)(?:[\\s-](?<part>morning|afternoon|evening|night))?${E}`, 'gi'),
    build(m, ctx) {
      const w = m.groups!.w.toLowerCase();
      const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = m.groups!.part ? PART_OF_DAY[m.groups!.part.toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
      return { type: m.groups!.part ? 'TIME' : 'DATE', value: dayValue(ctx, offset, part) };
    },
  },
  {
    name: 'part of day',
    triggers: ['morning', 'afternoon', 'evening', 'night'],
    pattern: /(?<![\w'-])(?<dir>this|last|early this|late last|late this)\s(?<part>morning|afternoon|evening|night)(?![\w-])/gi,
    build(m, ctx) {
      const part = PART_OF_DAY[m.groups!.part.toLowerCase()];
      const offset = /last/i.test(m.groups!.dir) ? -1 : 0;
      return { type: 'TIME', value: dayValue(ctx, offset, part) };
    },
  },
  {
    name: 'reference word',
    triggers: ['now', 'currently', 'nowadays', 'present', 'presently', 'recently', 'lately', 'soon', 'past', 'future'],
    pattern: /(?<![\w'-])(?<w>right now|now|currently|nowadays|at present|presently|recently|lately|soon|the past|the future|in the future|the present)(?![\w-])/gi,
    build(m, ctx) {
      const w = m.groups!.w.toLowerCase();
      // "now" as a conjunction ("now that") or inside "until now" stays a reference to the present
      if (w === 'now' && /^[-\u2010-\u2015]/.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "as soon as possible", "soon after the vote": relative to an event, not to the document
      if (w === 'soon' && (/\bas\s$/i.test(ctx.text.slice(m.index - 3, m.index)) || /^\s+(after|before|as)\b/i.test(ctx.text.slice(m.index + 4, m.index + 12)))) return undefined;
      if (/recent|lately|past/.test(w)) return { type: 'DATE', value: 'PAST_REF' };
      if (/soon|future/.test(w)) return { type: 'DATE', value: 'FUTURE_REF' };
      return { type: 'DATE', value: 'PRESENT_REF' };
    },
  },
  {
    name: 'year',
    triggers: ['#4'],
    pattern: /(?<![\w$£€#'.,/-])(?:(?<mod>early|mid|late|the end of|the beginning of|the middle of|post|pre)[\s-](?:in\s)?)?(?:(?<pre>fiscal|the year|calendar|fiscal year)\s)?(?<y>1\d{3}|20\d{2})(?![\w%/-]|[.,:]\d|\s?(?:percent|per cent|people|persons|men|women|troops|soldiers|shares|miles|tons|feet|yards|acres|jobs|workers|employees|members|cars|cases|votes|points|delegates|refugees|students|children|prisoners|deaths|homes|units|barrels))/gi,
    build(m, ctx) {
      const year = Number(m.groups!.y);
      const before = ctx.text.slice(Math.max(0, m.index - 16), m.index);
      if (/\b(about|some|nearly|almost|than|approximately|roughly|estimated|of|No\.|number|Flight|Route|Highway|Boeing|model|Section)\s$/i.test(before) && !m.groups!.pre && !m.groups!.mod) {
        // "of 1990" is a year ("the summer of 1990"); "a total of 2000" is not: accept the usual range only
        if (!/\bof\s$/i.test(before) || year < 1900 || year > 2030) return undefined;
      }
      if (year < 1900 && !m.groups!.pre && !/\b(in|since|from|until|of|by|before|after|year|circa|to)\s$/i.test(before)) return undefined;
      return { type: 'DATE', value: String(year) };
    },
  },
  {
    name: 'decade',
    triggers: ['#4', '#2'],
    pattern: /(?<![\w$-])(?:(?<mod>early|mid|late)[\s-])?(?:(?<y>1\d{2}|20\d)0'?s|'(?<yy>\d)0s)(?![\w-])/gi,
    build(m) {
      const value = m.groups!.y ?? `19${m.groups!.yy}`;
      return { type: 'DATE', value };
    },
  },
  {
    name: 'century',
    triggers: ['century'],
    pattern: new RegExp(`${B}(?:the\\s)?(?<ord>${ORDINAL_RE})[\\s-]century${E}`, 'gi'),
    build(m) {
      const n = parseOrdinal(m.groups!.ord);
      return n ? { type: 'DATE', value: pad(n - 1) } : undefined;
    },
  },
  {
    name: 'relative unit',
    triggers: ['this', 'last', 'next', 'past', 'previous', 'coming', 'current', 'present', 'following', 'same'],
    pattern: new RegExp(
      `${B}(?:(?<mod>early|late|earlier|later|the end of|the beginning of|the middle of|the start of|mid)[\\s-](?:in\\s)?)?(?<the>the\\s)?(?<dir>this|last|next|past|previous|coming|current|present|following|same)[\\s-](?<unit>week|weekend|month|year|quarter|decade|century|fiscal year|${[...SEASONS.keys()].join('|')})${E}`,
      'gi'),
    build(m, ctx) {
      const dir = m.groups!.dir.toLowerCase();
      const unitWord = m.groups!.unit.toLowerCase();
      if (dir === 'following' || dir === 'same') return undefined; // anchored on another event, not on the document
      const season = SEASONS.get(unitWord);
      const step = dir === 'last' || dir === 'past' || dir === 'previous' ? -1 : dir === 'next' || dir === 'coming' ? 1 : 0;
      if (season) {
        if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${season}` };
        return { type: 'DATE', value: `${pad(resolveSeasonYear(ctx.anchor, season, dir, ctx.tense()), 4)}-${season}` };
      }
      const unit = unitWord === 'fiscal year' ? 'Y' : unitOf(unitWord)!.code;
      return { type: 'DATE', value: shiftValue(ctx.anchor, unit, step) };
    },
  },
  {
    name: 'season',
    triggers: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    pattern: new RegExp(
      `${B}(?<the0>the\\s)?(?:(?<mod>early|late|mid)[\\s-])?(?<the>the\\s)?(?<s>spring|summer|fall|autumn|winter)(?:\\s(?:of\\s)?(?:(?<y>\\d{4})|(?<sy>${SPOKEN_YEAR_RE})))?${E}`, 'gi'),
    build(m, ctx) {
      const season = SEASONS.get(m.groups!.s.toLowerCase())!;
      const y = m.groups!.y ?? (m.groups!.sy ? parseSpokenYear(m.groups!.sy) : undefined);
      if (y) return { type: 'DATE', value: `${y}-${season}` };
      // a bare season word needs "the" or "in" before it: "fall" is usually the verb
      const before = ctx.text.slice(Math.max(0, m.index - 4), m.index);
      // "the fall of the Berlin Wall" is a collapse
      if (m.groups!.s.toLowerCase() === 'fall' && /^\s+of\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      if (!m.groups!.the && !m.groups!.the0 && !/\bin\s$/i.test(before)) return undefined;
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${season}` };
      return { type: 'DATE', value: `${pad(resolveSeasonYear(ctx.anchor, season, undefined, ctx.tense()), 4)}-${season}` };
    },
  },
  {
    name: 'quarter',
    triggers: ['quarter', 'half'],
    pattern: new RegExp(
      `${B}(?<the>the\\s)?(?:(?<pre>\\d{4}|year-earlier|year-ago|comparable|corresponding|comparable year-ago|fiscal)[\\s-])?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|latter|current|year-earlier|year-ago|previous|final|next|same)[\\s-])?(?:fiscal[\\s-])?(?<q>quarter|half)(?:\\sof\\s(?:fiscal\\s)?(?<y>\\d{4}))?${E}`,
      'gi'),
    build(m, ctx) {
      const { ord, q } = m.groups!;
      const pre = m.groups!.pre?.toLowerCase();
      const o = ord?.toLowerCase();
      if (!o && !m.groups!.the && !pre) return undefined; // "a quarter of the vote"
      if (!o && !pre && !m.groups!.y && !/\b(for|in|during|of)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return undefined;
      if (o === 'same') return undefined;
      const half = q.toLowerCase() === 'half';
      let n = o ? parseOrdinal(o) : undefined;
      if (half && (o === 'last' || o === 'latter')) n = 2;
      if (half && (n === undefined || n > 2)) return undefined;
      const label = half ? 'H' : 'Q';
      const periods = half ? 2 : 4;
      const yearAgo = pre === 'year-earlier' || pre === 'year-ago' || pre === 'comparable year-ago' || o === 'year-earlier' || o === 'year-ago';
      let y = m.groups!.y ?? (pre && /^\d/.test(pre) ? pre : undefined);
      // "the quarter ended Sept. 30": the quarter is the one holding that month
      const ended = /^,?\s+(?:that\s+)?end(?:ed|ing|s)\s+(?<mon>[A-Z][a-z]+\.?)(?:\s+\d{1,2})?(?:,?\s+(?<y>\d{4}))?/.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const endMonth = ended ? monthOf(ended.groups!.mon) : undefined;
      if (!half && n === undefined && endMonth) {
        n = quarterOf(endMonth);
        y ??= ended!.groups!.y ?? (ctx.anchor ? String(endMonth <= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year - 1) : undefined);
        if (y && yearAgo) y = String(Number(y) - 1);
      }
      if (y) return { type: 'DATE', value: n ? `${y}-${label}${n}` : yearAgo ? `${Number(y) - 1}` : y };
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${label}${n ?? 'X'}` };
      const current = half ? Math.ceil(ctx.anchor.month / 6) : quarterOf(ctx.anchor.month);
      if (n !== undefined) {
        // reported quarters are past ones; only an explicit future statement looks ahead
        const hyphenated = /-(quarter|half)$/i.test(m[0]) && !m.groups!.the;
        const future = !hyphenated && ctx.tense() === 'future';
        let year = future ? (n >= current ? ctx.anchor.year : ctx.anchor.year + 1) : n <= current ? ctx.anchor.year : ctx.anchor.year - 1;
        if (yearAgo) year--;
        return { type: 'DATE', value: `${year}-${label}${n}` };
      }
      // "the quarter", "the latest quarter": the last one reported, i.e. the one before the current
      let back = o === 'next' ? -1 : o === 'current' ? 0 : 1;
      if (yearAgo) back += periods;
      const idx = ctx.anchor.year * periods + current - 1 - back;
      return { type: 'DATE', value: `${Math.floor(idx / periods)}-${label}${(idx % periods) + 1}` };
    },
  },
  {
    name: 'spoken year',
    triggers: ['nineteen', 'thousand'],
    pattern: new RegExp(`${B}(?<the>the year\\s)?(?<sy>${SPOKEN_YEAR_RE})${E}`, 'gi'),
    build(m, ctx) {
      const year = parseSpokenYear(m.groups!.sy);
      if (year === undefined) return undefined;
      // "two thousand" is usually a count unless introduced as a year
      const before = ctx.text.slice(Math.max(0, m.index - 8), m.index);
      if (year >= 2000 && !m.groups!.the && !/\b(in|since|by|until|of|from)\s$/i.test(before)) return undefined;
      if (/^\s+(people|troops|dollars|soldiers|men|women|miles|years)\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      return { type: 'DATE', value: String(year) };
    },
  },
  {
    name: 'named period',
    triggers: ['weekend', 'week', 'year', 'period'],
    pattern: /(?<![\w'-])(?<the>the|that|this)\s(?:(?<adj>full|fiscal|current|latest|latest fiscal|same|whole|entire|year-earlier|year-ago|\d{4})\s)?(?<unit>weekend|week|year|period|fiscal year)(?![\w-])/gi,
    build(m, ctx) {
      const unit = m.groups!.unit.toLowerCase();
      const adj = m.groups!.adj?.toLowerCase();
      const the = m.groups!.the.toLowerCase();
      const before = ctx.text.slice(Math.max(0, m.index - 8), m.index);
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (adj === 'same' || /^\s*(of|before|after|earlier|ago|when|in which)\b/i.test(after) || /^'s?\b/.test(after)) return undefined;
      if (unit === 'weekend') {
        if (the !== 'the' || adj) return undefined;
        if (!ctx.anchor) return { type: 'DATE', value: 'XXXX-WXX-WE' };
        const back = ctx.tense() === 'future' ? 0 : -1;
        return { type: 'DATE', value: shiftValue(ctx.anchor, 'WE', back) };
      }
      if (unit === 'period') {
        if (!adj || adj === 'full' || adj === 'whole' || adj === 'entire' || adj === 'fiscal') return undefined;
        if (/^\d/.test(adj)) {
          const q = yearAgoQuarter(ctx, m.index);
          return { type: 'DATE', value: q ? `${adj}${q.slice(4)}` : adj };
        }
        if (!ctx.anchor) return { type: 'DATE', value: 'XXXX-QX' };
        if (adj === 'year-earlier' || adj === 'year-ago') return { type: 'DATE', value: yearAgoQuarter(ctx, m.index) ?? String(ctx.anchor.year - 1) };
        return { type: 'DATE', value: shiftValue(ctx.anchor, 'Q', adj === 'current' ? 0 : -1) };
      }
      if (unit === 'week') {
        if (adj || !/\b(for|during|of|over|in|through)\s$/i.test(before)) return undefined;
        return { type: 'DATE', value: ctx.anchor ? shiftValue(ctx.anchor, 'W', 0) : 'XXXX-WXX' };
      }
      // "the year", "the fiscal year": the accounting year being reported
      if (adj && /^\d/.test(adj)) return undefined;
      if (!adj && unit === 'year' && !/\b(for|during|in|through|throughout)\s$/i.test(before)) return undefined;
      if (adj === 'current' || adj === 'latest' || adj === 'latest fiscal' || the === 'this') {
        return { type: 'DATE', value: ctx.anchor ? String(ctx.anchor.year) : 'XXXX' };
      }
      if (adj === 'year-earlier' || adj === 'year-ago') return undefined;
      return { type: 'DURATION', value: 'P1Y' };
    },
  },
  {
    name: 'holiday',
    triggers: ['christmas', 'year', 'thanksgiving', 'independence', 'valentine', 'halloween', 'labor', 'memorial'],
    pattern: /(?<![\w'-])(?:(?<dir>last|next|this)\s)?(?<h>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|New Year's|Thanksgiving Day|Thanksgiving|Independence Day|Valentine's Day|Halloween|Labor Day|Memorial Day)(?:\s(?<y>\d{4}))?(?![\w-])/g,
    build(m, ctx) {
      const h = m.groups!.h.toLowerCase();
      const fixed: Record<string, [number, number]> = {
        'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25], "new year's eve": [12, 31],
        "new year's day": [1, 1], "new year's": [1, 1], 'independence day': [7, 4], "valentine's day": [2, 14], halloween: [10, 31],
      };
      const dir = m.groups!.dir?.toLowerCase();
      const tense: Tense = dir === 'last' ? 'past' : dir === 'next' ? 'future' : ctx.tense();
      const dateIn = (year: number): Ymd | undefined => {
        if (fixed[h]) return { year, month: fixed[h][0], day: fixed[h][1] };
        // the n-th weekday of a month: Thanksgiving (4th Thursday of November), Labor Day (1st Monday
        // of September), Memorial Day (last Monday of May)
        const [month, wd, nth] = h.startsWith('thanksgiving') ? [11, 4, 4] : h === 'labor day' ? [9, 1, 1] : [5, 1, -1];
        if (nth > 0) {
          const first = resolveWeekday({ year, month, day: 7 }, wd, 'past');
          return { year, month, day: first.day + 7 * (nth - 1) };
        }
        return resolveWeekday({ year, month, day: 31 }, wd, 'past');
      };
      if (m.groups!.y) return { type: 'DATE', value: formatYmd(dateIn(Number(m.groups!.y))!) };
      if (!ctx.anchor) {
        const d = fixed[h];
        return { type: 'DATE', value: d ? `XXXX-${pad(d[0])}-${pad(d[1])}` : 'XXXX-XX-XX' };
      }
      const anchor = ctx.anchor;
      const at = (y: number) => Date.UTC(y, dateIn(y)!.month - 1, dateIn(y)!.day);
      const now = Date.UTC(anchor.year, anchor.month - 1, anchor.day);
      let year = anchor.year;
      if (tense === 'future') { if (at(year) < now) year++; }
      else if (tense === 'past') { if (at(year) > now) year--; }
      else if (at(year) - now > 60 * 86_400_000) year--;
      return { type: 'DATE', value: formatYmd(dateIn(year)!) };
    },
  },
  {
    name: 'end of period',
    triggers: ['end', 'beginning', 'start', 'middle'],
    pattern: /(?<![\w'-])(?:(?:the\s)?(?<edge>end|beginning|start|middle)\sof\sthe\s(?<unit>year|month|week|decade|century)|(?<ye>year[-\s]end|year's end))(?![\w-])/gi,
    build(m, ctx) {
      const unit = m.groups!.ye ? 'year' : m.groups!.unit.toLowerCase();
      const code = unitOf(unit)!.code;
      // "since year-end" looks back to the last one
      const back = m.groups!.ye && /\bsince\s$/i.test(ctx.text.slice(Math.max(0, m.index - 6), m.index)) ? -1 : 0;
      return { type: 'DATE', value: shiftValue(ctx.anchor, code, back) };
    },
  },
  {
    name: 'decade word',
    triggers: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    pattern: /(?<![\w'-])(?:(?<mod>early|mid|late)[\s-])?(?:nineteen[\s-])?(?<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])/gi,
    build(m, ctx) {
      const before = ctx.text.slice(Math.max(0, m.index - 4), m.index);
      // "in his fifties" is an age; only "the nineties" names a decade
      if (!/\bthe\s$/i.test(before) && !/^nineteen/i.test(m[0])) return undefined;
      const d = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(m.groups!.d.toLowerCase()) + 2;
      if (/\bhis\b|\bher\b|\btheir\b/i.test(ctx.text.slice(Math.max(0, m.index - 10), m.index))) return undefined;
      return { type: 'DATE', value: `19${d}` };
    },
  },
  {
    name: 'vague reference',
    triggers: ['future', 'term', 'ahead', 'coming', 'ago'],
    pattern: /(?<![\w'-])(?:(?<fut>the (?:near|distant|not-too-distant) future|the (?:near|short|long) term|the (?:days|weeks|months|years) ahead|the coming (?:days|weeks|months|years))|(?<past>(?:just\s|only\s)?(?:days|weeks|months|years|decades) ago))(?![\w-])/gi,
    build(m) {
      if (m.groups!.past) return { type: 'DATE', value: 'PAST_REF' };
      return { type: 'DATE', value: 'FUTURE_REF' };
    },
  },
  {
    name: 'long',
    triggers: ['long'],
    pattern: /(?<![\w'-])(?<unit>decades|years|months|weeks|days|hours|centuries|day|week|month|year|hour)-long(?![\w-])/gi,
    build(m) {
      const unit = unitOf(m.groups!.unit)!;
      const n = /s$/i.test(m.groups!.unit) ? 'X' : '1';
      return { type: 'DURATION', value: unit.time ? `PT${n}${unit.code}` : `P${n}${unit.code}` };
    },
  },
  {
    name: 'ago',
    triggers: ['ago', 'earlier', 'now', 'hence'],
    pattern: new RegExp(
      `${B}(?:(?<mod>${APPROX})\\s)?(?<n>${NUMBER_RE})[\\s-](?<unit>${UNIT_RE})\\s(?<dir>ago|earlier|from now|hence)${E}`, 'gi'),
    build(m, ctx) {
      const n = parseCardinal(m.groups!.n);
      const unit = unitOf(m.groups!.unit);
      if (n === undefined || !unit || unit.time) return undefined;
      const dir = m.groups!.dir.toLowerCase();
      // "three days earlier" counts from the event just told, not from the document date
      if (dir === 'earlier' && unit.code !== 'Y') return undefined;
      const sign = dir === 'ago' || dir === 'earlier' ? -1 : 1;
      if (Number.isNaN(n)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      // decades and centuries ago are named by their year
      const [code, count] = unit.code === 'DE' ? ['Y', n * 10] : unit.code === 'CE' ? ['Y', n * 100] : unit.code === 'WE' ? ['W', n] : [unit.code, n];
      if (!Number.isInteger(count)) return undefined;
      if (code === 'Y' && count === 1 && sign < 0) {
        const q = yearAgoQuarter(ctx, m.index);
        if (q) return { type: 'DATE', value: q };
      }
      return { type: 'DATE', value: shiftValue(ctx.anchor, code, sign * count) };
    },
  },
  {
    name: 'year earlier',
    triggers: ['earlier', 'ago'],
    pattern: /(?<![\w'-])(?<the>the\s)?year-(?:earlier|ago)(?:\s(?<what>quarter|period|results?))?(?![\w-])/gi,
    build(m, ctx) {
      if (!ctx.anchor) return { type: 'DATE', value: 'XXXX' };
      return { type: 'DATE', value: yearAgoQuarter(ctx, m.index) ?? String(ctx.anchor.year - 1) };
    },
  },
  {
    name: 'duration',
    triggers: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarter', 'quarters'],
    pattern: new RegExp(
      `${B}(?:(?<mod>${APPROX})\\s)?(?:(?<the>the|each of the)\\s(?:(?<dir>past|last|next|previous|first|coming|final|following|latest)\\s)?)?(?<n>${NUMBER_RE})(?:[\\s-](?:more|additional|full|straight|consecutive))?[\\s-](?<unit>${UNIT_RE})(?<adj>-(?:long|old))?${E}`,
      'gi'),
    build(m, ctx) {
      const n = parseCardinal(m.groups!.n);
      if (n === undefined) return undefined;
      if (m.groups!.adj?.toLowerCase() === '-old' || /^[\s-]+old\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      const nWord = m.groups!.n.toLowerCase();
      const unitWord = m.groups!.unit.toLowerCase();
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      // "a second attempt", "three-quarters of its food", "a quarter of the vote": not durations
      if ((nWord === 'a' || nWord === 'an') && unitWord === 'second') return undefined;
      if (/^quarters?$/.test(unitWord) && (/^\s+of\b/i.test(after) || /-/.test(m[0]))) return undefined;
      // "$2 million a year", "24 hours a day", "700 seats a week": a rate, not a duration
      if ((nWord === 'a' || nWord === 'per') && /(\d|million|billion|percent|%|hours|times|seats|flights|\bup|\bonce|twice)[\w,.]*\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 24), m.index))) return undefined;
      if (/^(1[5-9]|20)\d\d$/.test(nWord) && !/s$/i.test(m.groups!.unit)) return undefined;
      // "a" alone before a plural ("a years") is not a count; "a week" is
      if ((nWord === 'a' || nWord === 'an') && /s$/i.test(m.groups!.unit) && !/centur/i.test(m.groups!.unit)) return undefined;
      const unit = unitOf(m.groups!.unit)!;
      // "the two-day talks": "the" belongs to the noun phrase, not to the duration
      if (m.groups!.the && !m.groups!.dir && !/s$/i.test(m.groups!.unit)) return undefined;
      if (unit.code === 'Q') return { type: 'DURATION', value: Number.isNaN(n) ? 'PXQ' : `P${n}Q` };
      let count = n;
      let code = unit.code;
      if (code === 'DE' || code === 'CE') { count = n * (code === 'DE' ? 10 : 100); code = 'Y'; }
      if (!Number.isNaN(count) && !Number.isInteger(count)) return undefined; // "half an hour": rare, left out
      const c = Number.isNaN(count) ? 'X' : String(count);
      return { type: 'DURATION', value: unit.time ? `PT${c}${code}` : `P${c}${code}` };
    },
  },
  {
    name: 'vague duration',
    triggers: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarter', 'quarters'],
    // "for years", "in recent months", "over the past few weeks": the preposition stays outside
    pattern: /(?<=\b(?:for|in|over|during|within|throughout)\s)(?:(?<pre>recent|coming|the coming|the next few|the past few|the last few|the next several|the past several|the last several)\s)?(?<unit>years|decades|months|weeks|days|hours|centuries|minutes|quarters)(?![\w-])/gi,
    build(m) {
      const unit = unitOf(m.groups!.unit)!;
      return { type: 'DURATION', value: unit.time ? `PTX${unit.code}` : `PX${unit.code}` };
    },
  },
  {
    name: 'set',
    triggers: ['every', 'each', 'annually', 'yearly', 'daily', 'weekly', 'monthly', 'hourly', 'nightly'],
    pattern: new RegExp(
      `${B}(?:(?<every>every|each)\\s(?:(?<n>other|${NUMBER_RE})\\s)?(?<unit>${UNIT_RE}|${WEEKDAY_RE}|morning|night|evening|afternoon)|(?<adv>annually|yearly|daily|weekly|monthly|hourly|nightly))${E}`,
      'gi'),
    build(m) {
      const adv = m.groups!.adv?.toLowerCase();
      if (adv) {
        const v: Record<string, string> = { annually: 'P1Y', yearly: 'P1Y', daily: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', hourly: 'PT1H', nightly: 'P1D' };
        return { type: 'SET', value: v[adv] };
      }
      const unitWord = m.groups!.unit;
      const wd = WEEKDAYS.get(unitWord.toLowerCase());
      if (wd) return { type: 'SET', value: `XXXX-WXX-${wd}` };
      const part = PART_OF_DAY[unitWord.toLowerCase()];
      if (part) return { type: 'SET', value: `XXXX-XX-XXT${part}` };
      const nRaw = m.groups!.n?.toLowerCase();
      const n = nRaw === undefined ? 1 : nRaw === 'other' ? 2 : parseCardinal(nRaw);
      if (n === undefined) return undefined;
      return { type: 'SET', value: durationValue(n, unitWord) };
    },
  },
  {
    name: 'frequency',
    triggers: ['once', 'twice', 'times', 'per'],
    pattern: /(?<=\b(?:once|twice|times|per)\s)(?:an?\s)?(?<unit>day|week|month|year|hour)(?![\w-])/gi,
    build(m) {
      return { type: 'SET', value: durationValue(1, m.groups!.unit) };
    },
  },
];

function dayMonthYear(
  mon: string, d: string, y: string | undefined, ctx: RuleContext, wd?: string, tense?: Tense,
): Timex | undefined {
  const month = monthOf(mon);
  const day = Number(d);
  if (!month || !isCapitalised(mon) || day < 1 || day > 31) return undefined;
  if (y) return isValidDate(Number(y), month, day) ? { type: 'DATE', value: `${y}-${pad(month)}-${pad(day)}` } : undefined;
  if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${pad(month)}-${pad(day)}` };
  const weekday = wd ? WEEKDAYS.get(wd.toLowerCase()) : undefined;
  return { type: 'DATE', value: formatYmd(resolveMonthDay(ctx.anchor, month, day, tense ?? ctx.tense(), weekday)) };
}
