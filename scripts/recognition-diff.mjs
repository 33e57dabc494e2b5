#!/usr/bin/env node
// Differential check for speed work on recognition (issue 14): writes, as one JSON file, everything the
// recognisers of a build find — the whole open (document date, pipeline, lexicon) and the entity tagger
// with MISC names on each article of ../shared/corpus/news, the Korea sample and 1 MB of their text,
// the tokens and sentences, the 1 MB as one document, and the first 100 texts again in reverse order
// (caches filled by the others). Compare two builds byte for byte:
//   cp -r out /tmp/before-out        (before the change, after npm run build && npm run compile-tests)
//   node scripts/recognition-diff.mjs /tmp/before-out /tmp/before.json
//   node scripts/recognition-diff.mjs out /tmp/after.json && cmp /tmp/before.json /tmp/after.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sharedRoot } from './lib/conll.mjs';

const [outDir, file] = process.argv.slice(2);
if (!outDir || !file) {
  console.error('usage: node scripts/recognition-diff.mjs OUT_DIR RESULT.json');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const core = path.resolve(outDir, 'src/core');
const { RecognitionPipeline, defaultRecognizers } = require(path.join(core, 'recognition/index.js'));
const { detectDocumentDate } = require(path.join(core, 'dates/index.js'));
const { recognizeEntities, shippedEntityModel, tokenize, splitSentences } = require(path.join(core, 'ner/index.js'));
const { Learned, EMPTY_LEXICON } = require(path.join(core, 'learning/index.js'));

const dir = path.join(sharedRoot, 'corpus/news');
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const articles = names.map((f) => readFileSync(path.join(dir, f), 'utf8'));
const parts = [];
for (let i = 0, size = 0; size < 1_000_000; i++) {
  parts.push(articles[i % articles.length]);
  size += articles[i % articles.length].length + 2;
}
const big = parts.join('\n\n').slice(0, 1_000_000);
const texts = [...names.map((n, i) => [n, articles[i]]), ['korea', readFileSync(path.join(sharedRoot, 'corpus/korea-generals-2006-03-02.txt'), 'utf8')], ['1MB', big]];

const recognizers = defaultRecognizers();
const learned = new Learned(EMPTY_LEXICON, []);
const out = [];
for (const [name, text] of texts) {
  const documentDate = detectDocumentDate(text);
  const context = { documentDate };
  out.push({
    name,
    documentDate,
    open: learned.apply(text, new RecognitionPipeline(recognizers).recognize(text, context), context),
    misc: recognizeEntities(text, shippedEntityModel(), true),
    tokens: splitSentences(text, tokenize(text)).map((s) => s.map((t) => `${t.start}:${t.end}`).join(' ')),
  });
}
out.push({ name: '1MB as one document', misc: recognizeEntities(big, shippedEntityModel(), true) });
for (const [name, text] of [...texts].reverse().slice(0, 100)) out.push({ name: `again ${name}`, misc: recognizeEntities(text, shippedEntityModel(), true) });
writeFileSync(file, JSON.stringify(out));
console.log(`${file}: ${out.length} entries, ${out.reduce((n, e) => n + (e.open?.length ?? 0) + e.misc.length, 0)} mentions`);
