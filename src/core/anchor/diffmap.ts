/** Maps positions of an old text to a new one through a character diff (diff-match-patch). */

import { diff_match_patch, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, type Diff } from 'diff-match-patch';
import { countBefore } from '../bisect';
import { lineDiff, MIN_KEPT_BY_LINES, MIN_SHARED_LINES, sharedLineShare, unchanged, paragraphDiff } from './linediff';

/** One run of the diff: equal text, text only in the old version, or only in the new one. */
interface Run {
  op: number;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** A diff between two texts, queried by old positions. */
export class DiffMap {
  private readonly runs: Run[] = [];
  /** Runs of inserted text, by new position (to tell moved text from text that was there). */
  private readonly inserts: Run[] = [];
  /**
   * The diff was made character by character (texts up to CHARACTER_DIFF_MAX, edits up to
   * CHARACTER_DIFF_EDIT): as small as diff-match-patch finds it, so a copy it calls inserted is one that costs more to align with the
   * old text than the text it kept (but for ties next to it: {@link slides}).
   */
  readonly minimal: boolean;
  /** The diff ran out of time and the line diff ({@link lineDiff}), which kept more text unchanged, took its place. */
  readonly timedOut: boolean;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    timeoutSeconds = 4,
  ) {
    const dmp = new diff_match_patch();
    // Character by character, not first line by line (the speed-up diff-match-patch documents as
    // "slightly less optimal"): on an article made of copies of its sentences, the line pass kept a
    // copy of a sentence in place of the original, deleting two other sentences to do it, and
    // every name of the sentence went onto the copy. On long texts with many edits the character
    // diff is much slower (400 KB, 100 edits: 1.1 s against 25 ms), so they keep the line pass.
    // On an article with many paragraphs moved it took 0.4-4 s where the line pass takes
    // milliseconds, and re-anchoring runs on the extension host. Its cost grows with the square of
    // the edit's size, so the edit is sized first, deterministically (a diff of whole sentences:
    // milliseconds), and only an edit within CHARACTER_DIFF_EDIT characters gets the character
    // diff. (A time budget made the choice depend on the machine's load.) The timeout stays as a
    // last resort only: within that size the character diff takes well under 0.2 s (a 19.5 KB
    // article with paragraphs moved); a timeout above zero also keeps diff-match-patch's half-match
    // speed-up, which it turns off without one.
    const characters = Math.min(oldText.length, newText.length) <= CHARACTER_DIFF_MAX && sentenceEditSize(oldText, newText) <= CHARACTER_DIFF_EDIT;
    dmp.Diff_Timeout = timeoutSeconds;
    // (The clock diff-match-patch reads for its deadline, so that this says whether it gave up.)
    const started = new Date().getTime();
    let diffs = dmp.diff_main(oldText, newText, !characters);
    // Past its time limit diff-match-patch calls the rest of a block deleted and inserted whole,
    // and every anchor in it goes looking for a copy of its text: with half of a 1.6 MB text's
    // paragraphs deleted, 1,117-1,944 anchors of deleted paragraphs went onto the kept copies of
    // the same paragraphs (a corpus read twice). A diff of whole lines alone still pairs them; of
    // the two, the one that keeps more text unchanged stands (a longer common subsequence is nearer
    // the minimal diff). Where every line was re-wrapped, what the limit left keeps more. And only
    // where it keeps most of the text: where most of it moved (paragraphs reversed), the lines it
    // pairs among repeated passages are as arbitrary as the blocks the limit left whole, which at
    // least only orphan (1 MB reversed: 21 anchors on the other copy of their paragraph, against 1).
    const gaveUp = timeoutSeconds > 0 && new Date().getTime() - started >= timeoutSeconds * 1000;
    // Where lines were re-wrapped, a diff of paragraphs whitespace apart stands in the same way,
    // when it keeps clearly more than the diff of lines (PARAGRAPHS_MARGIN): where both keep about
    // as much, the lines' stands, as measured before (1 MB of the corpus with paragraphs pasted and
    // moved: the paragraphs' kept 1.4 % more and put 5 anchors on another copy of their text, 2
    // fewer on pasted copies).
    let fallback: Diff[] | undefined;
    let kept = 0;
    if (gaveUp) {
      const lines = sharedLineShare(oldText, newText) >= MIN_SHARED_LINES ? lineDiff(dmp, oldText, newText) : undefined;
      const byLines = lines ? unchanged(lines) : 0;
      // (Not made where it could not keep enough more: 0.2-0.4 s at 1 MB.)
      const paragraphs = byLines + PARAGRAPHS_MARGIN * newText.length < newText.length ? paragraphDiff(dmp, oldText, newText) : undefined;
      const byParagraphs = paragraphs ? unchanged(paragraphs) : 0;
      [fallback, kept] = byParagraphs > byLines + PARAGRAPHS_MARGIN * newText.length ? [paragraphs, byParagraphs] : [lines, byLines];
    }
    this.timedOut = fallback !== undefined && kept > unchanged(diffs) && kept >= MIN_KEPT_BY_LINES * newText.length;
    if (this.timedOut) diffs = fallback!;
    this.minimal = characters && !gaveUp;
    // Coincidental equalities of a few letters would split a deleted name into pieces. (The
    // semantic cleanup goes further and folds whole unchanged sentences between two edits into
    // the edit, which would orphan their annotations.)
    dmp.diff_cleanupEfficiency(diffs);
    // A deletion next to text it repeats can sit in several places: removing "Mr. A said. " before
    // "Mr. B said." may be aligned as removing "A said. Mr. " instead, which would leave the first
    // "Mr" on the second one. The deletion is slid onto the best boundary (paragraph, line,
    // sentence, word), where people's edits start and end.
    dmp.diff_cleanupSemanticLossless(diffs);
    let o = 0;
    let n = 0;
    for (const [op, text] of diffs) {
      const run: Run = { op, oldStart: o, oldEnd: o, newStart: n, newEnd: n };
      if (op !== DIFF_INSERT) run.oldEnd = o += text.length;
      if (op !== DIFF_DELETE) run.newEnd = n += text.length;
      this.runs.push(run);
      if (op === DIFF_INSERT) this.inserts.push(run);
    }
  }

