/** The recognisers Factmark runs by default, and a pipeline over them. */
import type { Recognizer } from '../model';
import { dateRecognizer } from '../dates';
import { createEntityRecognizer, type EntityModel } from '../ner';
import { RecognitionPipeline } from './pipeline';

/** What the default recognisers may be given: the entity model (the shipped one by default, or one with local corrections). */
export interface RecognizerOptions {
  entityModel?: EntityModel;
}

/** The recognisers Factmark runs by default: names, then dates and times. */
export function defaultRecognizers(options: RecognizerOptions = {}): Recognizer[] {
  return [createEntityRecognizer({ model: options.entityModel }), dateRecognizer];
}

/** A pipeline over the default recognisers. */
export function createDefaultPipeline(options: RecognizerOptions = {}): RecognitionPipeline {
  return new RecognitionPipeline(defaultRecognizers(options));
}
