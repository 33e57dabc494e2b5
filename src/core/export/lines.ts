/** Line and column of an offset, for CSV and reports. */
import { LineStarts } from '../lines';
import { OffsetMap } from '../offsets';

/** 1-based line and column; the column counts code points, as an editor's status bar does. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Line and column of offsets in one text: CRLF, LF and lone CR each end a line. */
export class LineIndex {
  private readonly lines: LineStarts;
  private readonly map: OffsetMap;

  constructor(readonly text: string, map?: OffsetMap) {
    this.map = map ?? new OffsetMap(text);
    this.lines = new LineStarts(text);
  }

  /** Line and column of a UTF-16 offset. */
  at(offset: number): LineColumn {
    const { line, start } = this.lines.lineOf(offset);
    return { line: line + 1, column: this.map.toCodePoint(offset) - this.map.toCodePoint(start) + 1 };
  }
}
