// Barrel: the folder's public API lives in recognizer.ts, the model identity in weights.ts (index files re-export only; ARCHITECTURE.md).
export * from './recognizer';
export { modelId } from './weights';
