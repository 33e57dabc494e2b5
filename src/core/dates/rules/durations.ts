/** Durations ("three months"), sets ("every week") and vague references ("now", "recently"). */
import { pad } from '../calendar';
import { NUMBER_RE, UNIT_RE, WEEKDAY_RE, WEEKDAYS, monthOf, parseCardinal, unitOf } from '../lexicon';
import { SENTENCE_END, shiftValue, spanStart } from '../resolve';
import { APPROX, B, E, PART_OF_DAY, Rule, RuleContext, durationValue, isCapitalised } from './shared';

/** A whole number of units and a half, as a TIMEX3 duration: `P2Y6M`, `PT5H30M`, `PT30M`. */
function halfDuration(whole: number, code: string, time: boolean): string | undefined {
  const w = (c: string) => (whole ? `${whole}${c}` : '');
  if (time) {
    if (code === 'H') return `PT${w('H')}30M`;
    if (code === 'M') return `PT${w('M')}30S`;
    return undefined;
  }
  if (code === 'Y') return `P${w('Y')}6M`;
  if (code === 'D') return `P${w('D')}T12H`;
  return undefined;
}

/** Words of a clause that make "in three years" the stretch looked back over ("the first visit in ten years", "its biggest gain in years"). */
const LOOKING_BACK = /\b(?:first|only|record|best|worst|most|least|fewer|ever|(?!(?:inter|requ|prot|t|w|r|n|p|v|l|gu|qu|ch|cr|for|harv|sugg|inv|arr|att|cont|dig|hon|mod|earn|manif)est\b)[a-z]{2,}est)\b/i;

/**
 * "The notes will be repaid in three years", "talks resume in ten days": "in" and a length of time,
 * in a clause about the future, says when, not how long: the point that far ahead of the document
 * date, as TimeBank values it ("would be redeemed in five years" is the year five years on). Not
 * "within" (a deadline's length), nor a clause that looks back ("the first visit in ten years",
 * "prices doubled in two months").
 */
function pointAhead(ctx: RuleContext, index: number): boolean {
  if (!/(?<![\w-])in\s$/i.test(ctx.text.slice(Math.max(0, index - 4), index))) return false;
  const clause = ctx.text.slice(spanStart(ctx.text, index, 120, SENTENCE_END), index);
  return !LOOKING_BACK.test(clause) && ctx.tense() === 'future';
}

