/**
 * Calendar arithmetic on plain year/month/day triples, computed with `Date.UTC` so that neither the
 * host's time zone nor the current date can leak into a value.
 */

/** A calendar date; `month` is 1-12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

function toDays(d: Ymd): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

function fromDays(days: number): Ymd {
  const t = new Date(days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Parses `YYYY-MM-DD` (anything after the day, such as a time, is ignored). */
export function parseYmd(iso: string | undefined): Ymd | undefined {
  const m = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidDate(d.year, d.month, d.day) ? d : undefined;
}

/** True when the triple names a real calendar day. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromDays(toDays(d) + n);
}

/** Day of the week, 1 = Monday ... 7 = Sunday (ISO 8601). */
export function isoWeekday(d: Ymd): number {
  return ((toDays(d) + 3) % 7 + 7) % 7 + 1; // 1970-01-01 was a Thursday
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor((toDays(thursday) - toDays(jan1)) / 7) + 1 };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatYmd(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** The month `n` months after (or before) the month of `d`. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const total = year * 12 + (month - 1) + n;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}
