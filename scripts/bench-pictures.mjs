#!/usr/bin/env node
/**
 * How long the timeline and map data of 5,000 articles take to compute (issue 16): the corpus
 * articles' suggestions, recognised once, repeated up to 5,000 documents. Drawing in the webview is
 * not measured here. Needs the compiled core (`npx tsc -p tsconfig.test.json`).
 *   node scripts/bench-pictures.mjs [count]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gazetteerText } from './gazetteer.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createDefaultPipeline } = require(path.join(root, 'out/src/core/recognition/index.js'));
const { detectDocumentDate } = require(path.join(root, 'out/src/core/dates/index.js'));
const { buildTimeline, filterTimeline, groupTimeline } = require(path.join(root, 'out/src/core/timeline/index.js'));
const { Gazetteer, placeMap } = require(path.join(root, 'out/src/core/places/index.js'));

const count = Number(process.argv[2] ?? 5000);
const corpus = path.resolve(root, '../shared/corpus');
const files = fs.readdirSync(path.join(corpus, 'news')).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, 'news', f));
const pipeline = createDefaultPipeline();
const base = files.map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const documentDate = detectDocumentDate(text);
  return { text, documentDate, suggestions: pipeline.recognize(text, { documentDate }) };
});
const docs = Array.from({ length: count }, (_, i) => {
  const b = base[i % base.length];
  return { uri: `file:///bench/${i}.txt`, name: `${i}.txt`, text: b.text, documentDate: b.documentDate, annotations: [], facts: [], suggestions: b.suggestions };
});

const time = (label, f) => {
  const t = performance.now();
  const r = f();
  console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
  return r;
};
const text = gazetteerText();
const gazetteer = time('gazetteer: parse the table', () => Gazetteer.parse(text));
const timeline = time(`timeline: ${count} articles`, () => buildTimeline(docs));
time('timeline: filter by entity and group by entity', () => groupTimeline(filterTimeline(timeline, { entity: 'a' }).items, 'entity'));
const map = time(`map: ${count} articles`, () => placeMap(docs, gazetteer));
console.log(`timeline: ${timeline.items.length} items, ${timeline.unplaced.length} apart, ${(JSON.stringify(timeline).length / 1e6).toFixed(1)} MB as a message`);
console.log(`map: ${map.points.length} places, ${map.apart.length} apart, ${(JSON.stringify(map).length / 1e6).toFixed(1)} MB as a message`);
