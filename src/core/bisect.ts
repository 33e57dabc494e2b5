/**
 * Binary search over sorted things, shared by every core module that keeps offsets or keys in
 * order (anchoring runs and copies, line endings, the view's jumps, path keys).
 */

/**
 * The number of leading items for which `before(i)` holds, among `count` items where it holds for a
 * prefix (0 … count-1): the index of the first item not before the one sought.
 */
export function countBefore(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
