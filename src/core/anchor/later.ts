/**
 * What the anchors after a place say of the text between (reanchor.ts, without the old text): an
 * anchor whose quote with its whole stored context occurs once in the new text has moved by as much
 * as the text before it grew or shrank. Of two copies of a passage (echo.ts), the one that agrees
 * with that shift is the anchor's when the other copy was inserted or deleted between ("NEW
 * PROVINCE" pasted into a table, a record deleted); when the shift after is the one before, the
 * copy was in the old text too (a paragraph pasted after itself, then edited), and nobody can tell.
 */

import { findAll, type Pattern } from './findAll';
import { contextScore } from './match';
import { countBefore } from '../bisect';
import { echo, PREDICTION_SLACK } from './echo';

/** An anchor found once with its whole context: where it was stored, how far it moved, and what an echo check needs of it. */
interface Witness {
  at: number;
  shift: number;
  quote: string;
  before: number;
  after: number;
}

/** An anchor as the shifts need it: its stored start (UTF-16 units), quote and context. */
export interface StoredAnchor {
  start: number;
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** Anchors after a place whose shifts are compared (see movedWith). */
const LOOK = 5;
/** Anchors after a place looked at for those LOOK (those with an echo at the prediction are skipped: rows of a table, other pasted paragraphs). */
const SCAN = 64;
/** Characters of context on each side an anchor needs to tell the shift (fewer: a short name's context says little). */
const MIN_SIDE = 16;

/** How far from an anchor's stored start (UTF-16 units) other anchors with its quote may claim a place (see claimed). */
const NEAR_CLAIM = 40_000;
/** Other anchors with the quote that are asked (see claimed). */
const CLAIMS = 64;
/** How much better another anchor's context must agree at a place to claim it (contextScore is 0 to 1). */
const CLAIM_MARGIN = 0.1;

/** The anchors by quote, each list in the order of stored starts. */
function groupByQuote(stored: readonly StoredAnchor[]): Map<string, StoredAnchor[]> {
  const out = new Map<string, StoredAnchor[]>();
  for (const a of stored) {
    const list = out.get(a.quote);
    if (list) list.push(a);
    else out.set(a.quote, [a]);
  }
  return out;
}

export class LaterShifts {
  private byQuote?: Map<string, StoredAnchor[]>;
  private shifts?: Witness[];
  // Each witness's echo at a shift, once: the anchors of one stretch share the shift `far` and
  // look at the same witnesses after them (up to SCAN each, an echo walk of up to MAX_PERIOD each).
  private readonly echoes = new Map<Witness, Map<number, boolean>>();
  // And each witness's echo with one occurrence of its quote, once: anchors whose shifts all differ
  // (paragraphs of different lengths each pasted after itself) ask each witness at shifts of their
  // own, which put it near the same few occurrences; a walk per shift was 2,102 walks of 19,000
  // characters on average for 80 anchors (355 KB, 0.8 s), over 61 distinct witness and occurrence.
  private readonly walks = new Map<Witness, Map<number, boolean>>();

  /** `stored`: the anchors in the order of their stored starts. */
  constructor(
    private readonly text: string,
    private readonly stored: readonly StoredAnchor[],
  ) {}

  /**
   * Whether the anchors stored at or after `from` whose new place is certain moved as `near` did
   * rather than as `far` (the shift before: where the text after them would stand had nothing been
   * inserted or deleted): two at least of the first LOOK, and none as `far`. An anchor found away
   * from where `far` puts it, with an echo of its place there (echo.ts), is no witness: it may be
   * in another pasted paragraph whose first copy was edited, found once on the copy, or a row of a
   * table; the next ones are looked at instead (up to SCAN), the text after the table among them.
   */
  movedWith(from: number, near: number, far: number): boolean {
    const shifts = (this.shifts ??= this.find());
    const lo = countBefore(shifts.length, (i) => shifts[i].at < from);
    let forNear = 0;
    let forFar = 0;
    let looked = 0;
    for (const w of shifts.slice(lo, lo + SCAN)) {
      if (this.echoed(w, far)) continue;
      const dn = Math.abs(w.shift - near);
      const df = Math.abs(w.shift - far);
      if (dn * 4 <= df) forNear++;
      else if (df * 4 <= dn) forFar++;
      if (++looked === LOOK) break;
    }
    return forNear >= 2 && forFar === 0;
  }

  /** Whether the witness `w`, placed away from where the shift `far` puts it, has an echo of its place there (see movedWith). */
  private echoed(w: Witness, far: number): boolean {
    let known = this.echoes.get(w);
    if (!known) this.echoes.set(w, (known = new Map()));
    let seen = known.get(far);
    if (seen === undefined) known.set(far, (seen = this.echoedNow(w, far)));
    return seen;
  }

  private echoedNow(w: Witness, far: number): boolean {
    const { text } = this;
    const place = w.at + w.shift;
    const predicted = w.at + far;
    if (Math.abs(place - predicted) <= PREDICTION_SLACK) return false;
    for (let y = text.indexOf(w.quote, Math.max(0, predicted - PREDICTION_SLACK)); y >= 0 && y <= predicted + PREDICTION_SLACK; y = text.indexOf(w.quote, y + 1)) {
      if (y !== place && this.echoWith(w, y)) return true;
    }
    return false;
  }

