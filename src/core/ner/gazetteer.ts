/**
 * Name lists (gazetteers) for the tagger: token sequences known as a PER, ORG, LOC or MISC name.
 * The shipped lists come only from the entity mentions of the training split.
 */

/** Longest name, in tokens, that is looked up. */
export const MAX_NAME_TOKENS = 6;

/** A token sequence matched in a sentence, with the bit set of CONLL_TYPES indices it is listed under. */
export interface NameMatch {
  start: number;
  end: number;
  types: number;
}

/** Name lists keyed by their space-joined (normalised) tokens. */
export class Gazetteer {
  private readonly names = new Map<string, number>();
  private readonly upperNames = new Map<string, number>();

  /** Adds a name (its tokens) under a type index. */
  add(tokens: readonly string[], type: number): void {
    if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS) return;
    const key = tokens.join(' ');
    this.names.set(key, (this.names.get(key) ?? 0) | (1 << type));
    const upper = key.toUpperCase();
    this.upperNames.set(upper, (this.upperNames.get(upper) ?? 0) | (1 << type));
  }

  /** Number of distinct names. */
  get size(): number {
    return this.names.size;
  }

  /**
   * All listed names in a sentence of normalised words. In an all-capitals sentence (a headline)
   * names are compared in upper case, since the case there says nothing.
   */
  matches(words: readonly string[], allCaps: boolean): NameMatch[] {
    const table = allCaps ? this.upperNames : this.names;
    const found: NameMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const first = words[i].charCodeAt(0);
      // Names start with a capital, a digit or a non-ASCII letter; skip everything else quickly.
      if (first >= 97 && first <= 122) continue;
      let key = '';
      for (let n = 1; n <= MAX_NAME_TOKENS && i + n <= words.length; n++) {
        const w = allCaps ? words[i + n - 1].toUpperCase() : words[i + n - 1];
        key = n === 1 ? w : `${key} ${w}`;
        const types = table.get(key);
        if (types) found.push({ start: i, end: i + n, types });
      }
    }
    return found;
  }

  /** Serialises as lines "<type bits>\t<name>". */
  serialize(): string {
    const lines: string[] = [];
    for (const [key, types] of [...this.names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) lines.push(`${types}\t${key}`);
    return lines.join('\n');
  }

  /** Reads what `serialize` wrote. */
  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const types = Number(line.slice(0, tab));
      const tokens = line.slice(tab + 1).split(' ');
      for (let t = 0; t < 4; t++) if (types & (1 << t)) g.add(tokens, t);
    }
    return g;
  }
}
