export * from './lexicon';
export * from './patterns';
export * from './learned';
export * from './learner';
