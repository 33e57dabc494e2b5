/** Offsets → 0-based line and UTF-16 column, the way editors count them. */
import { LineStarts } from '../lines';

/** Line index of a text for diagnostics: `\n`, `\r\n` and a lone `\r` each end a line. */
export class LineIndex {
  private readonly lines: LineStarts;
  /** Editors hide a leading BOM, so columns on the first line are counted after it. */
  private readonly bom: boolean;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    this.lines = new LineStarts(text);
  }

  /** 0-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const { line, start } = this.lines.lineOf(offset);
    let column = offset - start;
    if (line === 0 && this.bom && column > 0) column--;
    return { line, column };
  }
}
