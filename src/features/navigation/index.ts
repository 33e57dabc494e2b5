// Barrel: the folder's public API lives in commands.ts (index files re-export only; ARCHITECTURE.md).
export * from './commands';
