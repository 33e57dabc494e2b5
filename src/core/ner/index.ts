/**
 * The trained entity recogniser: people, organisations, places (and, on request, other names) in raw
 * text, from an averaged-perceptron tagger trained on CoNLL-2003 eng.train (see scripts/train-ner.mjs),
 * decoded left to right with a small beam.
 * The model is a string module bundled with the code, so it loads the same way in Node and in a browser.
 */
import { monthOf } from '../dates/lexicon';
import type { Mention, Recognizer } from '../model';
import type { Chunk } from './conlleval';
import { prepareDocument, type Lexeme, type PreparedSentence } from './features';
import { Gazetteer } from './gazetteer';
import { chunksFromLabels, CONLL_TYPES, labelsFromChunks } from './labels';
import { NER_COMMON, NER_NAMES, NER_WEIGHTS } from './model-data';
import { tagDocumentBeam, type Scorer } from './tagger';
import { splitSentences, tokenize } from './tokenize';
import { fromBase64, PackedWeights } from './weights';

export { tokenize, splitSentences } from './tokenize';
export { OnlineAdjustments, DEFAULT_MODEL_LEARNING, type AdjustmentsData, type EntityDecision, type ModelLearningOptions } from './online';
export type { Token } from './tokenize';

/** A loaded tagger model: weights, name lists and the words common in lower case. */
export interface EntityModel {
  weights: PackedWeights;
  names: Gazetteer;
  common: ReadonlySet<string>;
  /** Scores instead of `weights` when set: the weights with local corrections (see online.ts). */
  scorer?: Scorer;
}

const TYPE_NAMES: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: 'MISC' };

/** Decodes a model from its serialised form (the shipped one by default). */
export function loadEntityModel(weightsBase64: string = NER_WEIGHTS, names: string = NER_NAMES, common: string = NER_COMMON): EntityModel {
  return { weights: PackedWeights.decode(fromBase64(weightsBase64)), names: Gazetteer.parse(names), common: new Set(common.split(' ')) };
}

let shipped: EntityModel | undefined;

/** The shipped model, decoded on first use (about 1 MB of weights) and kept. */
export function shippedEntityModel(): EntityModel {
  return (shipped ??= loadEntityModel());
}

// Label sequences kept per sentence while decoding; 4 gains about one F1 point over greedy decoding on CoNLL-2003 dev.
const BEAM_WIDTH = 4;
// Hypotheses this far behind (in trained weight units) are dropped; on dev it changes one decision in 50,000 tokens
// and saves most of the beam's cost.
const BEAM_MARGIN = 30;

/** BILOU labels (see labels.ts) for a document given as sentences of token texts. */
export function labelSentences(sentences: readonly (readonly string[])[], model: EntityModel = shippedEntityModel()): Uint8Array[] {
  const prepared = prepareDocument(sentences, model, false);
  const labels = tagDocumentBeam(prepared, model.scorer ?? model.weights, BEAM_WIDTH, BEAM_MARGIN, true);
  labels.forEach((l, s) => {
    reviseTypes(l, prepared[s], model);
  });
  return labels;
}

const [PER, ORG, LOC, MISC] = [0, 1, 2, 3];

// Titles and forms of address that stand before a person's name but are not part of it.
const TITLES = new Set(
  ('mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice-president premier chancellor mayor governor ' +
    'senator sen. rep. representative congressman congresswoman minister secretary ambassador judge justice general gen. ' +
    'colonel col. major lieutenant lt. captain capt. admiral sergeant sgt. commander chairman chairwoman chief king queen ' +
    'prince princess pope cardinal bishop archbishop rabbi imam sheikh emir sultan coach striker midfielder defender goalkeeper')
    .split(' '),
);

