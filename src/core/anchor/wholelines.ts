/**
 * Lines that stand verbatim exactly once in the old text and exactly once in the new one: the same
 * line, wherever it went (a table's rows sorted or reversed by another tool, paragraphs of one line
 * moved). The character diff cannot see a move: among rows alike but for their numbers it aligns
 * one row's words with another's ("the company reported" of record 42 on record 17's), so that
 * rows reversed put most anchors on another row and orphaned the rest, the old text known.
 *
 * Where no line was edited, an anchor whose line stands once in each text is placed on it without
 * a diff. Where lines were edited, a line may also be known by its first or last MIN_LINE units,
 * reading as before up to the quote (rows given a new column), and the diff and the lines can tell
 * two stories: see {@link WholeLines.verdict}.
 */
import { countBefore } from '../bisect';
import type { DiffMap } from './diffmap';
import { agreeAfter, agreeBefore } from './alignment';
import { contextScore } from './match';

/**
 * Lines shorter than this (UTF-16 units) say too little to be told apart ("Yes", "Table 1", a
 * heading): they are left to the diff. Also the length of a line's head and tail keys.
 */
const MIN_LINE = 24;
/** Past this many units from its line's edge a span is not placed by its line's head or tail (each look compares that much text). */
const MAX_EDITED = 4096;
/** How much better the context must agree at the line's place than at the diff's for the two to conflict. */
const CLEARLY = 0.05;

/**
 * What a line is known by: itself, its first MIN_LINE units or its last, or its first or last
 * SHORT_KEY units (a row's number: "Record 00003", which tells a copy of the row whose head was
 * edited after it).
 */
type Key = 'line' | 'head' | 'tail' | 'start' | 'end';
/** The length of the `start` and `end` keys. */
const SHORT_KEY = 12;
/** The longest stretch (UTF-16 units) in which a near copy of a line differs from it (see twinGone). */
const NEAR_EDIT = 32;
/** Gone lines under one pair of ends past which each is taken for a near copy without reading it (see twinGone). */
const MAX_TWINS = 16;

/** Whether line [a, b) of `text` and line [c, d) of `other` differ in one stretch of at most NEAR_EDIT units. */
function nearCopy(text: string, a: number, b: number, other: string, c: number, d: number): boolean {
  const shorter = Math.min(b - a, d - c);
  if (Math.max(b - a, d - c) - shorter > NEAR_EDIT) return false;
  let head = 0;
  while (head < shorter && text.charCodeAt(a + head) === other.charCodeAt(c + head)) head++;
  let tail = 0;
  while (tail < shorter - head && text.charCodeAt(b - 1 - tail) === other.charCodeAt(d - 1 - tail)) tail++;
  return Math.max(b - a, d - c) - head - tail <= NEAR_EDIT;
}

/** One text's lines: their starts, and the starts of the lines each key stands on. */
class Lines {
  readonly starts: number[] = [];
  private readonly tables = new Map<Key, Map<string, number[]>>();

  constructor(readonly text: string) {
    for (let from = 0; ; ) {
      this.starts.push(from);
      const to = text.indexOf('\n', from);
      if (to < 0) break;
      from = to + 1;
    }
  }

  /** The start and end (before its line feed; with `body`, before a carriage return there too) of the line holding offset `at`. */
  around(at: number, body = false): [number, number] {
    const i = countBefore(this.starts.length, (k) => this.starts[k] <= at) - 1;
    const next = this.starts[i + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return [this.starts[i], body && end > this.starts[i] && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end];
  }

  key(from: number, to: number, key: Key): string {
    if (key === 'line') return this.text.slice(from, to);
    const n = key === 'head' || key === 'tail' ? MIN_LINE : SHORT_KEY;
    return key === 'head' || key === 'start' ? this.text.slice(from, from + n) : this.text.slice(to - n, to);
  }

  /** The starts of the lines (of MIN_LINE units or more) known by `k`. */
  all(k: string, key: Key): readonly number[] {
    let table = this.tables.get(key);
    if (!table) {
      this.tables.set(key, (table = new Map()));
      for (let i = 0; i < this.starts.length; i++) {
        const from = this.starts[i];
        const to = i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.length;
        if (to - from < MIN_LINE) continue;
        const x = this.key(from, to, key);
        const list = table.get(x);
        if (list) list.push(from);
        else table.set(x, [from]);
      }
    }
    return table.get(k) ?? [];
  }

  /** Where the line known by `k` starts, when its key stands exactly once. */
  once(k: string, key: Key): number | undefined {
    const at = this.all(k, key);
    return at.length === 1 ? at[0] : undefined;
  }
}

export class WholeLines {
  private readonly old: Lines;
  private readonly now: Lines;
  private reordered?: boolean;
  /** Old lines no longer in the new text, by their first and last SHORT_KEY units (see twinGone). */
  private gone?: Map<string, [number, number][]>;
  /** Per old line start, where that line stands in the new text and by which key (null: nowhere, or in several versions). */
  private readonly forward = new Map<number, { at: number; key: Key } | null>();
  /** Per new line start and key, the start of the old line it is (null: none). */
  private readonly backward = new Map<string, number | null>();

