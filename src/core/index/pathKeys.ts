import { countBefore } from '../bisect';

/**
 * A set of path-like keys (URIs) that answers "which keys are at or under this one" by a binary
 * search in sorted order, so a deleted folder costs in proportion to what it held, not to the
 * workspace. The order is made again lazily, after keys were added or removed.
 */
export class PathKeys {
  private readonly keys = new Set<string>();
  private sorted: string[] | undefined;

  get size(): number {
    return this.keys.size;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.sorted = undefined;
  }

  delete(key: string): boolean {
    if (!this.keys.delete(key)) return false;
    this.sorted = undefined;
    return true;
  }

  values(): IterableIterator<string> {
    return this.keys.values();
  }

  /** The keys equal to `key` or under it (`key` + `/` …), in sorted order. */
  under(key: string): string[] {
    const out = this.keys.has(key) ? [key] : [];
    const prefix = key.endsWith('/') ? key : `${key}/`;
    const sorted = (this.sorted ??= [...this.keys].sort());
    for (let i = countBefore(sorted.length, (k) => sorted[k] < prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }
}
