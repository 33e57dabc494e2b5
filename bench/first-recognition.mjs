// Issue 14, first paint: where the time of a first open's recognition goes, in a fresh Node process
// per figure (as in an extension host just started): loading the modules, decoding the model, the
// warm-up the extension runs at activation, then a 5 KB article never seen, step by step, and the
// same article again. CPU time of this process, so that the machine's load weighs less.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { realText, root } from './corpus.mjs';

const ROUNDS = 5;

export async function run() {
  const text = realText(5000 + 200_000);
  if (!text) return;
  const core = join(root, 'out/src/core');
  if (!existsSync(join(core, 'ner/index.js'))) {
    console.log('  skipped: run npm run compile-tests first');
    return;
  }
  // A 5 KB article far into the corpus text, so that the warm-up has not seen its words.
  const article = text.slice(200_000, 205_000);
  const rows = [];
  for (let round = 0; round < ROUNDS; round++) {
    const out = execFileSync(process.execPath, ['-e', CHILD, core], { input: article, encoding: 'utf8' });
    rows.push(JSON.parse(out));
  }
  const median = (key) => {
    const v = rows.map((r) => r[key]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  console.log(`  a 5 KB article first seen in a fresh process, CPU ms, median of ${ROUNDS} processes (min–max):`);
  for (const key of Object.keys(rows[0])) {
    const v = rows.map((r) => r[key]);
    console.log(`    ${key}: ${median(key).toFixed(1)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`);
  }
}

// Runs in the child: the steps of a first open, each timed in CPU ms.
const CHILD = `
const { join } = require('node:path');
const core = process.argv[1];
const article = require('node:fs').readFileSync(0, 'utf8');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const out = {};
let t = cpu();
const step = (name, f) => { const r = f(); const now = cpu(); out[name] = now - t; t = now; return r; };
const { createDefaultPipeline, warmUpRecognizers } = step('load the modules', () => require(join(core, 'recognition/index.js')));
const { detectDocumentDate } = require(join(core, 'dates/index.js'));
const ner = require(join(core, 'ner/index.js'));
const features = require(join(core, 'ner/features.js'));
const tagger = require(join(core, 'ner/tagger.js'));
const { recognizeDates } = require(join(core, 'dates/recognize.js'));
const model = step('decode the entity model', () => ner.shippedEntityModel());
step('warm-up at activation (the extension runs it before any article opens)', () => warmUpRecognizers ? warmUpRecognizers() : createDefaultPipeline().recognize('SEOUL, March 2, 2006 -- Gen. Kim Yong-chol of North Korea met U.S. officials and the United Nations Command at Panmunjeom on Thursday, two weeks after talks in Geneva ended at 3 p.m. last year.', {}));
const start = t;
const documentDate = step('new article: document date', () => detectDocumentDate(article));
const sentences = step('new article: tokens and sentences', () => ner.splitSentences(article, ner.tokenize(article)).map((s) => s.map((x) => x.text)));
const prepared = step('new article: words and features (first sight of its words)', () => features.prepareDocument(sentences, model, false));
step('new article: tagger (beam search)', () => tagger.tagDocumentBeam(prepared, model.weights, 4, 30, true));
step('new article: dates', () => recognizeDates(article, { documentDate }));
out['new article: all of the above'] = t - start;
t = cpu();
step('new article: the whole pipeline, as an open runs it', () => createDefaultPipeline().recognize(article, { documentDate }));
step('the same article again (fresh pipeline)', () => createDefaultPipeline().recognize(article, { documentDate }));
process.stdout.write(JSON.stringify(out));
`;
