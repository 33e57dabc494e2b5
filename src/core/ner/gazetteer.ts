/**
 * Name lists (gazetteers) for the tagger: token sequences known as a PER, ORG, LOC or MISC name.
 * The shipped lists come only from the entity mentions of the training split.
 *
 * Names are looked up by a hash chained over their words' hashes, so matching a sentence builds no
 * strings; with 32-bit hashes and some ten thousand names a false match is very unlikely and costs
 * only one misleading feature.
 */
import { hashString, mix } from './hash';

/** Longest name, in tokens, that is looked up. */
export const MAX_NAME_TOKENS = 6;

/** Type index of given names (first words of people's full names) in the name lists, after the four CoNLL types. */
export const GIVEN_NAME = 4;

/** A token sequence matched in a sentence, with the bit set of CONLL_TYPES indices it is listed under. */
export interface NameMatch {
  start: number;
  end: number;
  types: number;
}

/** A word as the name lists see it: hashes of its exact and its upper-case form. */
export interface NameWord {
  wordHash: number;
  upperHash: number;
}

/** Hashes of a word for name lookups. */
export function nameWord(word: string): NameWord {
  return { wordHash: hashString(word), upperHash: hashString(word.toUpperCase()) };
}

const PREFIX = 1;

// Bits of the quick test of a sentence's words (see Gazetteer.starts): 64 KB a list and case.
const START_BITS = 19;
const START_MASK = (1 << START_BITS) - 1;

/** Name lists keyed by chained word hashes. */
export class Gazetteer {
  // Keys are hashes as signed 32-bit integers, which V8 stores unboxed (faster Map lookups than doubles).
  private readonly names = new Map<number, number>();
  private readonly upperNames = new Map<number, number>();
  // Chained hashes of proper prefixes of names ("Ministry", "Ministry of"): a lookup stops when no name can follow.
  private readonly prefixes = new Set<number>();
  private readonly upperPrefixes = new Set<number>();
  // A bit per hash of a first word of some name (bits of mix(PREFIX, word)): most words of a sentence
  // start no listed name, and this says so without the two lookups in the large maps above.
  private readonly starts = new Uint32Array(1 << (START_BITS - 5));
  private readonly upperStarts = new Uint32Array(1 << (START_BITS - 5));
  private readonly text: string[] = [];

  /** Adds a name (its tokens) under a type index. */
  add(tokens: readonly string[], type: number): void {
    if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS) return;
    this.text.push(`${1 << type}\t${tokens.join(' ')}`);
    let key = PREFIX;
    let upper = PREFIX;
    tokens.forEach((token, n) => {
      const w = nameWord(token);
      key = mix(key, w.wordHash);
      upper = mix(upper, w.upperHash);
      if (n === 0) {
        setBit(this.starts, key);
        setBit(this.upperStarts, upper);
      }
      if (n < tokens.length - 1) {
        this.prefixes.add(key | 0);
        this.upperPrefixes.add(upper | 0);
      }
    });
    this.names.set(key | 0, (this.names.get(key | 0) ?? 0) | (1 << type));
    this.upperNames.set(upper | 0, (this.upperNames.get(upper | 0) ?? 0) | (1 << type));
  }

  /** Type bits under which exactly these tokens are listed (0 when not listed). */
  typesOf(tokens: readonly string[]): number {
    let key = PREFIX;
    for (const token of tokens) key = mix(key, hashString(token));
    return this.names.get(key | 0) ?? 0;
  }

  /** Number of distinct names. */
  get size(): number {
    return this.names.size;
  }

  /**
   * All listed names in a sentence. In an all-capitals sentence (a headline) names are compared in
   * upper case, since the case there says nothing.
   */
  matches(words: readonly NameWord[], allCaps: boolean): NameMatch[] {
    const table = allCaps ? this.upperNames : this.names;
    const prefixes = allCaps ? this.upperPrefixes : this.prefixes;
    const starts = allCaps ? this.upperStarts : this.starts;
    const found: NameMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i];
      if (!hasBit(starts, mix(PREFIX, allCaps ? first.upperHash : first.wordHash))) continue;
      let key = PREFIX;
      for (let n = 1; n <= MAX_NAME_TOKENS && i + n <= words.length; n++) {
        const w = words[i + n - 1];
        key = mix(key, allCaps ? w.upperHash : w.wordHash);
        const types = table.get(key | 0);
        if (types) found.push({ start: i, end: i + n, types });
        if (!prefixes.has(key | 0)) break;
      }
    }
    return found;
  }

  /** Serialises as sorted, de-duplicated lines "<type bits>\t<name>". */
  serialize(): string {
    const merged = new Map<string, number>();
    for (const line of this.text) {
      const tab = line.indexOf('\t');
      const name = line.slice(tab + 1);
      merged.set(name, (merged.get(name) ?? 0) | Number(line.slice(0, tab)));
    }
    return [...merged.keys()].sort().map((name) => `${merged.get(name)}\t${name}`).join('\n');
  }

  /**
   * A compact list of names of one or two kinds: one name a line (tokens separated by spaces), "*" before
   * the names of the second kind (type index 1), the others type index 0.
   */
  static parseList(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split('\n')) {
      if (!line) continue;
      const major = line.startsWith('*');
      g.add((major ? line.slice(1) : line).split(' '), major ? 1 : 0);
    }
    return g;
  }

  /** Reads what `serialize` wrote. */
  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const types = Number(line.slice(0, tab));
      const tokens = line.slice(tab + 1).split(' ');
      for (let t = 0; t <= GIVEN_NAME; t++) if (types & (1 << t)) g.add(tokens, t);
    }
    return g;
  }
}

function setBit(bits: Uint32Array, hash: number): void {
  const b = hash & START_MASK;
  bits[b >>> 5] |= 1 << (b & 31);
}

function hasBit(bits: Uint32Array, hash: number): boolean {
  const b = hash & START_MASK;
  return (bits[b >>> 5] & (1 << (b & 31))) !== 0;
}
