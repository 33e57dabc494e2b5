/**
 * The scores the beam decoder (tagger.ts) keeps per scorer: those of the features on earlier decisions
 * that do not depend on the word (the label tables), and per word its summed role weights and its own
 * features on earlier decisions.
 *
 * Layout: the role scores of every word a scorer has seen lie in one flat array of that scorer (an
 * arena), each word's at an offset kept on its lexeme, and so do the words' own tables. A token's scores
 * are then read from one array at five offsets; with a small array of their own per word, each of the
 * five words cost a look-up of that array's object and of its separate storage first, memory accesses
 * that missed the processor's cache.
 *
 * A word's own table has 24 possible rows (one per previous label, one per memory value), but a word
 * needs two or three of them (17,600 rows for 7,900 words after the bench's first reading of
 * corpus/news): its rows are made one at a time in an arena of rows, found through the word's directory
 * of 24 row offsets. With a whole table of 24 rows per word (1,632 bytes), the arena held ten times the
 * rows in use (13 MB), and its growth by doubling, off the JavaScript heap, brought on collections.
 */
import { mix } from './hash';
import { LABEL_COUNT } from './labels';
import { ROLE_COUNT, ROLE_FEATURES_MAX, writeRoles, type Lexeme } from './lexeme';
import type { Scorer } from './tagger';

/** Templates of the features on earlier decisions (see tagger.ts dynamicFeatures). Changing these invalidates a trained model. */
export const enum D {
  Prev1 = 101, Prev2, Prev1Word, Prev1Shape, Memory, MemoryShape,
}

/** Memory value for a word last labelled O; types are stored as type index + 1. */
export const MEMORY_OUTSIDE = 5;

// Rows of the label tables below: one per previous label, plus the sentence start (31) in the last row.
const START_ROW = LABEL_COUNT;
/** Rows of the label tables: one per previous label, and the sentence start. */
export const ROWS = LABEL_COUNT + 1;
// Memory values (see tagger.ts memoryValue): 0 (capitalised, not remembered) to MEMORY_OUTSIDE.
const MEMORY_VALUES = MEMORY_OUTSIDE + 1;
// Rows of a word's own table (its directory at Lexeme.wordsAt): Prev1Word + Prev1Shape per previous label, then MemoryShape per memory value.
const WORD_ROWS = ROWS + MEMORY_VALUES;

/** The label-table row of a previous label (31: the sentence start). */
export const rowOf = (label: number): number => (label === 31 ? START_ROW : label);

/** The flat arrays of the scores of the words a scorer has seen (see the layout above). */
interface ScoreArena {
  /** Told apart from every other arena's, so that a lexeme knows whose offsets it holds without holding the arena. */
  id: number;
  /** Role scores: ROLE_COUNT rows of LABEL_COUNT at Lexeme.rolesAt. */
  roles: Float32Array;
  rolesUsed: number;
  /** Rows of the words' own tables, LABEL_COUNT values each, made on first use; the first row is never used (0 in `tables` marks a row not made). */
  words: Float32Array;
  wordsUsed: number;
  /** Words' own tables: WORD_ROWS offsets of rows in `words` (0: not made yet) at Lexeme.wordsAt. */
  tables: Int32Array;
  tablesUsed: number;
}

/** What a scorer's decoding keeps between documents. */
export interface LabelTables {
  /** Prev1 per previous-label row. */
  prev1: Float64Array;
  /** Prev2 per (previous row · ROWS + row before it). */
  prev2: Float64Array;
  /** Memory per memory value. */
  memory: Float64Array;
  /** The scores of its words. */
  arena: ScoreArena;
}

const ROLE_STRIDE = ROLE_COUNT * LABEL_COUNT;
const WORD_STRIDE = WORD_ROWS * LABEL_COUNT;
// Words an arena holds: 11 MB of role scores, 3 MB of words' tables and at most 53 MB of their rows (as
// many as a lexicon full of words with every row each). The lexicon keeps at most 30,000 words, but the words of a lexicon
// emptied since would otherwise keep their rows for good, and one long document may bring more. An arena
// that would pass the bound within a document starts over before the next sentence (startSentence; the
// scores are a cache, summed again the same), so its arrays grow to the bound and no further, unless
// one sentence alone holds more words; and an arena left full or larger at the end of a document is
// dropped (endDocument), as the scorer may not be used again for long: the extension keeps two.
const ARENA_WORDS = 1 << 15;
// The bound in words, and in values of each array: ARENA_WORDS but in tests of the start-over, which set a
// few words (setArenaBound) so that arenas start over and grow many times in a document.
let arenaWords = ARENA_WORDS;
let rolesBound = ARENA_WORDS * ROLE_STRIDE;
let wordsBound = ARENA_WORDS * WORD_STRIDE;
let tablesBound = ARENA_WORDS * WORD_ROWS;
let arenaIds = 0;

