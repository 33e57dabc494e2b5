/**
 * The texts documents are expected to hold once an edit handed to VS Code is applied (a rename's
 * edit, which the user may preview, apply much later, or never). One per document: a newer edit
 * replaces the older; each is given up when the document next changes, or after `ttlMs`, so an
 * edit never applied leaves nothing behind for long.
 */
export class AwaitedTexts<K> {
  private readonly awaited = new Map<K, { text: string; until: number }>();

  constructor(private readonly ttlMs: number) {}

  /** Expects `text` of `key` from `now` on. */
  expect(key: K, text: string, now: number): void {
    this.prune(now);
    this.awaited.set(key, { text, until: now + this.ttlMs });
  }

  /**
   * After a change of `key`: whether it now holds the text expected (in time). The wait ends
   * either way. `text` is asked only when something is expected of `key`.
   */
  arrived(key: K, text: () => string, now: number): boolean {
    const a = this.awaited.get(key);
    if (!a) return false;
    this.awaited.delete(key);
    return now <= a.until && text() === a.text;
  }

  forget(key: K): void {
    this.awaited.delete(key);
  }

  /** How many documents something is expected of. */
  get size(): number {
    return this.awaited.size;
  }

  private prune(now: number): void {
    for (const [key, a] of this.awaited) if (a.until < now) this.awaited.delete(key);
  }
}