/** Gives the tokens of a chunk the labels of another type (or O for -1). */
function relabel(labels: Uint8Array, chunk: Chunk, type: number): void {
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
  // A title-case line with figures is rather a results table ("Reading 2 Bury 1") than a headline.
  const headline = s.title && !s.lexemes.some((lex) => /\d/.test(lex.word));
  for (const chunk of chunksFromLabels(labels)) {
    const type = CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number]);
    const first = s.lexemes[chunk.start];
    const last = s.lexemes[chunk.end - 1];
    if (headline && s.lexemes.slice(chunk.start, chunk.end).every((lex) => model.common.has(lex.lower))) relabel(labels, chunk, -1);
    // The people of a place read as the place, or in the plural as a person ("North Koreans"); a
    // person or a team named after them stays what it is ("Ahmed Korei", "Cleveland Indians").
    else if (s.demonyms?.[chunk.end - 1] && (type === LOC || (type === PER && s.demonyms[chunk.end - 1] === 2))) relabel(labels, chunk, MISC);
    else if (type !== PER) continue;
    else if (last.head === 1) relabel(labels, chunk, LOC);
    else if (first.head === 2 || last.head === 2) relabel(labels, chunk, ORG);
    else if (TITLES.has(first.lower) && chunk.end - chunk.start > 1) {
      // A title is not part of the name (CoNLL-2003, ACE): "Mayor [Rui Moreira]", "President [Bush]".
      labels[chunk.start] = 0;
      relabel(labels, { type: chunk.type, start: chunk.start + 1, end: chunk.end }, PER);
    }
  }
  const dateline = datelinePlace(labels, s.lexemes);
  if (dateline) relabel(labels, dateline, LOC);
  for (const chunk of chunksFromLabels(labels)) {
    const expanded = acronymExpansion(s.lexemes, chunk);
    if (expanded === undefined) continue;
    // The acronym is what its spelled-out words are: their name type, or no name ("Weapons of Mass Destruction (WMD)").
    const type = labels[expanded] === 0 ? -1 : Math.floor((labels[expanded] - 1) / 4);
    if (type !== CONLL_TYPES.indexOf(chunk.type as (typeof CONLL_TYPES)[number])) relabel(labels, chunk, type);
  }
}

/**
 * A dateline ("Lisbon, 14 May 2019", "LONDON 1996-08-30", "Seoul, March 2"): a short line that opens
 * with a name followed by a date names the place the story was filed from, whatever else the name can
 * be (a club, a company). Returns that name's chunk when it is not already a place.
 */
function datelinePlace(labels: Uint8Array, lexemes: readonly Lexeme[]): Chunk | undefined {
  if (lexemes.length > 8) return undefined;
  const first = chunksFromLabels(labels)[0];
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
 * For a one-word chunk in capitals standing in brackets right after the words it abbreviates
 * ("Weapons of Mass Destruction (WMD)", "Ministry of Unification (MOU)"), the index of the first
 * of those words; undefined otherwise. Small joining words ("of", "and") may be skipped by the initials.
 */
function acronymExpansion(lexemes: readonly Lexeme[], chunk: Chunk): number | undefined {
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
    if (!lex.capitalised || lex.word[0].toUpperCase() !== word[k]) return undefined;
    k--;
    j--;
  }
  return k < 0 ? j + 1 : undefined;
}

/** Finds entity mentions in text: exact UTF-16 spans, in text order, never overlapping. */
export function recognizeEntities(text: string, model: EntityModel = shippedEntityModel(), misc = false): Mention[] {
  const sentences = splitSentences(text, tokenize(text));
  const labels = labelSentences(sentences.map((s) => s.map((t) => t.text)), model);
  const mentions: Mention[] = [];
  sentences.forEach((tokens, s) => {
    for (const chunk of chunksFromLabels(labels[s])) {
      if (chunk.type === 'MISC' && !misc) continue;
      const start = tokens[chunk.start].start;
      const end = tokens[chunk.end - 1].end;
      mentions.push({ start, end, type: TYPE_NAMES[chunk.type], text: text.slice(start, end), source: 'entities' });
    }
  });
  return mentions;
}

/**
 * The "entities" recogniser: PERSON, ORGANIZATION and PLACE mentions (plus MISC with `misc: true`,
 * for nationalities, events and other names).
 */
export function createEntityRecognizer(options: { misc?: boolean; model?: EntityModel } = {}): Recognizer {
  return {
    name: 'entities',
    recognize: (text) => recognizeEntities(text, options.model ?? shippedEntityModel(), options.misc ?? false),
  };
}
