/**
 * The diffs of lines and of paragraphs that stand in for diff-match-patch's when that one ran out of
 * time (DiffMap), and the measures that decide whether they do.
 */

import { type diff_match_patch, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, type Diff } from 'diff-match-patch';
import { SENTENCE_END } from './editsize';

/**
 * The diff of the two texts' lines (each line one symbol, no clean-up folding short unchanged
 * lines into the edits around them, as diff-match-patch's line mode does before it diffs each
 * folded block by characters, at a cost that grows with the block's square), each replaced group
 * of lines then diffed by characters while {@link CHARACTER_PASS_BUDGET} lasts. Used only when the
 * line mode ran out of time: there its result is whatever the limit left, while this one reads no
 * clock but in its pass over lines, whose limit is its own (lines all different are no diff). (Not
 * in the line mode's place: where that finishes, its pass over a whole folded block finds what a
 * pass per group of lines cannot, such as a paragraph moved within the block; MEASUREMENTS, stop 36.)
 */
export function lineDiff(dmp: diff_match_patch, oldText: string, newText: string): Diff[] {
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(oldText, newText);
  dmp.Diff_Timeout = LINE_PASS_TIMEOUT;
  const lines = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(lines, lineArray);
  return byGroups(dmp, lines);
}

/**
 * The diff of the two texts' paragraphs, whitespace apart: each paragraph (up to a blank line) one
 * symbol, the same words the same symbol, so that text re-wrapped (its line breaks moved, its
 * spaces doubled) is still the same paragraphs, where few lines are the same and diff-match-patch's
 * character diff of a long text runs out of time (1 MB re-wrapped with paragraphs moved: 22-29 % of
 * the annotations orphaned, and 5 on another copy of their paragraph). In a paragraph kept, its words
 * are kept and the whitespace between them where it is the same; each replaced group of paragraphs
 * is diffed by characters as {@link lineDiff}'s groups are. (Not a diff of words: over 1 MB of words
 * with paragraphs moved, diff-match-patch ran out of time as well.)
 */
export function paragraphDiff(dmp: diff_match_patch, oldText: string, newText: string): Diff[] | undefined {
  const symbols = new Map<string, string>();
  const a = paragraphs(oldText, symbols);
  const b = a && paragraphs(newText, symbols);
  if (!a || !b) return undefined;
  dmp.Diff_Timeout = LINE_PASS_TIMEOUT;
  const diff = dmp.diff_main(a.symbols, b.symbols, false);
  const units: Diff[] = [];
  let i = 0;
  let j = 0;
  for (const [op, text] of diff) {
    for (let k = 0; k < text.length; k++) {
      if (op === DIFF_EQUAL) sameWords(a.texts[i++], b.texts[j++], units);
      else if (op === DIFF_DELETE) units.push([DIFF_DELETE, a.texts[i++]]);
      else units.push([DIFF_INSERT, b.texts[j++]]);
    }
  }
  return byGroups(dmp, units);
}

/**
 * A text's paragraphs (each with the blank lines after it) and their symbols: one character each,
 * the same words the same character. Undefined past {@link MAX_PARAGRAPHS} different paragraphs.
 */
function paragraphs(text: string, symbols: Map<string, string>): { symbols: string; texts: string[] } | undefined {
  const texts: string[] = [];
  let symbolText = '';
  let from = 0;
  const add = (to: number) => {
    const paragraph = text.slice(from, to);
    const key = paragraph.split(/\s+/).join(' ');
    let symbol = symbols.get(key);
    if (symbol === undefined) {
      if (symbols.size >= MAX_PARAGRAPHS) return false;
      symbol = String.fromCharCode(symbols.size + 1);
      symbols.set(key, symbol);
    }
    symbolText += symbol;
    texts.push(paragraph);
    from = to;
    return true;
  };
  for (const m of text.matchAll(BLANK_LINES)) if (!add(m.index + m[0].length)) return undefined;
  if (from < text.length && !add(text.length)) return undefined;
  return { symbols: symbolText, texts };
}

/** Two paragraphs of the same words as a diff: the words kept, and the whitespace between them where it is the same. */
function sameWords(old: string, now: string, out: Diff[]): void {
  // Split on whitespace, kept: [word or '', space, word, …]. The same words, joined by single spaces,
  // give the same key only with whitespace at the same ends, so both have the same layout.
  const x = old.split(/(\s+)/);
  const y = now.split(/(\s+)/);
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const u = x[k] ?? '';
    const v = y[k] ?? '';
    if (u === v) {
      if (u) out.push([DIFF_EQUAL, u]);
    } else {
      if (u) out.push([DIFF_DELETE, u]);
      if (v) out.push([DIFF_INSERT, v]);
    }
  }
}

/**
 * Merges a diff's consecutive runs of one kind, and diffs each group of deleted and inserted text
 * by characters while {@link CHARACTER_PASS_BUDGET} lasts.
 */
