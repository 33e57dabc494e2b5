/**
 * The sentences of a text, kept as fingerprints in the sidecar (`document.sentences`), so that
 * re-anchoring can tell which copy of a copied sentence an annotation was on when the old text is
 * gone (a sidecar written on another machine, on an article git does not have).
 *
 * A text is cut after each sentence end followed by spaces or tabs and at each run of line breaks.
 * Each piece is stored as the length in code points and the 32-bit FNV-1a hash of its UTF-16 units,
 * in base 36, of its words ("2c.1x3f9kq"), then the spaces or breaks after them unless that is one
 * space ("_nn": two line feeds; "_": none, at the end); space-separated. About 10 bytes a sentence,
 * 0.4 KB for a 5 KB article.
 *
 * The old text is rebuilt from them ({@link rebuiltText}): a sentence whose words the new text still
 * holds, anywhere, gives its words (each copy the old text had too); the anchors give their quotes
 * and contexts in the others; the rest is a character that matches nothing. Re-anchoring reads it as
 * the old text, so the diff tells the original of a copied sentence, between its old neighbours,
 * from the copy ({@link reanchorBySentences}).
 */

import { countBefore } from '../bisect';
import { reanchor } from './reanchor';
import { UNKNOWN } from './sentence';
import type { AnchorQuery, Orphan, Placement, ReanchorOptions, ReanchorResult } from './types';

/**
 * A sentence end (with closing quotes or brackets) and the spaces after it, or a run of line breaks;
 * the spaces or breaks are captured. (Bounded: a longer run goes on in the next piece.)
 */
