/**
 * Names an article defines: "Wola is a village in …", "Dead Harbour were an English rock band …",
 * "Stellaris is a 2016 strategy video game …", "Sfax, a port city in Tunisia, …". The noun that heads
 * such a definition says what kind of name its subject is, more surely than the tagger's context features,
 * which learnt from 1996 Reuters news and read an unknown capitalised subject as a person. Encyclopedic
 * text opens nearly every article this way, and news introduces unfamiliar names with an apposition.
 *
 * Only the words are read here (no labels are changed): recognizer.ts applies what this finds.
 */
import type { Chunk } from './conlleval';
import type { PreparedSentence } from './features';
import type { Lexeme } from './lexeme';

const [PER, ORG, LOC, MISC] = [0, 1, 2, 3];

/** Titles and forms of address that stand before a person's name but are not part of it. */
export const TITLES: ReadonlySet<string> = new Set(
  ('mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice-president premier chancellor mayor governor ' +
    'senator sen. rep. representative congressman congresswoman minister secretary ambassador judge justice general gen. ' +
    'colonel col. major lieutenant lt. captain capt. admiral sergeant sgt. commander chairman chairwoman chief king queen ' +
    'prince princess pope cardinal bishop archbishop rabbi imam sheikh emir sultan coach striker midfielder defender goalkeeper ' +
    'saint duchess archduke emperor empress tsar czar baroness viscount marshal')
    .split(' '),
);

/** Head nouns of a definition and the type of name they define (CoNLL-2003 types: works, events and products are MISC). */
const KINDS = new Map<string, number>();
const kinds = (type: number, words: string): void => words.split(' ').forEach((w) => KINDS.set(w, type));
kinds(LOC, 'village villages town city cities hamlet municipality commune suburb neighbourhood neighborhood settlement river ' +
  'tributary lake mountain peak volcano island archipelago peninsula region province county district parish borough township ' +
  'capital port country voivodeship oblast prefecture canton valley bay strait glacier locality seaport resort');
kinds(ORG, 'band duo trio quartet company corporation firm manufacturer retailer airline bank club party university college ' +
  'school academy newspaper magazine broadcaster label organisation organization charity agency ministry council ' +
  'committee federation association conglomerate subsidiary brewery studio studios orchestra choir regiment battalion ' +
  'brigade squadron navy army startup nonprofit union institute');
kinds(PER, 'footballer politician singer actor actress writer author poet painter musician cricketer athlete boxer ' +
  'cyclist swimmer journalist businessman businesswoman lawyer composer director producer scientist mathematician physicist ' +
  'chemist economist historian philosopher architect engineer priest rapper songwriter comedian novelist screenwriter ' +
  'photographer sculptor dancer jockey wrestler pilot astronaut explorer inventor physician surgeon diplomat activist ' +
  'entrepreneur sprinter goalkeeper midfielder defender striker forward guitarist drummer bassist pianist violinist');
kinds(MISC, 'album song single film movie novel sitcom game opera musical poem painting symphony ep mixtape soundtrack ' +
  'documentary anthology language dialect festival tournament championship war battle siege election referendum award ' +
  'frigate destroyer battleship cruiser submarine steamship liner aircraft airliner software browser videogame');

// Words that end a definition's noun phrase: its head noun is the word before.
const STOPS = new Set(('in of on at from for by based located situated who which that whose and or with to between near ' +
  'known founded formed established released developed published written directed produced owned operated built ' +
  'headquartered serving , . ; : ( -- - ) "').split(' '));
// Small words inside a name or a title: "Kind of Blue", "Villanueva del Arzobispo".
const NAME_JOINERS = new Set(['of', 'the', 'and', 'de', 'del', 'della', 'di', 'da', 'du', 'von', 'van', 'og', 'y', 'la', 'le']);
const COPULAS = new Set(['is', 'was', 'are', 'were']);
const DETERMINERS = new Set(['a', 'an', 'the']);
// Words that show the phrase is a clause, not a noun phrase ("Dynamo Moscow, the Volgograd side have a game …").
const CLAUSE = new Set(['a', 'an', 'the', 'is', 'was', 'are', 'were', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'can',
  'could', 'may', 'might', 'must', 'should', 'said', 'says', 'do', 'does', 'did', 'not']);
// Words that open the noun phrase of a kind before a name.
const OPENERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'whose']);
// Words between the verb and the article: "was also a", "is now an", "is a former".
const ADVERBS = new Set(['also', 'now', 'currently', 'formerly', 'still', 'originally']);
// At most this many words between the article and the head noun ("a 4X grand strategy video game").
const MAX_MODIFIERS = 6;

/**
 * Last words that say what kind of name they end, whatever its context, where the tagger's features know
 * too few such names ("Columbia Records", "Lublin Voivodeship", "Moscow Peace Treaty"). Not words that end
 * names of other kinds as well in news ("Church": the Catholic Church is an organisation; "Palace": a club).
 */
