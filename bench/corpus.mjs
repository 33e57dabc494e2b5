// Real text for benchmarks: the articles of ../shared/corpus, repeated to any size (no random words).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = resolve(root, '../shared');
export const SAMPLE = join(shared, 'corpus/korea-generals-2006-03-02.txt');

/** The corpus articles' texts, or undefined (with a message) when ../shared is absent. */
export function corpusArticles() {
  const dir = join(shared, 'corpus/news');
  if (!existsSync(dir)) {
    console.log(`  skipped: ${dir} is absent`);
    return undefined;
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The corpus articles' file names, in the order of {@link corpusArticles}. */
export function corpusNames() {
  return readdirSync(join(shared, 'corpus/news'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** About `bytes` of real article text, articles separated by blank lines. */
export function realText(bytes) {
  const articles = corpusArticles();
  if (!articles) return undefined;
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const a = articles[i % articles.length];
    parts.push(a);
    size += a.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/**
 * `count` documents for the picture benches (timeline and map of many articles): the corpus texts
 * recognised once each, then repeated, as the extension's workspace gathering gives them (no annotations,
 * the suggestions). Needs `npm run compile-tests`.
 */
export function syntheticDocs(texts, count) {
  const require = createRequire(import.meta.url);
  const { createDefaultPipeline } = require(join(root, 'out/src/core/recognition/index.js'));
  const { detectDocumentDate } = require(join(root, 'out/src/core/dates/index.js'));
  const pipeline = createDefaultPipeline();
  const base = texts.map((text) => {
    const documentDate = detectDocumentDate(text);
    return { text, documentDate, suggestions: pipeline.recognize(text, { documentDate }) };
  });
  const docs = Array.from({ length: count }, (_, i) => {
    const b = base[i % base.length];
    return { uri: `file:///bench/${i}.txt`, name: `${i}.txt`, text: b.text, documentDate: b.documentDate, annotations: [], facts: [], suggestions: b.suggestions };
  });
  return { base, docs };
}