function byGroups(dmp: diff_match_patch, units: readonly Diff[]): Diff[] {
  // Each group's character pass costs at most the square of its size (Myers' diff is O(ND)); the
  // budget bounds their sum, and the runs they make (the clean-ups after are quadratic in runs).
  dmp.Diff_Timeout = 0;
  let budget = CHARACTER_PASS_BUDGET;
  const out: Diff[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    const cost = (deleted.length + inserted.length) ** 2;
    if (deleted && inserted && cost <= budget && out.length < MAX_RUNS) {
      budget -= cost;
      const chars = dmp.diff_main(deleted, inserted, false);
      // Chance matches (" said", " of ") inside a paragraph moved into a group of unrelated lines
      // would cut it out of the inserted text, where a move is looked for: folded into the edits,
      // as diff-match-patch's line mode folds short unchanged lines.
      dmp.diff_cleanupSemantic(chars);
      for (const d of chars) out.push(d);
    } else {
      if (deleted) out.push([DIFF_DELETE, deleted]);
      if (inserted) out.push([DIFF_INSERT, inserted]);
    }
    deleted = inserted = '';
  };
  let equal = '';
  for (const [op, text] of units) {
    if (op === DIFF_DELETE) deleted += text;
    else if (op === DIFF_INSERT) inserted += text;
    else {
      if (deleted || inserted) {
        if (equal) out.push([DIFF_EQUAL, equal]);
        equal = '';
        flush();
      }
      equal += text;
    }
  }
  if (equal) out.push([DIFF_EQUAL, equal]);
  flush();
  return out;
}

/** Characters a diff keeps unchanged. */
export function unchanged(diffs: readonly Diff[]): number {
  let n = 0;
  for (const [op, text] of diffs) if (op === DIFF_EQUAL) n += text.length;
  return n;
}

/** The share of the new text's characters on lines the old text has too: what a diff of lines can keep at most. */
export function sharedLineShare(oldText: string, newText: string): number {
  const old = new Set(oldText.split('\n'));
  let shared = 0;
  for (const line of newText.split('\n')) if (old.has(line)) shared += line.length + 1;
  return shared / Math.max(1, newText.length);
}

/**
 * How much of the text was replaced by other text, paragraph by paragraph, whitespace apart (each
 * paragraph up to a blank line): the characters of the old text's paragraphs that the new one does
 * not have, or of the new text's that the old one does not have, whichever are fewer, as a share of
 * the new text. Paragraphs inserted, deleted, moved or copied are not counted: those {@link paragraphDiff}
 * describes as they are; text replaced is diffed by characters there only within a budget.
 * All of it (1) when a paragraph was edited while the new text still holds its original (a copy
 * pasted, a twin in the old text): the diff of paragraphs gives the edited one no weight and pairs
 * the copy in its place, and a review saw 7 of a twin's annotations swapped with the other's.
 */
export function replacedParagraphShare(oldText: string, newText: string): number {
  const key = (p: string) => p.trim().split(/\s+/).join(' ');
  const olds = oldText.split(BLANK_LINE);
  const news = newText.split(BLANK_LINE);
  const oldKeys = new Set(olds.map(key));
  const newKeys = new Set(news.map(key));
  const newOnly = news.filter((p) => !oldKeys.has(key(p)));
  if (newOnly.length) {
    // The sentences of the old paragraphs the new text still holds, against those of its new ones.
    const kept = new Set(olds.filter((p) => newKeys.has(key(p))).flatMap(sentences));
    if (newOnly.some((p) => sentences(p).some((x) => kept.has(x)))) return 1;
  }
  const missing = (ps: readonly string[], other: Set<string>) => ps.reduce((n, p) => (other.has(key(p)) ? n : n + p.length), 0);
  return Math.min(missing(olds, newKeys), missing(newOnly, oldKeys)) / Math.max(1, newText.length);
}

/** A paragraph's sentences long enough to tell it (MIN_SENTENCE), each run of whitespace as one space. */
function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).map((x) => x.trim().replace(/\s+/g, ' ')).filter((x) => x.length >= MIN_SENTENCE);
}

/** Characters a sentence needs to say which paragraph it is from (not "Reuters." nor "He said."). */
const MIN_SENTENCE = 20;

/** A blank line (with the whitespace around it), where a paragraph ends. */
const BLANK_LINE = /\n[^\S\n]*\n\s*/;
const BLANK_LINES = new RegExp(BLANK_LINE.source, 'g');

/** Share of the new text that {@link lineDiff} must keep unchanged to stand in for a diff out of time. */
export const MIN_KEPT_BY_LINES = 0.5;
/** Share of the new text on lines found in the old text below which {@link lineDiff} is not tried (re-wrapped text: it would keep nothing). */
export const MIN_SHARED_LINES = 0.5;

/**
 * Sum of the squared sizes of the groups of lines {@link lineDiff} diffs by characters: about 0.5 s
 * at most (one group of 7,000 characters of prose rewritten, 4.9e7, took 1.26 s on a loaded machine).
 */
const CHARACTER_PASS_BUDGET = 2e7;
/**
 * Seconds {@link lineDiff}'s pass over lines may take: 0.2-0.6 s of CPU at 1-1.6 MB (half its
 * paragraphs deleted, or all of them reversed). It runs only after the character diff ran out of
 * time, which a loaded machine makes likely: with a limit of 1 s, at a load that gave re-anchoring
 * 8 times its CPU time in wall time, it ran out as well and 3 anchors of an 800 KB text went onto
 * kept copies. Not more: re-anchoring runs on the extension host, which the character diff's own
 * limit already holds for 4 s.
 */
const LINE_PASS_TIMEOUT = 3;
/** Runs past which {@link lineDiff} diffs no more groups by characters. */
const MAX_RUNS = 10_000;
/** Different paragraphs {@link paragraphDiff} can tell apart: one symbol each, from the code units below the surrogates (no two symbols pair up). */
const MAX_PARAGRAPHS = 0xd7fe;

