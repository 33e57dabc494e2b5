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

export type IdKind = 'annotation' | 'fact' | 'entity';

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
    for (;;) {
      let id = prefixOf(kind);
      for (let k = 0; k < LENGTH; k++) id += ALPHABET[Math.floor(this.random() * ALPHABET.length) % ALPHABET.length];
      if (this.take(id)) return id;
    }
  }

  /**
   * An id derived from `seed` (e.g. a suggestion's span, type and text), in the same form: the same seed
   * gives the same id, so a tool that adds suggestions in batch writes the same file wherever and however
   * often it runs, and two people who run it on the same document get identical entries that git merges
   * cleanly. A taken id is followed by the seed's next derivation.
   */
  derived(kind: IdKind, seed: string): string {
    for (let round = 0; ; round++) {
      let [h1, h2] = fnv2(round === 0 ? seed : `${seed}#${round}`);
      let id = prefixOf(kind);
      for (let k = 0; k < LENGTH; k++) {
        // 8 characters of 31 take 40 bits: 20 from each hash.
        const from = k < 4 ? h1 : h2;
        id += ALPHABET[from % ALPHABET.length];
        if (k < 4) h1 = Math.floor(h1 / ALPHABET.length);
        else h2 = Math.floor(h2 / ALPHABET.length);
      }
      if (this.take(id)) return id;
    }
  }

  private take(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }
}

const prefixOf = (kind: IdKind): string => (kind === 'annotation' ? 'a-' : kind === 'fact' ? 'f-' : 'e-');

/** Two differently seeded 32-bit FNV-1a hashes of a string (same prime, different offset bases), as unsigned numbers. */
function fnv2(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return [a >>> 0, b >>> 0];
}
