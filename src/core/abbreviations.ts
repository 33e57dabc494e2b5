/**
 * Abbreviations in English news text: the words whose full stop does not by itself end a sentence.
 * The one list that the tagger's tokenizer, the CoNLL export's tokenizer and anchoring's sentence
 * boundaries all use (each had its own, with different words missing).
 */

/** Abbreviations that keep their final period; the list is deliberately short and generic. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  ('Mr Mrs Ms Dr Prof Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep Rev St Sr Jr Inc Corp Co Ltd Bros ' +
    'vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft No Dept Univ Ave Pres Gens')
    .split(' '),
);

/**
 * The abbreviations that never end a sentence: titles (and "vs", "No.") come before a name or a
 * number. The others ("Inc.", "etc.", "Dec.") may end one, when the next word is capitalised.
 */
export const TITLES: ReadonlySet<string> = new Set('Mr Mrs Ms Dr Prof Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep Rev St Mt Ft No Pres Gens vs'.split(' '));

/** Whether a word followed by "." keeps the period: a listed abbreviation, an initial "M", a dotted initialism "U.S". */
export function keepsPeriod(word: string): boolean {
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** The listed abbreviations with their period, as a regular expression source (longest first, for alternation). */
export const ABBREVIATION_PATTERN = `(?:${[...ABBREVIATIONS].sort((a, b) => b.length - a.length).join('|')})\\.`;

const LAST_WORD = /(?:^|[^\p{L}])(\p{L}+)$/u;

/** Options of {@link endsWithAbbreviation}. */
export interface AbbreviationOptions {
  /**
   * Also any capitalised word of up to four letters, listed or not: an abbreviation the list lacks
   * ("Ariz.", "Sgts."), at the price of names ("Kim.", "Iraq."). For anchoring's comparison of the
   * sentence around a pasted copy (alignment.ts), where a sentence taken too long only asks more
   * text to agree, but one cut short makes a pasted copy a rival: with the list alone, 0.55 % fewer
   * anchors were placed right in `npm run eval:anchoring`'s partly duplicated sentences.
   */
  shortCapitalised?: boolean;
}

/**
 * Whether the text just before a full stop ends with an abbreviation: a listed one, or a single letter
 * (an initial, the last letter of "U.S"). Nothing is taken for one after a letter-less end ("1990.").
 */
export function endsWithAbbreviation(before: string, options: AbbreviationOptions = {}): boolean {
  const m = LAST_WORD.exec(before);
  if (!m) return false;
  const word = m[1];
  return word.length === 1 || ABBREVIATIONS.has(word) || (!!options.shortCapitalised && /^\p{Lu}\p{Ll}{0,3}$/u.test(word));
}
