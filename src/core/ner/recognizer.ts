/**
 * The trained entity recogniser: people, organisations, places (and, on request, other names) in raw
 * text, from an averaged-perceptron tagger trained on CoNLL-2003 eng.train (see scripts/train-ner.mjs),
 * decoded left to right with a small beam, then rules on each sentence and on the whole article. The
 * rules and `relabel` stay in this one module: with relabel and the article rules in modules of their
 * own, the first reading of articles never seen (`node bench/first-reading.mjs whole`, alternating runs)
 * took about 125 ms against 96 (the calls across modules, in code the engine has not optimised yet).
 * What only reads words and chunks and returns what it found (definitions.ts, datelines.ts) lives apart:
 * every label is still changed here, through relabel.
 */
import { monthOf } from '../dates/lexicon';
import type { Chunk } from './conlleval';
import { datelinePlace, wireCredit } from './datelines';
import { definitions, kindOfName, personsAcrossParticles, TITLES } from './definitions';
import { prepareDocument, type PreparedSentence } from './features';
import { mix } from './hash';
import type { Lexeme } from './lexeme';
import { chunksFromLabels, CONLL_TYPES, labelsFromChunks } from './labels';
import { shippedEntityModel, type EntityModel } from './entityModel';
import { tagDocumentBeam } from './tagger';

// Label sequences kept per sentence while decoding; 4 gains about one F1 point over greedy decoding on CoNLL-2003 dev.
const BEAM_WIDTH = 4;
// Hypotheses this far behind (in trained weight units) are dropped; on dev it changes one decision in 50,000 tokens
// and saves most of the beam's cost.
const BEAM_MARGIN = 30;

/**
 * The names of every sentence. Pushed one by one rather than made by `map`: the engine's own `map` makes
 * an array of another kind than `map` in optimised code, so once labelSentences was optimised, every rule
 * that reads these arrays met a kind it had not seen and was compiled again (issue 14, --trace-deopt).
 */
function chunksOf(labels: readonly Uint8Array[]): Chunk[][] {
  const out: Chunk[][] = [];
  for (const l of labels) out.push(chunksFromLabels(l));
  return out;
}

/** BILOU labels (see labels.ts) for a document given as sentences of token texts. */
export function labelSentences(sentences: readonly (readonly string[])[], model: EntityModel = shippedEntityModel()): Uint8Array[] {
  // A paragraph without a sentence (a rule of dashes) has nothing to label. Left to the rules, its empty
  // arrays, of another kind than any other paragraph's, sent their optimised code back to the interpreter.
  if (sentences.length === 0) return [];
  const prepared = prepareDocument(sentences, model, false, true);
  const labels = tagDocumentBeam(prepared, model.scorer ?? model.weights, BEAM_WIDTH, BEAM_MARGIN, true);
  // Agreement first, on the tagger's own decisions; the rules below then correct what the words themselves say.
  let chunks = chunksOf(labels);
  const seen = relabelled;
  consistentTypes(labels, chunks, prepared);
  if (relabelled !== seen) chunks = chunksOf(labels);
  const seen2 = relabelled;
  itsNotPerson(labels, chunks, prepared, model);
  if (relabelled !== seen2) chunks = chunksOf(labels);
  const seen3 = relabelled;
  definedNames(labels, chunks, prepared, model);
  if (relabelled !== seen3) chunks = chunksOf(labels);
  namedElsewhere(labels, chunks, prepared, model);
  labels.forEach((l, s) => {
    reviseTypes(l, prepared[s], model);
    webNames(l, prepared[s].lexemes);
  });
  return labels;
}

// Words that open a sentence as a preposition, conjunction or adverb, never as the first word of a name:
// "Besides British Gas, ...", "In New York Stock Exchange trading ...". At a sentence start their capital
// says nothing, and the tagger, which learnt from few such sentences, sometimes runs the name over them.
const OPENING_WORDS = new Set(
  ('in at on for from with by besides beside after before during under like unlike since despite although though while ' +
    'when whereas if as to into among amid against through but and or nor so yet meanwhile also including about across ' +
    'along around behind beyond near over than toward towards upon via within without according because once unless until ' +
    'where whether outside inside throughout following')
    .split(' '),
);

const COMPASS = new Set(['North', 'South', 'East', 'West']);

/**
 * Names written as web addresses or as capitals run into a number, which eng.train hardly has: found
 * where the tagger saw nothing, typed as organisations (a site that is a person or a place is rare).
 * Which words read so is decided once a word (Lexeme.webLike).
 */
