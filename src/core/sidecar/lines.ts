/** Offsets → 0-based line and UTF-16 column, the way editors count them. */

/** Line index of a text: `\n`, `\r\n` and a lone `\r` each end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Editors hide a leading BOM, so columns on the first line are counted after it. */
  private readonly bom: boolean;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 0-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = offset - this.starts[lo];
    if (lo === 0 && this.bom && column > 0) column--;
    return { line: lo, column };
  }
}
