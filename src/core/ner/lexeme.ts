/**
 * The words of the entity tagger: a Lexeme holds what depends on one word only (its form, shape and
 * affixes, and its presence one or two places left or right of the token), grouped by "role", and is
 * cached per token text, so a scorer can cache their summed weights per word: that is what makes
 * tagging fast. Features of a token in its sentence are in features.ts.
 */
import type { NameWord } from './gazetteer';
import { clustersOf } from './clusters';
import { hashString, mix } from './hash';
import { ALL_LOWER, asciiCase, asciiUpperHash, CAPITALISED, HAS_LETTER, HAS_LOWER, shapeHashOf } from './shape';
import { T } from './templates';

/** Word-level facts, computed once per distinct token text and cached. */
export interface Lexeme extends NameWord {
  /** Token text with typographic quotes and dashes mapped to ASCII. */
  readonly word: string;
  /** Lower case, digits replaced by 0. */
  readonly lower: string;
  readonly lowerHash: number;
  /** Hash of the short shape ("Xx", "X.X.", "d-d"). */
  readonly shapeHash: number;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Contains a lower-case letter / any letter. */
  readonly hasLower: boolean;
  readonly hasLetter: boolean;
  /** Only lower-case letters. */
  readonly allLower: boolean;
  /** Generic head noun of a place (1: "Zone", "River", "Province") or an organisation (2: "Ministry", "Agency"), else 0. */
  readonly head: number;
  /** A small function word that may join the words of a name ("of", "the", "and"). */
  readonly joiner: boolean;
  /** A day of the week: never part of a name (CoNLL-2003 tags none). */
  readonly weekday: boolean;
  /** Cannot start a name: only lower-case letters, or only punctuation (no letter, digit or symbol like $ or &). */
  readonly neverStarts: boolean;
  /** Written as a web address ("GlobalSecurity.org") or as capitals run into a number ("UNITED24"): a name the tagger may miss. */
  readonly webLike: boolean;
  /** The place names the word may name the people of: "Koreans" → Korea, "Chinese" → China, "Israeli" → Israel (see features.ts demonymMarks; worked out only for the words it reads them of, capitalised with a lower-case letter and four characters or more). */
  readonly demonymStems: readonly string[];
  /** Feature hashes per role (see roleFeatures), worked out on first use. */
  roleCache: Uint32Array[] | undefined;
  /**
   * Scores cached by the beam decoder for one scorer (wordScores.ts): the id of that scorer's arena of
   * scores (0: none yet), the offset of this word's role scores in it, and of its table of features on
   * earlier decisions (-1: none yet; the offsets of its rows, which are made on first use).
   */
  scoresOwner: number;
  rolesAt: number;
  wordsAt: number;
}

/** Number of roles a lexeme has (see roleFeatures). */
export const ROLE_COUNT = 5;
/** Word offsets of the lexeme roles (see roleFeatures): the token, the one before, after, two before, two after. */
export const ROLE_OFFSETS: readonly number[] = [0, -1, 1, -2, 2];

/** Maps typographic quotes and dashes to the ASCII forms of the training text. */
export function normalizeWord(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  return word
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u00b4]/g, "'")
    .replace(/\u2014/g, '--')
    .replace(/[\u2013\u2012\u2212]/g, '-');
}

