/**
 * Feature extraction for the entity tagger. Everything that does not depend on the tagger's own
 * decisions (words, shapes, affixes, context window, name lists, document-wide casing evidence) is
 * computed once per document here; features on previous decisions are added while decoding (tagger.ts).
 *
 * Features that depend on one word only (its form, shape and affixes, and its presence one or two
 * places left or right of the token) are grouped by "role" on a cached Lexeme, so a scorer can cache
 * their summed weights per word: that is what makes tagging fast.
 */
import { Gazetteer, NameMatch, NameWord } from './gazetteer';
import { hashString, mix } from './hash';

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
  /** Cannot start a name: only lower-case letters, or only punctuation (no letter, digit or symbol like $ or &). */
  readonly neverStarts: boolean;
  /** Feature hashes per role: 0 = the token itself, 1 = previous word, 2 = next, 3 = two before, 4 = two after. */
  readonly roles: Uint32Array[];
  /**
   * Scores cached by the beam decoder for one scorer (tagger.ts): summed weights per role, and the
   * word's features on earlier decisions (`words`, rows filled on first use, marked in `known`).
   */
  cache?: { owner: object; roles: Float32Array; words: Float32Array | undefined; known: number };
}

/** Number of roles a lexeme has (see Lexeme.roles). */
export const ROLE_COUNT = 5;

// Template ids: each feature is mix(template, value). Changing these invalidates a trained model.
const enum T {
  Bias = 1, Word, Lower, Shape, Prefix, Suffix, LowerM1, LowerP1, LowerM2, LowerP2,
  ShapeM1, ShapeP1, ShapeM2, ShapeP2, BigramM1, BigramP1, ShapeTrigram, First, Headline, HeadlineWord,
  DocLower, DocMidCap, Gaz, GazShape, Flags, SuffixM1, ShapeLowerP1, LowerM1ShapeP1,
}

/** Maps typographic quotes and dashes to the ASCII forms of the training text. */
export function normalizeWord(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  return word
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u00b4]/g, "'")
    .replace(/\u2014/g, '--')
    .replace(/[\u2013\u2012\u2212]/g, '-');
}

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return ch;
  }
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'X';
  if (/\p{L}|\p{M}/u.test(ch)) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  return ch;
}

/** Word shape: X for capitals, x for small letters, d for digits; runs cut to 3 (or to 1 when `collapse`). */
export function wordShape(word: string, collapse: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = charClass(ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= (collapse ? 1 : 3)) out += c;
  }
  return out;
}

// Tokens after which a capital says nothing (quotes, brackets, dashes open a new phrase).
const OPENERS = new Set(['"', "'", '(', '`', '``', '-', '--', '[']);

const lexicon = new Map<string, Lexeme>();
// Bounds the cache (under 1 KB a word, or 2.5 KB with all its cached scores); an article has a few
// hundred distinct words, so the cache is rarely cleared.
const LEXICON_LIMIT = 30_000;