const CUT = /[.!?…]["'”’)\]]*([ \t]{1,32})|((?:\r?\n){1,16})/g;

function fnv1a(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function codePoints(text: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A sentence of the text and the spaces or line breaks after it. */
interface Piece {
  /** UTF-16 offsets of its words in the text it was cut from (new text only). */
  from: number;
  to: number;
  /** Its words' fingerprint: length in code points and hash, without the spaces after them, so that a sentence is found again whatever follows it. */
  key: string;
  /** The spaces or line breaks after it, as stored: nothing for one space, else `_` and one letter each (s, t, r, n; none at the text's end). */
  after: string;
}

const SPACE_LETTER: Record<string, string> = { ' ': 's', '\t': 't', '\r': 'r', '\n': 'n' };
const LETTER_SPACE: Record<string, string> = { s: ' ', t: '\t', r: '\r', n: '\n' };

/** The text's sentences; past {@link MAX_PIECES}, no more are cut (the caller refuses such a text). */
function piecesOf(text: string): Piece[] {
  const out: Piece[] = [];
  const piece = (from: number, to: number, space: string) => {
    const key = `${codePoints(text, from, to).toString(36)}.${fnv1a(text, from, to).toString(36)}`;
    out.push({ from, to, key, after: space === ' ' ? '' : `_${[...space].map((c) => SPACE_LETTER[c]).join('')}` });
  };
  let from = 0;
  CUT.lastIndex = 0;
  for (let m; out.length <= MAX_PIECES && (m = CUT.exec(text)); ) {
    const space = m[1] ?? m[2];
    const to = m.index + m[0].length - space.length;
    piece(from, to, space);
    from = m.index + m[0].length;
  }
  if (from < text.length && out.length <= MAX_PIECES) piece(from, text.length, '');
  return out;
}

/** The fingerprints of `text`'s sentences, as stored in `document.sentences` (none for a text of over {@link MAX_PIECES}). */
export function sentenceFingerprints(text: string): string | undefined {
  const pieces = piecesOf(text);
  return pieces.length && pieces.length <= MAX_PIECES ? pieces.map((p) => p.key + p.after).join(' ') : undefined;
}

/** A line feed with no line break next to it: a re-wrapped line's end (see rebuiltText). */
const LONE_LINE_FEED = /(?<![\r\n])\n(?![\r\n])/g;

/** Stored lists are read only up to this many sentences (a hostile sidecar; 1 MB of news is about 9,000). */
const MAX_PIECES = 60000;
const KEY = /^([0-9a-z]{1,7})\.[0-9a-z]{1,7}(?:_([strn]{0,32}))?$/;
/**
 * Nor is an old text rebuilt longer than twice the new one and this many code points, nor one with
 * more text unknown than this and an eighth of the new text's length: where the two texts share
 * nothing, the character diff runs to its time limit (a hostile list of 1,000 long sentences took
 * 1.5 s; a 1 MB article cut back to 300 KB, 3.5 s), and re-anchoring without the old text is then
 * as good and much quicker.
 */
const MAX_MORE = 65_536;
const MAX_UNKNOWN = 8192;

/**
 * The old text as well as `fingerprints` (of the old text) and the anchors (made on it) tell it:
 * each old sentence whose words `newText` holds anywhere is copied from there (the first place
 * they stand: the same words either way); each anchor's prefix, quote and suffix are written at
 * their stored places (code points); the rest is {@link UNKNOWN}. Undefined when the list is
 * malformed, too long, or disagrees with the anchors (an anchor beyond its end, or a quote or
 * context that differs from a sentence the list says is unchanged: the list belongs to another
 * version of the text, or two sentences share a fingerprint).
 */
export function rebuiltText(fingerprints: string, newText: string, anchors: readonly AnchorQuery[]): Rebuilt | undefined {
  const keys = fingerprints.split(' ');
  if (keys.length > MAX_PIECES) return undefined;
  // The text of every sentence the new text holds, by fingerprint: an old sentence found anywhere in
  // it (in place, moved, or copied) is known whole, and so is each copy of it the old text had.
  const pieces = piecesOf(newText);
  if (pieces.length > MAX_PIECES) return undefined;
  const known = new Map<string, Piece>();
  // How often each sentence is in the new text and in the old one.
  const inNew = new Map<string, number>();
  const inOld = new Map<string, number>();
  for (const p of pieces) {
    if (!known.has(p.key)) known.set(p.key, p);
    inNew.set(p.key, (inNew.get(p.key) ?? 0) + 1);
  }
  // A sentence re-wrapped since (a single line break where it had a space) is cut at its breaks and
  // found by none of its pieces: its words are read in the new text with each lone line feed taken
  // for a space, character for character, so offsets stay the new text's and the words the old
  // sentence's (eval:anchoring, mixed edits at ten: 96 of 240 names orphaned with the fingerprints
  // were placed right with the old text, nearly all in re-wrapped sentences).
  const flat = newText.includes('\n') ? newText.replace(LONE_LINE_FEED, ' ') : undefined;
  const flatText = new Map<string, string>();
  if (flat !== undefined) {
    // (Counted as the more of the two readings: a copy left unwrapped is one, the re-wrapped
    // original another; a heading's line joined to the next by the flat reading is still counted.)
    const inFlat = new Map<string, number>();
    for (const p of piecesOf(flat)) {
      inFlat.set(p.key, (inFlat.get(p.key) ?? 0) + 1);
      if (known.has(p.key)) continue;
      known.set(p.key, p);
      flatText.set(p.key, flat.slice(p.from, p.to));
    }
    for (const [key, n] of inFlat) if (n > (inNew.get(key) ?? 0)) inNew.set(key, n);
  }
  const segments: Segment[] = [];
  let total = 0;
  let unknown = 0;
  for (const token of keys) {
    const m = KEY.exec(token);
    if (!m) return undefined;
    const words = parseInt(m[1], 36);
    const after = m[2] === undefined ? ' ' : [...m[2]].map((c) => LETTER_SPACE[c]).join('');
    const key = m[2] === undefined ? token : token.slice(0, token.indexOf('_'));
    const p = known.get(key);
    inOld.set(key, (inOld.get(key) ?? 0) + 1);
    segments.push({ index: segments.length, start: total, length: words + after.length, words, after, key, text: p && (flatText.get(key) ?? newText.slice(p.from, p.to)) + after });
    total += words + after.length;
    if (!p) unknown += words;
    // (A hostile list could describe a text of billions of characters.)
    if (total > MAX_MORE + 2 * newText.length || unknown > MAX_UNKNOWN + newText.length / 8) return undefined;
  }
  // Between which places of the new text each old sentence must be, if the text kept its order: after
  // the nearest sentence before it, and before the nearest after it, that both texts hold once.
  const once = (seg: Segment) => inOld.get(seg.key) === 1 && inNew.get(seg.key) === 1;
  const afterFound = new Array<number>(segments.length);
  const beforeFound = new Array<number>(segments.length);
  for (let k = 0, last = 0; k < segments.length; k++) {
    afterFound[k] = last;
    if (once(segments[k])) last = known.get(segments[k].key)!.to;
  }
  for (let k = segments.length - 1, next = newText.length; k >= 0; k--) {
    beforeFound[k] = next;
    if (once(segments[k])) next = known.get(segments[k].key)!.from;
  }
  /** The segment holding code point `cp` (0 <= cp < total). */
  const at = (cp: number) => segments[countBefore(segments.length, (i) => segments[i].start <= cp) - 1];
  /** Each code point of [from, from + chars.length) with the segment holding it. */
  const each = (from: number, chars: string[], fn: (seg: Segment, i: number, ch: string) => boolean) => {
    for (let n = 0; n < chars.length; n++) {
      const cp = from + n;
      if (cp < 0 || cp >= total) continue;
      const seg = at(cp);
      if (!fn(seg, cp - seg.start, chars[n])) return false;
    }
    return true;
  };
  const unsure = new Map<string, { from: number; to: number; edited: boolean }>();
  for (const a of anchors) {
    if (a.end > total || a.start < 0 || a.end < a.start) return undefined;
    const quote = [...(a.quote ?? '')];
    if (quote.length !== a.end - a.start) return undefined;
    // Whether the quote or its context lies on a sentence not found again (edited since), and the
    // sentences the quote lies on, first and last (a quote may cross a cut: "U.S. Marine Corps").
    let doubt = false;
    let edited = false;
    let first = segments.length;
    let last = -1;
    const fits = each(a.start, quote, (seg, i, ch) => {
      first = Math.min(first, seg.index);
      last = Math.max(last, seg.index);
      if (seg.text === undefined && i >= seg.words) return seg.after[i - seg.words] === ch;
      if (seg.text === undefined) {
        doubt = edited = true;
        (seg.chars ??= unknownChars(seg))[i] = ch;
        return true;
      }
      // A quote that differs from a sentence found unchanged: the list is of another version.
      return (seg.known ??= [...seg.text])[i] === ch;
    });
    if (!fits) return undefined;
    // (Its context too: "Anheuser-Busch Cos." is a sentence of its own by its full stop, and the
    // rest of its sentence, edited, is what tells the original from a copy.)
    const context = (seg: Segment, i: number, ch: string) => {
      if (seg.text !== undefined) return (seg.known ??= [...seg.text])[i] === ch;
      if (i < seg.words) {
        doubt = true;
        (seg.chars ??= unknownChars(seg))[i] = ch;
      }
      return true;
    };
    const prefix = [...(a.prefix ?? '')];
    if (!each(a.start - prefix.length, prefix, context) || !each(a.end, [...(a.suffix ?? '')], context)) return undefined;
    if (doubt && last >= 0) unsure.set(a.id, { from: afterFound[first], to: beforeFound[last], edited });
  }
  const text = segments.map((seg) => seg.text ?? seg.chars?.join('') ?? UNKNOWN.repeat(seg.words) + seg.after).join('');
  return { text, unsure };
}

function unknownChars(seg: Segment): string[] {
  return [...UNKNOWN.repeat(seg.words), ...seg.after];
}

/** One sentence of the old text: its text when the new text holds it, else what the anchors tell of it. */
interface Segment {
  index: number;
  key: string;
  /** Code points. */
  start: number;
  length: number;
  /** Code points of its words, then the spaces after them (`after`, known even when the words are not). */
  words: number;
  after: string;
  text?: string;
  /** `text`'s code points, once needed. */
  known?: string[];
  /** The anchors' quotes and contexts in a sentence not found, the rest {@link UNKNOWN}. */
  chars?: string[];
}

/** The old text rebuilt ({@link rebuiltText}), and the anchors on text of it that no sentence told (edited since). */
export interface Rebuilt {
  text: string;
  /**
   * Anchors whose quote or context lies on a sentence not found again, by id, with where in the
   * new text their sentence must be if the text kept its order (UTF-16): between the nearest
   * sentences before and after it that both texts hold once; `edited` when the quote itself does.
   */
  unsure: Map<string, { from: number; to: number; edited: boolean }>;
}

/**
 * Re-anchors with the old text rebuilt from its sentences' fingerprints ({@link rebuiltText});
 * undefined when they cannot be used. An anchor on a sentence edited since is known there only by
 * its own quote and context, so it is checked against re-anchoring without the old text (below).
 */
export function reanchorBySentences(fingerprints: string, newText: string, anchors: readonly AnchorQuery[], options: ReanchorOptions = {}): ReanchorResult | undefined {
  // (The fingerprints count code points, as the sidecar does.)
  const rebuilt = options.units === 'utf16' ? undefined : rebuiltText(fingerprints, newText, anchors);
  if (!rebuilt) return undefined;
  const first = reanchor(rebuilt.text, newText, anchors, options);
  if (!rebuilt.unsure.size) return first;
  // Of an anchor on a sentence edited since, the rebuilt text holds only its quote and context,
  // and the diff may align that with a near copy standing next to it: such a place does not stand
  // when re-anchoring without any old text puts the anchor elsewhere or finds it ambiguous. (A move
  // was refused too until a move had to bring along 24 characters of its old surroundings, MIN_MOVED
  // in alignment.ts: "Operating" of a deleted paragraph "Operating profit in the company's
  // abrasives segment rose…" had been moved onto "Operating profit for the abrasives…" before it,
  // eval:anchoring, seed 7, mixed; that rule prevents it now, and no case needed this one.)
  const plain = reanchor(undefined, newText, anchors, options);
  const second = new Map(plain.placed.map((p) => [p.id, p]));
  const alone = new Map(plain.orphans.map((o) => [o.id, o]));
  const placed: Placement[] = [];
  const orphans: Orphan[] = [];
  for (const p of first.placed) {
    const other = second.get(p.id);
    const doubt = other ? other.start !== p.start || other.end !== p.end : alone.get(p.id)?.reason === 'ambiguous';
    if (!rebuilt.unsure.has(p.id) || !doubt) placed.push(p);
    else orphans.push({ id: p.id, reason: alone.get(p.id)?.reason === 'deleted' ? 'deleted' : 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: newText.slice(p.start, p.end), score: p.score } });
  }
  for (const o of first.orphans) {
    // An orphan on a sentence edited since (the diff called it deleted where its words were
    // re-wrapped or edited beside it) takes what re-anchoring without the old text finds, but only
    // between the sentences that stood before and after its own and are still there: a place
    // elsewhere is another mention (its own sentence may have been deleted whole).
    // (Not a quote on a sentence found again, its context on one edited or deleted: "Ms." is a
    // sentence of its own by its full stop, and the rest of a deleted "Ms. Atimadi says …" is no
    // reason to look for it elsewhere.)
    const p = second.get(o.id);
    const between = rebuilt.unsure.get(o.id);
    if (p && between?.edited && p.start >= between.from && p.end <= between.to) placed.push(p);
    else orphans.push(o);
  }
  return { placed, orphans };
}


