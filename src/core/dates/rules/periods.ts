/** Years, decades, seasons, quarters and calendar units counted from the document date ("last week", "two years ago"). */
import { isoWeekday, pad } from '../calendar';
import {
  NUMBER_RE, ORDINAL_RE, SEASONS, SPOKEN_YEAR_RE, UNIT_RE, monthOf, parseCardinal, parseOrdinal,
  parseSpokenYear, unitOf,
} from '../lexicon';
import { quarterOf, resolveSeasonYear, shiftValue } from '../resolve';
import { APPROX, B, E, PART_OF_DAY, Rule, yearAgoQuarter } from './shared';

/** Capitalised words that may stand before a year without making a name with it. */
const NOT_A_NAME = /^(?:In|Since|From|Until|Till|Of|By|Before|After|For|During|Through|Circa|To|And|Or|The|That|This|Early|Late|Mid|Spring|Summer|Fall|Autumn|Winter|Christmas|Easter|Fiscal|Calendar|Year|Model|Class)$/;

/** Nouns of reported results after a quarter or half ("second quarter growth estimates"). */
const REPORTED_AFTER = /^\s+(?:results?|earnings|profits?|net|loss(?:es)?|sales|revenues?|figures|growth|estimates?|GDP|output|data|report)\b/i;
/** A reporting verb before a quarter or half, with an article and one adjective between ("report a disappointing first half"). */
const REPORTING_BEFORE = /\b(?:report|reports|release|releases|post|posts|announce|announces|publish|publishes)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[a-z]+\s+)?$/i;

