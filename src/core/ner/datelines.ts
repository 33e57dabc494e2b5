/**
 * The lines that open a wire story: its dateline (the place it was filed from, maybe its date) and the
 * agency it credits. Read by recognizer.ts reviseTypes, which relabels what these find.
 */
import { monthOf } from '../dates/lexicon';
import type { Chunk } from './conlleval';
import type { PreparedSentence } from './features';
import type { Lexeme } from './lexeme';

const LOC = 2;

/**
 * A dateline ("Lisbon, 14 May 2019", "LONDON 1996-08-30", "Seoul, March 2"): a short line that opens
 * with a name followed by a date names the place the story was filed from, whatever else the name can
 * be (a club, a company). Returns that name's chunk when it is not already a place.
 */
export function datelinePlace(chunks: readonly Chunk[], lexemes: readonly Lexeme[]): Chunk | undefined {
  if (lexemes.length > 8) return undefined;
  const first = chunks[0];
  if (!first || first.start !== 0 || first.type === 'LOC') return undefined;
  let i = first.end;
  if (lexemes[i]?.word === ',') i++;
  const next = lexemes[i];
  if (!next || !(/^\d{1,2}$/.test(next.word) || /^\d{4}-\d\d-\d\d$/.test(next.word) || monthOf(next.word) !== undefined)) return undefined;
  // The rest is the date: numbers, months, weekdays and punctuation only, with a month or a full ISO
  // date in it (a bare number after a name is rather a score: "Bury 1").
  let month = false;
  for (let k = i; k < lexemes.length; k++) {
    const w = lexemes[k].word;
    if (monthOf(w) !== undefined || /^\d{4}-\d\d-\d\d$/.test(w)) month = true;
    else if (!(/^[\d,./-]+$/.test(w) || lexemes[k].weekday)) return undefined;
  }
  return month ? first : undefined;
}

/**
 * A wire story's dateline: the place it was filed from, maybe its region and date, then the agency in
 * brackets and a dash ("MOSCOW (AP) _ …", "CANBERRA, Australia (AP) _ …", "BEIJING, March 5 (Xinhua) --").
 * Returns the index of the agency's word, an organisation whatever the tagger read ("AP" shares its
 * cluster with wire-copy notes such as "optional" and "eds"), or undefined for any other sentence, and
 * for a word the name lists give as a place ("Berlin (Germany) - 3.4 million": no agency) or when the
 * words after the dash go on in lower case.
 */
export function wireCredit(chunks: readonly Chunk[], s: PreparedSentence): number | undefined {
  const lexemes = s.lexemes;
  const first = chunks[0];
  if (!first || first.start !== 0 || first.type !== 'LOC') return undefined;
  for (let i = first.end; i < Math.min(lexemes.length - 2, 10); i++) {
    if (lexemes[i].word !== '(') continue;
    const agency = lexemes[i + 1];
    const after = lexemes[i + 3]?.word;
    // A place the name lists know is rather the state or country of the first ("Springfield (Illinois) --").
    const listedPlace = s.names?.some((m) => m.start === i + 1 && m.end === i + 2 && (m.types & (1 << LOC)) !== 0) === true;
    const named = agency.capitalised && !listedPlace && /^\p{L}{2,12}$/u.test(agency.word);
    // The story opens a sentence after the dash; an aside goes on in lower case ("Portland (Oregon) - rain fell").
    const opens = lexemes[i + 4]?.allLower !== true;
    return named && opens && lexemes[i + 2].word === ')' && (after === '_' || after === '-' || after === '--') ? i + 1 : undefined;
  }
  return undefined;
}
