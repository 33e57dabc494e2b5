/** Maps positions of an old text to a new one through a character diff (diff-match-patch). */

import { diff_match_patch, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, type Diff } from 'diff-match-patch';
import { countBefore } from '../bisect';
import { sentenceEditSize } from './editsize';
import { lineDiff, MIN_KEPT_BY_LINES, MIN_SHARED_LINES, sharedLineShare, unchanged, paragraphDiff, replacedParagraphShare } from './linediff';

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
   * CHARACTER_DIFF_EDIT, but not re-wrapped text that the diff of paragraphs took first): as small as diff-match-patch finds it, so a copy it calls inserted is one that costs more to align with the
   * old text than the text it kept (but for ties next to it: {@link slides}).
   */
  readonly minimal: boolean;
  /**
   * The diff that took diff-match-patch's place, if one did: the diff of lines ({@link lineDiff}) or
   * of paragraphs ({@link paragraphDiff}) after it ran out of time, keeping more text unchanged; or
   * the diff of paragraphs before it, where few lines are alike.
   */
  readonly standIn: 'lines' | 'paragraphs' | undefined;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    timeoutSeconds = 4,
  ) {
    const dmp = new diff_match_patch();
    // Where few lines are alike (text re-wrapped by an editor or `fmt`), the line mode finds no line
    // to keep and diffs the whole text by characters, on the extension host, until its limit:
    // re-wrapped text with paragraphs moved took 1 s at 30 KB and the whole 4 s from 100 KB, and
    // still orphaned 1-3 % of the annotations (the character diff of a shorter text as well: 16 KB,
    // 0.3-1 s, 31 of 888 orphaned). The diff of paragraphs, whitespace apart, goes first
    // there when little text was replaced by other text (PARAGRAPHS_REPLACED: paragraphs inserted,
    // deleted, moved or copied it describes as they are) and it keeps at least what a stand-in must;
    // on 1 MB that was only re-wrapped it keeps as much as diff-match-patch's finished diff, in a
    // tenth of the time.
    const shared = sharedLineShare(oldText, newText);
    let paragraphs = shared < MIN_SHARED_LINES && replacedParagraphShare(oldText, newText) <= PARAGRAPHS_REPLACED ? paragraphDiff(dmp, oldText, newText) : undefined;
    if (paragraphs && unchanged(paragraphs) >= MIN_KEPT_BY_LINES * newText.length) {
      this.standIn = 'paragraphs';
      this.minimal = false;
      // (Without the clean-up of short equalities: those are words it kept whole, between changed
      // whitespace; merged into the edits, "The" next to a doubled space moved 8 names off their
      // place and orphaned 82 of 1,024 in 100 KB with every space doubled.)
      this.addRuns(paragraphs, dmp, false);
      return;
    }
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
    let standIn: 'lines' | 'paragraphs' = 'lines';
    if (gaveUp) {
      const lines = shared >= MIN_SHARED_LINES ? lineDiff(dmp, oldText, newText) : undefined;
      const byLines = lines ? unchanged(lines) : 0;
      // (Not made where it could not keep enough more: 0.2-0.4 s at 1 MB.)
      if (!lines || byLines + PARAGRAPHS_MARGIN * newText.length < newText.length) paragraphs ??= paragraphDiff(dmp, oldText, newText);
      else paragraphs = undefined;
      const byParagraphs = paragraphs ? unchanged(paragraphs) : 0;
      [fallback, kept, standIn] = byParagraphs > byLines + PARAGRAPHS_MARGIN * newText.length ? [paragraphs, byParagraphs, 'paragraphs'] : [lines, byLines, 'lines'];
    }
    const standsIn = fallback !== undefined && kept > unchanged(diffs) && kept >= MIN_KEPT_BY_LINES * newText.length;
    this.standIn = standsIn ? standIn : undefined;
    if (standsIn) diffs = fallback!;
    this.minimal = characters && !gaveUp;
    this.addRuns(diffs, dmp);
  }

  /** Cleans the diff up and keeps its runs. */
  private addRuns(diffs: Diff[], dmp: diff_match_patch, efficiency = true): void {
    // Coincidental equalities of a few letters would split a deleted name into pieces. (The
    // semantic cleanup goes further and folds whole unchanged sentences between two edits into
    // the edit, which would orphan their annotations.)
    // (Not past MAX_CLEANUP_RUNS: it is quadratic in them, and every space of 1 MB doubled took about
    // 130 s. Its merges matter where a few edits leave short equalities between them, not there.)
    if (efficiency && diffs.length <= MAX_CLEANUP_RUNS) dmp.diff_cleanupEfficiency(diffs);
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

/**
 * Share of the new text replaced by other text (see {@link replacedParagraphShare}) up to which
 * {@link paragraphDiff} goes before diff-match-patch's diff where few lines are alike. Past it the
 * paragraphs replaced are diffed by characters only within a budget: with a sentence rewritten in
 * 30 % of 100 KB, 5 more anchors were orphaned than by diff-match-patch's diff, which finished.
 */
const PARAGRAPHS_REPLACED = 0.1;

/** Share of the new text that {@link paragraphDiff} must keep beyond {@link lineDiff} to stand in for it. */
const PARAGRAPHS_MARGIN = 0.05;

/**
 * Largest edit (characters of the sentences changed, inserted or deleted, both texts together)
 * diffed character by character; see {@link sentenceEditSize}.
 */
const CHARACTER_DIFF_EDIT = 5000;

/** Runs of a diff past which the clean-up of short equalities is not made (200 KB with every space doubled: 97,000 runs, 7 s). */
const MAX_CLEANUP_RUNS = 50_000;

/** Most alternative alignments {@link DiffMap.slides} returns (any two already make a place ambiguous). */
const MAX_SLIDES = 8;

/** Index of the first run whose old (new) end lies after `offset`; runs are in order of both. */
function firstEndingAfter(runs: readonly Run[], end: 'oldEnd' | 'newEnd', offset: number): number {
  return countBefore(runs.length, (i) => runs[i][end] <= offset);
}
