/** Line and column of an offset, for CSV and reports. */
import { OffsetMap } from '../offsets';

/** 1-based line and column; the column counts code points, as an editor's status bar does. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Index of the line starts of a text: CRLF, LF and lone CR each end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly map: OffsetMap;

  constructor(readonly text: string, map?: OffsetMap) {
    this.map = map ?? new OffsetMap(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  /** Line and column of a UTF-16 offset. */
  at(offset: number): LineColumn {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = this.map.toCodePoint(offset) - this.map.toCodePoint(this.starts[lo]) + 1;
    return { line: lo + 1, column };
  }
}
