// Barrel: the folder's public API lives in build.ts (index files re-export only; ARCHITECTURE.md).
export * from './build';