export const DURATIONS_RULES: Rule[] = [
  {
    name: 'reference word',
    triggers: ['now', 'currently', 'nowadays', 'present', 'presently', 'recently', 'lately', 'soon', 'past', 'future', 'current', 'these', 'later'],
    pattern: /(?<![\w'-])(?<w>right now|now|currently|nowadays|these days|at present|presently|(?:more |most )?recently|lately|soon|the past|the future|the present|a later date|(?:then\s)?current)(?![\w-])/gi,
    build(m, ctx) {
      const w = m.groups!.w.toLowerCase();
      if (/current$/.test(w)) {
        // the adjective "current" ("its current share", "current market conditions"); not the noun
        // ("a strong current"), not "Current" as a name, not the accounting terms
        const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 14);
        if (!/^current$/.test(m.groups!.w.replace(/^then\s/, '')) || !/^\s[a-z]/.test(after) || /^\s(account|assets|liabilit|ratio)/.test(after)) return undefined;
        if (/^\s(of|in|from|flow\w*|ran|runs|swept|sweeps|carrie[sd]|pull\w*)\b/.test(after)) return undefined;
        if (/\b(electric|electrical|strong|swift|ocean|alternating|direct|cold|warm|powerful|rip)\s$/i.test(ctx.text.slice(Math.max(0, m.index - 14), m.index))) return undefined;
        return { type: 'DATE', value: w === 'current' ? 'PRESENT_REF' : 'PAST_REF' };
      }
      // "now" as a conjunction ("now that") or inside "until now" stays a reference to the present
      if (w === 'now' && /^[-\u2010-\u2015]/.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "Now for the weather": a broadcast's turn to the next item; "Now, critics say ..." is the present
      if (m.groups!.w === 'Now' && /^\s+for\b/.test(ctx.text.slice(m.index + 3, m.index + 8))) return undefined;
      // "as soon as possible", "soon after the vote": relative to an event, not to the document
      if (w === 'soon' && (/\bas\s$/i.test(ctx.text.slice(m.index - 3, m.index)) || /^\s+(after|before|as)\b/i.test(ctx.text.slice(m.index + 4, m.index + 12)))) return undefined;
      // "the Future of Babylon project": a capitalised word inside a sentence is part of a name
      if (/^the (Future|Past|Present)$/.test(m[0]) && /[^\s.!?:;"'`\u2014-]\s*$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index))) return undefined;
      if (/recent|lately|past/.test(w)) return { type: 'DATE', value: 'PAST_REF' };
      if (/soon|future|later/.test(w)) return { type: 'DATE', value: 'FUTURE_REF' };
      return { type: 'DATE', value: 'PRESENT_REF' };
    },
  },
  {
    name: 'the time',
    triggers: ['time'],
    reach: [8, 16],
    // "saying at the time he was willing": the time just told of; "at" stays outside, as for "on
    // Monday". "At the time of the attack" names an event's time, not a date.
    pattern: /(?<=\bat\s)the\stime(?![\w-])/gi,
    build(m, ctx) {
      if (/^\s+(?:of|when|in which|at which|and place|being|limit|zone)\b/i.test(ctx.text.slice(m.index + 8, m.index + 24))) return undefined;
      // "At the time Howes was captured, ...": a clause opening the sentence tells of an event's time
      if (/^\s*$/.test(/[^.!?\n"]*$/.exec(ctx.text.slice(Math.max(0, m.index - 12), m.index - 3))![0]) && !/^,/.test(ctx.text.slice(m.index + 8, m.index + 9))) return undefined;
      return { type: 'DATE', value: ctx.tense() === 'future' ? 'FUTURE_REF' : 'PAST_REF' };
    },
  },
  {
    name: 'a while',
    triggers: ['while', 'time'],
    reach: [12, 24],
    // "for a while", "for some time": a length of time nobody measured; "for" stays outside, as in
    // "for years". Not "for some time signal", nor "at a time" (one at once)
    pattern: /(?<=\bfor\s)(?:a\swhile|some\stime)(?![\w-])(?!\s+(?!(?:now|to|longer|more|yet|already|before|after|and|or|but|in|on|at|as|because|until|so|with|without|since|when|if|while|the|a|an|he|she|it|they|we|you)\b)[a-z])/gi,
    build() {
      return { type: 'DURATION', value: 'PXX' };
    },
  },
  {
    name: 'tenure',
    triggers: ['tenure'],
    // "during his tenure": a term of office, a length of time of unknown years
    pattern: /(?<![\w'-])(?:his|her|their|its|my|our|your)\stenure(?![\w-])/gi,
    build() {
      return { type: 'DURATION', value: 'PXY' };
    },
  },
  {
    name: 'race time',
    triggers: ['#:'],
    // hours, minutes and seconds are one token: a short look around each number is enough
    reach: [8, 10],
    // "won in 2:07:35": hours, minutes and seconds without a.m. or p.m. are a time taken, not a time
    // of day ("at 10:30:15 a.m." is the clock's)
    pattern: /(?<![\w:.,/-])(?<h>\d{1,2}):(?<min>[0-5]\d):(?<s>[0-5]\d)(?![\w:-]|\.\d|\s?[ap]\.?m\b)/g,
    build(m, ctx) {
      if (/\b(?:at|by|until|till|since|from|before|after)\s$/i.test(ctx.text.slice(Math.max(0, m.index - 7), m.index))) return undefined;
      const [h, min, s] = [Number(m.groups!.h), Number(m.groups!.min), Number(m.groups!.s)];
      const part = (n: number, code: string) => (n ? `${n}${code}` : '');
      return { type: 'DURATION', value: `PT${part(h, 'H')}${part(min, 'M')}${part(s, 'S')}` };
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
      // decades and centuries are counted in years, as in "two decades" → P20Y
      if (unit.code === 'DE' || unit.code === 'CE') return { type: 'DURATION', value: n === 'X' ? 'PXY' : unit.code === 'DE' ? 'P10Y' : 'P100Y' };
      return { type: 'DURATION', value: unit.time ? `PT${n}${unit.code}` : `P${n}${unit.code}` };
    },
  },
  {
    name: 'duration',
    triggers: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarter', 'quarters'],
    pattern: new RegExp(
      `${B}(?:(?<mod>${APPROX})\\s)?(?:(?<the>the|each of the)\\s(?:(?<dir>past|last|next|previous|first|coming|final|following|latest|year-earlier|year-ago)\\s)?)?(?:(?<n0>${NUMBER_RE})\\s(?:to|or)\\s)?(?<n>${NUMBER_RE})(?<half>\\s1/2|[\\s-]and[\\s-]a[\\s-]half)?(?:[\\s-](?:more|additional|full|straight|consecutive))?(?:\\s(?:trading|business|working))?[\\s-](?<unit>${UNIT_RE})(?<adj>-(?:long|old))?(?<half2>\\sand\\sa\\shalf)?(?:\\sor\\sso)?${E}`,
      'gi'),
    build(m, ctx) {
      const n = parseCardinal(m.groups!.n);
      if (n === undefined) return undefined;
      // "over the past four months": "over" is the preposition here, not "more than"
      if (m.groups!.the && /^(over|under)$/i.test(m.groups!.mod ?? '')) return undefined;
      if (m.groups!.adj?.toLowerCase() === '-old' || /^[\s-]+old\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      const nWord = m.groups!.n.toLowerCase();
      const unitWord = m.groups!.unit.toLowerCase();
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      // "a second attempt", "three-quarters of its food", "a quarter of the vote": not durations
      if ((nWord === 'a' || nWord === 'an') && unitWord === 'second') return undefined;
      // "several quarters of losses" is a stretch of time; "three quarters of the vote" a share
      if (/^quarters?$/.test(unitWord) && ((/^\s+of\b/i.test(after) && !/^(several|few|a few|many)$/.test(nWord)) || /-/.test(m[0]))) return undefined;
      // "$2 million a year", "24 hours a day", "700 seats a week": a rate, not a duration
      if ((nWord === 'a' || nWord === 'per') && /(\d|million|billion|percent|%|hours|times|seats|flights|\bup|\bonce|twice)[\w,.]*\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 24), m.index))) return undefined;
      if (/^(1[5-9]|20)\d\d$/.test(nWord) && !/s$/i.test(m.groups!.unit)) return undefined;
      // "a" alone before a plural ("a years") is not a count; "a week" is
      if ((nWord === 'a' || nWord === 'an') && /s$/i.test(m.groups!.unit) && !/centur/i.test(m.groups!.unit)) return undefined;
      // "Islam will one day be ...", "the hope he one day follows ...": some day in the future
      if (nWord === 'one' && unitWord === 'day' && !m.groups!.mod && !m.groups!.the
        && /\b(will|would|could|may|might|can|should|must|he|she|they|we|I|you)\s$/.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))
        && /^\s[a-z]+/.test(after) && !/^\s(of|after|before|later|earlier|in|on|at|to|and|or|for|ago|ahead|off|more)\b/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 10))) {
        return { type: 'DATE', value: 'FUTURE_REF' };
      }
      const unit = unitOf(m.groups!.unit)!;
      // "the two-day talks": "the" belongs to the noun phrase, not to the duration
      if (m.groups!.the && !m.groups!.dir && !/s$/i.test(m.groups!.unit)) return undefined;
      // "two to three weeks", "12 to 18 months": a span of uncertain length in that unit
      if (m.groups!.n0) {
        if (parseCardinal(m.groups!.n0) === undefined || m.groups!.half || m.groups!.half2 || m.groups!.adj) return undefined;
        const c = unit.code === 'DE' || unit.code === 'CE' ? 'Y' : unit.code;
        return { type: 'DURATION', value: unit.time ? `PTX${c}` : `PX${c}` };
      }
      if (unit.code === 'Q') return { type: 'DURATION', value: Number.isNaN(n) ? 'PXQ' : `P${n}Q` };
      let count = n;
      let code = unit.code;
      if (m.groups!.half || m.groups!.half2) {
        if (Number.isNaN(n) || m.groups!.adj) return undefined;
        count = n + 0.5;
      }
      if (code === 'DE' || code === 'CE') { count *= code === 'DE' ? 10 : 100; code = 'Y'; }
      if (!Number.isNaN(count) && !Number.isInteger(count)) {
        // "2 1/2 years", "a minute and a half", "half an hour": the half in the next smaller unit
        // "9.58 seconds", "2.3 years": ISO 8601 allows a fraction in the last unit
        const value = (Number.isInteger(count * 2) ? halfDuration(Math.floor(count), code, unit.time) : undefined)
          ?? (/^\d+\.\d+$/.test(nWord) ? `P${unit.time ? 'T' : ''}${count}${code}` : undefined);
        return value ? { type: 'DURATION', value } : undefined;
      }
      if (ctx.anchor && !m.groups!.the && !m.groups!.adj && Number.isInteger(count) && /^[DWMY]$/.test(code) && pointAhead(ctx, m.index)) {
        return { type: 'DATE', value: shiftValue(ctx.anchor, code, count) };
      }
      const c = Number.isNaN(count) ? 'X' : String(count);
      return { type: 'DURATION', value: unit.time ? `PT${c}${code}` : `P${c}${code}` };
    },
  },
  {
    name: 'vague duration',
    triggers: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarter', 'quarters'],
    // "for years", "in recent months", "over the past few weeks": the preposition stays outside
    pattern: /(?<=\b(?:for|in|over|during|within|throughout)\s)(?:(?<pre>recent|coming|the coming|the next few|the past few|the last few|the next several|the past several|the last several|the first|the(?:\searly|\sintervening)?)\s)?(?<unit>years|decades|months|weeks|days|hours|centuries|minutes|quarters)(?![\w-])/gi,
    build(m, ctx) {
      // "in the first hours of the offensive": the opening stretch of an event, of unknown length
      if (/^the first$/i.test(m.groups!.pre ?? '')) {
        if (!/^\s+of\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return undefined;
        const unit = unitOf(m.groups!.unit)!;
        return unit.code === 'DE' || unit.code === 'CE' ? undefined : { type: 'DURATION', value: unit.time ? `PTX${unit.code}` : `PX${unit.code}` };
      }
      // "over the years", "in the early years": an unknown stretch; not "in the weeks before the
      // vote" (a time just before an event), "in the years 1990 to 1995" or "the days of empire"
      if (/^the\b/i.test(m.groups!.pre ?? '') && /^\s+(?:before|after|ahead|leading|preceding|following|of|to|since|when|\d)\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 14))) return undefined;
      // "in coming months": an indefinite future rather than a length of time
      if (/coming/i.test(m.groups!.pre ?? '')) return { type: 'DATE', value: 'FUTURE_REF' };
      const unit = unitOf(m.groups!.unit)!;
      if (unit.code === 'DE' || unit.code === 'CE') return { type: 'DURATION', value: 'PXY' }; // "for decades": an unknown number of years
      return { type: 'DURATION', value: unit.time ? `PTX${unit.code}` : `PX${unit.code}` };
    },
  },
  {
    name: 'set',
    triggers: ['every', 'each', 'annually', 'yearly', 'daily', 'weekly', 'monthly', 'hourly', 'nightly'],
    pattern: new RegExp(
      `${B}(?:(?<every>every|each)\\s(?:(?<n>other|${NUMBER_RE})\\s)?(?<unit>${UNIT_RE}|${WEEKDAY_RE}|season|morning|night|evening|afternoon|January|February|March|April|May|June|July|August|September|October|November|December)|(?<adv>annually|yearly|daily|weekly|monthly|hourly|nightly))${E}`,
      'gi'),
    build(m, ctx) {
      const adv = m.groups!.adv?.toLowerCase();
      if (adv) {
        // "average daily volume" is a measure, not a recurrence
        if (/\baverage\s$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) return undefined;
        const v: Record<string, string> = { annually: 'P1Y', yearly: 'P1Y', daily: 'P1D', weekly: 'P1W', monthly: 'P1M', hourly: 'PT1H', nightly: 'P1D' };
        return { type: 'SET', value: v[adv] };
      }
      const unitWord = m.groups!.unit;
      // "each season": a sports or theatre season comes once a year
      if (unitWord.toLowerCase() === 'season') return m.groups!.n ? undefined : { type: 'SET', value: 'P1Y' };
      const month = monthOf(unitWord);
      // "every March"; not "each may decide" or "every march" (a walk): only a capitalised month is one
      if (month) return m.groups!.n || !isCapitalised(unitWord) ? undefined : { type: 'SET', value: `XXXX-${pad(month)}` };
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
