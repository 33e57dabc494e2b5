// Recognition throughput in plain Node, on the sample article and on 1 MB of real news text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { SAMPLE, corpusArticles, realText, root } from './corpus.mjs';

const require = createRequire(import.meta.url);

export async function run() {
  const core = join(root, 'out/src/core');
  const { RecognitionPipeline, defaultRecognizers } = require(join(core, 'recognition/index.js'));
  const { detectDocumentDate } = require(join(core, 'dates/index.js'));
  const recognizers = defaultRecognizers();

  const measure = (label, text) => {
    const context = { documentDate: detectDocumentDate(text) };
    // warm up once, then time fresh pipelines (no paragraph cache hits)
    new RecognitionPipeline(recognizers).recognize(text.slice(0, 20000), context);
    const rounds = text.length < 100_000 ? 20 : 1;
    let mentions = 0;
    // Best of 3 passes, each on fresh pipelines: the first pass over 1 MB also pays for first sight of its words.
    let ms = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) mentions = new RecognitionPipeline(recognizers).recognize(text, context).length;
      ms = Math.min(ms, (performance.now() - t0) / rounds);
    }
    const mbps = text.length / 1e6 / (ms / 1000);
    console.log(`  ${label}: ${(text.length / 1024).toFixed(0)} KB, ${mentions} mentions, ${ms.toFixed(1)} ms, ${mbps.toFixed(2)} MB/s`);
    for (const r of recognizers) {
      // Each recogniser alone, after a warm-up pass; best of a few passes (slower ones measure the other processes on the machine).
      r.recognize(text, context);
      let best = Infinity;
      for (let pass = 0; pass < 3; pass++) {
        const t = performance.now();
        for (let i = 0; i < rounds; i++) r.recognize(text, context);
        best = Math.min(best, (performance.now() - t) / rounds);
      }
      console.log(`    ${r.name}: ${best.toFixed(1)} ms (${(text.length / 1e6 / (best / 1000)).toFixed(2)} MB/s, best of 3 after warm-up)`);
    }
  };

  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  firstReadings();
  perArticle(core, recognizers, detectDocumentDate);
  if (existsSync(SAMPLE)) measure('sample article', readFileSync(SAMPLE, 'utf8'));
  else console.log(`  skipped sample: ${SAMPLE} is absent`);
  // Each article once: 1 MB of the corpus repeated would have its second half answered by the
  // pipeline's paragraph cache. Read again after a warm-up, like the rounds above.
  const all = corpusArticles();
  if (all) measure('the 256 articles as one document, read again', all.join('\n\n'));
  const big = realText(1_000_000);
  if (big) {
    // The entity recogniser on 5 KB articles (the size of a typical news article), after warm-up.
    const entities = recognizers.find((r) => r.name === 'entities');
    const articles = [];
    for (let i = 0; i + 5000 <= big.length; i += 5000) articles.push(big.slice(i, i + 5000));
    for (const a of articles) entities.recognize(a, {});
    let best = Infinity;
    for (let pass = 0; pass < 5; pass++) {
      const t = performance.now();
      for (const a of articles) entities.recognize(a, {});
      best = Math.min(best, performance.now() - t);
    }
    const perArticle = best / articles.length;
    console.log(`  entities on ${articles.length} articles of 5 KB: ${perArticle.toFixed(2)} ms each, ${(5000 / 1e6 / (perArticle / 1000)).toFixed(2)} MB/s (read again: best of 5 passes after warm-up)`);
  }
}

/**
 * Articles never seen, as an analyst opens them: each figure is one process that warmed up on half of
 * the corpus and then read each article of the other half once (`bench/first-reading.mjs`). The
 * in-process rounds below read the same articles again and again, so the tagger's word caches (the
 * process's) hold every word: those figures are for an article opened again.
 */
function firstReadings() {
  if (!corpusArticles()) return;
  const script = join(root, 'bench/first-reading.mjs');
  const modes = [
    ['whole open, first reading', 'whole', 5],
    ['whole open, first reading, as shipped (esbuild bundle)', 'whole --shipped', 5],
    ['  entities alone, first reading', 'entities', 3],
    ['  dates alone, first reading', 'dates', 3],
    ['  document date alone, first reading', 'document-date', 3],
  ];
  console.log('  articles never seen (odd-numbered half of corpus/news, in a process warmed on the even half), CPU time, one process per figure:');
  for (const [label, mode, processes] of modes) {
    const runs = [];
    for (let i = 0; i < processes; i++) runs.push(JSON.parse(execFileSync(process.execPath, [script, ...mode.split(' ')], { encoding: 'utf8' })));
    const rates = (ms) => runs.map((r) => r.bytes / 1e6 / (ms(r) / 1000)).sort((a, b) => b - a);
    const figures = (xs) => `${xs[0].toFixed(2)} MB/s best, ${xs[Math.floor(xs.length / 2)].toFixed(2)} MB/s median`;
    console.log(`    ${label}: ${figures(rates((r) => r.ms))} of ${processes} (${(runs[0].bytes / 1e6).toFixed(2)} MB); with the collections it left due: ${figures(rates((r) => r.withAfter))}`);
  }
}