  constructor(oldText: string, newText: string) {
    this.old = new Lines(oldText);
    this.now = new Lines(newText);
  }

  /**
   * The new line that the old line [from, to) is: the only one holding its text, its head or its tail,
   * each of those standing once in the old text (a key the old text holds more than once, such as the
   * last words of rows alike, says nothing). A line copied and then one copy edited is two lines
   * holding its head or tail, or its first or last twelve units: none then (the diff decides, as it
   * did before).
   */
  private lineFor(from: number, to: number): { at: number; key: Key } | undefined {
    let found = this.forward.get(from);
    if (found === undefined) {
      const lines = new Map<number, Key>();
      for (const key of ['line', 'head', 'tail', 'start', 'end'] as const) {
        const k = this.old.key(from, to, key);
        if (this.old.once(k, key) === from) for (const at of this.now.all(k, key)) if (!lines.has(at)) lines.set(at, key);
      }
      // (The short keys only tell of other versions: twelve units say too little to know a line by.)
      const [only] = lines.size === 1 ? lines : [];
      found = only && only[1] !== 'start' && only[1] !== 'end' && !this.twinGone(from, to) ? { at: only[0], key: only[1] } : null;
      this.forward.set(from, found);
    }
    return found ?? undefined;
  }

  /**
   * Whether another old line is a near copy of the old line [from, to) (it begins and ends as this
   * one does, its first and last SHORT_KEY units, and differs from it in one stretch of at most
   * NEAR_EDIT units: a word changed, a typo) and no longer stands in the new text: it may have been
   * edited into this line's text while this one was deleted, so that neither can be told by its
   * lines. Lines of a template that only open and close alike ("The … talks of week 12: … would
   * follow.") are no such copies: one of them edited or deleted says nothing of where the others
   * went, and paragraphs of that kind reversed put names on other paragraphs by the diff's alignment.
   * (The gone lines are listed once for all lines, by their ends; past MAX_TWINS of them under one
   * pair of ends, as in a template's thousands of rows, each counts as a near copy, unread: each
   * line compared with every other took 56 s for 8,000 rows.)
   */
  private twinGone(from: number, to: number): boolean {
    const ends = (lines: Lines, f: number, t: number) => `${lines.key(f, t, 'start')}\u0000${lines.key(f, t, 'end')}`;
    const gone = (f: number, t: number) => this.now.all(this.old.key(f, t, 'line'), 'line').length === 0;
    if (!this.gone) {
      this.gone = new Map();
      const { starts, text } = this.old;
      for (let i = 0; i < starts.length; i++) {
        const f = starts[i];
        const t = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
        if (t - f < MIN_LINE || !gone(f, t)) continue;
        const k = ends(this.old, f, t);
        const list = this.gone.get(k);
        if (list) list.push([f, t]);
        else this.gone.set(k, [[f, t]]);
      }
    }
    const twins = this.gone.get(ends(this.old, from, to)) ?? [];
    if (twins.length - (gone(from, to) ? 1 : 0) > MAX_TWINS) return true;
    return twins.some(([f, t]) => f !== from && nearCopy(this.old.text, from, to, this.old.text, f, t));
  }

