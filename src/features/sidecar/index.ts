// Barrel: the folder's public API lives in register.ts (index files re-export only; ARCHITECTURE.md).
export * from './register';
