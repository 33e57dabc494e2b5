/**
 * Feature extraction for the entity tagger. Everything that does not depend on the tagger's own
 * decisions (context window, name lists, document-wide casing evidence) is computed once per document
 * here, over the cached words of lexeme.ts; features on previous decisions are added while decoding
 * (tagger.ts).
 */
import { Gazetteer, GIVEN_NAME, NameMatch } from './gazetteer';
import { mix } from './hash';
import { lexeme, SENTENCE_END, SENTENCE_START, type Lexeme } from './lexeme';
import { isTitleCase, recaseTitle, type CaseElsewhere } from './recase';
import { T } from './templates';

// Tokens after which a capital says nothing (quotes, brackets, dashes open a new phrase).
const OPENERS = new Set(['"', "'", '(', '`', '``', '-', '--', '[']);

/** A sentence ready for tagging. */
export interface PreparedSentence {
  length: number;
  lexemes: Lexeme[];
  /** Set in capitals (a headline or dateline). */
  caps: boolean;
  /** Set in title case (a headline or a title): every word but the small ones capitalised. */
  title: boolean;
  /** A title-case line whose words the tagger reads as running text would write them (recase.ts): its capitals are read as such. */
  recased?: boolean;
  /** Per token, the head classes of the capitalised run it is in (see runHeads), when some run has a head. */
  heads?: Uint8Array;
  /** Per token, 1 (2 in the plural) when it reads as the people of a listed place ("Korean", "Koreans"), when some does. */
  demonyms?: Uint8Array;
  /** Listed names in the sentence (see Gazetteer.matches), when some name matched. */
  names?: NameMatch[];
  /** Places of the broad place list (WordLists.places) in the sentence, when some matched. */
  places?: NameMatch[];
  /**
   * Per token, what the rest of the document says of its word's case (set for capitalised tokens only):
   * CASING_LOWER when the word is written in lower case somewhere, CASING_MID_CAP when it is capitalised
   * mid-sentence somewhere (both found by Lexeme.lowerHash).
   */
  casing: Uint8Array;
  /** Words common in lower case (WordLists.common). */
  common?: ReadonlySet<string>;
  /**
   * Features of token i beyond its lexeme roles, feats[offsets[i] .. offsets[i+1]), when computed in
   * advance (training reuses them every epoch); otherwise `tokenFeatures` computes them on demand.
   */
  feats?: Uint32Array;
  offsets?: Uint32Array;
}

/** Whether a sentence is set in capitals (a headline or a dateline): no word has a small letter. */
export function isAllCaps(lexemes: readonly Lexeme[]): boolean {
  let long = false;
  for (const lex of lexemes) {
    if (!lex.hasLetter) continue;
    if (lex.hasLower) return false;
    if (lex.word.length > 1) long = true;
  }
  return long;
}

/**
 * Head classes per token of its capitalised run ("Demilitarized Zone", "Ministry of Unification": capitalised
 * words, joined by small words): (first word's class · 3 + last word's class) · 3 + place in the run
 * (0 first, 1 inside, 2 last) + 1, or 0 when neither end is a head noun. Undefined when no run has one.
 */
function runHeads(lexemes: readonly Lexeme[]): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  const n = lexemes.length;
  let i = 0;
  while (i < n) {
    if (!lexemes[i].capitalised) {
      i++;
      continue;
    }
    // Extend the run over capitalised words and joiners followed by a capitalised word.
    let end = i + 1;
    for (;;) {
      if (end < n && lexemes[end].capitalised) end++;
      else if (end + 1 < n && lexemes[end].joiner && lexemes[end + 1].capitalised) end += 2;
      else break;
    }
    const first = lexemes[i].head;
    const last = lexemes[end - 1].head;
    if (first || last) {
      out ??= new Uint8Array(n);
      for (let k = i; k < end; k++) out[k] = (first * 3 + last) * 3 + (k === i ? 0 : k === end - 1 ? 2 : 1) + 1;
    }
    i = end;
  }
  return out;
}

/**
 * Marks words that name the people of a listed place: "Korean(s)" of "Korea", "Chinese" of "China",
 * "Israeli(s)" of "Israel", "Germans" of "Germany" (also with the word before: "North Koreans").
 * Such words are not places themselves (CoNLL-2003 tags them MISC).
 */
