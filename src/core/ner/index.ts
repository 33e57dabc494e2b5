/**
 * The trained entity recogniser: people, organisations, places (and, on request, other names) in raw
 * text, from an averaged-perceptron tagger trained on CoNLL-2003 eng.train (see scripts/train-ner.mjs),
 * decoded left to right with a small beam.
 * The model is a string module bundled with the code, so it loads the same way in Node and in a browser.
 */
import type { Mention, Recognizer } from '../model';
import { prepareDocument } from './features';
import { Gazetteer } from './gazetteer';
import { chunksFromLabels } from './labels';
import { NER_NAMES, NER_WEIGHTS } from './model-data';
import { tagDocumentBeam } from './tagger';
import { splitSentences, tokenize } from './tokenize';
import { fromBase64, PackedWeights } from './weights';

export { tokenize, splitSentences } from './tokenize';
export type { Token } from './tokenize';

/** A loaded tagger model: weights and name lists. */
export interface EntityModel {
  weights: PackedWeights;
  names: Gazetteer;
}

const TYPE_NAMES: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: 'MISC' };

/** Decodes a model from its serialised form (the shipped one by default). */
export function loadEntityModel(weightsBase64: string = NER_WEIGHTS, names: string = NER_NAMES): EntityModel {
  return { weights: PackedWeights.decode(fromBase64(weightsBase64)), names: Gazetteer.parse(names) };
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
  const labels = tagDocumentBeam(prepareDocument(sentences, model.names, false), model.weights, BEAM_WIDTH, BEAM_MARGIN, true);
  labels.forEach((l, s) => trimWeekdays(l, sentences[s]));
  return labels;
}

const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;

/**
 * Cuts a weekday off the end of a person, organisation or place ("Panmunjeom Thursday"): an unknown
 * name followed by a capitalised weekday is easily read as one name, while such names hardly exist.
 */
function trimWeekdays(labels: Uint8Array, words: readonly string[]): void {
  for (const chunk of chunksFromLabels(labels)) {
    if (chunk.type === 'MISC' || chunk.end - chunk.start < 2 || !WEEKDAYS.test(words[chunk.end - 1])) continue;
    const base = labels[chunk.start] - (labels[chunk.start] - 1) % 4; // the type's B label
    labels[chunk.end - 1] = 0;
    if (chunk.end - chunk.start === 2) labels[chunk.start] = base + 3;
    else labels[chunk.end - 2] = base + 2;
  }
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
