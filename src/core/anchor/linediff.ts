/**
 * The diff of lines that stands in for diff-match-patch's when that one ran out of time (DiffMap),
 * and the measures that decide whether it does.
 */

import { type diff_match_patch, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, type Diff } from 'diff-match-patch';

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
  for (const [op, text] of lines) {
    if (op === DIFF_DELETE) deleted += text;
    else if (op === DIFF_INSERT) inserted += text;
    else {
      flush();
      out.push([op, text]);
    }
  }
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
