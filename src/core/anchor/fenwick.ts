/**
 * A sorted list of offsets that can shift all offsets from an index on in O(log n): values are
 * stored as a base plus a Fenwick-tree prefix sum of pending shifts. Order is never changed, so
 * every edit must map offsets monotonically (the tracker's edit rules do).
 */
export class ShiftableOffsets {
  private readonly base: Float64Array;
  private readonly tree: Float64Array;

  constructor(sortedValues: readonly number[]) {
    this.base = Float64Array.from(sortedValues);
    this.tree = new Float64Array(sortedValues.length + 1);
  }

  get length(): number {
    return this.base.length;
  }

  /** Current value at index i. */
  get(i: number): number {
    let sum = 0;
    for (let k = i + 1; k > 0; k -= k & -k) sum += this.tree[k];
    return this.base[i] + sum;
  }

  /** Set the value at index i (the caller keeps the list sorted). */
  set(i: number, value: number): void {
    this.base[i] += value - this.get(i);
  }

  /** Add delta to every value at index >= from. */
  shiftFrom(from: number, delta: number): void {
    if (delta === 0) return;
    for (let k = from + 1; k <= this.base.length; k += k & -k) this.tree[k] += delta;
  }

  /** First index whose value is >= x (or > x when strict), or length. */
  lowerBound(x: number, strict = false): number {
    let lo = 0;
    let hi = this.base.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.get(mid);
      if (v < x || (strict && v === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
