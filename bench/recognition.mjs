// Recognition throughput in plain Node, on the sample article and on 1 MB of real news text.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    const t0 = performance.now();
    let mentions = 0;
    for (let i = 0; i < rounds; i++) mentions = new RecognitionPipeline(recognizers).recognize(text, context).length;
    const ms = (performance.now() - t0) / rounds;
    const mbps = text.length / 1e6 / (ms / 1000);
    console.log(`  ${label}: ${(text.length / 1024).toFixed(0)} KB, ${mentions} mentions, ${ms.toFixed(1)} ms, ${mbps.toFixed(2)} MB/s`);
    for (const r of recognizers) {
      const t = performance.now();
      for (let i = 0; i < rounds; i++) r.recognize(text, context);
      const rms = (performance.now() - t) / rounds;
      console.log(`    ${r.name}: ${rms.toFixed(1)} ms (${(text.length / 1e6 / (rms / 1000)).toFixed(2)} MB/s)`);
    }
  };

  if (existsSync(SAMPLE)) measure('sample article', readFileSync(SAMPLE, 'utf8'));
  else console.log(`  skipped sample: ${SAMPLE} is absent`);
  const big = realText(1_000_000);
  if (big) measure('1 MB of real news text', big);
}
