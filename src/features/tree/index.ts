// Barrel: the folder's public API lives in provider.ts (index files re-export only; ARCHITECTURE.md).
export * from './provider';
