#!/usr/bin/env node
// Corrections learnt on an earlier entity model, used on a newer one (the trust follow-up of issue 14):
// when Factmark ships a retrained model, does keeping the corrections a user's decisions taught the old
// model help or hurt?
//
// The simulated analyst of the learning benchmark (scripts/eval-learning.mjs) works through the first
// half of each file with the OLD build (its own core, features and model: what the user had), and its
// corrections are saved as the extension saves them (`toJSON`). Then, on part A of the scored half (the
// part the benchmark tunes on; part B is never tagged here), the NEW model is scored:
//   new, nothing learnt         the shipped model alone
//   new + lexicon, reset        the lexicon the decisions taught, corrections reset (dropped)
//   new + lexicon + stale       … and the old model's corrections loaded as they were saved
//   new + lexicon + relearnt    … the same decisions (the same calls, in the same order) learnt again on the new model
// and, for reference, the old model alone and with what it learnt. It also says whether the old weights
// load on today's feature code (same hash bits) and how they score there, which is NOT the old model:
// today's code adds features (word clusters) that the old weights were not trained with.
//
// Usage: npm run compile-tests && node scripts/eval-learning-stale.mjs --old-out DIR [--conll FILE] [--max-docs N]
//   DIR: the compiled `out` folder of a checkout of the earlier model's commit, made with
//     git worktree add --detach /tmp/old 0eb848b && ln -s "$PWD/node_modules" /tmp/old/node_modules \
//       && (cd /tmp/old && npx tsc -p tsconfig.test.json)
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultDev, loadCore, repoRoot } from './lib/conll.mjs';
import { defaultRe3d, entities, SCORED, splitDocuments, TO_CONLL, work } from './eval-learning.mjs';

const args = process.argv.slice(2);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const oldOut = value('--old-out');
if (!oldOut || !existsSync(path.join(oldOut, 'src/core/learning/index.js'))) {
  console.error('usage: node scripts/eval-learning-stale.mjs --old-out DIR (the compiled out/ of the earlier model\'s checkout; see the head of this file)');
  process.exit(2);
}
const oldCore = (m) => import(pathToFileURL(path.resolve(oldOut, 'src/core', m)).href);

const learning = await loadCore('learning/index.js');
const ner = await loadCore('ner/index.js');
const recognition = await loadCore('recognition/index.js');
const { ChunkScorer, chunksFromTags } = await loadCore('ner/conlleval.js');
const { undecidedSuggestions } = await loadCore('facts.js');
const oldLearning = await oldCore('learning/index.js');
const oldModelData = await import(pathToFileURL(path.resolve(oldOut, 'model/ner-model.js')).href);

/** Micro-F1 and per-type F1 (PER/ORG/LOC) of a learner's suggestions on the documents. */
function score(learner, docs) {
  const scorer = new ChunkScorer();
  for (const d of docs) scorer.addChunks(d.gold, entities(learner.suggest(d.text, d.name)).map((m) => ({ type: TO_CONLL[m.type], start: m.start, end: m.end })));
  const r = scorer.result(SCORED);
  return { micro: r.overall.f1, ...Object.fromEntries(SCORED.map((t) => [t, r.byType.get(t)?.f1 ?? 0])) };
}

/** A learner that records every decision it is given, to give the same ones to another learner. */
function recording(learner, calls) {
  return {
    suggest: (...a) => learner.suggest(...a),
    decide: (document, text, annotations) => {
      calls.push(['decide', document, text, annotations.map((a) => ({ ...a }))]);
      learner.decide(document, text, annotations);
    },
    decideText: (entries, status) => {
      calls.push(['decideText', entries, status]);
      learner.decideText(entries, status);
    },
  };
}

async function runFile(file) {
  const maxDocs = Number(value('--max-docs')) || Infinity;
  const { taught, scored } = splitDocuments(file, chunksFromTags, maxDocs);
  // Part A only (every other scored document, from the first): part B stays held out.
  const partA = scored.filter((_, k) => k % 2 === 0);
  const t0 = performance.now();

  // The analyst on the old build.
  const old = new oldLearning.Learner();
  const calls = [];
  const rec = recording(old, calls);
  for (const doc of taught) work(rec, doc, undecidedSuggestions, 'off', () => {});
  const saved = JSON.parse(JSON.stringify(old.model.adjustments.toJSON()));

  const rows = [];
  rows.push(['old model, nothing learnt', score(new oldLearning.Learner(), partA)]);
  rows.push(['old model + what it learnt', score(old, partA)]);
  // The old weights on today's features (not the old model: see the head of this file).
  const oldWeights = ner.loadEntityModel(oldModelData.NER_WEIGHTS, oldModelData.NER_NAMES, oldModelData.NER_COMMON, oldModelData.NER_PLACES);
  // A Learner tags with the shipped model until it learns something: the pipeline is asked directly.
  const oldWeightsPipeline = recognition.createDefaultPipeline({ entityModel: oldWeights });
  rows.push(['old weights, today\'s features', score({ suggest: (text) => oldWeightsPipeline.recognize(text, {}) }, partA)]);
  rows.push(['new, nothing learnt', score(new learning.Learner(), partA)]);
  const reset = new learning.Learner();
  reset.lexicon = old.lexicon;
  rows.push(['new + lexicon, corrections reset', score(reset, partA)]);
  const stale = new learning.Learner();
  stale.lexicon = old.lexicon;
  stale.model.adjustments.load(saved);
  rows.push(['new + lexicon + stale corrections', score(stale, partA)]);
  const relearnt = new learning.Learner();
  for (const [kind, ...a] of calls) relearnt[kind](...a);
  rows.push(['new + lexicon + relearnt', score(relearnt, partA)]);

  const newBits = ner.shippedEntityModel().weights.bits;
  const f = (x) => (100 * x).toFixed(2).padStart(7);
  const decisions = calls.filter(([k]) => k === 'decide').length;
  console.log(`${path.relative(repoRoot, file) || file}: the analyst decides the first ${taught.length} documents on the old build (${decisions} decisions, ${saved.rows.length} correction rows); part A of the scored half: ${partA.length} documents`);
  console.log(`  old weights: ${oldWeights.weights.bits}-bit feature hashing, today's model ${newBits}-bit; stale corrections ${saved.bits}-bit, relearnt ${relearnt.model.adjustments.toJSON().rows.length} rows`);
  console.log(`  ${'F1 (exact span), part A'.padEnd(36)}${['micro', ...SCORED].map((t) => t.padStart(7)).join('')}`);
  for (const [name, r] of rows) console.log(`  ${name.padEnd(36)}${f(r.micro)}${SCORED.map((t) => f(r[t])).join('')}`);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const get = (name) => rows.find(([n]) => n === name)[1].micro;
  console.log(`stale: reset ${get('new + lexicon, corrections reset').toFixed(4)} stale ${get('new + lexicon + stale corrections').toFixed(4)} relearnt ${get('new + lexicon + relearnt').toFixed(4)}`);
}

const files = value('--conll') ? [path.resolve(value('--conll'))] : [defaultDev, defaultRe3d];
for (const file of files) {
  try {
    readFileSync(file);
  } catch {
    console.log(`skipped: ${file} not found (the data lives in ../shared/data, outside the repository)`);
    continue;
  }
  await runFile(file);
}
