/** A set that keeps only the last `limit` values added: for bookkeeping that must not grow for the whole session. */
export class RecentSet<T> {
  private readonly values = new Set<T>();

  constructor(private readonly limit: number) {}

  add(value: T): void {
    // Re-added values become the newest.
    this.values.delete(value);
    this.values.add(value);
    for (const oldest of this.values) {
      if (this.values.size <= this.limit) break;
      this.values.delete(oldest);
    }
  }

  has(value: T): boolean {
    return this.values.has(value);
  }

  /** The values, oldest first. */
  toArray(): T[] {
    return [...this.values];
  }
}
