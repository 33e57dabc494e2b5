/**
 * diff-match-patch's line mode (`diff_main(a, b, true)`: lines first, then character by character
 * in each block of lines replaced) with a bound on its character pass. Before that pass the library
 * folds short unchanged lines between two edits (blank lines, a one-line paragraph) into one
 * replaced block, so that a paragraph is not paired with the wrong one by a blank line they share;
 * the pass then diffs each block again whole, at a cost that grows with the square of what changed
 * in it. That is what makes the line mode good, and also what made it slow on large edits: with
 * every other paragraph of a 400 KB text deleted it took 1.1 s of the line mode's 1.2 s (the lines
 * alone: 0.14 s), and from about 1 MB it ran into the 4 s limit, after which the rest of the text
 * counted as deleted and inserted and the result depended on the machine's load (issue 11: anchors
 * of deleted paragraphs "moved" onto kept copies of them, kept ones orphaned).
 *
 * So a block whose changed middle is small, while the whole diff's budget lasts, is diffed again by
 * the library as before (the same diff as its line mode, to the character); a larger one, or any
 * once the budget is spent, is diffed by lines without the folding, and only the replaced lines in
 * it by characters. The choice is counted in characters, not time: the same texts get the same diff
 * on any machine (the 4 s limit stays, as a last resort only). (The library's own step is replaced on
 * its instance, since it offers no bound.)
 */

import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, type Diff, type diff_match_patch } from 'diff-match-patch';

/**
 * Largest block diffed again whole: the square of its changed middle's length (10,000 characters).
 * An article edited all over is one such block once folded, and its character pass is what tells a
 * moved or copied sentence from its original: with a bound of 2,000 characters, `eval:anchoring`
 * run with the line mode for every article placed 28 annotations wrong where the library's line
 * mode placed 6, and orphaned 2.2 % instead of 0.9 % (mixed, ten edits).
 */
const BLOCK_WORK = 100_000_000;
/** What all blocks of one diff may cost so (a block of 18·10⁶ took 52 ms here: about half a second). */
const TOTAL_WORK = 200_000_000;

/** A diff_match_patch whose line mode bounds its character pass as above. */
export function boundedLineMode(dmp: diff_match_patch): diff_match_patch {
  let spent = 0;
  dmp.diff_lineMode_ = (text1: string, text2: string, deadline: number): Diff[] => {
    const diffs = lineDiff(dmp, text1, text2, deadline);
    // Eliminate freak matches (blank lines), as the library does.
    dmp.diff_cleanupSemantic(diffs);
    return rediffBlocks(diffs, (deleted, inserted) => {
      const head = dmp.diff_commonPrefix(deleted, inserted);
      const tail = dmp.diff_commonSuffix(deleted.slice(head), inserted.slice(head));
      const work = (deleted.length + inserted.length - 2 * (head + tail)) ** 2;
      if (work > BLOCK_WORK || spent + work > TOTAL_WORK) return rediffBlocks(lineDiff(dmp, deleted, inserted, deadline), (d, i) => dmp.diff_main(d, i, false, deadline));
      spent += work;
      return dmp.diff_main(deleted, inserted, false, deadline);
    });
  };
  return dmp;
}

/** The lines of two texts diffed, each line as one symbol. */
function lineDiff(dmp: diff_match_patch, a: string, b: string, deadline: number): Diff[] {
  const { chars1, chars2, lineArray } = dmp.diff_linesToChars_(a, b);
  const diffs = dmp.diff_main(chars1, chars2, false, deadline);
  dmp.diff_charsToLines_(diffs, lineArray);
  return diffs;
}

/** `diffs` with each block of deleted and inserted text between two unchanged runs diffed again by `rediff`. */
function rediffBlocks(diffs: readonly Diff[], rediff: (deleted: string, inserted: string) => Diff[]): Diff[] {
  const out: Diff[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted && inserted) out.push(...rediff(deleted, inserted));
    else if (deleted) out.push([DIFF_DELETE, deleted]);
    else if (inserted) out.push([DIFF_INSERT, inserted]);
    deleted = inserted = '';
  };
  for (const [op, text] of diffs) {
    if (op === DIFF_DELETE) deleted += text;
    else if (op === DIFF_INSERT) inserted += text;
    else {
      flush();
      out.push([DIFF_EQUAL, text]);
    }
  }
  flush();
  return out;
}