/** Sets the bound of the arenas in words (for tests; without an argument, back to the default): arenas made or started over from now on keep to it. */
export function setArenaBound(words = ARENA_WORDS): void {
  arenaWords = words;
  rolesBound = words * ROLE_STRIDE;
  wordsBound = words * WORD_STRIDE;
  tablesBound = words * WORD_ROWS;
}

// Initial sizes: powers of two in words (rows), so that doubling reaches the bound exactly (none larger than a test's bound).
function newArena(): ScoreArena {
  return {
    id: ++arenaIds,
    roles: new Float32Array(ROLE_STRIDE * Math.min(1024, arenaWords)),
    rolesUsed: 0,
    words: new Float32Array(LABEL_COUNT * Math.min(1024, arenaWords)),
    wordsUsed: LABEL_COUNT,
    tables: new Int32Array(WORD_ROWS * Math.min(256, arenaWords)),
    tablesUsed: 0,
  };
}

/** The size of an array of `length` with room for `more` values after `used`: twice as large when full, but no larger than `bound` when that is room enough. */
function grownSize(length: number, used: number, more: number, bound: number): number {
  let size = length * 2;
  if (size > bound && used + more <= bound) size = bound;
  while (size < used + more) size *= 2;
  return size;
}

/** `data` with room for `more` values after `used` (see grownSize). */
function room(data: Float32Array, used: number, more: number, bound: number): Float32Array {
  if (used + more <= data.length) return data;
  const grown = new Float32Array(grownSize(data.length, used, more, bound));
  grown.set(data.subarray(0, used));
  return grown;
}

/** The same for the words' tables. */
function roomInTables(data: Int32Array, used: number, bound: number): Int32Array {
  if (used + WORD_ROWS <= data.length) return data;
  const grown = new Int32Array(grownSize(data.length, used, WORD_ROWS, bound));
  grown.set(data.subarray(0, used));
  return grown;
}

const labelTables = new WeakMap<Scorer, LabelTables>();

/** The tables of a scorer, made on first use; called at the start of a document (see endDocument). */
export function startDocument(scorer: Scorer): LabelTables {
  let t = labelTables.get(scorer);
  if (t) return t;
  const one = new Uint32Array(1);
  const score = (out: Float64Array, at: number, feature: number): void => {
    one[0] = feature;
    scorer.accumulate(one, 0, 1, out.subarray(at * LABEL_COUNT, (at + 1) * LABEL_COUNT));
  };
  const labelOfRow = (row: number): number => (row === START_ROW ? 31 : row);
  t = {
    prev1: new Float64Array(ROWS * LABEL_COUNT),
    prev2: new Float64Array(ROWS * ROWS * LABEL_COUNT),
    memory: new Float64Array(MEMORY_VALUES * LABEL_COUNT),
    arena: newArena(),
  };
  for (let r1 = 0; r1 < ROWS; r1++) {
    score(t.prev1, r1, mix(D.Prev1, labelOfRow(r1)));
    for (let r2 = 0; r2 < ROWS; r2++) score(t.prev2, r1 * ROWS + r2, mix(D.Prev2, labelOfRow(r1) * 32 + labelOfRow(r2)));
  }
  for (let m = 0; m < MEMORY_VALUES; m++) score(t.memory, m, mix(D.Memory, m));
  labelTables.set(scorer, t);
  return t;
}

/**
 * Called before the role scores of a sentence of `n` tokens are looked up: starts the arena over when
 * they might not fit in it within the bound (a sentence's look-ups must all be in one arena).
 */
export function startSentence(t: LabelTables, n: number): void {
  const a = t.arena;
  if (a.rolesUsed === 0) return;
  // Each token may add its role scores and its own table with every row, and the stand-ins around the sentence their role scores.
  if (a.rolesUsed + (n + 2) * ROLE_STRIDE > rolesBound || a.wordsUsed + n * WORD_STRIDE > wordsBound || a.tablesUsed + n * WORD_ROWS > tablesBound) {
    t.arena = newArena();
  }
}

