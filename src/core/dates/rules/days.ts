/** Days and times of day: calendar dates, weekdays, "yesterday", clock times, holidays. */
import { Ymd, formatWeek, formatYmd, isValidDate, pad, parseYmd } from '../calendar';
import { DAY_ORDINAL_WORD_RE, MONTHS, MONTH_RE, SPOKEN_YEAR_RE, WEEKDAY_NAMES, WEEKDAY_RE, WEEKDAYS, monthOf, parseOrdinal, parseSpokenYear } from '../lexicon';
import { Tense, resolveMonthYear, resolveWeekday, timetableAhead } from '../resolve';
import {
  B, DAY_PHRASE, E, PART_OF_DAY, Rule, RuleContext, TZ, TimexType, dayMonthYear, dayOf, dayValue, isCapitalised,
  timeOfDay,
} from './shared';

/** Every month name and abbreviation: the words that wake the rules on dates with a month. */
const MONTH_TRIGGERS = [...MONTHS.keys()];

/** Nouns after "today's" that speak of our times rather than of the day: "today's youth". */
const GENERIC_TODAY = /^'s\s+(?:\w+\s+)?(?:world|youth|young|society|societies|generation|children|kids|teenagers|students|families|economy|standards|dollars|technology|technologies|computers|culture|politics|people|women|men|consumers|businesses|schools|media|workplace|workforce|army|military|armies|cars|music)\b/i;

/**
 * "Wednesday's ruling", "Friday's close": news names an event by its day once it has happened,
 * whatever the tense of the clause ("would look for ways around Wednesday's ruling"); only a word
 * right before ("ahead of Sunday's vote") looks forward. Undefined when the day is not possessive.
 */
function possessiveTense(ctx: RuleContext, m: RegExpExecArray): Tense | undefined {
  if (!/^'s\b/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return undefined;
  const before = ctx.text.slice(Math.max(0, m.index - 24), m.index);
  return /\b(ahead of|until|till|awaiting|await|upcoming)\s+$/i.test(before) ? 'future' : 'past';
}

/**
 * "And today, the right to work is equal to ...": "today" opening a general statement in the present
 * tense means "in our times" (PRESENT_REF), as does "the world of today"; told with an event of the
 * day ("Today, hundreds began to arrive", "Today, the minister will open the bridge", "Today, the
 * company is announcing ...") it is the day.
 */
function todayInGeneral(ctx: RuleContext, m: RegExpExecArray): boolean {
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
  // "the world of today": our times ("the index today is up" is the day, so a verb after is no cue)
  if (/\bof\s$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index)) && /^(?:[.,;:!?]|\s+(?:is|are|was|were)\b)/.test(after)) return true;
  const before = /[^.!?\n"]*$/.exec(ctx.text.slice(Math.max(0, m.index - 30), m.index))![0];
  if (!/^\s*(?:(?:and|but|yet|so|even|still)\s+)?$/i.test(before)) return false;
  const clause = /^,\s[^.;!?\n]*/.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 160));
  if (!clause || ctx.tense() !== undefined) return false;
  return /\b(?:is|are|remains?|lives?|does|do|can|seems?)\b/i.test(clause[0]) && !/\b(?:is|are)\s+\w+ing\b/i.test(clause[0]);
}

/**
 * The context for the day of a clock time ("at noon Saturday", "9 p.m. Sunday"): read ahead when a
 * timetable verb or a modal is the nearest verb before the time, as for a weekday alone.
 */
function timetableContext(ctx: RuleContext, index: number): RuleContext {
  return { text: ctx.text, anchor: ctx.anchor, tense: () => (timetableAhead(ctx.text, index) ? 'future' : ctx.tense()) };
}

/**
 * The nouns of futures markets after a month ("December bonds", "September crude", "the March
 * contract"): the month is a delivery month, the current one or one ahead.
 */
const CONTRACT_AFTER = /^\s+(?:contracts?|futures?|delivery|deliveries|options?|puts?|calls?|T-bonds?|T-notes?|bonds?|bunds?|gilts?|Euromarks?|Eurodollars?|Euroyen|crude|Brent|gas\s?oil|heating\s+oil|gasoline|unleaded|natural\s+gas|gold|silver|platinum|copper|aluminium|aluminum|nickel|zinc|cotton|coffee|cocoa|sugar|wheat|corn|soybeans?|soymeal|soyoil|hogs|cattle|COMEX|NYMEX|IPE|LIFFE|CBOT|Nikkei|calendar\s+spread|expiry|expiration)\b/;