function webNames(labels: Uint8Array, lexemes: readonly Lexeme[]): void {
  for (let i = 0; i < lexemes.length; i++) {
    if (!lexemes[i].webLike) continue;
    const chunk = chunksFromLabels(labels).find((c) => c.start <= i && i < c.end);
    if (chunk && chunk.end - chunk.start > 1) continue;
    if (!chunk || chunk.type === 'PER') relabel(labels, { type: 'ORG', start: i, end: i + 1 }, ORG);
  }
}

/**
 * "Qantas will almost double its flights": a one-word "person" that the article refers back to with
 * "its" (before any other name or a personal pronoun) and never with a given name, nor listed as a
 * person, is an organisation, at every mention of it in the article.
 */
function itsNotPerson(labels: Uint8Array[], chunks: readonly Chunk[][], prepared: readonly PreparedSentence[], model: EntityModel): void {
  const inLonger = new Set<string>();
  for (let s = 0; s < chunks.length; s++) {
    for (const c of chunks[s]) if (c.type === 'PER' && c.end - c.start > 1) for (let k = c.start; k < c.end; k++) inLonger.add(prepared[s].lexemes[k].word);
  }
  const candidates = new Set<string>();
  // A bit per candidate (of its word's hash): most words of the article fail this test, and need no look-up in the set.
  let filter = 0;
  for (let s = 0; s < chunks.length; s++) {
    for (const c of chunks[s]) {
      const lex = prepared[s].lexemes[c.start];
      const word = lex.word;
      if (c.type === 'PER' && c.end - c.start === 1 && !inLonger.has(word) && !(model.names.typesOf([word]) & 1)) {
        candidates.add(word);
        filter |= 1 << (lex.wordHash & 31);
      }
    }
  }
  if (candidates.size === 0) return;
  // The cue may follow any mention of the word, found by the tagger or not.
  const organisations = new Set<string>();
  for (let s = 0; s < chunks.length; s++) {
    const lexemes = prepared[s].lexemes;
    for (let i = 0; i < lexemes.length; i++) {
      if ((filter & (1 << (lexemes[i].wordHash & 31))) === 0 || !candidates.has(lexemes[i].word)) continue;
      for (let k = i + 1; k < Math.min(lexemes.length, i + 7); k++) {
        const w = lexemes[k].lower;
        if (w === 'its') organisations.add(lexemes[i].word);
        if (w === 'its' || PERSONAL.has(w) || (lexemes[k].capitalised && labels[s][k] !== 0)) break;
      }
    }
  }
  if (organisations.size === 0) return;
  for (let s = 0; s < chunks.length; s++) {
    for (const c of chunks[s]) if (c.type === 'PER' && c.end - c.start === 1 && organisations.has(prepared[s].lexemes[c.start].word)) relabel(labels[s], c, ORG);
  }
}

const PERSONAL = new Set(['he', 'she', 'his', 'her', 'him', 'who']);

/**
 * Document-level agreement: a name written the same way is one name across an article, so a mention
 * typed unlike most mentions of the same text takes their type (the tagger decides each mention from
 * its own context; "Qantas will", "Qantas' India manager" may each tip differently). Mentions in
 * headlines count for nothing (case says little there).
 */
function consistentTypes(labels: Uint8Array[], chunks: readonly Chunk[][], prepared: readonly PreparedSentence[]): void {
  const votes = new Map<string, number[]>();
  const mentions: Array<{ s: number; chunk: Chunk; key: string; type: number }> = [];
  labels.forEach((l, s) => {
    const headline = prepared[s].caps || prepared[s].title;
    const lexemes = prepared[s].lexemes;
    for (const chunk of chunks[s]) {
      let key = lexemes[chunk.start].word;
      for (let k = chunk.start + 1; k < chunk.end; k++) key += ' ' + lexemes[k].word;
      const type = CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number]);
      mentions.push({ s, chunk, key, type });
      if (headline) continue;
      let v = votes.get(key);
      if (!v) votes.set(key, (v = [0, 0, 0, 0]));
      v[type]++;
    }
  });
  for (const { s, chunk, key, type } of mentions) {
    const v = votes.get(key);
    if (!v) continue;
    let best = type;
    for (let k = 0; k < 4; k++) if (v[k] > v[best]) best = k;
    if (best !== type && v[best] >= 2 * v[type]) relabel(labels[s], chunk, best);
  }
}

