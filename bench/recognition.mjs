// Recognition throughput in plain Node, on the sample article and on 1 MB of real news text.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { SAMPLE, realText, root } from './corpus.mjs';

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
  if (existsSync(SAMPLE)) measure('sample article', readFileSync(SAMPLE, 'utf8'));
  else console.log(`  skipped sample: ${SAMPLE} is absent`);
  const big = realText(1_000_000);
  if (big) {
    measure('1 MB of real news text', big);
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
    console.log(`  entities on ${articles.length} articles of 5 KB: ${perArticle.toFixed(2)} ms each, ${(5000 / 1e6 / (perArticle / 1000)).toFixed(2)} MB/s (best of 5 passes after warm-up)`);
  }
}