export const PERIODS_RULES: Rule[] = [
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
      // "lives at 2010 Main Street": a house number
      if (/^\s+[A-Z][a-z]+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Place)(?!\w)/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) return undefined;
      // "a venture called Orion 1980", "Euro 2004": a capitalised word inside a sentence makes a name
      const name = /([^\s])\s+([A-Z][a-z]+)\s$/.exec(ctx.text.slice(Math.max(0, m.index - 30), m.index));
      if (name && !m.groups!.pre && !m.groups!.mod && !/[.!?:;"'`_\u2014-]/.test(name[1]) && !NOT_A_NAME.test(name[2])) return undefined;
      return { type: 'DATE', value: String(year) };
    },
  },
  {
    name: 'decade',
    triggers: ['#4', '#2'],
    // "the" belongs to the expression, as in "the late 1970s"
    pattern: /(?<![\w$-])(?:the\s)?(?:(?<mod>early|mid|late)[\s-])?(?:(?<y>1\d{2}|20\d)0'?s|'(?<yy>\d)0s)(?![\w-])/gi,
    build(m) {
      const value = m.groups!.y ?? `19${m.groups!.yy}`;
      return { type: 'DATE', value };
    },
  },
  {
    name: 'century',
    triggers: ['century'],
    pattern: new RegExp(`${B}(?:the\\s)?(?:(?:early|mid|late)[\\s-])?(?<ord>${ORDINAL_RE})[\\s-]century${E}`, 'gi'),
    build(m) {
      const n = parseOrdinal(m.groups!.ord);
      return n ? { type: 'DATE', value: pad(n - 1) } : undefined;
    },
  },
  {
    name: 'half of a decade or century',
    // a rule of its own, woken by "half" alone: as a prefix of the decade rule it slowed every number
    triggers: ['half'],
    // "the first half of the 1990s", "the last half of the '80s", "the second half of the 19th century":
    // one expression, which TIMEX3 can only value as the decade or the century
    pattern: new RegExp(`${B}(?:the\\s)?(?:first|second|last|latter)\\shalf\\sof\\s(?:the\\s)?(?:(?:early|mid|late)[\\s-])?(?:(?<y>1\\d{2}|20\\d)0'?s|'(?<yy>\\d)0s|(?<ord>${ORDINAL_RE})[\\s-]century)${E}`, 'gi'),
    build(m) {
      if (m.groups!.ord) {
        const n = parseOrdinal(m.groups!.ord);
        return n ? { type: 'DATE', value: pad(n - 1) } : undefined;
      }
      return { type: 'DATE', value: m.groups!.y ?? `19${m.groups!.yy}` };
    },
  },
  {
    name: 'relative unit',
    triggers: ['this', 'last', 'next', 'past', 'previous', 'coming', 'current', 'present', 'following', 'same'],
    pattern: new RegExp(
      `${B}(?:(?<mod>early|late|earlier|later|the end of|the beginning of|the middle of|the start of|mid)[\\s-](?:in\\s)?)?(?<the>the\\s)?(?<dir>this past|this|last|next|past|previous|coming|current|present|following|same)[\\s-](?<unit>week|weekend|month|year|quarter|decade|century|fiscal year|season|${[...SEASONS.keys()].join('|')})(?:\\sor\\sso)?${E}`,
      'gi'),
    build(m, ctx) {
      const dir = m.groups!.dir.toLowerCase();
      const unitWord = m.groups!.unit.toLowerCase();
      if (dir === 'following' || dir === 'same') return undefined; // anchored on another event, not on the document
      // ABC's "This Week": a capitalised unit in running text is a title
      if (/^[A-Z][a-z]/.test(m.groups!.unit)) return undefined;
      const season = SEASONS.get(unitWord);
      const step = dir === 'last' || dir === 'past' || dir === 'previous' || dir === 'this past' ? -1 : dir === 'next' || dir === 'coming' ? 1 : 0;
      // "last season", "this season": a sports or theatre season, which straddles two years
      if (unitWord === 'season') return { type: 'DATE', value: step < 0 ? 'PAST_REF' : step > 0 ? 'FUTURE_REF' : 'PRESENT_REF' };
      if (season) {
        if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${season}` };
        return { type: 'DATE', value: `${pad(resolveSeasonYear(ctx.anchor, season, dir === 'this past' ? 'last' : dir, ctx.tense()), 4)}-${season}` };
      }
      const unit = unitWord === 'fiscal year' ? 'Y' : unitOf(unitWord)!.code;
      // "over the past decade" is the last ten years up to now, not the decade before this one
      if (dir === 'past' && !m.groups!.mod && (unit === 'DE' || unit === 'CE')) return { type: 'DURATION', value: unit === 'DE' ? 'P10Y' : 'P100Y' };
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
      `${B}(?:(?<rel>this|last|next|the current|the previous) year's\\s)?(?<the>the\\s)?(?:(?<pre>\\d{4}|year-earlier|year-ago|comparable|corresponding|comparable year-ago|fiscal)[\\s-])?(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|latter|current|year-earlier|year-ago|previous|final|next|same)[\\s-])?(?:fiscal[\\s-])?(?<q>quarter|half)(?:\\sof\\s(?:fiscal\\s)?(?<y>\\d{4})|\\sof\\s(?<ofYear>the|this|last|next)\\s(?:fiscal\\s)?year)?(?<ago>\\sa\\syear\\s(?:ago|earlier))?${E}`,
      'gi'),
    build(m, ctx) {
      const { ord, q } = m.groups!;
      const pre = m.groups!.pre?.toLowerCase();
      const o = ord?.toLowerCase();
      const rel = m.groups!.rel?.toLowerCase();
      if (rel && (m.groups!.the || pre)) return undefined;
      if (!o && !m.groups!.the && !pre && !rel) return undefined; // "a quarter of the vote"
      if (!o && !pre && !rel && !m.groups!.y && !/\b(for|in|during|of)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return undefined;
      if (o === 'same') return undefined;
      // "the third-quarter loss": "the" belongs to the noun, the expression is "third-quarter"
      if (m.groups!.the && /-(quarter|half)$/i.test(m[0]) && /^\s+[a-z]/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return undefined;
      const half = q.toLowerCase() === 'half';
      let n = o ? parseOrdinal(o) : undefined;
      if (half && (o === 'last' || o === 'latter')) n = 2;
      if (half && (n === undefined || n > 2)) return undefined;
      const label = half ? 'H' : 'Q';
      const periods = half ? 2 : 4;
      // "the quarter a year ago" is one expression: the quarter told of, a year before
      const yearAgo = pre === 'year-earlier' || pre === 'year-ago' || pre === 'comparable year-ago' || o === 'year-earlier' || o === 'year-ago' || m.groups!.ago !== undefined;
      let y = m.groups!.y ?? (pre && /^\d/.test(pre) ? pre : undefined);
      // "the first half of the year", "the third quarter of last year"
      const ofYear = m.groups!.ofYear?.toLowerCase();
      if (ofYear && (rel || !o)) return undefined;
      if (ofYear && ctx.anchor) y = String(ctx.anchor.year + (ofYear === 'last' ? -1 : ofYear === 'next' ? 1 : 0));
      // "the quarter ended Sept. 30": the three months up to that month's end. A fiscal quarter may
      // end in any month ("ended July 31" is May to July): it is the calendar quarter of its middle month
      const ended = /^,?\s+(?:that\s+)?end(?:ed|ing|s)\s+(?<mon>[A-Z][a-z]+\.?)(?:\s+\d{1,2})?(?:,?\s+(?<y>\d{4}))?/.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const endMonth = ended ? monthOf(ended.groups!.mon) : undefined;
      if (!half && n === undefined && endMonth) {
        n = quarterOf(endMonth === 1 ? 12 : endMonth - 1);
        y ??= ended!.groups!.y ?? (ctx.anchor ? String(endMonth <= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year - 1) : undefined);
        if (y && endMonth === 1) y = String(Number(y) - 1);
        if (y && yearAgo) y = String(Number(y) - 1);
      }
      // "the 1988 quarter": in a report, the quarter reported (the one before the current) of that year
      if (!half && n === undefined && pre && /^\d/.test(pre) && !m.groups!.y && ctx.anchor) n = (quarterOf(ctx.anchor.month) + 2) % 4 + 1;
      if (y) return { type: 'DATE', value: n ? `${y}-${label}${n}` : yearAgo ? `${Number(y) - 1}` : y };
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${label}${n ?? 'X'}` };
      if (rel) {
        // "last year's quarter", "next year's first quarter": the quarter in the year named
        const year = ctx.anchor.year + (rel === 'last' || rel === 'the previous' ? -1 : rel === 'next' ? 1 : 0);
        const q = n ?? (ctx.anchor.year * periods + (half ? Math.ceil(ctx.anchor.month / 6) : quarterOf(ctx.anchor.month)) - 2) % periods + 1;
        return { type: 'DATE', value: `${year}-${label}${q}` };
      }
      const current = half ? Math.ceil(ctx.anchor.month / 6) : quarterOf(ctx.anchor.month);
      if (n !== undefined) {
        // reported quarters are past ones; only an explicit future statement looks ahead
        const hyphenated = /-(quarter|half)$/i.test(m[0]) && !m.groups!.the;
        // "will report a disappointing first half", "second quarter growth estimates will be released":
        // a period whose results are reported is over, whatever the tense
        const reported = REPORTED_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24))
          || REPORTING_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 40), m.index));
        const future = !hyphenated && !reported && ctx.tense() === 'future';
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
    name: 'quarter code',
    triggers: ['q'],
    // "Q3 2012", "in Q4": the quarter as business news abbreviates it
    pattern: /(?<![\w-])Q(?<q>[1-4])(?:\s(?:of\s)?(?:fiscal\s)?(?<y>\d{4}))?(?![\w-])/g,
    build(m, ctx) {
      const q = Number(m.groups!.q);
      if (m.groups!.y) return { type: 'DATE', value: `${m.groups!.y}-Q${q}` };
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-Q${q}` };
      // as "the third quarter": a reported quarter is a past one unless the clause looks ahead
      const current = quarterOf(ctx.anchor.month);
      const year = ctx.tense() === 'future' ? (q >= current ? ctx.anchor.year : ctx.anchor.year + 1) : q <= current ? ctx.anchor.year : ctx.anchor.year - 1;
      return { type: 'DATE', value: `${year}-Q${q}` };
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
    pattern: /(?<![\w'-])(?:(?<when>earlier|later)\sin\s)?(?<the>the|that|this)\s(?:(?<adj>full|fiscal|current|latest|latest fiscal|same|whole|entire|year-earlier|year-ago|\d{4})\s)?(?<unit>weekend|week|year|period|fiscal year)(?![\w-])/gi,
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
        // told on a Sunday, "the weekend" just played is the one the document is in (on a Saturday
        // it has barely begun, and a weekend told of in the past may be the one before)
        const back = ctx.tense() === 'future' || isoWeekday(ctx.anchor) === 7 ? 0 : -1;
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
      // "earlier in the year", "the first nine months of the year": a part of the current year
      if (!adj && unit === 'year' && (m.groups!.when || /\bof\s$/i.test(before))) {
        return { type: 'DATE', value: ctx.anchor ? String(ctx.anchor.year) : 'XXXX' };
      }
      if (!adj && unit === 'year' && !/\b(for|during|in|through|throughout)\s$/i.test(before)) return undefined;
      if (adj === 'current' || adj === 'latest' || adj === 'latest fiscal' || adj === 'full' || adj === 'whole' || adj === 'entire' || the === 'this') {
        return { type: 'DATE', value: ctx.anchor ? String(ctx.anchor.year) : 'XXXX' };
      }
      if (adj === 'year-earlier' || adj === 'year-ago') return undefined;
      // "the year ended March 31" is a span of twelve months; "for the year, volume was flat" is
      // the (fiscal) year being reported
      if (/\bthroughout\s$/i.test(ctx.text.slice(Math.max(0, m.index - 12), m.index)) || /^,?\s+(?:that\s+)?(?:ended|ending|ends|to\s+(?:date|[A-Z]))/.test(after)) return { type: 'DURATION', value: 'P1Y' };
      return { type: 'DATE', value: ctx.anchor ? String(ctx.anchor.year) : 'XXXX' };
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
    pattern: /(?<![\w'-])(?<the>the\s)?(?:(?<mod>early|mid|late)[\s-])?(?:nineteen[\s-])?(?<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])/gi,
    build(m, ctx) {
      // "in his fifties" is an age; only "the nineties" names a decade
      if (!m.groups!.the && !/nineteen/i.test(m[0])) return undefined;
      const d = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(m.groups!.d.toLowerCase()) + 2;
      if (/\bhis\b|\bher\b|\btheir\b/i.test(ctx.text.slice(Math.max(0, m.index - 10), m.index))) return undefined;
      return { type: 'DATE', value: `19${d}` };
    },
  },
  {
    name: 'ago',
    triggers: ['ago', 'earlier', 'now', 'hence'],
    pattern: new RegExp(
      `${B}(?:(?<mod>${APPROX})\\s)?(?<n>${NUMBER_RE})[\\s-](?<unit>${UNIT_RE})(?:\\sor\\sso)?\\s(?<dir>ago|earlier|from now|hence)${E}`, 'gi'),
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
    name: 'anaphoric',
    triggers: ['that', 'same', 'following', 'next', 'previous', 'preceding', 'prior'],
    reach: [24, 40],
    // "that day", "later that year", "the following month", "the next morning":
    // counted from the date the text mentioned last, not from the document date
    pattern: /(?<![\w'-])(?:(?<when>earlier|later|early|late)\s(?:(?:in|on)\s)?)?(?:(?<that>that(?:\ssame)?|the\ssame)|the\s(?<dir>following|next|previous|preceding|prior))\s(?<unit>day|morning|afternoon|evening|night|week|weekend|month|year|quarter|decade)(?![\w'-])/gi,
    build(m, ctx) {
      const unitWord = m.groups!.unit.toLowerCase();
      const dir = m.groups!.dir?.toLowerCase();
      const part = PART_OF_DAY[unitWord];
      const dayLevel = unitWord === 'day' || part !== undefined;
      // "the next year", "the previous week": counted from the document date (relative unit), but
      // "the next year" told in the past ("rose to fame in 1992; the next year ...") is the year after
      // the one told of, as "the following year" is: of the document's next year nothing is past yet
      if ((dir === 'next' || dir === 'previous') && !dayLevel && !(dir === 'next' && ctx.tense() === 'past')) return undefined;
      // "said that day traders ...": "that" is a conjunction
      const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
      if (m.groups!.that && !m.groups!.when && /\b(said|says|say|announced|reported|noted|added|believes?|thinks?|means|so|such|now|is|was)\s$/i.test(before)) return undefined;
      // "that year's results" is fine, "the following day's" too; "the same month of 1990" is not anaphoric
      if (/^\s+of\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return undefined;
      const shift = dir === 'following' || dir === 'next' ? 1 : dir ? -1 : 0;
      const unit = dayLevel ? 'D' : unitWord === 'weekend' ? 'WE' : unitOf(unitWord)!.code as 'W' | 'M' | 'Q' | 'Y' | 'DE';
      return { type: part ? 'TIME' : 'DATE', anaphor: { unit, shift, part } };
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
];
