// Barrel: the folder's public API lives in provider.ts (the view) and register.ts (its commands); index files re-export only (ARCHITECTURE.md).
export * from './provider';
export * from './register';
