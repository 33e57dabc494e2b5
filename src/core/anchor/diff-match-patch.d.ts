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
    diff_main(text1: string, text2: string, checklines?: boolean): Diff[];
    /** Cost of an edit operation, for diff_cleanupEfficiency (default 4). */
    Diff_EditCost: number;
    diff_cleanupSemantic(diffs: Diff[]): void;
    /** Slides single edits between equalities onto word, sentence and paragraph boundaries. */
    diff_cleanupSemanticLossless(diffs: Diff[]): void;
    diff_cleanupEfficiency(diffs: Diff[]): void;
    /** Each line of the two texts as one character (the same line, the same character): a diff of lines. At most 40,000 distinct lines from the first text and 65,535 in all; the rest of a text is its last "line". */
    diff_linesToChars_(text1: string, text2: string): { chars1: string; chars2: string; lineArray: string[] };
    /** Turns a diff of {@link diff_linesToChars_}'s characters back into lines, in place. */
    diff_charsToLines_(diffs: Diff[], lineArray: string[]): void;
  }
}
