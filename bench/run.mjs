#!/usr/bin/env node
// `npm run bench`: prints performance figures (nothing is asserted). Needs `npm run build &&
// npm run compile-tests` first (the npm script does it). Reads real text from ../shared.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const sections = [
  ['recognition', () => import('./recognition.mjs')],
  ...readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'recognition.mjs', 'corpus.mjs'].includes(f))
    .map((f) => [f.replace(/\.mjs$/, ''), () => import(pathToFileURL(join(root, 'bench', f)).href)]),
];

for (const [name, load] of sections) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  try {
    await (await load()).run();
  } catch (err) {
    console.log(`  failed: ${err.stack ?? err}`);
  }
}

if (!only.length || only.includes('host')) {
  console.log('\n## host (VS Code 1.100.3, offline)');
  const entry = join(root, 'out/test/bench/host.js');
  if (!existsSync(entry)) console.log('  skipped: out/test/bench/host.js is missing (npm run compile-tests)');
  else {
    try {
      execFileSync(process.execPath, [join(root, 'test/host/run.mjs'), '--tests', entry], { stdio: 'inherit' });
    } catch {
      console.log('  the host benchmark failed (see above)');
    }
  }
}