  /**
   * Where the old span [start, end) went. `intact` when all its characters survived unchanged
   * with nothing inserted among them; `equal` counts the characters that survived. A start in
   * deleted text goes to where the deletion was; an end in deleted text goes past any text that
   * replaced it (as the tracker does for live edits). `run` is the length of the unchanged
   * stretch the span starts in.
   */
  mapSpan(start: number, end: number): { start: number; end: number; equal: number; intact: boolean; run: number } {
    let equal = 0;
    let insertedInside = false;
    let deleted = '';
    for (let r = this.runAt(start); r < this.runs.length && this.runs[r].oldStart < end; r++) {
      const run = this.runs[r];
      if (run.op === DIFF_INSERT) insertedInside = true;
      else if (run.op === DIFF_EQUAL) equal += Math.min(end, run.oldEnd) - Math.max(start, run.oldStart);
      else deleted += this.oldText.slice(Math.max(start, run.oldStart), Math.min(end, run.oldEnd));
    }
    const newStart = this.mapPoint(start);
    let newEnd = newStart;
    if (end > start) {
      let r = this.runAt(end - 1);
      const run = this.runs[r];
      if (run.op === DIFF_EQUAL) newEnd = run.newStart + (end - run.oldStart);
      else {
        while (r + 1 < this.runs.length && this.runs[r + 1].op !== DIFF_EQUAL) r++;
        newEnd = this.runs[r].newEnd;
      }
    }
    if (deleted && end > start) newEnd = this.wordEndAfter(end, newEnd, deleted);
    const first = this.runs[this.runAt(start)];
    const run = first && first.op === DIFF_EQUAL ? first.oldEnd - first.oldStart : 0;
    return { start: newStart, end: Math.max(newStart, newEnd), equal, intact: equal === end - start && !insertedInside, run };
  }