  /** Whether the text around the witness's place is the text around `y` (an occurrence of its quote) again, edited: {@link echo}, once per witness and occurrence. */
  private echoWith(w: Witness, y: number): boolean {
    let known = this.walks.get(w);
    if (!known) this.walks.set(w, (known = new Map()));
    let seen = known.get(y);
    if (seen === undefined) known.set(y, (seen = echo(this.text, y, w.at + w.shift, w.before, w.quote.length + w.after)));
    return seen;
  }

  /**
   * Whether the quote at new offset `p` is another anchor's: one stored with the same quote near
   * `s` (within NEAR_CLAIM, the CLAIMS nearest) whose context agrees there better than `a`'s own
   * (rows of a table reordered: the record now at the predicted place is that record's, not a copy
   * of the anchor's passage), and better than where it stands had it moved as the anchor did to
   * `c`, its choice, unless that is `p` (a record deleted before both). (Else it is in that copy
   * too, and agrees at `p` only as its passage's other copy does: a name deleted in the edited copy
   * of a pasted paragraph, next to the same name, would be claimed by it.)
   */
  claimed(p: number, c: number, a: Pick<StoredAnchor, 'quote' | 'prefix' | 'suffix'>, s: number): boolean {
    const same = (this.byQuote ??= groupByQuote(this.stored)).get(a.quote) ?? [];
    const end = p + a.quote.length;
    const own = contextScore(this.text, p, end, a.prefix, a.suffix) ?? 0;
    // The nearest first, walking out both ways from `s` (from one end, a long table's first CLAIMS
    // rows would be asked, never the rows next to the anchor's).
    let lo = countBefore(same.length, (i) => same[i].start < s) - 1;
    let hi = lo + 1;
    for (let n = 0; n < CLAIMS; n++) {
      const back = lo >= 0 && s - same[lo].start <= NEAR_CLAIM ? s - same[lo].start : Infinity;
      const ahead = hi < same.length && same[hi].start - s <= NEAR_CLAIM ? same[hi].start - s : Infinity;
      if (back === Infinity && ahead === Infinity) break;
      const b = back <= ahead ? same[lo--] : same[hi++];
      if (b.start === s) continue;
      const there = contextScore(this.text, p, end, b.prefix, b.suffix) ?? 0;
      const moved = b.start + c - s;
      if (there > own + CLAIM_MARGIN && (moved === p || there > this.agrees(b, moved))) return true;
    }
    return false;
  }

  /** How well the anchor `b`'s context agrees at new offset `q` (0 where its quote is not there). */
  private agrees(b: StoredAnchor, q: number): number {
    return q >= 0 && this.text.startsWith(b.quote, q) ? (contextScore(this.text, q, q + b.quote.length, b.prefix, b.suffix) ?? 0) : 0;
  }

  /** Every anchor whose quote with its whole context occurs once: found together in one pass (findAll.ts), on first need only. */
  private find(): Witness[] {
    const keys: Pattern[] = [];
    const cand: StoredAnchor[] = [];
    // Stored context holds the line breaks of the text it was taken from: where the text's line
    // endings all changed since (an LF file checked out with CRLF), they are read as the text's, or
    // no anchor whose context spans a line would be found, and no row of a table be a witness.
    const eol = lineEndings(this.text);
    for (const stored of this.stored) {
      const a = { ...stored, prefix: eol(stored.prefix ?? ''), suffix: eol(stored.suffix ?? '') };
      const pre = a.prefix;
      const suf = a.suffix;
      if (!a.quote || pre.length < MIN_SIDE || suf.length < MIN_SIDE) continue;
      cand.push(a);
      // (Hashed by the end nearest the quote, as in order.ts: far ends are shared by many.)
      keys.push({ text: pre + a.quote, window: 'end' }, { text: a.quote + suf, window: 'start' });
    }
    const found = findAll(this.text, keys, 2);
    const out: Witness[] = [];
    cand.forEach((a, k) => {
      const before = found.get(keys[2 * k].text)!;
      const after = found.get(keys[2 * k + 1].text)!;
      const pre = (a.prefix ?? '').length;
      if (before.length === 1 && after.length === 1 && before[0] + pre === after[0]) out.push({ at: a.start, shift: after[0] - a.start, quote: a.quote, before: pre, after: (a.suffix ?? '').length });
    });
    return out;
  }
}

/** Line breaks of stored context as the text's own: CRLF where the text has only CRLF, LF where it has only LF; as stored where it mixes them. */
function lineEndings(text: string): (s: string) => string {
  const crlf = text.includes('\r\n');
  const lf = /(^|[^\r])\n/.test(text);
  if (crlf && !lf) return (s) => s.replace(/\r?\n/g, '\r\n');
  if (lf && !crlf) return (s) => s.replace(/\r\n/g, '\n');
  return (s) => s;
}
