// `factmark annotate` over 1,000 real articles (the shared corpus repeated), as users run it: the built
// CLI (dist/cli.js) as a process, fresh sidecars each run. Prints articles/s with 1 core (no workers) and
// with all cores (worker threads), then `check` and `export` over the result. Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCpuSeconds, corpusArticles, root } from './corpus.mjs';

const ARTICLES = 1000;
const cli = join(root, 'dist/cli.js');

/** Runs the CLI; wall-clock seconds, and CPU seconds (all threads), which a busy shared machine does not inflate. */
function factmark(args) {
  const cpu0 = childCpuSeconds();
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu1 = childCpuSeconds();
  return { seconds, cpu: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, out };
}

function rates(r, what) {
  const wall = `${r.seconds.toFixed(1)} s, ${(ARTICLES / r.seconds).toFixed(0)} ${what}/s`;
  return r.cpu ? `${wall} (CPU ${r.cpu.toFixed(1)} s, ${(ARTICLES / r.cpu).toFixed(0)} ${what} per CPU-second)` : wall;
}

function removeSidecars(dir) {
  for (const f of readdirSync(dir)) if (f.endsWith('.factmark.yaml')) rmSync(join(dir, f));
}

export async function run() {
  if (!existsSync(cli)) {
    console.log('  skipped: dist/cli.js is missing (npm run build)');
    return;
  }
  const articles = corpusArticles();
  if (!articles) return;
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-cli-'));
  try {
    let bytes = 0;
    for (let i = 0; i < ARTICLES; i++) {
      const text = articles[i % articles.length];
      bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), text);
    }
    console.log(`  ${ARTICLES} articles (${(bytes / 1e6).toFixed(1)} MB, ${articles.length} distinct), ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);
    const cores = availableParallelism();
    for (const jobs of cores > 1 ? [1, cores] : [1]) {
      removeSidecars(dir);
      const r = factmark(['annotate', '--quiet', '--jobs', String(jobs), dir]);
      console.log(`  annotate, ${jobs === 1 ? '1 core (no workers)' : `${jobs} cores (worker threads)`}: ${rates(r, 'articles')}`);
    }
    const again = factmark(['annotate', '--quiet', dir]);
    console.log(`  annotate again (nothing new, ${cores} cores): ${rates(again, 'articles')}`);
    const check = factmark(['check', dir]);
    console.log(`  check: ${rates(check, 'sidecars')}`);
    const out = join(dir, 'export.jsonld');
    const exp = factmark(['export', '--format', 'w3c', '--include-suggested', '--out', out, dir]);
    console.log(`  export w3c (suggestions included): ${rates(exp, 'documents')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