/**
 * A name the article defines ("Wola is a village in …", "the rock band [The Kinks]"; definitions.ts) has
 * the type its definition says at every mention written the same way, and words the tagger did not read
 * as that name become it. Where two definitions of one name disagree, neither is applied. A name whose own
 * words say its kind ("Columbia Records", "Battle of Grunwald": kindOfName) has that type.
 */
function definedNames(labels: Uint8Array[], chunks: readonly Chunk[][], prepared: readonly PreparedSentence[], model: EntityModel): void {
  const found = definitions(chunks, prepared, model.common);
  const seen = relabelled;
  // A name's words as one number (a hash chained over the words' own), so that no string is made per name.
  const keyOf = (s: number, start: number, end: number): number => {
    let key = 0;
    for (let k = start; k < end; k++) key = mix(key, prepared[s].lexemes[k].wordHash);
    return key;
  };
  const types = new Map<number, number>();
  for (const d of found) {
    const key = keyOf(d.s, d.start, d.end);
    const before = types.get(key);
    types.set(key, before === undefined || before === d.type ? d.type : -1);
  }
  for (const d of found) {
    if (types.get(keyOf(d.s, d.start, d.end)) !== d.type) continue;
    // Not where a name of the tagger's crosses the words' edges.
    const crosses = chunks[d.s].some((c) => (c.start < d.start && c.end > d.start) || (c.start < d.end && c.end > d.end));
    if (!crosses && !chunks[d.s].some((c) => c.start === d.start && c.end === d.end)) relabel(labels[d.s], { type: '', start: d.start, end: d.end }, d.type);
  }
  // The names as the labels are now: a definition above may have made one name of several of the tagger's.
  const now = relabelled !== seen ? chunksOf(labels) : chunks;
  for (let s = 0; s < now.length; s++) {
    for (const c of now[s]) {
      // What the article says of a name outweighs what its first or last word suggests ("Mount Holyoke College is a college").
      const defined = types.size > 0 ? types.get(keyOf(s, c.start, c.end)) ?? -1 : -1;
      const type = defined >= 0 ? defined : kindOfName(prepared[s].lexemes, c);
      if (type < 0 || CONLL_TYPES[type] === c.type) continue;
      // Not a name the lists give other types only ("River Plate", the Buenos Aires club): its words say less than they do.
      if (defined < 0 && prepared[s].names?.some((m) => m.start === c.start && m.end === c.end && m.types !== 0 && (m.types & (1 << type)) === 0)) continue;
      relabel(labels[s], c, type);
    }
  }
}

const [PER, ORG, LOC, MISC] = [0, 1, 2, 3];
/** The label of a one-word organisation (labels.ts: 1 + 4·type + position, U the fourth). */
const UNIT_ORG = 1 + 4 * ORG + 3;

// Tokens after which a word opens a phrase as at a sentence start.
const OPENERS_BEFORE = new Set(['"', "'", '(', '`', '``', '--', '[', ':', ';']);

// Counts the calls of relabel: a rule that changed no label need not have the chunks worked out again.
// So every rule after the tagger must change labels through relabel, never by writing them directly:
// a direct write would leave the next rule reading chunks that are out of date.
let relabelled = 0;

/**
 * relabel when `when` holds. For rules that relabel rarely, called whatever the test gives: the rules
 * that call through here share its one call of relabel, so that once any of them has fired in a process,
 * that call is one the optimiser has seen run, where a rare rule's own call of relabel, never seen
 * running, sent the whole of reviseTypes back to the interpreter the first time it fired (50 ms to
 * compile again; issue 14). The demonym rule calls it too, but it is rare as well: it fires in 3 of the
 * 256 articles of ../shared/corpus/news (one in the half the bench warms up on), so a process that has
 * met neither rule still pays that once.
 */
function relabelWhen(when: boolean, labels: Uint8Array, chunk: Chunk, type: number): void {
  if (when) relabel(labels, chunk, type);
}

/** Gives the tokens of a chunk the labels of another type (or O for -1). */
function relabel(labels: Uint8Array, chunk: Chunk, type: number): void {
  relabelled++;
  const n = chunk.end - chunk.start;
  labels.set(type < 0 ? new Uint8Array(n) : labelsFromChunks([{ type: CONLL_TYPES[type], start: 0, end: n }], n), chunk.start);
}

