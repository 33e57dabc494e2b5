// Barrel: the folder's public API lives in recognizer.ts (index files re-export only; ARCHITECTURE.md).
export * from './recognizer';
