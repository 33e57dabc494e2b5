/**
 * Texts that differ only in their line endings (unix2dos, dos2unix, git's autocrlf): the sidecar's
 * fingerprint tells the old text exactly, and every offset maps by counting the carriage returns
 * added or removed before it. No diff: after a conversion every line differs, and a diff of a
 * large text ran out of time (1 MB: 4 s, then a useless diff) where this takes one pass.
 */
import { reanchor, type AnchorQuery, type ReanchorOptions, type ReanchorResult } from '../anchor/reanchor';
import { countBefore } from '../bisect';
import { fingerprintMatches } from './hash';

/**
 * The text `fingerprint` was made on, when `text` differs from it only in its line endings (every
 * CRLF where it had LF, or every LF where it had CRLF); undefined otherwise. Costs a hash of the
 * text (some 60 ms a MB), small next to re-anchoring a changed text without its old text.
 */
export function lineEndingVariant(fingerprint: string | undefined, text: string): string | undefined {
  if (fingerprint === undefined || !text.includes('\n')) return undefined;
  const variant = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
  return fingerprintMatches(fingerprint, variant) ? variant : undefined;
}

/**
 * Maps UTF-16 offsets of `from` to `to`, two texts that differ only by carriage returns: an offset
 * moves by the number of them added (or removed) before it. An offset right before a line break
 * stays before it (a span that ends a line keeps ending there).
 */
export function lineEndingMap(from: string, to: string): (offset: number) => number {
  // Offsets past points[k] move by shifts[k] (points in order).
  const points: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (let i = 0, j = 0; i < from.length && j < to.length; ) {
    if (from.charCodeAt(i) === to.charCodeAt(j)) {
      i++;
      j++;
    } else if (to.charCodeAt(j) === 13) {
      j++;
      points.push(i);
      shifts.push(++shift);
    } else if (from.charCodeAt(i) === 13) {
      points.push(i);
      shifts.push(--shift);
      i++;
    } else break; // not a line-ending variant (the fingerprint said it was)
  }
  return (offset) => {
    const k = countBefore(points.length, (i) => points[i] < offset);
    return offset + (k > 0 ? shifts[k - 1] : 0);
  };
}

/** `reanchor` on `text` through `variant`, its old text that differs only in line endings. */
export function reanchorThroughLineEndings(variant: string, text: string, anchors: readonly AnchorQuery[], options?: ReanchorOptions): ReanchorResult {
  const result = reanchor(variant, variant, anchors, options);
  const at = lineEndingMap(variant, text);
  for (const p of result.placed) {
    p.start = at(p.start);
    p.end = at(p.end);
  }
  for (const o of result.orphans) {
    o.at = at(o.at);
    if (o.best) o.best = { ...o.best, start: at(o.best.start), end: at(o.best.end), text: text.slice(at(o.best.start), at(o.best.end)) };
  }
  return result;
}