/**
 * The second of two weekdays joined by "and" or "or" with a plural noun ("Friday and Saturday
 * nights", "Tuesday or Thursday evenings"): the plural is both days', so the first is a recurrence too.
 */
const PLURAL_PARTNER = new RegExp(`^,?\\s+(?:and|or)\\s+${WEEKDAY_RE}(?:s(?![\\w-])|[\\s-](?<part>morning|afternoon|evening|night)s(?![\\w-]))`);

export const DAYS_RULES: Rule[] = [
  {
    name: 'clock time',
    triggers: ['am', 'pm', 'm'],
    pattern: new RegExp(
      `${B}(?:(?:about|around|approximately|shortly (?:before|after))\\s)?(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?\\s?(?<ap>[ap]\\.m\\.|[ap]\\.m|[ap]m${E})(?:${TZ})?(?:,?\\s(?:on\\s)?(?<day>${DAY_PHRASE}))?`,
      'gi'),
    build(m, ctx) {
      const t = timeOfDay(Number(m.groups!.h), Number(m.groups!.min ?? 0), m.groups!.ap);
      if (!t) return undefined;
      if (!m.groups!.day) return { type: 'TIME', anaphor: { unit: 'D', shift: 0, time: t } };
      const day = dayOf(m.groups!.day, timetableContext(ctx, m.index)) ?? dayValue(ctx, 0);
      return { type: 'TIME', value: `${day}T${t}` };
    },
  },
  {
    name: '24-hour clock',
    // a number before a colon, or a zone after the time ("0930 GMT", "12.30 local time")
    triggers: ['#:', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'et', 'ct', 'mt', 'pt', 'gmt', 'utc', 'bst', 'cet', 'local', 'hours', 'hrs'],
    // the time starts at most a few characters before its trigger; a day may follow ("on Thursday 28 July")
    reach: [12, 48],
    // "at 14:30", "17:00 GMT", "at 0930 GMT": the clock of wire services outside the US; a time
    // without a.m. or p.m. needs "at" (or a like word) or a time zone, else it is a score or a ratio
    pattern: new RegExp(
      `(?<![\\w:.,/-])(?:(?<h>[01]?\\d|2[0-3])(?<sep>[:.])(?<min>[0-5]\\d)|(?<hh>[01]\\d|2[0-3])(?<mm>[0-5]\\d)(?=${TZ}|\\shours\\b|\\shrs\\b))(?<tz>${TZ})?(?![\\w:-]|[.,]\\d|\\s?[ap]\\.?m\\b)(?:,?\\s(?:on\\s)?(?<day>${DAY_PHRASE}))?`, 'g'),
    build(m, ctx) {
      const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const local = /^\slocal\stime\b/i.test(after);
      // "12.30" is a clock only with its zone: "at 2.46 billion guilders" is an amount
      if (m.groups!.sep === '.' && !m.groups!.tz && !local) return undefined;
      if (!m.groups!.tz && !m.groups!.hh && !local && !/\b(?:at|by|until|till|before|after|from|around|about|since|to)\s$/i.test(before)) return undefined;
      const t = `${pad(Number(m.groups!.h ?? m.groups!.hh))}:${m.groups!.min ?? m.groups!.mm}`;
      if (!m.groups!.day) return { type: 'TIME', anaphor: { unit: 'D', shift: 0, time: t } };
      return { type: 'TIME', value: `${dayOf(m.groups!.day, timetableContext(ctx, m.index)) ?? dayValue(ctx, 0)}T${t}` };
    },
  },
  {
    name: 'named time',
    triggers: ['noon', 'midnight', 'midday'],
    pattern: new RegExp(`${B}(?<w>noon|midnight|midday)(?:,?\\s(?<day>${DAY_PHRASE}))?${E}`, 'gi'),
    build(m, ctx) {
      // "high noon" is a showdown, not a time of day
      if (/\bhigh\s$/i.test(ctx.text.slice(Math.max(0, m.index - 5), m.index))) return undefined;
      const day = dayOf(m.groups!.day, timetableContext(ctx, m.index)) ?? dayValue(ctx, 0);
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
    triggers: MONTH_TRIGGERS,
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this coming|this)\\s)?(?:(?<wd>${WEEKDAY_RE}),?\\s)?(?<mon>${MONTH_RE})\\s(?:(?<d>\\d{1,2})(?:st|nd|rd|th)?|(?<dw>${DAY_ORDINAL_WORD_RE}))(?:,?\\s(?<y>\\d{4})|\\s(?<rel>next|last|this)\\syear)?(?![\\w]|-(?!\\d{1,2}\\b)|,\\d)`, 'g'),
    build(m, ctx) {
      const dir = m.groups!.dir?.toLowerCase();
      const forced = dir === 'last' ? 'past' : dir === 'next' || dir === 'this coming' ? 'future' : undefined;
      // "March eighth", as broadcasts say it
      const d = m.groups!.d ?? String(parseOrdinal(m.groups!.dw!));
      // "May 30 next year", "August 25 last year": the day in the year named, as "July last year" is
      const rel = m.groups!.rel?.toLowerCase();
      if (rel && dir) return undefined; // "next May 30 next year": left to the shorter match
      const relYear = rel && ctx.anchor ? String(ctx.anchor.year + (rel === 'next' ? 1 : rel === 'last' ? -1 : 0)) : undefined;
      // "June 5-9, 2013": the year written after the range is the first day's too
      const y = m.groups!.y ?? relYear ?? /^[-–]\d{1,2}(?:st|nd|rd|th)?,?\s(\d{4})\b/.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12))?.[1];
      // a weekday given with the date ("Monday, Oct. 26") tells the year
      return dayMonthYear(m.groups!.mon, d, y, ctx, m.groups!.wd, forced);
    },
  },
  {
    name: 'day month year',
    triggers: MONTH_TRIGGERS,
    // "Thursday 28 July", "on Monday, 19 December 2016": British and wire-service order
    pattern: new RegExp(`${B}(?:(?<wd>${WEEKDAY_RE}),?\\s)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(?<mon>${MONTH_RE})(?:,?\\s(?<y>\\d{4}))?${E}`, 'g'),
    build(m, ctx) {
      return dayMonthYear(m.groups!.mon, m.groups!.d, m.groups!.y, ctx, m.groups!.wd);
    },
  },
  {
    name: 'second day',
    triggers: MONTH_TRIGGERS,
    // the second day of "April 24 and 25", "June 5-9": a date of its own, in the month just named
    pattern: new RegExp(`(?<=${B}(?<mon>${MONTH_RE})\\s\\d{1,2}(?:st|nd|rd|th)?(?:\\s(?:and|or|to|through)\\s|[-–]))(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(?<y>\\d{4}))?(?![\\w-]|,\\d)`, 'g'),
    build(m, ctx) {
      return dayMonthYear(m.groups!.mon, m.groups!.d, m.groups!.y, ctx);
    },
  },
  {
    name: 'month',
    triggers: MONTH_TRIGGERS,
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this|early|late|mid|the end of|the beginning of|the middle of|the start of)[\\s-](?:in\\s)?)?(?<mon>${MONTH_RE})(?:,?\\s(?:of\\s)?(?:(?<y>\\d{4})|(?<sy>${SPOKEN_YEAR_RE}))|\\s(?<rel>this|last|next)\\syear|\\s(?:of\\s)?(?<ana>that|the same|the following|the previous)\\syear)?${E}`, 'gi'),
    build(m, ctx) {
      const { mon, sy, rel, ana } = m.groups!;
      // "in April of that year", "in August the following year": the month in the year told of last
      if (ana) {
        const month = monthOf(mon);
        if (!month || !isCapitalised(mon) || m.groups!.dir) return undefined;
        const shift = /following/i.test(ana) ? 1 : /previous/i.test(ana) ? -1 : 0;
        return { type: 'DATE', anaphor: { unit: 'Y', shift, month } };
      }
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
      // "December bonds were off", "the September contract": a delivery month, which is never past
      const contract = !dir && CONTRACT_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24));
      const tense: Tense = dir === 'last' ? 'past' : dir === 'next' || contract ? 'future' : ctx.tense();
      const strict = dir === 'last' || dir === 'next';
      const year = dir === 'this' ? ctx.anchor.year : resolveMonthYear(ctx.anchor, month, tense, strict);
      return { type: 'DATE', value: `${pad(year, 4)}-${pad(month)}` };
    },
  },
  {
    name: 'weekday',
    triggers: [...WEEKDAY_NAMES, ...WEEKDAY_NAMES.map((w) => `${w}s`)],
    pattern: new RegExp(
      `${B}(?:(?<dir>last|next|this coming|this|early|late|earlier|later|early on|late on|the previous|the preceding|the prior|the following)\\s)?(?<wd>${WEEKDAY_RE})(?<pl>s)?(?:[\\s-](?<part>morning|afternoon|evening|night)(?<pl2>s)?)?${E}`, 'gi'),
    build(m, ctx) {
      const { wd, part } = m.groups!;
      if (!isCapitalised(wd)) return undefined;
      const day = WEEKDAYS.get(wd.toLowerCase())!;
      const dir = m.groups!.dir?.toLowerCase();
      const partner = m.groups!.pl || m.groups!.pl2 || part || dir ? undefined : PLURAL_PARTNER.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      // "on Sundays", "Tuesday nights": every such day
      if (m.groups!.pl || m.groups!.pl2 || partner) {
        if (dir) return undefined;
        const partWord = part ?? partner?.groups!.part;
        const partCode = partWord ? PART_OF_DAY[partWord.toLowerCase()] : undefined;
        return { type: 'SET', value: `XXXX-WXX-${day}${partCode ? `T${partCode}` : ''}` };
      }
      // "the previous Friday", "the following Monday": counted from the day mentioned last
      if (dir?.startsWith('the ')) return part ? undefined : { type: 'DATE', anaphor: { unit: 'D', shift: dir === 'the following' ? 1 : -1, weekday: day } };
      const partCode = part ? PART_OF_DAY[part.toLowerCase()] : undefined;
      const type: TimexType = partCode ? 'TIME' : 'DATE';
      if (!ctx.anchor) return { type, value: `XXXX-WXX-${day}${partCode ? `T${partCode}` : ''}` };
      const ahead = dir === 'next' || dir === 'this coming';
      const tense: Tense = dir === 'last' ? 'past' : ahead ? 'future' : possessiveTense(ctx, m) ?? (timetableAhead(ctx.text, m.index) ? 'future' : ctx.tense());
      const date = formatYmd(resolveWeekday(ctx.anchor, day, tense, dir === 'last' || ahead));
      return { type, value: partCode ? `${date}T${partCode}` : date };
    },
  },
  {
    name: 'week of',
    triggers: ['week'],
    // "the week of March 6": the calendar week holding that day
    pattern: new RegExp(`${B}the\\sweek\\sof\\s(?<mon>${MONTH_RE})\\s(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(?<y>\\d{4}))?(?![\\w-]|,\\d)`, 'gi'),
    build(m, ctx) {
      const day = dayMonthYear(m.groups!.mon, m.groups!.d, m.groups!.y, ctx);
      if (!day) return undefined;
      const ymd = parseYmd(day.value);
      return { type: 'DATE', value: ymd ? formatWeek(ymd) : 'XXXX-WXX' };
    },
  },
  {
    name: 'day word',
    triggers: ['today', 'tonight', 'yesterday', 'tomorrow'],
    pattern: new RegExp(
      `${B}(?:(?<mod>early|late|earlier|later)\\s)?(?<w>today|tonight|yesterday|tomorrow)(?:[\\s-](?<part>morning|afternoon|evening|night))?${E}`, 'gi'),
    build(m, ctx) {
      const w = m.groups!.w.toLowerCase();
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      // "today's world", "today's youth", "the people of tomorrow": our times, not a day
      if ((w === 'today' || w === 'tomorrow') && !m.groups!.mod && !m.groups!.part && GENERIC_TODAY.test(after)) return undefined;
      // "USA Today", "VOA Today", "the Today show": a capitalised word inside a sentence is a name
      if (/^To/.test(m.groups!.w) && !m.groups!.mod && /[^\s.!?:;"'`_\u2014-]\s+[A-Z][A-Za-z]*\s$/.test(ctx.text.slice(Math.max(0, m.index - 20), m.index))) return undefined;
      if (/^Today\s+(?:show|program|programme)\b/.test(ctx.text.slice(m.index, m.index + 20)) && /\bthe\s$/i.test(ctx.text.slice(Math.max(0, m.index - 4), m.index))) return undefined;
      if (w === 'tomorrow' && /\b(?:of|for)\s$/i.test(ctx.text.slice(Math.max(0, m.index - 4), m.index)) && !/^\s*(?:morning|night|,)/.test(after)) return undefined;
      if (w === 'today' && !m.groups!.mod && !m.groups!.part && todayInGeneral(ctx, m)) return { type: 'DATE', value: 'PRESENT_REF' };
      const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = m.groups!.part ? PART_OF_DAY[m.groups!.part.toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
      return { type: m.groups!.part ? 'TIME' : 'DATE', value: dayValue(ctx, offset, part) };
    },
  },
  {
    name: 'part of day',
    triggers: ['morning', 'afternoon', 'evening', 'night'],
    // "this morning", "late last night", "mid-afternoon yesterday", "by mid afternoon"
    pattern: /(?<![\w'-])(?:(?<dir>this|last|early this|late last|late this)\s(?<part>morning|afternoon|evening|night)|mid[-\s]?(?<mid>morning|afternoon|evening)(?:\s(?<dw>yesterday|today|tomorrow))?)(?![\w-])/gi,
    build(m, ctx) {
      if (m.groups!.mid) {
        const dw = m.groups!.dw?.toLowerCase();
        return { type: 'TIME', value: dayValue(ctx, dw === 'yesterday' ? -1 : dw === 'tomorrow' ? 1 : 0, PART_OF_DAY[m.groups!.mid.toLowerCase()]) };
      }
      const part = PART_OF_DAY[m.groups!.part.toLowerCase()];
      const offset = /last/i.test(m.groups!.dir) ? -1 : 0;
      return { type: 'TIME', value: dayValue(ctx, offset, part) };
    },
  },
  {
    name: 'part of that day',
    triggers: ['morning', 'afternoon', 'evening'],
    // "placed orders in the morning", "will leave at 4 in the morning": a part of the day the text
    // is telling of; a habit ("works in the morning") has no tense cue and is left alone
    pattern: /(?:(?<h>\b\d{1,2})(?::(?<min>\d\d))?\s(?:o'clock\s)?in\sthe\s(?<hpart>morning|afternoon|evening)|(?<=\b(?:in|during)\s)the\s(?<part>morning|afternoon|evening))(?![\w-])/gi,
    build(m, ctx) {
      if (m.groups!.h) {
        const pm = m.groups!.hpart.toLowerCase() !== 'morning';
        const t = timeOfDay(Number(m.groups!.h), Number(m.groups!.min ?? 0), pm ? 'pm' : 'am');
        return t ? { type: 'TIME', anaphor: { unit: 'D', shift: 0, time: t } } : undefined;
      }
      const clause = /[^.;!?\n]*$/.exec(ctx.text.slice(Math.max(0, m.index - 100), m.index))![0];
      if (ctx.tense() === undefined && !/\b(\w{3,}ed|was|were|had|will|would)\b/i.test(clause)) return undefined;
      return { type: 'TIME', anaphor: { unit: 'D', shift: 0, part: PART_OF_DAY[m.groups!.part.toLowerCase()] } };
    },
  },
  {
    name: 'holiday',
    triggers: ['christmas', 'year', 'thanksgiving', 'independence', 'valentine', 'halloween', 'labor', 'memorial', 'election'],
    pattern: /(?<![\w'-])(?:(?<dir>last|next|this)\s)?(?<h>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|New Year's|Thanksgiving Day|Thanksgiving|Independence Day|Valentine's Day|Halloween|Labor Day|Memorial Day|Election Day)(?:\s(?<y>\d{4}))?(?![\w-])/g,
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
        // US Election Day: the Tuesday after the first Monday of November
        if (h === 'election day') {
          const monday = resolveWeekday({ year, month: 11, day: 7 }, 1, 'past');
          return { year, month: 11, day: monday.day + 1 };
        }
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
];
