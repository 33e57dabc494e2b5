#!/usr/bin/env node
/**
 * How many PLACE mentions of ../shared/corpus link to the offline gazetteer on their own (issue 16).
 *
 *   npm run eval:places                      counts over every article of ../shared/corpus
 *   npm run eval:places -- --sample 100      also prints 100 automatic links (seeded) to check by hand
 *   npm run eval:places -- --list            every distinct name with its outcome
 *
 * PLACE mentions are the recogniser's suggestions (the corpus has no sidecars); each is linked
 * with the article's context exactly as the map does (src/core/places). Needs the compiled core:
 * `npx tsc -p tsconfig.test.json` (npm run eval:places does it).
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
const { Gazetteer, placeMentions } = require(path.join(root, 'out/src/core/places/index.js'));

const args = process.argv.slice(2);
const sampleSize = args.includes('--sample') ? Number(args[args.indexOf('--sample') + 1]) : 0;
const corpus = path.resolve(root, '../shared/corpus');

function articles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? articles(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []))
    .sort();
}

const gazetteer = Gazetteer.parse(gazetteerText());
const pipeline = createDefaultPipeline();
const all = [];
for (const file of articles(corpus)) {
  const text = fs.readFileSync(file, 'utf8');
  const suggestions = pipeline.recognize(text, { documentDate: detectDocumentDate(text) });
  const name = path.relative(corpus, file);
  all.push(...placeMentions({ uri: file, name, text, annotations: [], suggestions }, gazetteer));
}

const count = (status) => all.filter((m) => m.status === status).length;
const pct = (n) => `${((100 * n) / all.length).toFixed(1)}%`;
console.log(`# Places of ${path.relative(root, corpus)} (${gazetteer.size} gazetteer entries)`);
console.log(`PLACE mentions: ${all.length}`);
console.log(`linked automatically: ${count('linked')} (${pct(count('linked'))})`);
console.log(`ambiguous (left to the user): ${count('ambiguous')} (${pct(count('ambiguous'))})`);
console.log(`not in the gazetteer: ${count('unmatched')} (${pct(count('unmatched'))})`);

if (args.includes('--list')) {
  const names = new Map();
  for (const m of all) {
    const k = `${m.text}\t${m.status}\t${m.place ? `${m.place.name}, ${m.place.country} (${m.place.id})` : `${m.candidates} candidates`}`;
    names.set(k, (names.get(k) ?? 0) + 1);
  }
  for (const [k, n] of [...names.entries()].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${k}`);
}

if (sampleSize > 0) {
  // A seeded shuffle, so the sample checked by hand can be printed again.
  let seed = 16;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const linked = all.filter((m) => m.status === 'linked');
  for (let i = linked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [linked[i], linked[j]] = [linked[j], linked[i]];
  }
  console.log(`\n# Sample of ${Math.min(sampleSize, linked.length)} automatic links (mention → entry; sentence)`);
  linked.slice(0, sampleSize).forEach((m, i) => {
    console.log(`${i + 1}\t${m.text} → ${m.place.name}, ${m.place.country} [${m.place.feature}]\t${m.document}: ${m.quote.slice(0, 140)}`);
  });
}