/**
 * Corrects the type of a name where its words say more than the tagger's context features, which
 * learnt little about names unlike those of 1996 Reuters news:
 * - a "person" ending in a place head noun is a place ("Demilitarized Zone"), one starting or
 *   ending in an organisation head noun is an organisation ("Ministry of ...");
 * - a place (or a "person" in the plural) ending in a word for the people of a listed place is
 *   neither ("North Koreans", MISC as in CoNLL-2003);
 * - in a title-case headline, a name made only of words common in lower case is no name ("Mass Destruction").
 */
function reviseTypes(labels: Uint8Array, s: PreparedSentence, model: EntityModel): void {
  // Every rule below starts from a name: a sentence without one (most are) is left at once.
  let chunks = chunksFromLabels(labels);
  if (chunks.length === 0) return;
  // The chunks as the labels are now: worked out again only when a rule has changed a label since.
  let seen = relabelled;
  const current = (): Chunk[] => {
    if (relabelled !== seen) {
      seen = relabelled;
      chunks = chunksFromLabels(labels);
    }
    return chunks;
  };
  // A title-case line with figures is rather a results table ("Reading 2 Bury 1") than a headline.
  const headline = s.title && !s.lexemes.some((lex) => /\d/.test(lex.word));
  for (const chunk of chunks) {
    const type = CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number]);
    const first = s.lexemes[chunk.start];
    const last = s.lexemes[chunk.end - 1];
    if (headline && s.lexemes.slice(chunk.start, chunk.end).every((lex) => model.common.has(lex.lower))) relabel(labels, chunk, -1);
    // The people of a place read as the place, or in the plural as a person ("North Koreans"); a
    // person or a team named after them stays what it is ("Ahmed Korei", "Cleveland Indians").
    else if (s.demonyms?.[chunk.end - 1] && (type === LOC || (type === PER && s.demonyms[chunk.end - 1] === 2))) relabelWhen(true, labels, chunk, MISC);
    else if (type !== PER) continue;
    else if (last.head === 1) relabel(labels, chunk, LOC);
    else if (first.head === 2 || last.head === 2) relabel(labels, chunk, ORG);
    else if (TITLES.has(first.lower) && chunk.end - chunk.start > 1) {
      // A title is not part of the name (CoNLL-2003, ACE): "Mayor [Rui Moreira]", "President [Bush]".
      labels[chunk.start] = 0;
      relabel(labels, { type: chunk.type, start: chunk.start + 1, end: chunk.end }, PER);
    }
  }
  for (const name of personsAcrossParticles(current(), s.lexemes)) relabel(labels, name, PER);
  for (const chunk of current()) {
    const first = s.lexemes[chunk.start];
    const opening = chunk.start === 0 || OPENERS_BEFORE.has(s.lexemes[chunk.start - 1].word);
    if (opening && chunk.end - chunk.start > 1 && OPENING_WORDS.has(first.lower) && first.capitalised) {
      // "Besides British Gas" → British Gas; the rest keeps its type.
      const type = CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number]);
      labels[chunk.start] = 0;
      relabel(labels, { type: chunk.type, start: chunk.start + 1, end: chunk.end }, type);
    }
    // "Born in Warsaw, …": a participle opening the sentence, before a preposition, is no name.
    const participle = opening && chunk.end === chunk.start + 1 && /(?:ed|born)$/.test(first.lower) && model.common.has(first.lower);
    relabelWhen(participle && chunk.end < s.lexemes.length && s.lexemes[chunk.end].allLower && OPENING_WORDS.has(s.lexemes[chunk.end].lower), labels, chunk, -1);
    // "North and South Korean generals": the first compass word qualifies "Korean" as the second does.
    // Tested last, the compass word itself: the words after it are read for any one-word place ("Seoul,
    // South Korea"), so that the optimised code has seen those reads run. A read it has never seen sends
    // the whole of reviseTypes back to the interpreter and to be compiled again (50 ms of compiler thread),
    // and a compass word alone as a place is rare (none in half of ../shared/corpus/news, six in three
    // articles of the other; issue 14, seen with --trace-deopt).
    const k = chunk.end;
    if (chunk.type === 'LOC' && k === chunk.start + 1 && (s.lexemes[k]?.lower === 'and' || s.lexemes[k]?.word === ',' || s.lexemes[k]?.lower === 'or') &&
      COMPASS.has(s.lexemes[k + 1]?.word ?? '') && s.demonyms?.[k + 2] && COMPASS.has(first.word)) relabel(labels, chunk, MISC);
  }
  const dateline = datelinePlace(current(), s.lexemes);
  if (dateline) relabel(labels, dateline, LOC);
  // The agency credited in a wire story's dateline ("MOSCOW (AP) _", "BEIJING, March 5 (Xinhua) --").
  const credit = wireCredit(current(), s);
  relabelWhen(credit !== undefined && labels[credit] !== UNIT_ORG, labels, { type: 'ORG', start: credit ?? 0, end: (credit ?? 0) + 1 }, ORG);
  for (const chunk of current()) {
    const expanded = acronymExpansion(s.lexemes, chunk, s.recased);
    // The acronym is what its spelled-out words are: their name type, or no name ("Weapons of Mass Destruction (WMD)").
    // Worked out for every chunk (of its own first word when it is no acronym), for the reason told above:
    // an acronym spelled out is rare, and these reads and calls, run for it alone, were never seen running.
    const spelled = labels[expanded ?? chunk.start];
    const type = spelled === 0 ? -1 : Math.floor((spelled - 1) / 4);
    relabelWhen(type !== CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number]) && expanded !== undefined, labels, chunk, type);
  }
}