  /**
   * Whether every line of the new text is a line of the old one: lines sorted, moved, deleted or
   * copied, none edited. Then an anchor whose line stands once in each text is there, with no diff
   * to make (2,000 rows reversed took 2.2 s to diff).
   */
  onlyOldLines(): boolean {
    if (this.reordered === undefined) {
      const old = new Set(this.old.text.split('\n'));
      this.reordered = this.now.text.split('\n').every((line) => old.has(line));
    }
    return this.reordered;
  }

  /** Where the old span [s, e) is in the new text, when its line stands once in each text, verbatim (UTF-16 offsets). */
  place(s: number, e: number): number | undefined {
    const [from, to] = this.old.around(s);
    const line = e <= to && to - from >= MIN_LINE ? this.lineFor(from, to) : undefined;
    return line?.key === 'line' ? line.at + (s - from) : undefined;
  }

  /**
   * Where the old span [s, e) is in the new text by its line (see {@link lineFor}), edited or not:
   * known by its head, it must read as before from its start to the span's end; by its tail, from the
   * span's start to its end.
   */
  private placeEdited(s: number, e: number): number | undefined {
    const [from, to] = this.old.around(s);
    const line = e <= to && to - from >= MIN_LINE ? this.lineFor(from, to) : undefined;
    if (!line) return undefined;
    if (line.key === 'line') return line.at + (s - from);
    const text = this.now.text;
    if (line.key === 'head') return e - from <= MAX_EDITED && text.startsWith(this.old.text.slice(from, e), line.at) ? line.at + (s - from) : undefined;
    const end = this.now.around(line.at)[1] - (to - s);
    return to - s <= MAX_EDITED && text.startsWith(this.old.text.slice(s, to), end) ? end : undefined;
  }

  /**
   * Whether new offset `at` lies on a line that stands once in each text, or is known there by its head
   * or tail (edited since), and was another old line than the one holding old offset `s`.
   */
  private another(s: number, at: number, edited = true): boolean {
    const [from, to] = this.now.around(at);
    if (to - from < MIN_LINE) return false;
    const oldLine = (key: Key) => {
      const memo = `${key}${from}`;
      let old = this.backward.get(memo);
      if (old === undefined) {
        const k = this.now.key(from, to, key);
        old = this.now.once(k, key) === from ? (this.old.once(k, key) ?? null) : null;
        this.backward.set(memo, old);
      }
      return old;
    };
    const old = oldLine('line') ?? (edited ? (oldLine('head') ?? oldLine('tail')) : null);
    return old !== null && old !== this.old.around(s)[0];
  }

