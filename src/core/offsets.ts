/**
 * The one place where offsets change unit.
 *
 * Inside Factmark (and in VS Code) an offset counts UTF-16 code units: a JavaScript string index.
 * The sidecar file, W3C Web Annotation and brat count Unicode code points, so an emoji or any
 * other astral character is 2 units here and 1 there. Line endings are never normalised: CRLF is
 * two code points in both units, as brat expects.
 */

/** Converts offsets of one text between UTF-16 code units and code points. */
export class OffsetMap {
  /** Sorted UTF-16 indices of the high surrogate of each astral character. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** Number of code points in the text. */
  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /** UTF-16 offset → code point offset. An offset inside a surrogate pair counts the pair as begun. */
  toCodePoint(utf16: number): number {
    // astral characters whose pair starts before `utf16`, and ends at or before it
    return utf16 - this.countBefore(utf16 - 1);
  }

  /** Code point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    // binary search for the number k of astral characters before the code point:
    // the k-th astral pair (0-based) sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /** Number of astral pairs whose high surrogate lies at an index < limit. */
  private countBefore(limit: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid] < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
