/**
 * Ids for new annotations and facts. A sidecar is merged in git like any text file, so two people who
 * annotate the same document on two branches must not both create `a13`: a counter cannot promise that,
 * and neither can a counter restarted after the highest id was deleted (a fact on another branch still
 * linking the old `a13` would then point at a new annotation). So a new id is the kind's letter and eight
 * random characters (`a-7kq2mxp4`, `f-x3c9tawe`): 31⁸ ≈ 8.5 · 10¹¹ possibilities, so two branches adding a
 * thousand annotations each collide with odds of about one in a million; and the maker never hands out an
 * id it was told is taken, or one it handed out before. Ids already in a file are kept as they are.
 */

/** Letters and digits without look-alikes (no i, l, o, 0, 1), so an id read aloud or retyped by hand survives. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 8;

export type IdKind = 'annotation' | 'fact';

/** Makes fresh ids for one sidecar; `random` returns numbers in [0, 1) (Math.random by default, a seeded one in tests). */
export class IdMaker {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = [], private readonly random: () => number = Math.random) {
    this.taken = new Set(taken);
  }

  /** Marks ids as used (ids found in the file after the maker was made, e.g. entries that failed validation). */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.taken.add(id);
  }

  /** A fresh id of that kind, never one that is taken or was handed out by this maker. */
  next(kind: IdKind): string {
    const prefix = kind === 'annotation' ? 'a-' : 'f-';
    for (;;) {
      let id = prefix;
      for (let k = 0; k < LENGTH; k++) id += ALPHABET[Math.floor(this.random() * ALPHABET.length) % ALPHABET.length];
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}
