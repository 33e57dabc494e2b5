#!/usr/bin/env node
// Trains Factmark's entity tagger and writes src/core/ner/model-data.ts.
//
// Training data: CoNLL-2003 English, eng.train only (946 Reuters RCV1 newswire documents, 1996-97),
// copied unchanged from github.com/synalp/NER (see ../shared/data/SOURCES.md). The text is Reuters
// material under the Reuters Corpus (RCV1) research licence; the shipped model holds hashed feature
// weights and the name lists of eng.train entities, so the README must credit it. eng.testa (dev)
// is used only to pick the number of epochs (its part A, the even documents; part B is held out), never for
// training or the name lists.
//
// Usage: npx tsc -p tsconfig.test.json && nice -n 10 node scripts/train-ner.mjs [--epochs N] [--bits B] [--out FILE]
import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultDev, defaultTrain, loadCore, readConll, repoRoot } from './lib/conll.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const epochs = Number(option('epochs', 15));
const bits = Number(option('bits', 20));
const minLevel = Number(option('min-level', 1));
const out = path.resolve(repoRoot, option('out', 'src/core/ner/model-data.ts'));

const train = await loadCore('ner/train.js');
const features = await loadCore('ner/features.js');
const tagger = await loadCore('ner/tagger.js');
const conlleval = await loadCore('ner/conlleval.js');
const labels = await loadCore('ner/labels.js');

const trainDocs = readConll(option('train', defaultTrain));
if (!trainDocs) process.exit(0);
// Epochs are picked on part A of dev only (its even documents); part B stays held out (see eval-ner.mjs devParts).
const devAll = readConll(option('dev', defaultDev));
const devDocs = devAll && (args.includes('--dev-all') ? devAll : devAll.filter((_, d) => d % 2 === 0));

let t0 = Date.now();
const common = train.commonWords(trainDocs);
// Half the documents get title-case headlines (see withTitleCaseHeadlines); the name lists come from the text as is.
const trainInput = args.includes('--no-title-case') ? trainDocs : train.withTitleCaseHeadlines(trainDocs);
const prepared = train.prepareTrainingSet(trainInput, 5, common);
const gold = trainInput.map(train.goldLabels);
const names = train.buildGazetteer(trainDocs);
const lists = { names, common };
const devPrepared = devDocs?.map((doc) => features.prepareDocument(doc.map((s) => s.words), lists));
console.log(`train: ${trainDocs.length} documents; ${names.size} names listed; ${common.size} common words; features prepared in ${Date.now() - t0} ms`);

/** conlleval micro-F1 over the 4 CoNLL types and over PER/ORG/LOC only (greedy decoding unless `scorer.decode(docIndex)` is given). */
function evaluate(scorer) {
  const scorerAll = new conlleval.ChunkScorer();
  devDocs.forEach((doc, d) => {
    const predicted = scorer.decode ? scorer.decode(d) : tagger.tagDocument(devPrepared[d], scorer);
    doc.forEach((s, i) => scorerAll.addChunks(conlleval.chunksFromTags(s.tags), labels.chunksFromLabels(predicted[i])));
  });
  return { all: scorerAll.result().overall.f1, core: scorerAll.result(['PER', 'ORG', 'LOC']).overall.f1 };
}

const model = new train.AveragedPerceptron(bits);
const order = trainDocs.map((_, d) => d);
let best = { f1: -1, epoch: 0, weights: undefined };
for (let epoch = 1; epoch <= epochs; epoch++) {
  t0 = Date.now();
  train.trainEpoch(model, prepared, gold, train.shuffled(order, epoch));
  const averaged = model.averaged();
  if (!devDocs) {
    best = { f1: 0, epoch, weights: averaged };
    console.log(`epoch ${epoch}: ${Date.now() - t0} ms`);
    continue;
  }
  const f1 = evaluate(new train.DenseScorer(bits, averaged));
  console.log(`epoch ${epoch}: ${Date.now() - t0} ms, dev F1 ${(100 * f1.all).toFixed(2)} (4 types), ${(100 * f1.core).toFixed(2)} (PER/ORG/LOC)`);
  if (f1.all > best.f1) best = { f1: f1.all, epoch, weights: averaged };
}

if (devDocs && args.includes('--try-levels')) {
  for (const level of [1, 2, 3, 4, 6]) {
    const p = train.pack(bits, best.weights, level);
    const f1 = evaluate(p);
    console.log(`  min level ${level}: ${p.buckets.length} rows, dev F1 ${(100 * f1.all).toFixed(2)} (4 types), ${(100 * f1.core).toFixed(2)} (PER/ORG/LOC)`);
  }
}
const packed = train.pack(bits, best.weights, minLevel);
const bytes = packed.encode();
const weights = (await loadCore('ner/weights.js')).toBase64(bytes);
if (devDocs) {
  const f1 = evaluate(packed);
  const ner = await loadCore('ner/index.js');
  const shipped = { weights: packed, names, common };
  const beam = evaluate({ decode: (d) => ner.labelSentences(devDocs[d].map((s) => s.words), shipped) });
  console.log(`packed, decoded as shipped (beam search): dev F1 ${(100 * beam.all).toFixed(2)} (4 types), ${(100 * beam.core).toFixed(2)} (PER/ORG/LOC)`);
  console.log(`packed (epoch ${best.epoch}, ${packed.buckets.length} rows): dev F1 ${(100 * f1.all).toFixed(2)} (4 types), ${(100 * f1.core).toFixed(2)} (PER/ORG/LOC)`);
}
const source = `// Generated by scripts/train-ner.mjs — do not edit. Trained on CoNLL-2003 eng.train (Reuters RCV1,
// research licence; see scripts/train-ner.mjs). Epoch ${best.epoch}, ${bits}-bit feature hashing, ${packed.buckets.length} weight rows.
// A string module so that esbuild bundles it and a browser needs no file access to load it.

/** Base64 of the packed weights (see weights.ts). */
export const NER_WEIGHTS =
  '${weights}';

/** Name lists from eng.train entities: "<type bits>\\t<name>" lines (see gazetteer.ts). */
export const NER_NAMES = ${JSON.stringify(names.serialize())};

/** Words usually in lower case in eng.train (at least twice, more often than capitalised mid-sentence), space-separated (see train.ts commonWords). */
export const NER_COMMON = ${JSON.stringify([...common].sort().join(' '))};
`;
writeFileSync(out, source);
console.log(`wrote ${path.relative(repoRoot, out)}: ${(statSync(out).size / 1e6).toFixed(2)} MB (weights ${(bytes.length / 1e6).toFixed(2)} MB binary)`);
