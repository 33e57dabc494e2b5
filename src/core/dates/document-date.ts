/** Finds an article's own date in its dateline or header. */
import { formatYmd, isValidDate } from './calendar';
import { MONTH_RE, monthOf } from './lexicon';

/** How far into the text a dateline may start (characters). */
const HEAD = 600;

const PATTERNS: { re: RegExp; ymd(m: RegExpExecArray): [number, number, number] | undefined }[] = [
  { re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/, ymd: (m) => [+m[1], +m[2], +m[3]] },
  {
    re: new RegExp(`(?<!\\w)(\\d{1,2})(?:st|nd|rd|th)?\\s(${MONTH_RE}),?\\s(\\d{4})(?!\\d)`),
    ymd: (m) => { const mo = monthOf(m[2]); return mo ? [+m[3], mo, +m[1]] : undefined; },
  },
  {
    re: new RegExp(`(?<!\\w)(${MONTH_RE})\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})(?!\\d)`),
    ymd: (m) => { const mo = monthOf(m[1]); return mo ? [+m[3], mo, +m[2]] : undefined; },
  },
  // a compact date line such as "19980213" or a wire header "1998/02/13"
  { re: /^\s*(\d{4})\/?(\d{2})\/?(\d{2})\s*$/m, ymd: (m) => [+m[1], +m[2], +m[3]] },
];

/**
 * The article's own date as `YYYY-MM-DD`, from a date near the top (a dateline such as
 * "02 March 2006", "March 2, 2006", "WASHINGTON (AP) — March 2, 2006 —" or an ISO date).
 * Returns undefined when the top of the text names no full date; never guesses from the clock.
 */
export function detectDocumentDate(text: string): string | undefined {
  const head = text.slice(0, HEAD);
  let best: { index: number; value: string } | undefined;
  for (const p of PATTERNS) {
    const m = p.re.exec(head);
    if (!m) continue;
    const ymd = p.ymd(m);
    if (!ymd || !isValidDate(ymd[0], ymd[1], ymd[2]) || ymd[0] < 1800 || ymd[0] > 2200) continue;
    if (!best || m.index < best.index) best = { index: m.index, value: formatYmd({ year: ymd[0], month: ymd[1], day: ymd[2] }) };
  }
  return best?.value;
}
