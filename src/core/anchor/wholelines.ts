/**
 * Lines that stand verbatim exactly once in the old text and exactly once in the new one: the same
 * line, wherever it went (a table's rows sorted or reversed by another tool, paragraphs of one line
 * moved). The character diff cannot see a move: among rows alike but for their numbers it aligns
 * one row's words with another's ("the company reported" of record 42 on record 17's), so that a
 * row reversed put most anchors on another row and orphaned the rest, the old text known. An
 * anchor is therefore never placed on another old line's verbatim text, and one the diff lost is
 * placed on its own line's new place when that line stands once in each text.
 */

/**
 * Lines shorter than this (UTF-16 units) say too little to be told apart ("Yes", "Table 1", a
 * heading): they are left to the diff.
 */
const MIN_LINE = 24;

/** Each line of at least MIN_LINE units mapped to its start, or -1 when it stands more than once. */
function linesOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to - from >= MIN_LINE) {
      const line = text.slice(from, to);
      out.set(line, out.has(line) ? -1 : from);
    }
    from = to + 1;
  }
  return out;
}

/** The start and end (before its line feed) of the line holding offset `at`. */
function lineAround(text: string, at: number): [number, number] {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const to = text.indexOf('\n', at);
  return [from, to < 0 ? text.length : to];
}

export class WholeLines {
  private oldLines?: Map<string, number>;
  private newLines?: Map<string, number>;
  private reordered?: boolean;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {}

  /** Where the line `line` starts in the old (or new) text when it stands there exactly once. */
  private once(line: string, inOld: boolean): number | undefined {
    const lines = inOld ? (this.oldLines ??= linesOf(this.oldText)) : (this.newLines ??= linesOf(this.newText));
    const at = lines.get(line);
    return at === undefined || at < 0 ? undefined : at;
  }

  /**
   * Whether every line of the new text is a line of the old one: lines sorted, moved, deleted or
   * copied, none edited. Then an anchor whose line stands once in each text is there, with no diff
   * to make (2,000 rows reversed took 2.2 s to diff).
   */
  onlyOldLines(): boolean {
    if (this.reordered === undefined) {
      const old = new Set(this.oldText.split('\n'));
      this.reordered = this.newText.split('\n').every((line) => old.has(line));
    }
    return this.reordered;
  }

  /** Where the old span [s, e) is in the new text, when its line stands once in each text (UTF-16 offsets). */
  place(s: number, e: number): number | undefined {
    const [from, to] = lineAround(this.oldText, s);
    if (e > to || to - from < MIN_LINE) return undefined;
    const line = this.oldText.slice(from, to);
    const at = this.once(line, false);
    return at !== undefined && this.once(line, true) === from ? at + (s - from) : undefined;
  }

  /** Whether new offset `at` lies on a line that stands once in each text and was another old line than the one holding old offset `s`. */
  another(s: number, at: number): boolean {
    const [from, to] = lineAround(this.newText, at);
    if (to - from < MIN_LINE) return false;
    const line = this.newText.slice(from, to);
    const old = this.once(line, true);
    return old !== undefined && this.once(line, false) === from && old !== lineAround(this.oldText, s)[0];
  }
}
