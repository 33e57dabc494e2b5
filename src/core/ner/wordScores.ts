/**
 * The scores the beam decoder (tagger.ts) keeps per scorer: those of the features on earlier decisions
 * that do not depend on the word (the label tables), and per word its summed role weights and its own
 * features on earlier decisions.
 *
 * Layout: the role scores of every word a scorer has seen lie in one flat array of that scorer (an
 * arena), each word's at an offset kept on its lexeme. A token's scores are then read from one array
 * at five offsets; with a small array of their own per word, each of the five words cost a look-up of
 * that array's object and of its separate storage first, memory accesses that missed the processor's cache.
 */
import { mix } from './hash';
import { LABEL_COUNT } from './labels';
import { ROLE_COUNT, type Lexeme } from './lexeme';
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
// Rows of a word's own table (Lexeme.wordScores): Prev1Word + Prev1Shape per previous label, then MemoryShape per memory value.
const WORD_ROWS = ROWS + MEMORY_VALUES;

/** The label-table row of a previous label (31: the sentence start). */
export const rowOf = (label: number): number => (label === 31 ? START_ROW : label);

/** The flat array of the role scores of the words a scorer has seen (see the layout above). */
interface RoleArena {
  /** Told apart from every other arena's, so that a lexeme knows whose offset it holds without holding the arena. */
  id: number;
  data: Float32Array;
  used: number;
}

/** What a scorer's decoding keeps between documents. */
export interface LabelTables {
  /** Prev1 per previous-label row. */
  prev1: Float64Array;
  /** Prev2 per (previous row · ROWS + row before it). */
  prev2: Float64Array;
  /** Memory per memory value. */
  memory: Float64Array;
  /** The role scores of its words: ROLE_COUNT rows of LABEL_COUNT at Lexeme.rolesAt. */
  roles: RoleArena;
}

/** Role scores of one word. */
export const ROLE_STRIDE = ROLE_COUNT * LABEL_COUNT;
// Words an arena holds before it starts over at the next document (22 MB): the lexicon keeps at most
// 30,000 words, but the words of a lexicon emptied since would otherwise keep their rows for good.
const ARENA_WORDS = 1 << 16;
let arenaIds = 0;

function newArena(): RoleArena {
  return { id: ++arenaIds, data: new Float32Array(ROLE_STRIDE * 1024), used: 0 };
}

const labelTables = new WeakMap<Scorer, LabelTables>();

/** The tables of a scorer, made on first use; called at the start of a document. */
export function tablesFor(scorer: Scorer): LabelTables {
  let t = labelTables.get(scorer);
  if (t) {
    if (t.roles.used >= ARENA_WORDS * ROLE_STRIDE) t.roles = newArena();
    return t;
  }
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
    roles: newArena(),
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
 * The offset of a word's role scores in `t.roles.data`, summed on first sight (in float64, stored as
 * float32); `sum` is scratch. The arena may grow (a new `data`): read `t.roles.data` after the calls.
 */
export function rolesAt(lex: Lexeme, t: LabelTables, scorer: Scorer, sum: Float64Array): number {
  const arena = t.roles;
  if (lex.scoresOwner === arena.id) return lex.rolesAt;
  if (arena.used + ROLE_STRIDE > arena.data.length) {
    const grown = new Float32Array(arena.data.length * 2);
    grown.set(arena.data);
    arena.data = grown;
  }
  const at = arena.used;
  arena.used += ROLE_STRIDE;
  for (let r = 0; r < ROLE_COUNT; r++) {
    sum.fill(0);
    scorer.accumulate(lex.roles[r], 0, lex.roles[r].length, sum);
    arena.data.set(sum, at + r * LABEL_COUNT);
  }
  lex.scoresOwner = arena.id;
  lex.rolesAt = at;
  lex.wordScores = undefined;
  lex.wordRowsKnown = 0;
  return at;
}

/**
 * Row `row` of a word's own table of features on earlier decisions, computed on first use (after
 * `rolesAt` for the same scorer, which empties the table of another scorer's).
 */
export function wordRow(lex: Lexeme, scorer: Scorer, row: number, pair: Uint32Array, sum: Float64Array): Float32Array {
  const words = (lex.wordScores ??= new Float32Array(WORD_ROWS * LABEL_COUNT));
  if ((lex.wordRowsKnown & (1 << row)) === 0) {
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
    sum.fill(0);
    scorer.accumulate(pair, 0, n, sum);
    words.set(sum, row * LABEL_COUNT);
    lex.wordRowsKnown |= 1 << row;
  }
  return words;
}