function demonymMarks(lexemes: readonly Lexeme[], names: Gazetteer | undefined, places: Gazetteer | undefined): Uint8Array | undefined {
  if (!names) return undefined;
  // A place of either list: the training names (type bit 4) or the broad place list (any bit).
  const place = (tokens: string[]) => (names.typesOf(tokens) & 4) !== 0 || (places !== undefined && places.typesOf(tokens) !== 0);
  let out: Uint8Array | undefined;
  for (let i = 0; i < lexemes.length; i++) {
    const lex = lexemes[i];
    if (!lex.capitalised || !lex.hasLower || lex.word.length < 4) continue;
    const stems = lex.demonymStems;
    // A listed place is no people of another ("Paris" is not of "Para").
    if (stems.length === 0 || (names.typesOf([lex.word]) & 4) !== 0) continue;
    const before = i > 0 && lexemes[i - 1].capitalised ? lexemes[i - 1].word : undefined;
    const listed = stems.some((stem) => place([stem]) || (before !== undefined && place([before, stem])));
    if (listed) {
      out ??= new Uint8Array(lexemes.length);
      out[i] = lex.word.endsWith('s') ? 2 : 1;
    }
  }
  return out;
}

/** What the features may look up besides the words: name lists and words common in lower case. */
export interface WordLists {
  names?: Gazetteer;
  /**
   * A broad list of places from outside the training data (countries, US states, continents, cities of
   * GeoNames): type bit 1 for a city, 2 for a country, state, continent or city of a million people.
   * A feature of its own, so that the tagger learns how far such a list can be trusted.
   */
  places?: Gazetteer;
  /** Words seen in lower case in ordinary text (lower-cased, digits as 0). */
  common?: ReadonlySet<string>;
}

/** Bits of PreparedSentence.casing. */
export const CASING_LOWER = 1;
export const CASING_MID_CAP = 2;

/**
 * Document-wide casing evidence: which words (by Lexeme.lowerHash) are seen in lower case, or capitalised
 * mid-sentence, somewhere in the document. One open-addressing table of hashes serves every document,
 * its entries marked with the document's stamp, so that a new document starts empty at no cost: two
 * sets of numbers per document, grown a word at a time, were a twentieth of the entity recogniser's time.
 * Sharing it is safe only while a document's table is filled and read in one synchronous call: a
 * preparation split into slices with pauses between them would need a table of its own.
 */
class CasingTable {
  private keys = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private bits = new Uint8Array(1024);
  private mask = 1023;
  private stamp = 0;