/**
 * For a one-word chunk in capitals standing in brackets right after the words it abbreviates
 * ("Weapons of Mass Destruction (WMD)", "Ministry of Unification (MOU)"), the index of the first
 * of those words; undefined otherwise. Small joining words ("of", "and") may be skipped by the initials.
 */
function acronymExpansion(lexemes: readonly Lexeme[], chunk: Chunk, recased = false): number | undefined {
  const i = chunk.start;
  if (chunk.end !== i + 1 || i < 2) return undefined;
  const word = lexemes[i].word;
  if (!/^\p{Lu}{2,8}$/u.test(word) || lexemes[i - 1].word !== '(' || lexemes[i + 1]?.word !== ')') return undefined;
  // Walk back over the words before the bracket, matching the acronym's letters from its end.
  let k = word.length - 1;
  let j = i - 2;
  while (j >= 0 && k >= 0) {
    const lex = lexemes[j];
    if (lex.joiner && lex.word[0] !== word[k]) {
      j--;
      continue;
    }
    if ((!lex.capitalised && !recased) || lex.word[0].toUpperCase() !== word[k]) return undefined;
    k--;
    j--;
  }
  return k < 0 ? j + 1 : undefined;
}

// Word → the type its mentions agree on, -1 where they disagree (one map for every article: less to collect).
const named = new Map<string, number>();
/**
 * A name the article gives again where the tagger saw none: a capitalised word outside every name, which
 * the article names elsewhere as a one-word name or a person's last name ("George W. Bush signed …", then
 * "Bush, who …"), takes that type where all such mentions agree. Not a word common in lower case nor a
 * month ("Young", "May"), nor one beside a name or a capitalised word but a title (part of a longer name:
 * "Sinn Fein"; "Mrs. Currie" is one). Headlines give no evidence (case says little there) but take it.
 */
function namedElsewhere(labels: Uint8Array[], chunks: readonly Chunk[][], prepared: readonly PreparedSentence[], model: EntityModel): void {
  named.clear();
  for (let s = 0; s < chunks.length; s++) {
    if (prepared[s].caps || prepared[s].title) continue;
    const lexemes = prepared[s].lexemes;
    for (const c of chunks[s]) {
      const type = CONLL_TYPES.indexOf(c.type as (typeof CONLL_TYPES)[number]);
      if (type === MISC || (c.end - c.start > 1 && type !== PER)) continue;
      const word = lexemes[c.end - 1].word;
      const before = named.get(word);
      named.set(word, before === undefined || before === type ? type : -1);
    }
  }
  if (named.size === 0) return;
  for (let s = 0; s < labels.length; s++) {
    const l = labels[s];
    const lexemes = prepared[s].lexemes;
    for (let i = 0; i < lexemes.length; i++) {
      const lex = lexemes[i];
      if (l[i] !== 0 || !lex.capitalised || (i > 0 && (l[i - 1] !== 0 || (lexemes[i - 1].capitalised && !TITLES.has(lexemes[i - 1].lower))))) continue;
      if (i + 1 < l.length && (l[i + 1] !== 0 || lexemes[i + 1].capitalised)) continue;
      const type = named.get(lex.word);
      if (type === undefined || type < 0 || model.common.has(lex.lower) || monthOf(lex.word) !== undefined) continue;
      relabel(l, { type: CONLL_TYPES[type], start: i, end: i + 1 }, type);
    }
  }
}
