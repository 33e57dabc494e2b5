// Barrel: the folder's public API lives in entities.ts, recognizer.ts and entityModel.ts, the model identity in weights.ts (index files re-export only; ARCHITECTURE.md).
export * from './recognizer';
export * from './entities';
export { loadEntityModel, shippedEntityModel, type EntityModel } from './entityModel';
export { tokenize, splitSentences, type Token } from './tokenize';
export { OnlineAdjustments, DEFAULT_MODEL_LEARNING, correctionsModel, type AdjustmentsData, type EntityDecision, type ModelLearningOptions } from './online';
export { modelId } from './weights';