  /**
   * A span that ended a word and lost letters inside: the same letters inserted right after its new
   * end, before the word's end, are a letter moved within its word. Two letters swapped at a name's
   * end ("Collins" typed "Collisn") are to the diff a letter deleted inside the span and the same
   * one inserted just after it; without this the span lost its last letter ("Collis"). Other
   * letters there are another word or a suffix ("Hamltonian", a particle after a Han name): the end
   * stays.
   */
  private wordEndAfter(end: number, newEnd: number, deleted: string): number {
    if (!WORD.test(this.oldText[end - 1] ?? '') || WORD.test(this.oldText[end] ?? '')) return newEnd;
    const r = this.runAt(end - 1);
    if (this.runs[r]?.op !== DIFF_EQUAL || this.runs[r].oldEnd !== end) return newEnd;
    const next = this.runs[r + 1];
    if (next?.op !== DIFF_INSERT || next.newStart !== newEnd) return newEnd;
    const inserted = this.newText.slice(next.newStart, next.newEnd);
    return inserted === deleted && !WORD.test(this.newText[next.newEnd] ?? '') ? next.newEnd : newEnd;
  }

  /** New position of an old offset (a deleted one maps to where the deletion was). */
  mapPoint(offset: number): number {
    const run = this.runs[this.runAt(offset)];
    if (!run) return this.runs.length ? this.runs[this.runs.length - 1].newEnd : 0;
    if (run.op === DIFF_EQUAL) return run.newStart + offset - run.oldStart;
    return run.newStart;
  }

  /** The old range of deleted text around an offset: the deleted runs touching it, merged. */
  deletedBlock(offset: number): { start: number; end: number } | undefined {
    let r = this.runAt(offset);
    const at = (k: number) => this.runs[k] && this.runs[k].op !== DIFF_EQUAL;
    if (!at(r)) return undefined;
    let first = r;
    while (first > 0 && at(first - 1)) first--;
    while (at(r + 1)) r++;
    return { start: this.runs[first].oldStart, end: this.runs[r].oldEnd };
  }

  /**
   * True when a deletion next to the unchanged text holding old [start, end) could as well have
   * been made to include that span: the span and the text between it and the deletion repeat
   * the deletion's end (or start, on the other side). Old "with Mr. Antar's case, … Mr. Antar's
   * lawyers" becoming "with Mr. Antar's lawyers" lost one of two "Antar"s; the text cannot tell
   * which.
   */
  deletionCouldCover(start: number, end: number): boolean {
    const r = this.runAt(start);
    const run = this.runs[r];
    if (!run || run.op !== DIFF_EQUAL || end > run.oldEnd) return false;
    const pureDeletion = (k: number) => this.runs[k]?.op === DIFF_DELETE && this.runs[k - 1]?.op !== DIFF_INSERT && this.runs[k + 1]?.op !== DIFF_INSERT;
    if (pureDeletion(r + 1)) {
      const d = this.runs[r + 1];
      const tail = this.oldText.slice(start, run.oldEnd);
      if (d.oldEnd - d.oldStart >= tail.length && this.oldText.endsWith(tail, d.oldEnd)) return true;
    }
    if (pureDeletion(r - 1)) {
      const d = this.runs[r - 1];
      const head = this.oldText.slice(run.oldStart, end);
      if (d.oldEnd - d.oldStart >= head.length && this.oldText.startsWith(head, d.oldStart)) return true;
    }
    return false;
  }

  /** True when new range [start, end) lies wholly in inserted text. */
  isInserted(start: number, end: number): boolean {
    const lo = firstEndingAfter(this.inserts, 'newEnd', start);
    // Adjacent insert runs are separated by delete runs only, so they count as one block.
    let covered = start;
    for (let k = lo; k < this.inserts.length && covered < end; k++) {
      const run = this.inserts[k];
      if (run.newStart > covered) return false;
      covered = Math.max(covered, run.newEnd);
    }
    return covered >= end;
  }

