/**
 * The part of diff-match-patch that Factmark uses. Declared here because the package ships no
 * types and @types packages would pull Node's types into src/core.
 */
declare module 'diff-match-patch' {
  export type Diff = [number, string];
  export const DIFF_DELETE: -1;
  export const DIFF_INSERT: 1;
  export const DIFF_EQUAL: 0;
  export class diff_match_patch {
    /** Seconds before diff_main gives up refining (0 = never). */
    Diff_Timeout: number;
    /** `deadline`: a time (ms since the epoch) shared by several calls, in place of Diff_Timeout's own. */
    diff_main(text1: string, text2: string, checklines?: boolean, deadline?: number): Diff[];
    /** The line mode of diff_main (lines, then characters in the lines replaced); replaceable on an instance. */
    diff_lineMode_(text1: string, text2: string, deadline: number): Diff[];
    /** Each distinct line of the two texts as one character (its number in `lineArray`). */
    diff_linesToChars_(text1: string, text2: string): { chars1: string; chars2: string; lineArray: string[] };
    /** The lines back in place of their characters, in place. */
    diff_charsToLines_(diffs: Diff[], lineArray: string[]): void;
    diff_commonPrefix(text1: string, text2: string): number;
    /** Merges neighbouring runs of one kind and factors common text out of edits, in place. */
    diff_cleanupMerge(diffs: Diff[]): void;
    diff_commonSuffix(text1: string, text2: string): number;
    /** Cost of an edit operation, for diff_cleanupEfficiency (default 4). */
    Diff_EditCost: number;
    diff_cleanupSemantic(diffs: Diff[]): void;
    /** Slides single edits between equalities onto word, sentence and paragraph boundaries. */
    diff_cleanupSemanticLossless(diffs: Diff[]): void;
    diff_cleanupEfficiency(diffs: Diff[]): void;
  }
}
