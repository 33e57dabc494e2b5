
export { RecognitionPipeline, resolveOverlaps, type ChunkSizes } from './pipeline';
export { groupIntoChunks, splitParagraphs } from './paragraphs';
export { createDefaultPipeline, defaultRecognizers, type RecognizerOptions } from './defaults';

export { warmUpRecognizers, warmUpSteps } from './warmUp';
