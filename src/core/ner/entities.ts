/**
 * Entity mentions in raw text: the text split into sentences and tokens, labelled by the tagger and its
 * rules (recognizer.ts), and the labels turned into spans of the text.
 */
import type { Mention, Recognizer } from '../model';
import { shippedEntityModel, type EntityModel } from './entityModel';
import { chunksFromLabels } from './labels';
import { labelSentences } from './recognizer';
import { splitSentences, tokenize } from './tokenize';

const TYPE_NAMES: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: 'MISC' };

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