  /**
   * Other places the diff could as cheaply have put new range [start, end) of unchanged text:
   * an insertion next to it that repeats the text between them can slide over it ("A B" + "A B"
   * inserted after is "A B" inserted before), and the range moves the other way by its length.
   * More generally, wherever the insertion holds that text again, the unchanged text can be aligned
   * there and the insertion split around it, inserting as many characters: a sentence pasted
   * several times next to itself among other sentences. diff-match-patch picks one of these
   * equal-cost alignments by its own rules, not by meaning.
   */
  slides(newText: string, start: number, end: number): number[] {
    const r = firstEndingAfter(this.runs, 'newEnd', start);
    const run = this.runs[r];
    if (!run || run.op !== DIFF_EQUAL || end > run.newEnd) return [];
    const out: number[] = [];
    const pureInsert = (k: number) => this.runs[k]?.op === DIFF_INSERT && this.runs[k - 1]?.op !== DIFF_DELETE && this.runs[k + 1]?.op !== DIFF_DELETE;
    // (Text longer than the insertion cannot be found again inside it: checked before it is cut
    // out, since after a line inserted at the top it runs from there to each anchor, and cutting
    // and searching it for every anchor was quadratic: 16,000 anchors in 1.6 MB took 7 s.)
    if (pureInsert(r + 1) && this.runs[r + 1].newStart - start <= this.runs[r + 1].newEnd - this.runs[r + 1].newStart) {
      // The unchanged text from the range to the insertion, found again inside the insertion.
      const { newStart: b0, newEnd: b1 } = this.runs[r + 1];
      const tail = newText.slice(start, b0);
      for (let q = newText.indexOf(tail, b0); q >= 0 && q + tail.length <= b1 && out.length < MAX_SLIDES; q = newText.indexOf(tail, q + 1)) out.push(q);
    }
    if (pureInsert(r - 1) && end - this.runs[r - 1].newEnd <= this.runs[r - 1].newEnd - this.runs[r - 1].newStart) {
      // The unchanged text from the insertion to the range's end, found again inside the insertion.
      const { newStart: b0, newEnd: b1 } = this.runs[r - 1];
      const head = newText.slice(b1, end);
      for (let p = newText.indexOf(head, b0); p >= 0 && p + head.length <= b1 && out.length < MAX_SLIDES; p = newText.indexOf(head, p + 1)) out.push(p + (start - b1));
    }
    return out;
  }

  /** Old offset of new range [start, end) when it lies in one unchanged run, else undefined. */
  unchangedFrom(start: number, end: number): number | undefined {
    for (let r = firstEndingAfter(this.runs, 'newEnd', start); r < this.runs.length && this.runs[r].newStart <= start; r++) {
      const run = this.runs[r];
      if (run.op === DIFF_EQUAL && run.newStart <= start && end <= run.newEnd) return run.oldStart + (start - run.newStart);
    }
    return undefined;
  }

  /** Index of the run holding the old character at `offset`: the first run ending after it. */
  private runAt(offset: number): number {
    return firstEndingAfter(this.runs, 'oldEnd', offset);
  }
}

/** A letter or digit: a character inside a word. */
const WORD = /[\p{L}\p{N}]/u;

/** Longest text (UTF-16 units, the shorter of the two) diffed character by character from the start: an article. */
const CHARACTER_DIFF_MAX = 20_000;

/** Share of the new text that {@link paragraphDiff} must keep beyond {@link lineDiff} to stand in for it. */
const PARAGRAPHS_MARGIN = 0.05;

/**
 * Largest edit (characters of the sentences changed, inserted or deleted, both texts together)
 * diffed character by character; see {@link sentenceEditSize}.
 */
const CHARACTER_DIFF_EDIT = 5000;

/** Most pieces (both texts) that {@link sentenceEditSize} diffs at once: past it, the edit counts as all of them. */
const MAX_SYMBOLS = 4000;

/**
 * The size of the edit from `a` to `b`, found in milliseconds and the same on every machine (no
 * time limit): a diff of whole sentences (each one symbol, whitespace runs read as one space, so a
 * re-wrapped paragraph keeps its sentences), then of words inside each run of sentences replaced
 * by others (a word replaced all through the text changes many sentences, but few characters).
 * Counted: the characters of what the two diffs delete or insert, and of whitespace changed in the
 * sentences kept; an upper bound of the character diff's edit.
 */