const NAME_ENDS = new Map<string, number>();
const nameEnds = (type: number, words: string): void => words.split(' ').forEach((w) => NAME_ENDS.set(w, type));
nameEnds(ORG, 'records recordings studios entertainment pictures publishing railway railways knights');
nameEnds(LOC, 'voivodeship municipality cathedral abbey stadium stadion monastery mosque');
nameEnds(MISC, 'war prize award awards medal trophy cup championship championships festival chart olympics treaty');
// First words: of places ("River Yare", "Mount Kazbek", "Gmina Sosnówka", "County Mayo"), and before
// "of", of events and of states ("Battle of Grunwald", "Treaty of Versailles", "Kingdom of Poland").
const NAME_STARTS = new Map<string, number>();
'river lake mount gmina isle county sierra'.split(' ').forEach((w) => NAME_STARTS.set(w, LOC));
const STARTS_BEFORE_OF = new Map<string, number>();
'battle siege treaty war'.split(' ').forEach((w) => STARTS_BEFORE_OF.set(w, MISC));
'kingdom duchy principality republic'.split(' ').forEach((w) => STARTS_BEFORE_OF.set(w, LOC));

/** The type a name's own words give it (NAME_STARTS, STARTS_BEFORE_OF, NAME_ENDS), or -1. */
export function kindOfName(lexemes: readonly Lexeme[], chunk: Chunk): number {
  if (chunk.end - chunk.start < 2) return -1;
  const first = lexemes[chunk.start].lower;
  // Not an organisation named after a place, ended by a word for one ("Sierra Club", "Mount Holyoke College").
  // "Isle of Man", "Lake of the Woods": a first word of places before "of" too.
  const start = lexemes[chunk.start + 1].lower === 'of' ? STARTS_BEFORE_OF.get(first) ?? NAME_STARTS.get(first) : lexemes[chunk.end - 1].head === 2 ? undefined : NAME_STARTS.get(first);
  // The last word first: English names end in their head noun ("Gulf War" is no gulf).
  return NAME_ENDS.get(lexemes[chunk.end - 1].lower) ?? start ?? -1;
}

/** A name an article defines: where (sentence, tokens) and its type. */
export interface Definition {
  s: number;
  start: number;
  end: number;
  type: number;
}

/**
 * The type a definition's noun phrase gives, reading from token `i` (the article or an adverb before
 * it), or -1: the phrase's last word before a stop word must be a known head noun in lower case, and no
 * word before it in the phrase may show a clause (an article, a verb of being or having, a modal).
 */
function definedType(lexemes: readonly Lexeme[], i: number): number {
  while (i < lexemes.length && ADVERBS.has(lexemes[i].lower)) i++;
  if (!DETERMINERS.has(lowerAt(lexemes, i))) return -1;
  let k = i + 1;
  while (k < lexemes.length && k - i <= MAX_MODIFIERS + 1 && !STOPS.has(lexemes[k].lower)) k++;
  if (k === i + 1 || k - i > MAX_MODIFIERS + 1) return -1;
  for (let j = i + 1; j < k - 1; j++) if (CLAUSE.has(lexemes[j].lower)) return -1;
  // The head: "game" of "video game", the phrase's last word; lower case (a capitalised word there is a name).
  const head = lexemes[k - 1];
  if (!head.allLower) return -1;
  // "Iran is a party to the treaty": a party to an agreement, no political party.
  if (head.lower === 'party' && lowerAt(lexemes, k) === 'to') return -1;
  return KINDS.get(head.lower) ?? -1;
}

// Kinds of place that are also words of money or rank, so no place before "of" ("the capital of Siemens").
const NOT_PLACES_BEFORE_OF = new Set(['capital']);

/**
 * The type a noun of a kind gives the name at `start` when it stands right before it, in lower case
 * ("the rock band [The Kinks]", "the Polish studio [Bitforge Games]"), or joined by "of"
 * when it is a kind of place ("the village of [Colkirk]", "the province of [Jaén]"); else -1.
 */
function kindBefore(lexemes: readonly Lexeme[], start: number): number {
  if (start < 2) return -1;
  const of = lexemes[start - 1].lower === 'of';
  const noun = lexemes[start - (of ? 2 : 1)];
  const type = noun.allLower ? KINDS.get(noun.lower) ?? -1 : -1;
  if (type < 0 || (of && (type !== LOC || NOT_PLACES_BEFORE_OF.has(noun.lower)))) return -1;
  // The noun heads a phrase of its own: an article or a possessive opens it, with at most three words
  // between ("the Austrian public broadcaster [ORF]"), not "after four years of siege [Darayya]".
  const at = start - (of ? 2 : 1);
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const w = lexemes[k].lower;
    if (OPENERS.has(w)) return type;
    if (STOPS.has(w) || CLAUSE.has(w)) return -1;
  }
  return -1;
}

/**
 * The lower-case form of token i, or '' outside the sentence. Every read past either end goes through
 * here: a read out of an array's bounds, first met in a text after the function was optimised, sends it
 * back to the interpreter and to be compiled again (issue 14, --trace-deopt).
 */