  /**
   * The old span [s, e), which the diff put at `mapped`, weighed against its line (see {@link lineFor}:
   * at `at`, the line known and reading as before up to the quote):
   * - `{ at }` when the diff put the quote intact on another old line standing verbatim once in each
   *   text (it took a row for another), or misaligned a repeated word of the very line, or lost the quote
   *   while the line's place holds no other old mention that may have come there (rows reordered), and the
   *   old text agrees no less far on either side, within the lines, at the line's place (a numbered list
   *   renumbered puts another item's number, and so its head, on a line whose words after it differ);
   * - `{ ambiguous }` when the diff put it intact on such a line and the line's place reads worse, or the
   *   line is edited where the quote was (nothing to offer), or the old context agrees clearly better at the line's place than at
   *   the diff's (a row copied and the original edited; rows reordered and edited): an orphan offering it;
   * - undefined otherwise, the diff deciding as before: its place reads as well (a near copy of the line
   *   edited into it, a sentence that was also a line of its own), or the line's place is text it
   *   inserted (a copy pasted whole) or took from the quote's own old place, or from another old line that
   *   reads there more as before than the quote's own (an item of a numbered list renumbered).
   */
  verdict(diff: DiffMap, s: number, e: number, mapped: { start: number; intact: boolean }, oldPrefix: string, oldSuffix: string): { at: number } | { ambiguous: number | undefined } | { lost: true } | undefined {
    const at = this.placeEdited(s, e);
    if (at === mapped.start) return undefined;
    const [from, to] = this.old.around(s);
    // (A line's end before its carriage return, if any: a last line without one reads as long as the others.)
    const bodyEnd = this.old.around(s, true)[1];
    const text = this.now.text;
    const lineOf = (p: number) => this.now.around(p)[0];
    // How far the old text around the quote at old offset `q` (its own, s, by default) reads as before at
    // new offset p, on either side, within the lines.
    const sides = (p: number, q = s) => {
      const [f, t] = this.now.around(p, true);
      const [qf, qt] = q === s ? [from, bodyEnd] : this.old.around(q, true);
      const qe = q + e - s;
      return [Math.min(agreeBefore(this.old.text, q, text, p), q - qf, p - f), Math.min(agreeAfter(this.old.text, qe, text, p + e - s), qt - qe, t - (p + e - s))];
    };
    const holds = () => {
      const [atBefore, atAfter] = sides(at!);
      const [mappedBefore, mappedAfter] = sides(mapped.start);
      return atBefore >= mappedBefore && atAfter >= mappedAfter;
    };
    // The diff put the quote intact on another old line: never its place.
    // (Verbatim: a line known by its head may be another item renumbered, "3. The committee agreed".)
    if (mapped.intact && this.another(s, mapped.start, false)) {
      if (at !== undefined) return holds() ? { at } : { ambiguous: at };
      // The quote's own line known elsewhere by its head (edited after it): never the diff's place.
      const line = e <= to && to - from >= MIN_LINE ? this.lineFor(from, to) : undefined;
      if (line && lineOf(mapped.start) === line.at) return undefined;
      if (line && line.key !== 'tail') return { ambiguous: undefined };
      // Known elsewhere by its tail only (edited before it), or not known: the diff lost the quote,
      // its place being another line's (followed if moved, else an orphan), unless the diff's line
      // may be the quote's own: a piece of it around the quote (a paragraph split in two, known by
      // its second part, whose first part was also a line of its own); or, where its line is not
      // known at all, a near copy of it (edited into a copy of that other line, whose own copy
      // went elsewhere). (Before, these were the diff's to decide: paragraphs alike, reversed, one
      // in five edited after its first name, known by their tails alone or by nothing, had their
      // names put on other paragraphs. A near copy is not asked where the line is known: a review
      // found paragraphs alike but for a label, swapped and one edited, put on each other.)
      const [nf, nt] = this.now.around(mapped.start);
      const pieceAt = s - (mapped.start - nf);
      const piece = pieceAt >= from && pieceAt + nt - nf <= to && this.old.text.startsWith(text.slice(nf, nt), pieceAt);
      return piece || (!line && nearCopy(this.old.text, from, to, text, nf, nt)) ? undefined : { lost: true };
    }
    if (at === undefined) return undefined;
    // The old mention the diff took the line's place from, if one.
    const taken = diff.unchangedFrom(at, at + e - s);
    if (taken === s || diff.isInserted(at, at + e - s)) return undefined;
    // Where the diff lost the quote: that mention is on another line known elsewhere by its text or head,
    // not one that may have come there (a paragraph split).
    const elsewhere = () => {
      if (taken === undefined) return true;
      const [f, t] = this.old.around(taken);
      const line = t - f >= MIN_LINE ? this.lineFor(f, t) : undefined;
      return line !== undefined && line.key !== 'tail' && line.at !== lineOf(at);
    };
    if ((mapped.intact ? lineOf(mapped.start) === lineOf(at) : this.another(s, mapped.start) && elsewhere()) && holds()) return { at };
    // The diff took the line's place from another old mention, whose line reads there more as before than
    // the quote's own: a row renumbered after one put in ("37. The shipment … Madrid" was item 36, and
    // item 37's head, "37. The shipment was sen", now opens it). Its head says nothing; the diff decides,
    // where its own place reads as the quote's line as well as the line's place reads as that other
    // line (not a copy of another item pasted over it, nor a copy of the item whose original was edited).
    // (Read no further than the quote's own line reaches on either side: lines of other lengths.)
    const total = ([before, after]: number[]) => Math.min(before, s - from) + Math.min(after, bodyEnd - e);
    if (taken !== undefined && mapped.intact && total(sides(at, taken)) > total(sides(at)) && total(sides(mapped.start)) >= total(sides(at, taken))) return undefined;
    const agree = (p: number) => contextScore(text, p, p + e - s, oldPrefix, oldSuffix) ?? 1;
    return agree(at) > agree(mapped.start) + CLEARLY ? { ambiguous: at } : undefined;
  }
}