  /** Empties the table for a document of at most `words` distinct words. */
  reset(words: number): void {
    if (this.keys.length < 2 * words) {
      let size = this.keys.length;
      while (size < 2 * words) size *= 2;
      this.keys = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.bits = new Uint8Array(size);
      this.mask = size - 1;
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** The slot of `key`, or of the empty slot where it would go. */
  private slot(key: number): number {
    const { keys, stamps, mask, stamp } = this;
    let at = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (stamps[at] === stamp && keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  mark(key: number, bit: number): void {
    const at = this.slot(key);
    if (this.stamps[at] === this.stamp) this.bits[at] |= bit;
    else {
      this.stamps[at] = this.stamp;
      this.keys[at] = key;
      this.bits[at] = bit;
    }
  }

  get(key: number): number {
    const at = this.slot(key);
    return this.stamps[at] === this.stamp ? this.bits[at] : 0;
  }
}

const casingTable = new CasingTable();
// Tokens of the largest document that uses the shared table (which then holds 64 K entries, under 600 KB):
// a larger one (a book given at once; the pipeline hands articles over in chunks of at most 16 K characters)
// gets a table of its own, dropped after it, rather than growing the shared one for good.
const SHARED_TABLE_WORDS = 1 << 15;

/** Marks in `table` the words of a sentence seen in lower case, or capitalised mid-sentence outside a headline. */
function markCasing(table: CasingTable, lexemes: readonly Lexeme[], caps: boolean): void {
  for (let i = 0; i < lexemes.length; i++) {
    const lex = lexemes[i];
    if (lex.allLower) table.mark(lex.lowerHash | 0, CASING_LOWER);
    else if (!caps && i > 0 && lex.capitalised && lex.hasLower) table.mark(lex.lowerHash | 0, CASING_MID_CAP);
  }
}

/** The casing bits of a sentence's capitalised tokens (see PreparedSentence.casing), once the whole document is marked. */
function casingBits(table: CasingTable, lexemes: readonly Lexeme[]): Uint8Array {
  const bits = new Uint8Array(lexemes.length);
  for (let i = 0; i < lexemes.length; i++) if (lexemes[i].capitalised) bits[i] = table.get(lexemes[i].lowerHash | 0);
  return bits;
}

/**
 * Prepares a document given as sentences of token texts: lexemes, name-list matches and casing
 * evidence; with `eager`, also every token's features (see PreparedSentence.feats); with `recase`,
 * title-case headlines as running text (recase.ts: when recognising; training sees them as written).
 */
export function prepareDocument(sentences: readonly (readonly string[])[], lists: WordLists = {}, eager = true, recase = false): PreparedSentence[] {
  let words = 0;
  for (const tokens of sentences) words += tokens.length;
  const table = words > SHARED_TABLE_WORDS ? new CasingTable() : casingTable;
  table.reset(words);
  // One pass a sentence while its words are fresh in the processor's cache: their lexemes, whether it is
  // a headline (in capitals or in title case: the capitals there say nothing about names), its casing marks.
  const lexemes: Lexeme[][] = [];
  const caps: boolean[] = [];
  for (const tokens of sentences) {
    const lex = tokens.map(lexeme);
    const headline = isAllCaps(lex) || isTitleCase(lex, recase);
    markCasing(table, lex, headline);
    lexemes.push(lex);
    caps.push(headline);
  }
  const recased = recase ? recaseTitles(lexemes, caps, table, lists) : undefined;
  const gazetteer = lists.names;
  const buffer = eager ? new FeatureBuffer() : undefined;
  return lexemes.map((lex, s) => {
    const allCaps = caps[s] && isAllCaps(lex);
    const sentence: PreparedSentence = {
      length: lex.length,
      lexemes: lex,
      caps: allCaps,
      title: caps[s] && !allCaps,
      recased: recased?.[s],
      names: nameMatches(lex, allCaps, gazetteer),
      places: nameMatches(lex, allCaps, lists.places),
      heads: runHeads(lex),
      demonyms: demonymMarks(lex, gazetteer, lists.places),
      casing: casingBits(table, lex),
      common: lists.common,
    };
    if (buffer) {
      const first = buffer.length;
      const offsets = new Uint32Array(lex.length + 1);
      for (let i = 0; i < lex.length; i++) {
        offsets[i] = buffer.length - first;
        tokenFeatures(sentence, i, buffer);
      }
      offsets[lex.length] = buffer.length - first;
      // A view: later sentences may grow (and so replace) the buffer, but never this range of it.
      sentence.feats = buffer.data.subarray(first, buffer.length);
      sentence.offsets = offsets;
    }
    return sentence;
  });
}

/** Puts the title-case headlines of a document in the case of running text (recase.ts), once the whole document is marked; which were. */
function recaseTitles(lexemes: Lexeme[][], caps: readonly boolean[], table: CasingTable, lists: WordLists): boolean[] | undefined {
  let recased: boolean[] | undefined;
  let elsewhere: CaseElsewhere | undefined;
  for (let s = 0; s < lexemes.length; s++) {
    // A line that ends in a full stop is a sentence, such as a report's sign-off ("Purnell Murdock, VOA News.").
    if (!caps[s] || isAllCaps(lexemes[s]) || lexemes[s][lexemes[s].length - 1].word === '.') continue;
    elsewhere ??= (lex) => {
      const bits = table.get(lex.lowerHash | 0);
      return bits & CASING_MID_CAP ? 'capital' : bits & CASING_LOWER ? 'lower' : undefined;
    };
    const words = recaseTitle(lexemes[s], elsewhere, lists.common, lists.names);
    if (!words) continue;
    lexemes[s] = words;
    (recased ??= [])[s] = true;
  }
  return recased;
}

/** A growable array of feature hashes (shared by the sentences of a document: fewer small allocations). */
export class FeatureBuffer {
  data = new Uint32Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /**
   * Appends mix(a, b) (hash.ts; the same steps, written out here): a hash returned by a call that is not
   * inlined is boxed (an unsigned 32-bit number is no small integer), and tokenFeatures makes more calls
   * of mix than the optimiser inlines into one function; a hash stored where it is made is never boxed.
   */
  pushMix(a: number, b: number): void {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = h ^ (h >>> 16);
  }
}

function nameMatches(lexemes: readonly Lexeme[], caps: boolean, gazetteer: Gazetteer | undefined): NameMatch[] | undefined {
  const found = gazetteer?.matches(lexemes, caps);
  return found && found.length > 0 ? found : undefined;
}

/** Appends the features of token i beyond its lexeme roles: word pairs, position, headline, casing evidence, names. */
export function tokenFeatures(s: PreparedSentence, i: number, feats: FeatureBuffer): void {
  const n = s.length;
  const lex = s.lexemes[i];
  const prev = i > 0 ? s.lexemes[i - 1] : SENTENCE_START;
  const next = i + 1 < n ? s.lexemes[i + 1] : SENTENCE_END;
  feats.pushMix(T.BigramM1, mix(prev.lowerHash, lex.lowerHash));
  feats.pushMix(T.BigramP1, mix(lex.lowerHash, next.lowerHash));
  feats.pushMix(T.ShapeTrigram, mix(mix(prev.shapeHash, lex.shapeHash), next.shapeHash));
  feats.pushMix(T.ShapeLowerP1, mix(lex.shapeHash, next.lowerHash));
  feats.pushMix(T.LowerM1ShapeP1, mix(prev.lowerHash, lex.shapeHash));
  if (i === 0) feats.pushMix(T.First, lex.shapeHash);
  if (s.caps) {
    feats.pushMix(T.Headline, 0);
    feats.pushMix(T.HeadlineWord, lex.lowerHash);
  }
  if (s.title && !s.recased) {
    feats.pushMix(T.Title, 0);
    feats.pushMix(T.TitleWord, lex.lowerHash);
  }
  if (lex.capitalised) {
    // Case is uninformative at the start of a sentence and in headlines: look at the rest of the
    // document, and at whether the word is common in lower case.
    const ambiguous = i === 0 || s.caps || (s.title && !s.recased) || OPENERS.has(prev.word);
    const casing = s.casing[i];
    feats.pushMix(T.DocLower, (casing & CASING_LOWER ? 2 : 0) + (ambiguous ? 1 : 0));
    if (ambiguous) feats.pushMix(T.DocMidCap, casing & CASING_MID_CAP ? 1 : 0);
    // Only where case is ambiguous: inside a sentence a capital marks a name even on a common word ("President Bush").
    if (ambiguous && s.common) feats.pushMix(T.Common, s.common.has(lex.lower) ? 1 : 0);
  }
  const head = s.heads?.[i];
  if (head) feats.pushMix(T.Head, head);
  if (s.demonyms) {
    if (s.demonyms[i]) feats.pushMix(T.Demonym, s.demonyms[i]);
    if (i + 1 < n && s.demonyms[i + 1]) feats.pushMix(T.DemonymNext, s.demonyms[i + 1]);
  }
  if (s.places) {
    for (const m of s.places) {
      if (i < m.start || i >= m.end) continue;
      const pos = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      const g = (m.types & 2 ? 4 : 0) + pos + 1;
      feats.pushMix(T.Place, g);
      feats.pushMix(T.PlaceShape, mix(g, lex.shapeHash));
    }
  }
  const names = s.names;
  if (names) {
    // Name-list codes: the type and the token's place in the listed name (B, I, L or U).
    for (const m of names) {
      if (i < m.start || i >= m.end) continue;
      const pos = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      for (let t = 0; t <= GIVEN_NAME; t++) {
        if (!(m.types & (1 << t))) continue;
        const g = t * 4 + pos + 1;
        feats.pushMix(T.Gaz, g);
        feats.pushMix(T.GazShape, mix(g, lex.shapeHash));
      }
    }
  }
}