function makeLexeme(word: string): Lexeme {
  const lower = word.toLowerCase().replace(/[0-9]/g, '0');
  const lowerHash = hashString(lower);
  const shapeHash = hashString(wordShape(word, true));
  const shape = hashString(wordShape(word, false));
  const role0: number[] = [mix(T.Bias, 0), mix(T.Word, hashString(word)), mix(T.Lower, lowerHash), mix(T.Shape, shape)];
  for (let k = 1; k <= 4 && k <= lower.length; k++) {
    role0.push(mix(T.Prefix, hashString(lower.slice(0, k))), mix(T.Suffix, hashString(lower.slice(-k))));
  }
  let flags = 0;
  if (/[0-9]/.test(word)) flags |= 1;
  if (word.includes('-')) flags |= 2;
  if (word.includes('.')) flags |= 4;
  if (word.length > 1 && /^\p{Lu}+$/u.test(word)) flags |= 8;
  if (flags) role0.push(mix(T.Flags, flags));
  const left: number[] = [mix(T.LowerM1, lowerHash), mix(T.ShapeM1, shapeHash)];
  if (lower.length > 2) left.push(mix(T.SuffixM1, hashString(lower.slice(-3))));
  return {
    word,
    wordHash: hashString(word),
    upperHash: hashString(word.toUpperCase()),
    lower,
    lowerHash,
    shapeHash,
    capitalised: /^\p{Lu}/u.test(word),
    hasLower: /\p{Ll}/u.test(word),
    hasLetter: /\p{L}/u.test(word),
    allLower: /^\p{Ll}+$/u.test(word),
    neverStarts: /^\p{Ll}+$/u.test(word) || /^[.,;:!?"'()\[\]-]+$/.test(word),
    roles: [
      Uint32Array.from(role0),
      Uint32Array.from(left),
      Uint32Array.of(mix(T.LowerP1, lowerHash), mix(T.ShapeP1, shapeHash)),
      Uint32Array.of(mix(T.LowerM2, lowerHash), mix(T.ShapeM2, shapeHash)),
      Uint32Array.of(mix(T.LowerP2, lowerHash), mix(T.ShapeP2, shapeHash)),
    ],
  };
}

/** The cached lexeme of a token text. */
export function lexeme(text: string): Lexeme {
  let lex = lexicon.get(text);
  if (!lex) {
    if (lexicon.size >= LEXICON_LIMIT) lexicon.clear();
    lex = makeLexeme(normalizeWord(text));
    lexicon.set(text, lex);
  }
  return lex;
}

/** Stand-ins for the words before the start and after the end of a sentence (control characters never form a token). */
export const SENTENCE_START: Lexeme = makeLexeme('\u0002');
export const SENTENCE_END: Lexeme = makeLexeme('\u0003');

/** A sentence ready for tagging. */
export interface PreparedSentence {
  length: number;
  lexemes: Lexeme[];
  /** Set in capitals (a headline or dateline). */
  caps: boolean;
  /** Listed names in the sentence (see Gazetteer.matches), when some name matched. */
  names?: NameMatch[];
  evidence: CasingEvidence;
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

/** Document-wide casing evidence: words written in lower case, or capitalised mid-sentence, somewhere. */
export interface CasingEvidence {
  lower: Set<string>;
  midCap: Set<string>;
}

function casingEvidence(sentences: readonly Lexeme[][], caps: readonly boolean[]): CasingEvidence {
  const lower = new Set<string>();
  const midCap = new Set<string>();
  sentences.forEach((lexemes, s) => {
    lexemes.forEach((lex, i) => {
      if (lex.allLower) lower.add(lex.lower);
      else if (!caps[s] && i > 0 && lex.capitalised && lex.hasLower) midCap.add(lex.lower);
    });
  });
  return { lower, midCap };
}

/**
 * Prepares a document given as sentences of token texts: lexemes, name-list matches and casing
 * evidence; with `eager`, also every token's features (see PreparedSentence.feats).
 */
export function prepareDocument(sentences: readonly (readonly string[])[], gazetteer?: Gazetteer, eager = true): PreparedSentence[] {
  const lexemes = sentences.map((words) => words.map(lexeme));
  const caps = lexemes.map(isAllCaps);
  const evidence = casingEvidence(lexemes, caps);
  const buffer = eager ? new FeatureBuffer() : undefined;
  return lexemes.map((lex, s) => {
    const sentence: PreparedSentence = { length: lex.length, lexemes: lex, caps: caps[s], names: nameMatches(lex, caps[s], gazetteer), evidence };
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
  feats.push(mix(T.BigramM1, mix(prev.lowerHash, lex.lowerHash)));
  feats.push(mix(T.BigramP1, mix(lex.lowerHash, next.lowerHash)));
  feats.push(mix(T.ShapeTrigram, mix(mix(prev.shapeHash, lex.shapeHash), next.shapeHash)));
  feats.push(mix(T.ShapeLowerP1, mix(lex.shapeHash, next.lowerHash)));
  feats.push(mix(T.LowerM1ShapeP1, mix(prev.lowerHash, lex.shapeHash)));
  if (i === 0) feats.push(mix(T.First, lex.shapeHash));
  if (s.caps) {
    feats.push(mix(T.Headline, 0));
    feats.push(mix(T.HeadlineWord, lex.lowerHash));
  }
  if (lex.capitalised) {
    // Case is uninformative at the start of a sentence and in headlines: look at the rest of the document.
    const ambiguous = i === 0 || s.caps || OPENERS.has(prev.word);
    feats.push(mix(T.DocLower, (s.evidence.lower.has(lex.lower) ? 2 : 0) + (ambiguous ? 1 : 0)));
    if (ambiguous) feats.push(mix(T.DocMidCap, s.evidence.midCap.has(lex.lower) ? 1 : 0));
  }
  const names = s.names;
  if (names) {
    // Name-list codes: the type and the token's place in the listed name (B, I, L or U).
    for (const m of names) {
      if (i < m.start || i >= m.end) continue;
      const pos = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      for (let t = 0; t < 4; t++) {
        if (!(m.types & (1 << t))) continue;
        const g = t * 4 + pos + 1;
        feats.push(mix(T.Gaz, g));
        feats.push(mix(T.GazShape, mix(g, lex.shapeHash)));
      }
    }
  }
}