export function sentenceEditSize(a: string, b: string): number {
  const x = a.split(SENTENCE_END);
  const y = b.split(SENTENCE_END);
  if (x.length + y.length > MAX_SYMBOLS) return Infinity;
  let size = 0;
  let i = 0;
  let j = 0;
  // Sentences deleted and inserted since the last kept one: a replaced run, compared by words.
  let deleted = '';
  let inserted = '';
  const flush = () => {
    size += deleted && inserted ? symbolEdit(deleted.split(WORD_EDGE), inserted.split(WORD_EDGE)) : deleted.length + inserted.length;
    deleted = inserted = '';
  };
  for (const [op, n] of symbolDiff(x, y, (p) => p.replace(/\s+/g, ' '))) {
    for (let k = 0; k < n; k++) {
      if (op === DIFF_DELETE) deleted += x[i++];
      else if (op === DIFF_INSERT) inserted += y[j++];
      else {
        flush();
        size += whitespaceChanged(x[i++], y[j++]);
      }
    }
  }
  flush();
  return size;
}

/** Characters that a diff of two lists of pieces (each one symbol) deletes or inserts; all of them past MAX_SYMBOLS. */
function symbolEdit(x: readonly string[], y: readonly string[]): number {
  if (x.length + y.length > MAX_SYMBOLS) return x.join('').length + y.join('').length;
  let size = 0;
  let i = 0;
  let j = 0;
  for (const [op, n] of symbolDiff(x, y, (p) => p)) {
    for (let k = 0; k < n; k++) {
      if (op === DIFF_DELETE) size += x[i++].length;
      else if (op === DIFF_INSERT) size += y[j++].length;
      else {
        i++;
        j++;
      }
    }
  }
  return size;
}

/** A diff of two lists of pieces, pieces with the same key being one symbol: [op, count] runs. */
function symbolDiff(x: readonly string[], y: readonly string[], key: (p: string) => string): [number, number][] {
  const ids = new Map<string, number>();
  const encode = (pieces: readonly string[]): string => {
    let out = '';
    for (const p of pieces) {
      const k = key(p);
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      out += String.fromCharCode(FIRST_SYMBOL + id);
    }
    return out;
  };
  const dmp = new diff_match_patch();
  dmp.Diff_Timeout = 0;
  return dmp.diff_main(encode(x), encode(y), false).map(([op, t]) => [op, t.length]);
}

/** Characters of the whitespace runs that differ between two pieces alike but for whitespace. */
function whitespaceChanged(p: string, q: string): number {
  if (p === q) return 0;
  const u = p.split(/(\s+)/);
  const v = q.split(/(\s+)/);
  let n = 0;
  for (let k = 0; k < Math.max(u.length, v.length); k++) if (u[k] !== v[k]) n += (u[k]?.length ?? 0) + (v[k]?.length ?? 0);
  return n;
}

/** Word edges: every word and every whitespace run is one piece. */
const WORD_EDGE = /(?<=\s)(?=\S)|(?<=\S)(?=\s)/;
/** Where a sentence (with the whitespace after it) or a paragraph (with the blank line after it) ends: every character is in one piece. */
const SENTENCE_END = /(?<=[.!?]["'’”)\]]*\s+)(?=\S)|(?<=\n[^\S\n]*\n\s*)(?=\S)/;
/** Code of the first symbol of {@link sentenceEditSize}: the private-use area (E000-F8FF), past the surrogates, which a symbol must never be. */
const FIRST_SYMBOL = 0xe000;

/** Most alternative alignments {@link DiffMap.slides} returns (any two already make a place ambiguous). */
const MAX_SLIDES = 8;

/** Index of the first run whose old (new) end lies after `offset`; runs are in order of both. */
function firstEndingAfter(runs: readonly Run[], end: 'oldEnd' | 'newEnd', offset: number): number {
  return countBefore(runs.length, (i) => runs[i][end] <= offset);
}
