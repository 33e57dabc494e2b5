/**
 * Title-case headlines read as running text. In "Apple Unveils New iPhone at Cupertino Event" every
 * capital says as little as in a headline in capitals, and the tagger, trained on Reuters news whose
 * headlines are in capitals, ran names over the verbs ("[Apple Unveils New]", "[Cupertino Event]").
 * Before tagging, such a line gets the case running text would give its words ("Apple unveils new iPhone
 * at Cupertino event"), by what the article itself writes (a word it writes in lower case elsewhere is
 * lower case here; one it capitalises inside a sentence keeps its capital) and else by the words that
 * are usually in lower case (WordLists.common). Only the tagger's input changes: the tokens and their
 * offsets stay the text's. Measured on eval/headlines (`npm run eval`; README, Recognition).
 */
import type { Gazetteer } from './gazetteer';
import { lexeme, type Lexeme } from './lexeme';

/** Words left in lower case inside a title-case line ("Weapons of Mass Destruction"). */
export const SMALL_WORDS: ReadonlySet<string> = new Set('a an and as at but by for from in into of on or over the to up via vs v with'.split(' '));

// A capital after the first letter: "iPhone", "eBay", "NATO", "McDonald" keep their case.
const INNER_CAPITAL = /^.+\p{Lu}/u;

// After these a word opens a phrase ("Analysis: Why …", "'It's a Miracle'"): its capital is kept, as at a line's start.
const PHRASE_OPENERS = new Set(['"', "'", '(', '`', '``', '-', '--', '[', ':']);

/**
 * Whether a sentence is set in title case: at least three words other than small ones ("of", "the"),
 * all capitalised. Capitals there say as little as in a headline set in capitals. `lenient` (when
 * recognising) also lets a possessive "'s" ("Ruto Declared Winner Of Kenya's Presidential
 * Election") and a name in lower case with a capital inside ("Apple Unveils New iPhone") stand in one;
 * training reads headlines by the strict test, as the shipped model was trained.
 */
export function isTitleCase(lexemes: readonly Lexeme[], lenient = false): boolean {
  let words = 0;
  for (const lex of lexemes) {
    if (!lex.hasLetter || SMALL_WORDS.has(lex.lower)) continue;
    if (lenient && !lex.capitalised && (lex.word.charCodeAt(0) === 39 || /\p{Lu}/u.test(lex.word))) continue;
    if (!lex.capitalised) return false;
    words++;
  }
  return words >= 3;
}

/** What the rest of the article says of a word's case: 'lower' (written so somewhere), 'capital' (capitalised inside a sentence somewhere), or undefined. */
export type CaseElsewhere = (lex: Lexeme) => 'lower' | 'capital' | undefined;

/**
 * The words of a title-case line as running text would write them, or undefined when none changes.
 * Kept as they are: the first word and a word opening a phrase, words within a name of the name lists
 * of two words or more ("Bank of England", "New Zealand"), words in capitals or with a capital inside
 * ("NATO", "iPhone"), and words the article capitalises inside a sentence.
 */
export function recaseTitle(lexemes: readonly Lexeme[], elsewhere: CaseElsewhere, common: ReadonlySet<string> | undefined, names: Gazetteer | undefined): Lexeme[] | undefined {
  let listed: Uint8Array | undefined;
  for (const m of names?.matches(lexemes, false) ?? []) if (m.end - m.start > 1) (listed ??= new Uint8Array(lexemes.length)).fill(1, m.start, m.end);
  let out: Lexeme[] | undefined;
  let opening = true;
  for (let i = 0; i < lexemes.length; i++) {
    const lex = lexemes[i];
    const first = opening;
    opening = lex.hasLetter ? false : opening || PHRASE_OPENERS.has(lex.word);
    if (first || !lex.capitalised || !lex.hasLower || listed?.[i] || INNER_CAPITAL.test(lex.word)) continue;
    if (!SMALL_WORDS.has(lex.lower)) {
      const said = elsewhere(lex);
      if (said === 'capital' || (said !== 'lower' && !common?.has(lex.lower))) continue;
    }
    (out ??= lexemes.slice())[i] = lexeme(lex.word.toLowerCase());
  }
  return out;
}
