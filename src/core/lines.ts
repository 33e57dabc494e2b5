/**
 * Where lines start in a text: `\n`, `\r\n` and a lone `\r` each end a line, as editors count them.
 * Shared by the sidecar's diagnostics (0-based, UTF-16 columns), the exports (1-based, code points)
 * and the workspace index (0-based, UTF-16, as a vscode.Position), which each turn a line and its start
 * into their own kind of column.
 */
export class LineStarts {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** Where 0-based `line` starts, or undefined past the last line. */
  startOf(line: number): number | undefined {
    return this.starts[line];
  }

  /** The 0-based line of a UTF-16 offset and the offset where that line starts. */
  lineOf(offset: number): { line: number; start: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, start: this.starts[lo] };
  }
}