/** The libraries issue 14 compares against, when they are in node_modules (none is a dependency). */
function sideBySide() {
  const out = [];
  const tryRequire = (name) => { try { return require(name); } catch { return undefined; } };
  const chrono = tryRequire('chrono-node');
  if (chrono) out.push(['chrono-node (dates only)', (text) => chrono.parse(text, new Date(2000, 0, 1))]);
  const nlp = tryRequire('compromise');
  if (nlp) out.push(['compromise (people, places, organisations)', (text) => { const d = nlp(text); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); }]);
  const winkNLP = tryRequire('wink-nlp');
  const model = tryRequire('wink-eng-lite-web-model');
  if (winkNLP && model) {
    const nlp = winkNLP(model);
    out.push(['wink-nlp (entities)', (text) => nlp.readDoc(text).entities().out()]);
  }
  const absent = ['compromise', 'wink-nlp'].filter((n) => !tryRequire(n));
  return { libs: out, absent };
}

/**
 * The whole per-article work of an open, on each of the 256 articles of ../shared/corpus/news: the
 * suitability check, the document date, a fresh pipeline (entities, dates, overlaps), the lexicon
 * and patterns; beside it each recogniser alone and the other libraries, in one process. CPU time,
 * rounds interleaved so that the machine's load weighs on each alike; best and median of the rounds.
 */
function perArticle(core, recognizers, detectDocumentDate) {
  const articles = corpusArticles();
  if (!articles) return;
  const { RecognitionPipeline } = require(join(core, 'recognition/index.js'));
  const { unsuitableReason } = require(join(core, 'text.js'));
  const { Learned, EMPTY_LEXICON } = require(join(core, 'learning/index.js'));
  const learned = new Learned(EMPTY_LEXICON, []);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a, 'utf8'), 0);
  const dates = articles.map((a) => detectDocumentDate(a));
  const { libs, absent } = sideBySide();
  // The open's own work around the recognisers (size check, chunks, chunk cache, overlaps, lexicon and
  // patterns): the whole open again with each recogniser's results recorded once and replayed, and the
  // document dates worked out beforehand. Fresh copies of the texts each round, as an open gets a new
  // string (the engine keeps a string's hash on it: a text seen before would be looked up for nothing).
  const replays = recognizers.map((r) => ({ name: r.name, results: [], next: 0 }));
  const recording = recognizers.map((r, i) => ({ name: r.name, recognize: (t, c) => { const m = r.recognize(t, c); replays[i].results.push(m); return m; } }));
  articles.forEach((text, i) => new RecognitionPipeline(recording).recognize(text, { documentDate: dates[i] }));
  const replayed = replays.map((r) => ({ name: r.name, recognize: () => r.results[r.next++] }));
  const runs = [
    ['whole pipeline, as an open runs it', () => articles.forEach((text) => {
      if (unsuitableReason(text, 5e6)) return;
      const documentDate = detectDocumentDate(text);
      const context = { documentDate };
      learned.apply(text, new RecognitionPipeline(recognizers).recognize(text, context), context);
    })],
    ...recognizers.map((r) => [`  ${r.name} alone`, () => articles.forEach((text, i) => r.recognize(text, { documentDate: dates[i] }))]),
    ['  document date alone', () => articles.forEach((text) => detectDocumentDate(text))],
    ['  the open around them (their results replayed)', (texts) => {
      for (const r of replays) r.next = 0;
      texts.forEach((text, i) => {
        if (unsuitableReason(text, 5e6)) return;
        const context = { documentDate: dates[i] };
        learned.apply(text, new RecognitionPipeline(replayed).recognize(text, context), context);
      });
    }],
    ...libs.map(([name, f]) => [name, () => articles.forEach(f)]),
  ];
  const times = runs.map(() => []);
  // The first rounds warm up. With one round of warm-up, the first three measured rounds of the whole
  // open came out 35-55 % slower than the last three: the second and third readings of each article,
  // whose new words the first had not all cached yet (a reviewer showed it by emptying the caches in
  // a warm process), and the engine's compilers. These rounds measure an article read again.
  const WARM_UP = 4;
  for (let round = 0; round < WARM_UP + 6; round++) {
    runs.forEach(([, f], i) => {
      const texts = f.length ? articles.map((a) => ` ${a}`.slice(1)) : undefined;
      const c = process.cpuUsage();
      f(texts);
      const u = process.cpuUsage(c);
      if (round >= WARM_UP) times[i].push((u.user + u.system) / 1000);
    });
  }
  const mbps = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  console.log(`  ${articles.length} articles of corpus/news (${(bytes / 1e6).toFixed(2)} MB), one at a time, read again (every word in the caches), CPU time, 6 rounds interleaved:`);
  const best = [];
  runs.forEach(([name], i) => {
    const sorted = [...times[i]].sort((a, b) => a - b);
    best.push(sorted[0]);
    console.log(`    ${name}: ${mbps(sorted[0])} MB/s best, ${mbps(sorted[Math.floor(sorted.length / 2)])} MB/s median (${sorted[0].toFixed(0)} ms)`);
  });
  const parts = best.slice(1, 1 + recognizers.length).reduce((a, b) => a + b, 0);
  const share = (ms) => `${Math.max(0, ms).toFixed(0)} ms of ${best[0].toFixed(0)} (${(Math.max(0, ms) / best[0] * 100).toFixed(0)} %)`;
  console.log(`    neither entities nor dates: ${share(best[0] - parts)}`);
  // The document date is part of an open but of neither recogniser. What is left is the open's own work
  // around the recognisers (measured above by replaying their results) and the cost of running them in
  // turn: each is slower beside the others than alone (issue 14, speed12 in docs/MEASUREMENTS.md).
  const around = best[2 + recognizers.length];
  console.log(`    nor the document date: ${share(best[0] - parts - best[1 + recognizers.length])}, of which the open's own work ${share(around)}`);
  if (absent.length) console.log(`    not measured (not in node_modules): ${absent.join(', ')}`);
}
