/** Finds an article's own date in its dateline or header. */
import * as chrono from 'chrono-node';
import { formatYmd, isValidDate } from './calendar';
import { MONTH_RE, WEEKDAY_RE, monthOf } from './lexicon';

/** How many lines at the top may hold the dateline. */
const HEAD_LINES = 15;

const DATES: { re: RegExp; ymd(m: RegExpExecArray): [number, number, number] | undefined }[] = [
  { re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g, ymd: (m) => [+m[1], +m[2], +m[3]] },
  { re: /(?<![\d/])(\d{4})\/(\d{2})\/(\d{2})(?!\d)/g, ymd: (m) => [+m[1], +m[2], +m[3]] },
  { re: /(?<![\d])(\d{4})(\d{2})(\d{2})(?!\d)/g, ymd: (m) => [+m[1], +m[2], +m[3]] },
  {
    re: new RegExp(`(?<!\\w)(\\d{1,2})(?:st|nd|rd|th)?\\s(${MONTH_RE}),?\\s(\\d{4})(?!\\d)`, 'g'),
    ymd: (m) => { const mo = monthOf(m[2]); return mo ? [+m[3], mo, +m[1]] : undefined; },
  },
  {
    re: new RegExp(`(?<!\\w)(${MONTH_RE})\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})(?!\\d)`, 'g'),
    ymd: (m) => { const mo = monthOf(m[1]); return mo ? [+m[3], mo, +m[2]] : undefined; },
  },
];

/** What may precede the date on a dateline: a label ("Published:", "Updated on")... */
const LABEL = /^\s*(?:published|posted|updated|last updated|date|dated|filed)\s*:?\s*(?:on\s+)?$/i;
/**
 * ...or a place and agency: capitalised words only ("WASHINGTON (AP) —", "Lisbon,",
 * "SEOUL, South Korea —"), so that a sentence of the story never qualifies.
 */
const CITY = /^\s*[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}(?:,\s*[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,2})?\s*(?:\([A-Za-z. ]+\))?\s*[,:\u2013\u2014_-]*\s*$/;
const WEEKDAY_BEFORE = new RegExp(`${WEEKDAY_RE},?\\s*$`);

function isDatelineStart(before: string): boolean {
  const rest = before.replace(WEEKDAY_BEFORE, '');
  return rest.trim() === '' || LABEL.test(rest) || CITY.test(rest);
}

/** What may follow it: the end of the line, a dash or bracket opening the story, or a time. */
const AFTER = /^\s*(?:$|[,\u2013\u2014|(_-]|T\d|\d{1,2}[:.]\d{2}|by\b)/i;

/**
 * How far into a line a dateline's date may end: a label or a place and agency, then the date
 * ("SEOUL, South Korea (AP) — Thursday, March 2, 2006"). An article whose paragraphs are single
 * lines would otherwise have every paragraph of its head read whole, by chrono too, on each open.
 */
const HEAD_CHARS = 120;

/** The start of a line that may hold its dateline, cut at a space so that no date is cut in two. */
function lineHead(line: string): string {
  if (line.length <= HEAD_CHARS) return line;
  const cut = line.lastIndexOf(' ', HEAD_CHARS);
  return line.slice(0, cut > 0 ? cut : HEAD_CHARS);
}

/** A month's name or abbreviation, or digits separated as in a numeric date. */
const MAY_HOLD_DATE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\s*[/.-]\s*\d/i;

/** A month's name or abbreviation at a word's start, or digits separated as in a numeric date: what a dateline chrono read must hold. */
const WRITTEN_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d\s*[/.-]\s*\d/i;

/** chrono reads relative dates against a reference; datelines are absolute, so any fixed one will do. */
const CHRONO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Other dateline spellings ("Thu, 2 Mar 2006 14:02:11 +0000", "03/02/2006") through chrono's strict parser. */
function chronoDateline(head: string, line: string): string | undefined {
  for (const r of chrono.strict.parse(head, CHRONO_REFERENCE)) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // A dateline names its month or writes the date in figures; chrono also reads "In 5 days" as a
    // certain day, counted from CHRONO_REFERENCE, which is no article's date.
    if (!WRITTEN_DATE.test(r.text)) continue;
    if (!isDatelineStart(line.slice(0, r.index)) || !AFTER.test(line.slice(r.index + r.text.length))) continue;
    const [y, m, d] = [c.get('year')!, c.get('month')!, c.get('day')!];
    if (isValidDate(y, m, d)) return formatYmd({ year: y, month: m, day: d });
  }
  return undefined;
}

/**
 * The article's own date as `YYYY-MM-DD`, from a dateline near the top: a date alone on its line
 * ("02 March 2006"), after a label or a city ("WASHINGTON (AP) — March 2, 2006 —"), or an ISO date.
 * A date inside a sentence of the story is not the article's date. Returns undefined when no
 * dateline is found; never guesses from the clock.
 */
export function detectDocumentDate(text: string): string | undefined {
  const lines = text.split(/\r?\n|\r/, HEAD_LINES);
  for (const line of lines) {
    const head = lineHead(line);
    let best: { index: number; value: string } | undefined;
    for (const p of DATES) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(head); m; m = p.re.exec(head)) {
        const ymd = p.ymd(m);
        if (!ymd || !isValidDate(ymd[0], ymd[1], ymd[2]) || ymd[0] < 1800 || ymd[0] > 2200) continue;
        if (!isDatelineStart(line.slice(0, m.index)) || !AFTER.test(line.slice(m.index + m[0].length))) continue;
        if (!best || m.index < best.index) best = { index: m.index, value: formatYmd({ year: ymd[0], month: ymd[1], day: ymd[2] }) };
      }
    }
    if (best) return best.value;
    // chrono is the slower reader: it is asked only of a line that may hold a full date, with a
    // month's name or a numeric date ("3/2/2006", "02.03.06"); its strict parsers need one of them.
    const other = /\d/.test(head) && MAY_HOLD_DATE.test(head) ? chronoDateline(head, line) : undefined;
    if (other) return other;
  }
  return undefined;
}

/**
 * A date written in a file name, as archives name their articles: `korea-talks-2006-03-02.txt`,
 * `APW19980213.1310.txt` (YYYYMMDD). Undefined when the name holds no valid date.
 */
export function detectDocumentDateFromName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[/\\]/, '');
  const m = /(?<!\d)((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?!\d)/.exec(base);
  if (!m || !isValidDate(+m[1], +m[2], +m[3])) return undefined;
  return formatYmd({ year: +m[1], month: +m[2], day: +m[3] });
}