function lowerAt(lexemes: readonly Lexeme[], i: number): string {
  return i >= 0 && i < lexemes.length ? lexemes[i].lower : '';
}

/** The end of a bracket opened at `i` (the token after its ")"), or `i` when no bracket is there. */
function afterBracket(lexemes: readonly Lexeme[], i: number): number {
  if (lowerAt(lexemes, i) !== '(') return i;
  for (let k = i + 1; k < lexemes.length && k < i + 40; k++) if (lexemes[k].word === ')') return k + 1;
  return i;
}

/**
 * The names the article defines, in three forms:
 * - a sentence that opens with the name ("The" may stand before it), then maybe a bracket, then a copula
 *   and a noun phrase ("Pieter Hoogeveen (born 1974) is a Dutch former footballer who …"). The name is the
 *   tagger's chunk there, or the capitalised words before the verb, small words between them included
 *   ("Stellaris is a … video game", "Kind of Blue is a studio album");
 * - a name the tagger found followed by a comma and such a noun phrase ("Sfax, a port city in Tunisia"),
 *   but for a person;
 * - a name the tagger found right after a noun of its kind ("the Polish studio [Bitforge Games]",
 *   "the village of [Colkirk]"; kindBefore).
 * Headlines are left out (their case says little).
 */
export function definitions(chunks: readonly Chunk[][], prepared: readonly PreparedSentence[], common: ReadonlySet<string>): Definition[] {
  const found: Definition[] = [];
  for (let s = 0; s < prepared.length; s++) {
    const { lexemes, caps, title } = prepared[s];
    if (caps || title || lexemes.length < 4) continue;
    const opening = lexemes[0].lower === 'the' ? 1 : 0;
    const first = chunks[s].find((c) => c.start === opening);
    // The subject: the tagger's name, or capitalised words (joined by small words: "Kind of Blue") up to the verb.
    let end = opening;
    while (end < lexemes.length && (lexemes[end].capitalised || (NAME_JOINERS.has(lexemes[end].lower) && end + 1 < lexemes.length && lexemes[end + 1].capitalised))) end++;
    if (first && !COPULAS.has(lowerAt(lexemes, afterBracket(lexemes, end)))) end = first.end;
    const verb = afterBracket(lexemes, end);
    if (end > opening && COPULAS.has(lowerAt(lexemes, verb))) {
      const type = definedType(lexemes, verb + 1);
      // Words that are no name of the tagger's make one when they are a title or a name of more than one
      // word, or one word not common in lower case: not "It" nor "Prime Minister [John Smith]".
      const named = first?.end === end || (end - opening > 1 ? type !== PER : !common.has(lexemes[opening].lower));
      if (type >= 0 && named) found.push({ s, start: opening, end, type });
    }
    for (const c of chunks[s]) {
      // A noun of its kind right before the name: "the Belgian club [Lokeren]", "the village of [Kettlewick]".
      const kind = kindBefore(lexemes, c.start);
      if (kind >= 0) found.push({ s, start: c.start, end: c.end, type: kind });
      // Not a name in a list or an address ("Rye, N.Y., an insurance agency"), nor one with a title ("Mr. Steinman, the publisher").
      if (lowerAt(lexemes, c.end) !== ',' || lowerAt(lexemes, c.start - 1) === ',' || TITLES.has(lexemes[c.start].lower)) continue;
      // Not a person: a title after a comma is as often said of the person named before ("… Orchestra, a composer").
      const type = definedType(lexemes, c.end + 1);
      if (type >= 0 && type !== PER) found.push({ s, start: c.start, end: c.end, type });
    }
  }
  return found;
}

// Lower-case particles inside people's names: "Ulrich von Jungingen", "Muhammad ibn Battuta".
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'ibn', 'bin', 'al', 'ter']);

/**
 * People's names the tagger cut at a particle ("[Ulrich] von [Jungingen]", "[Abu Abdullah Muhammad] ibn
 * [Battuta]"): a person, one to three particles, then capitalised words. Returns the whole names.
 */
export function personsAcrossParticles(chunks: readonly Chunk[], lexemes: readonly Lexeme[]): Chunk[] {
  const joined: Chunk[] = [];
  let joinedEnd = 0;
  for (const c of chunks) {
    // A name already joined into the one before ("Mohammed bin [Salman] bin Abdulaziz") is inside it.
    if (c.type !== 'PER' || c.start < joinedEnd) continue;
    let end = c.end;
    for (;;) {
      let k = end;
      while (k < lexemes.length && k < end + 3 && PARTICLES.has(lexemes[k].word)) k++;
      let after = k;
      while (after < lexemes.length && lexemes[after].capitalised && lexemes[after].hasLower) after++;
      // The words after must be a name of their own or no name: not the first words of a longer one.
      if (k === end || after === k || chunks.some((o) => o.start < after && o.end > after)) break;
      end = after;
    }
    if (end > c.end) {
      joined.push({ type: 'PER', start: c.start, end });
      joinedEnd = end;
    }
  }
  return joined;
}
