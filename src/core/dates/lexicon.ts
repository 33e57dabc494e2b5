/** Word lists and the regular-expression fragments built from them. */

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Month by lower-case name or abbreviation (without the dot). */
export const MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((m, i) => [m, i + 1] as [string, number]),
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Weekday by lower-case name, 1 = Monday (ISO). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(WEEKDAY_NAMES.map((w, i) => [w, i + 1]));

export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

/** Vague quantities: a duration with them has an unspecified count (`PXY`). */
const VAGUE = new Set(['a few', 'few', 'several', 'many', 'some', 'a couple of', 'couple of', 'numerous']);

/**
 * The value of a cardinal number written in digits or words ("12", "twenty four", "a", "a couple of").
 * Returns NaN for vague quantities ("several") and undefined when the text is not a number.
 */
export function parseCardinal(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'a' || s === 'an') return 1;
  if (s === 'a couple of' || s === 'couple of') return 2;
  if (VAGUE.has(s)) return NaN;
  if (s === 'half a' || s === 'half an') return 0.5;
  if (s === 'a dozen' || s === 'dozen') return 12;
  if (s === 'a hundred' || s === 'one hundred') return 100;
  let total = 0;
  for (const w of s.split(' ')) {
    if (w in UNITS) total += UNITS[w];
    else if (w in TENS) total += TENS[w];
    else if (w === 'hundred') total = (total || 1) * 100;
    else return undefined;
  }
  return total;
}

/** The value of an ordinal ("third", "3rd", "twenty-first"), or undefined. */
export function parseOrdinal(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  const d = /^(\d+)(st|nd|rd|th)$/.exec(s);
  if (d) return Number(d[1]);
  if (s in ORDINALS) return ORDINALS[s];
  const parts = s.split(' ');
  if (parts.length === 2 && parts[0] in TENS && parts[1] in ORDINALS) return TENS[parts[0]] + ORDINALS[parts[1]];
  return undefined;
}

const unitWord = Object.keys(UNITS).filter((w) => w !== 'zero').sort((a, b) => b.length - a.length).join('|');
const tensWord = Object.keys(TENS).join('|');

/** A cardinal number in digits or words, or a vague quantity (no capture groups). */
export const NUMBER_RE =
  `(?:\\d+(?:\\.\\d+)?|(?:${tensWord})(?:[- ](?:${unitWord}))?|${unitWord}|a couple of|couple of|a few|several|a dozen|a hundred|half an?|an?|few|many)`;

/** Calendar units, singular or plural (no capture groups). */
export const UNIT_RE = '(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|century|centuries|quarters?)';

export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const ORDINAL_RE =
  `(?:\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|')})`;

const DAY_ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
/** A day of the month as an ordinal word, as spoken: "eighth", "twenty-first", "thirtieth" (no capture groups). */
export const DAY_ORDINAL_WORD_RE =
  `(?:(?:twenty|thirty)[\\s-](?:${DAY_ORDINALS})|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|${DAY_ORDINALS})`;

/** Month number of a month token such as "Sept." or "March". */
export function monthOf(token: string): number | undefined {
  return MONTHS.get(token.toLowerCase().replace(/\.$/, ''));
}

/** TIMEX3 unit code for a unit word ("weeks" → W), and whether it is a unit of clock time. */
export function unitOf(word: string): { code: string; time: boolean } | undefined {
  const w = word.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  switch (w) {
    case 'second': return { code: 'S', time: true };
    case 'minute': return { code: 'M', time: true };
    case 'hour': return { code: 'H', time: true };
    case 'day': return { code: 'D', time: false };
    case 'week': return { code: 'W', time: false };
    case 'weekend': return { code: 'WE', time: false };
    case 'month': return { code: 'M', time: false };
    case 'quarter': return { code: 'Q', time: false };
    case 'year': return { code: 'Y', time: false };
    case 'decade': return { code: 'DE', time: false };
    case 'century': return { code: 'CE', time: false };
    default: return undefined;
  }
}

const teen = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const digitWord = 'one|two|three|four|five|six|seven|eight|nine';

/** A year said in words, as in broadcast transcripts: "nineteen ninety-four", "two thousand and one". */
export const SPOKEN_YEAR_RE =
  `(?:nineteen[\\s-](?:(?:${tensWord})(?:[\\s-](?:${digitWord}))?|${teen}|oh[\\s-](?:${digitWord}))|two thousand(?:\\s(?:and\\s)?(?:${teen}|${digitWord}))?)`;

/** The year a spoken year names, or undefined. */
export function parseSpokenYear(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  if (s.startsWith('two thousand')) {
    const rest = s.slice('two thousand'.length).replace(/^ and /, ' ').trim();
    const n = rest ? parseCardinal(rest) : 0;
    return n === undefined || Number.isNaN(n) ? undefined : 2000 + n;
  }
  const m = /^nineteen (?:oh )?(.+)$/.exec(s);
  const n = m ? parseCardinal(m[1]) : undefined;
  return n === undefined || Number.isNaN(n) || n > 99 ? undefined : 1900 + n;
}
