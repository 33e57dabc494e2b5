import type { Recognizer } from '../model';
import { dateRecognizer } from '../dates';
import { createEntityRecognizer } from '../ner';
import { RecognitionPipeline } from './pipeline';

export { RecognitionPipeline, resolveOverlaps, type ChunkSizes } from './pipeline';
export { groupIntoChunks, splitParagraphs } from './paragraphs';

/** The recognisers Factmark runs by default: names, then dates and times. */
export function defaultRecognizers(): Recognizer[] {
  return [createEntityRecognizer(), dateRecognizer];
}

/** A pipeline over the default recognisers. */
export function createDefaultPipeline(): RecognitionPipeline {
  return new RecognitionPipeline(defaultRecognizers());
}
