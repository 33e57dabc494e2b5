// Reads CoNLL-2003 files ("token POS chunk NE" per line, blank line between sentences,
// -DOCSTART- between documents) into documents of { words, tags } sentences.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (scripts/lib/..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Shared read-only data folder, next to the checkout. */
export const sharedRoot = path.resolve(repoRoot, '../shared');
export const defaultTrain = path.join(sharedRoot, 'data/conll2003/eng.train');
export const defaultDev = path.join(sharedRoot, 'data/conll2003/eng.testa');

/** Parses CoNLL text into documents (arrays of sentences). */
export function parseConll(text) {
  const docs = [];
  let doc = [];
  let sentence = { words: [], tags: [] };
  const endSentence = () => {
    if (sentence.words.length) doc.push(sentence);
    sentence = { words: [], tags: [] };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    sentence.words.push(cols[0]);
    sentence.tags.push(cols[cols.length - 1]);
  }
  endSentence();
  if (doc.length) docs.push(doc);
  return docs;
}

/** Reads a CoNLL file, or returns undefined (after saying why) when it is absent. */
export function readConll(file) {
  if (!existsSync(file)) {
    console.log(`skipped: ${file} not found (the CoNLL-2003 data lives in ../shared/data, outside the repository)`);
    return undefined;
  }
  return parseConll(readFileSync(file, 'utf8'));
}

/** Loads the compiled core (run `npx tsc -p tsconfig.test.json` first). */
export async function loadCore(modulePath) {
  const file = path.join(repoRoot, 'out/src/core', modulePath);
  if (!existsSync(file)) throw new Error(`${file} missing: compile first with npx tsc -p tsconfig.test.json`);
  return import(file);
}