// Generic head nouns of place and organisation names, in any language's English news: a capitalised
// run of words ending in (or, for organisations, starting with) one of them is likely a name of that kind.
const PLACE_HEADS = new Set(
  ('zone river rivers province strait straits sea ocean island islands isles valley peninsula bay lake gulf desert region ' +
    'canal coast mountains mountain hills plateau basin county district prefecture street avenue square airport heights ' +
    'strip channel falls forest territory territories republic kingdom emirates village oblast governorate sound delta cape')
    .split(' '),
);
const ORG_HEADS = new Set(
  ('ministry agency department council commission committee party bank university institute association federation ' +
    'union corporation corp corp. inc inc. ltd ltd. plc co co. group office court army navy police service authority board ' +
    'organisation organization foundation company club league parliament assembly senate congress bureau fund exchange ' +
    'securities bancorp partners associates investments insurance motors airline telecom enterprises laboratories ' +
    'airlines airways press network society alliance front movement trust holdings industries cabinet tribunal school college')
    .split(' '),
);
const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;
// Words that may stand inside a name between capitalised words ("Ministry of Unification").
const JOINERS = new Set(['of', 'the', 'and', 'for', 'on', 'de', '&']);

// A web address as a name ("GlobalSecurity.org"): an organisation or its site (letters first, a known top-level domain last).
const WEB_NAME = /^\p{L}[\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|org|net|gov|edu|int|info|biz|io|co|tv|news|uk|us|eu|de|fr|ru|ua|kr|jp|cn|au|ca|in)$/iu;
// A brand in capitals with a number ("UNITED24"): an organisation or a product's name, not nothing.
const CAPS_NUMBER_NAME = /^\p{Lu}{4,}\d{1,4}$/u;

/** See Lexeme.webLike. */
function isWebLike(word: string, capitalised: boolean): boolean {
  // Cheap checks first: a dot inside, or a capital first and a digit last.
  const last = word.charCodeAt(word.length - 1);
  const web = word.length > 4 && word.indexOf('.') > 0 && last > 64;
  const capsNumber = word.length > 4 && last >= 48 && last <= 57 && capitalised;
  return (web && WEB_NAME.test(word)) || (capsNumber && CAPS_NUMBER_NAME.test(word));
}

const NO_STEMS: readonly string[] = [];

/** See Lexeme.demonymStems. */
function demonymStems(word: string): readonly string[] {
  const one = word.endsWith('s') ? word.slice(0, -1) : word;
  let stems: string[];
  if (one.endsWith('an')) stems = [one.slice(0, -1), one + 'y', one.slice(0, -3) + 'y', one.slice(0, -2), one.slice(0, -3)];
  else if (one.endsWith('ese')) stems = [one.slice(0, -3), one.slice(0, -3) + 'a'];
  else if (one.endsWith('i')) stems = [one.slice(0, -1), one.slice(0, -1) + 'a'];
  else return NO_STEMS;
  stems = stems.filter((stem) => stem.length > 2);
  return stems.length ? stems : NO_STEMS;
}

const lexicon = new Map<string, Lexeme>();
// Bounds the cache (under 1 KB a word; the decoder's cached scores of the words are not on them but in
// arenas bounded apart, see wordScores.ts); an article has a few hundred distinct words, so the cache is
// rarely cleared.
const LEXICON_LIMIT = 30_000;

function makeLexeme(word: string): Lexeme {
  return new WordFacts(word);
}

/**
 * A lexeme as makeLexeme makes it. Made by a constructor, not as an object literal: V8 tracks where
 * literals are made and may later decide to allocate those of one place in the old generation (lexemes
 * live long), and every such decision throws away the optimised code that made them, so that the first
 * reading of an article, where most new words are made, ran makeLexeme unoptimised and compiled it
 * again (issue 14, seen with --trace-deopt: "marking dependent code ... makeLexeme"). Objects made by
 * `new` are not tracked so. The fields are `declare`d (no class fields, which would first define each
 * as undefined) and assigned once each, in one order, so all lexemes share one hidden class.
 */
class WordFacts implements Lexeme {
  declare readonly capitalised: boolean;
  declare readonly allLower: boolean;
  declare readonly hasLower: boolean;
  declare readonly hasLetter: boolean;
  declare readonly neverStarts: boolean;
  declare readonly weekday: boolean;
  declare readonly webLike: boolean;
  declare readonly lowerHash: number;
  declare readonly shapeHash: number;
  declare scoresOwner: number;
  declare rolesAt: number;
  declare wordsAt: number;
  declare readonly wordHash: number;
  declare readonly upperHash: number;
  declare readonly joiner: boolean;
  declare readonly head: number;
  declare readonly word: string;
  declare readonly lower: string;
  declare readonly demonymStems: readonly string[];
  declare roleCache: Uint32Array[] | undefined;

