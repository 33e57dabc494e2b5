/**
 * Where a TIMEX3 value sits on a time axis: an extent [start, end) in milliseconds (UTC) and how
 * precise it is. A day is a point; a month, a year, a decade or a span of years is a bar; anything
 * that cannot be placed honestly (a bare duration, `PAST_REF`, a value with `X` in it) has no extent
 * and says why, so the timeline can list it apart instead of guessing.
 */

/** How precise a placed value is: `day` and finer are drawn as points, the rest as bars. */
export type Precision = 'time' | 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century' | 'span';

/** A placed value. */
export interface Extent {
  /** Inclusive start, ms since 1970-01-01 UTC. */
  start: number;
  /** Exclusive end, ms since 1970-01-01 UTC. */
  end: number;
  precision: Precision;
}

/** Why a value could not be placed. */
export type Unplaced = { reason: string };

const DAY = 86_400_000;

/** `Date.UTC` that also works for years 0–99 (which `Date.UTC` maps to 1900–1999). */
export function utc(year: number, month = 0, day = 1): number {
  const d = new Date(Date.UTC(year, month, day));
  // Date.UTC reads years 0–99 as 1900–1999; months out of 0–11 roll over into other years, so correct after.
  if (year >= 0 && year < 100) d.setUTCFullYear(d.getUTCFullYear() - 1900);
  return d.getTime();
}

/** Whether a precision is drawn as a point (a day or finer). */
export function isPoint(precision: Precision): boolean {
  return precision === 'time' || precision === 'day';
}

/** The ISO-8601 Monday of week 1 of `year`. */
function isoWeekStart(year: number, week: number): number {
  const jan4 = utc(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

const SEASONS: Record<string, [number, number]> = {
  // Northern-hemisphere meteorological seasons: [first month, month after the last]. Winter runs into the next year.
  SP: [2, 5],
  SU: [5, 8],
  FA: [8, 11],
  AU: [8, 11],
  WI: [11, 14],
};

/**
 * Places a TIMEX3 calendar value (`2006-03-02`, `2006-03`, `2006`, `200` for the 2000s, `19` for
 * the 1900s, `2006-W09`, `2006-Q1`, `2006-H2`, `2006-SU`, `2006-03-02T10:30`). Returns `Unplaced`
 * with a reason for anything else.
 */
export function extentOf(value: string | undefined): Extent | Unplaced {
  if (!value) return { reason: 'no normalised value' };
  const v = value.trim();
  if (/X/.test(v)) return { reason: `partly unknown (${v})` };
  if (/^(PRESENT|PAST|FUTURE)_REF$/.test(v)) return { reason: `vague (${v})` };
  if (/^P/.test(v)) return { reason: `a duration (${v}), not a date` };
  let m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2}))?/.exec(v);
  if (m) {
    const start = utc(+m[1], +m[2] - 1, +m[3]) + (+m[4] * 60 + +(m[5] ?? 0)) * 60_000;
    return { start, end: start + 60_000, precision: 'time' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T[A-Z]{2})?$/.exec(v); // a day, or a part of a day (TMO, TEV, TNI)
  if (m) {
    const start = utc(+m[1], +m[2] - 1, +m[3]);
    return { start, end: start + DAY, precision: 'day' };
  }
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(v);
  if (m) {
    const start = isoWeekStart(+m[1], +m[2]);
    return { start, end: start + 7 * DAY, precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { start: utc(+m[1], +m[2] - 1), end: utc(+m[1], +m[2]), precision: 'month' };
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return { start: utc(+m[1], (+m[2] - 1) * 3), end: utc(+m[1], +m[2] * 3), precision: 'quarter' };
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) return { start: utc(+m[1], (+m[2] - 1) * 6), end: utc(+m[1], +m[2] * 6), precision: 'half' };
  m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v);
  if (m) {
    const [from, to] = SEASONS[m[2]];
    return { start: utc(+m[1], from), end: utc(+m[1], to), precision: 'season' };
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return { start: utc(+m[1]), end: utc(+m[1] + 1), precision: 'year' };
  m = /^(\d{3})$/.exec(v);
  if (m) return { start: utc(+m[1] * 10), end: utc(+m[1] * 10 + 10), precision: 'decade' };
  m = /^(\d{2})$/.exec(v);
  if (m) return { start: utc(+m[1] * 100), end: utc(+m[1] * 100 + 100), precision: 'century' };
  return { reason: `not a calendar value (${v})` };
}

/** Whether `extentOf` placed the value. */
export function isPlaced(x: Extent | Unplaced): x is Extent {
  return 'start' in x;
}

/**
 * A duration anchored to the document's date by its wording: "the last seven years" (`P7Y`) ends at
 * the document date, "the next two months" starts there. A bare duration ("two years") is not anchored.
 */
export function anchoredDuration(value: string | undefined, quote: string, documentDate: string | undefined): Extent | Unplaced {
  const m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(value ?? '');
  if (!m) return { reason: `a duration (${value ?? '?'}), not a date` };
  const back = /\b(last|past|previous|recent|preceding)\b/i.test(quote);
  const ahead = /\b(next|coming|following)\b/i.test(quote);
  if (back === ahead) return { reason: `a duration (${value}), not anchored to a date` };
  const anchor = extentOf(documentDate);
  if (!isPlaced(anchor)) return { reason: `a duration (${value}); the document has no date to anchor it` };
  const n = Number(m[1]);
  const shift = (t: number, sign: 1 | -1): number => {
    if (m[2] === 'D') return t + sign * n * DAY;
    if (m[2] === 'W') return t + sign * n * 7 * DAY;
    const d = new Date(t);
    const months = (m[2] === 'Y' ? 12 : 1) * n * sign;
    return utc(d.getUTCFullYear(), d.getUTCMonth() + Math.round(months), d.getUTCDate());
  };
  return back
    ? { start: shift(anchor.end, -1), end: anchor.end, precision: 'span' }
    : { start: anchor.start, end: shift(anchor.start, 1), precision: 'span' };
}

/** An ISO label of an instant (`2006-03-02`, `-0044-03-15` before year 0). */
export function isoDay(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const year = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