/** Called at the end of a document: drops an arena that is full (it would start over anyway) or larger than the bound. */
export function endDocument(t: LabelTables): void {
  const a = t.arena;
  const full = a.rolesUsed >= rolesBound || a.wordsUsed >= wordsBound || a.tablesUsed >= tablesBound;
  if (full || a.roles.length > rolesBound || a.words.length > wordsBound || a.tables.length > tablesBound) t.arena = newArena();
}

/** The words a scorer's arena has room for now, as role scores and as words' tables (for tests of its bound). */
export function arenaCapacity(scorer: Scorer): { roles: number; words: number; bound: number } | undefined {
  const a = labelTables.get(scorer)?.arena;
  return a && { roles: a.roles.length / ROLE_STRIDE, words: Math.max(a.tables.length / WORD_ROWS, a.words.length / WORD_STRIDE), bound: arenaWords };
}
// Scratch for the features of a word's roles (see writeRoles).
const features = new Uint32Array(ROLE_FEATURES_MAX);
const featureEnds = new Int32Array(ROLE_COUNT);

/**
 * Stores one row of summed scores (float64) at `at` in a float32 arena, rounded as `set` would: a loop,
 * since `set` between arrays of different types is a call into the engine's runtime; for rows of 17
 * values, `fill(0)` and `set` took three times as long as the loops (240 ns against 80), ten times
 * per new word.
 */
function store(sum: Float64Array, to: Float32Array, at: number): void {
  for (let c = 0; c < LABEL_COUNT; c++) to[at + c] = sum[c];
}

/**
 * The offset of a word's role scores in `t.arena.roles`, summed on first sight (in float64, stored as
 * float32); `sum` is scratch. The arena may grow (a new array): read `t.arena.roles` after the calls.
 */
export function rolesAt(lex: Lexeme, t: LabelTables, scorer: Scorer, sum: Float64Array): number {
  const arena = t.arena;
  if (lex.scoresOwner === arena.id) return lex.rolesAt;
  const roles = (arena.roles = room(arena.roles, arena.rolesUsed, ROLE_STRIDE, rolesBound));
  const at = arena.rolesUsed;
  arena.rolesUsed += ROLE_STRIDE;
  writeRoles(lex, features, featureEnds);
  for (let r = 0; r < ROLE_COUNT; r++) {
    for (let c = 0; c < LABEL_COUNT; c++) sum[c] = 0;
    scorer.accumulate(features, r ? featureEnds[r - 1] : 0, featureEnds[r], sum);
    store(sum, roles, at + r * LABEL_COUNT);
  }
  lex.scoresOwner = arena.id;
  lex.rolesAt = at;
  lex.wordsAt = -1;
  return at;
}

/**
 * The offset in `t.arena.words` of row `row` of a word's own table of features on earlier decisions,
 * computed on first use. The word's offsets must be of this arena (the decoder calls `rolesAt` first,
 * which forgets another scorer's table; done here when it has not). The arena may grow: read
 * `t.arena.words` (and `t.arena.roles`) after the calls.
 */
export function wordRow(lex: Lexeme, t: LabelTables, scorer: Scorer, row: number, pair: Uint32Array, sum: Float64Array): number {
  const arena = t.arena;
  if (lex.scoresOwner !== arena.id) rolesAt(lex, t, scorer, sum);
  if (lex.wordsAt < 0) {
    arena.tables = roomInTables(arena.tables, arena.tablesUsed, tablesBound);
    lex.wordsAt = arena.tablesUsed;
    arena.tablesUsed += WORD_ROWS;
  }
  const at = arena.tables[lex.wordsAt + row];
  if (at !== 0) return at;
  let n: number;
  if (row < ROWS) {
    const p1 = row === START_ROW ? 31 : row;
    pair[0] = mix(D.Prev1Word, mix(p1, lex.lowerHash));
    pair[1] = mix(D.Prev1Shape, mix(p1, lex.shapeHash));
    n = 2;
  } else {
    pair[0] = mix(D.MemoryShape, mix(row - ROWS, lex.shapeHash));
    n = 1;
  }
  for (let c = 0; c < LABEL_COUNT; c++) sum[c] = 0;
  scorer.accumulate(pair, 0, n, sum);
  const words = (arena.words = room(arena.words, arena.wordsUsed, LABEL_COUNT, wordsBound));
  const made = arena.wordsUsed;
  arena.wordsUsed += LABEL_COUNT;
  store(sum, words, made);
  arena.tables[lex.wordsAt + row] = made;
  return made;
}