  constructor(word: string) {
    const lower = word.toLowerCase().replace(/[0-9]/g, '0');
    // The hashes are kept as signed 32-bit integers: V8 stores those in the object itself, while a number
    // of 2^31 or more is a boxed double, one more memory access at every read (mix and the tables read
    // the same 32 bits either way).
    const lowerHash = hashString(lower) | 0;
    const weekday = WEEKDAYS.test(word);
    // A weekday is capitalised by convention only: seen from its neighbours it has a shape of its own,
    // so that "Panmunjeom Thursday" does not read as a capitalised word followed by more of a name.
    const shapeHash = (weekday ? hashString('W') : shapeHashOf(word, true)) | 0;
    const ascii = asciiCase(word);
    const capitalised = ascii < 0 ? /^\p{Lu}/u.test(word) : (ascii & CAPITALISED) !== 0;
    const allLower = ascii < 0 ? /^\p{Ll}+$/u.test(word) : (ascii & ALL_LOWER) !== 0;
    const hasLower = ascii < 0 ? /\p{Ll}/u.test(word) : (ascii & HAS_LOWER) !== 0;
    // The fields in the order of their use per token, so that the few read on every token share the
    // object's first cache lines (V8 lays them out in this order): case, then hashes and the decoder's
    // offsets, then what only some tokens or first sight need.
    this.capitalised = capitalised;
    this.allLower = allLower;
    this.hasLower = hasLower;
    this.hasLetter = ascii < 0 ? /\p{L}/u.test(word) : (ascii & HAS_LETTER) !== 0;
    this.neverStarts = allLower || /^[.,;:!?"'()[\]-]+$/.test(word);
    this.weekday = weekday;
    this.webLike = isWebLike(word, capitalised);
    this.lowerHash = lowerHash;
    this.shapeHash = shapeHash;
    // Set from the start, so that every lexeme has one hidden class whether the decoder has cached
    // its scores or not (a property added later gives two, and slower property reads on the hot path).
    this.scoresOwner = 0;
    this.rolesAt = 0;
    this.wordsAt = -1;
    this.wordHash = hashString(word) | 0;
    this.upperHash = (ascii < 0 ? hashString(word.toUpperCase()) : asciiUpperHash(word)) | 0;
    this.joiner = JOINERS.has(lower);
    this.head = PLACE_HEADS.has(lower) ? 1 : ORG_HEADS.has(lower) ? 2 : 0;
    this.word = word;
    this.lower = lower;
    // Only of the words that features.ts demonymMarks reads them of.
    this.demonymStems = capitalised && hasLower && word.length >= 4 ? demonymStems(word) : NO_STEMS;
    this.roleCache = undefined;
  }
}

/**
 * Feature hashes per role of a word: 0 = the token itself, 1 = previous word, 2 = next, 3 = two before,
 * 4 = two after. Worked out on first use and kept (training and learning read them again and again).
 */
export function roleFeatures(lex: Lexeme): Uint32Array[] {
  if (lex.roleCache) return lex.roleCache;
  writeRoles(lex, scratch, scratchEnds);
  const roles: Uint32Array[] = [];
  for (let r = 0; r < ROLE_COUNT; r++) roles.push(scratch.slice(r ? scratchEnds[r - 1] : 0, scratchEnds[r]));
  return (lex.roleCache = roles);
}

/** Room for the features of every role of a word (at most 15 + 4 + 3 + 2 + 2). */
export const ROLE_FEATURES_MAX = 32;
const scratch = new Uint32Array(ROLE_FEATURES_MAX);
const scratchEnds = new Int32Array(ROLE_COUNT);

// FNV-1a of s[from, to): hashString(s.slice(from, to)) without the slice.
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The features of roleFeatures, written one role after the other into `out` (ROLE_FEATURES_MAX long),
 * role r ending at `ends[r]`: the decoder needs them once a word and scorer (it caches their summed
 * scores), and writing them into its scratch array spares a new word five small arrays (and the
 * garbage collector their collection), so the lexemes, read on every token, stay small as well.
 */
export function writeRoles(lex: Lexeme, out: Uint32Array, ends: Int32Array): void {
  const { word, lower, lowerHash, shapeHash } = lex;
  if (lex.roleCache) {
    let n = 0;
    for (let r = 0; r < ROLE_COUNT; r++) {
      out.set(lex.roleCache[r], n);
      ends[r] = n += lex.roleCache[r].length;
    }
    return;
  }
  let n = 0;
  out[n++] = mix(T.Bias, 0);
  out[n++] = mix(T.Word, lex.wordHash);
  out[n++] = mix(T.Lower, lowerHash);
  out[n++] = mix(T.Shape, shapeHashOf(word, false));
  // The prefixes' hashes one from the other (FNV-1a reads left to right).
  const len = lower.length;
  let prefix = 0x811c9dc5;
  let suffix3 = 0;
  for (let k = 1; k <= 4 && k <= len; k++) {
    prefix = Math.imul(prefix ^ lower.charCodeAt(k - 1), 0x01000193);
    const suffix = hashRange(lower, len - k, len);
    if (k === 3) suffix3 = suffix;
    out[n++] = mix(T.Prefix, prefix >>> 0);
    out[n++] = mix(T.Suffix, suffix);
  }
  let flags = 0;
  if (/[0-9]/.test(word)) flags |= 1;
  if (word.includes('-')) flags |= 2;
  if (word.includes('.')) flags |= 4;
  if (word.length > 1 && /^\p{Lu}+$/u.test(word)) flags |= 8;
  if (flags) out[n++] = mix(T.Flags, flags);
  // The word's clusters (clusters.ts; 0: a word with letters outside the table), each with its capital,
  // so that "Bush" is not read as the common words of its cluster ("campaign", "bill"): on CoNLL dev A,
  // 92.51 F1 with the capital against 92.42 without (issue 14). After the word's form and lower-case
  // form, which online.ts reads by position (roles[0][1], [2]).
  const clusters = lex.hasLetter ? clustersOf(lower) : -1;
  const cap = lex.capitalised ? 1 : 0;
  const fine = (clusters >> 8) * 2 + cap;
  if (clusters >= 0) {
    out[n++] = mix(T.Cluster, fine);
    out[n++] = mix(T.ClusterCoarse, (clusters & 255) * 2 + cap);
  }
  ends[0] = n;
  out[n++] = mix(T.LowerM1, lowerHash);
  out[n++] = mix(T.ShapeM1, shapeHash);
  if (len > 2) out[n++] = mix(T.SuffixM1, suffix3);
  if (clusters >= 0) out[n++] = mix(T.ClusterM1, fine);
  ends[1] = n;
  out[n++] = mix(T.LowerP1, lowerHash);
  out[n++] = mix(T.ShapeP1, shapeHash);
  if (clusters >= 0) out[n++] = mix(T.ClusterP1, fine);
  ends[2] = n;
  out[n++] = mix(T.LowerM2, lowerHash);
  out[n++] = mix(T.ShapeM2, shapeHash);
  ends[3] = n;
  out[n++] = mix(T.LowerP2, lowerHash);
  out[n++] = mix(T.ShapeP2, shapeHash);
  ends[4] = n;
}

// Tokens of one or two ASCII characters (punctuation, "a", "of", "to": a third of an article's tokens),
// found by their character codes: a lookup in the large map above hashes the new string and misses the
// cache on its table, and this is a fifth of the entity tagger's preparation. They count towards LEXICON_LIMIT.
const short: (Lexeme | undefined)[] = new Array<Lexeme | undefined>(128 * 129).fill(undefined);
let shortCount = 0;

/** A new lexeme, after emptying every cache of them when they hold LEXICON_LIMIT words. */
function remember(text: string): Lexeme {
  if (lexicon.size + shortCount >= LEXICON_LIMIT) forgetLexemes();
  return makeLexeme(normalizeWord(text));
}

/** Empties every cache of lexemes, as when they hold LEXICON_LIMIT words (and for tests of what fills them). */
export function forgetLexemes(): void {
  lexicon.clear();
  short.fill(undefined);
  shortCount = 0;
  recent.fill(undefined);
}

/** Whether the lexeme of a token text is kept (for tests of the warm-up). */
export function lexemeKept(text: string): boolean {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (text.length === 1 && a < 128) return short[16384 + a] !== undefined;
  if (text.length === 2 && (a | b) < 128) return short[a * 128 + b] !== undefined;
  return lexicon.has(text);
}

function rememberShort(key: number, text: string): Lexeme {
  const lex = remember(text);
  short[key] = lex;
  shortCount++;
  return lex;
}

/** The cached lexeme of a token text. */
export function lexeme(text: string): Lexeme {
  // Two characters a, b at a · 128 + b; one character a at 128 · 128 + a.
  if (text.length === 1) {
    const a = text.charCodeAt(0);
    if (a < 128) return short[16384 + a] ?? rememberShort(16384 + a, text);
  } else if (text.length === 2) {
    const a = text.charCodeAt(0);
    const b = text.charCodeAt(1);
    if ((a | b) < 128) return short[a * 128 + b] ?? rememberShort(a * 128 + b, text);
  }
  // Longer words: first a table that keeps the last word seen per slot (chosen by length and five
  // characters, not a hash of the whole string), which holds the words of the last few articles; the map,
  // whose size makes each look-up a few cache misses, only on a miss there. The five characters, spread
  // by a multiplication over 16 K slots, leave one long word in ten to the map (three characters summed
  // into 4 K slots left one in three).
  // Left here with fewer than two characters: one non-ASCII character (quotes, dashes, CJK) or none,
  // where characters out of range count as 0 (NaN would send them all to slot 0).
  const n = text.length;
  const mixed =
    n >= 2
      ? n * 7 + text.charCodeAt(0) * 31 + text.charCodeAt(1) * 7919 + text.charCodeAt(n >> 1) * 17 + text.charCodeAt(n - 1) * 131 + text.charCodeAt(n - 2) * 1031
      : n * 7 + (n === 1 ? text.charCodeAt(0) * (31 + 17 + 131) : 0);
  const slot = (Math.imul(mixed, 0x9e3779b1) >>> RECENT_SHIFT) << 1;
  if (recent[slot] === text) return recent[slot + 1] as Lexeme;
  let lex = lexicon.get(text);
  if (!lex) {
    lex = remember(text);
    lexicon.set(text, lex);
  }
  recent[slot] = text;
  recent[slot + 1] = lex;
  return lex;
}

// 2^14 slots, indexed by the top 14 bits of a 32-bit product.
const RECENT_SHIFT = 18;
// Per slot its text and its lexeme side by side (one cache line for both); undefined marks an empty
// slot, which no token text equals (not even '', an empty text, which some callers pass).
const recent: (string | Lexeme | undefined)[] = new Array<string | Lexeme | undefined>(2 << (32 - RECENT_SHIFT)).fill(undefined);

/** Stand-ins for the words before the start and after the end of a sentence (control characters never form a token). */
export const SENTENCE_START: Lexeme = makeLexeme('\u0002');
export const SENTENCE_END: Lexeme = makeLexeme('\u0003');
