// Barrel: the folder's public API lives in grammar.ts (index files re-export only; ARCHITECTURE.md).
export * from './grammar';
