// Barrel: the folder's public API lives in registry.ts (index files re-export only; ARCHITECTURE.md).
export * from './registry';
