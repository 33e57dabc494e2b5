#!/usr/bin/env node
// `npm run bench`: prints performance figures (nothing is asserted). Needs `npm run build &&
// npm run compile-tests` first (the npm script does it). Reads real text from ../shared.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The CLI keeps a copy of each text it writes a sidecar on (src/node/textStore.ts): measured as part
// of its cost, but in a store of this run's own rather than the user's cache, removed at the end.
if (process.env.FACTMARK_TEXT_STORE === undefined) {
  const store = mkdtempSync(join(tmpdir(), 'factmark-bench-texts-'));
  process.env.FACTMARK_TEXT_STORE = store;
  process.on('exit', () => rmSync(store, { recursive: true, force: true }));
}
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
    // FACTMARK_BENCH_GIT=off: VS Code's git extension off, to see its share of the figures.
    const settings = process.env.FACTMARK_BENCH_GIT === 'off' ? ['--settings', JSON.stringify({ 'git.enabled': false })] : [];
    const host = (env, extension, fixture) => {
      try {
        const args = [join(root, 'test/host/run.mjs'), '--tests', entry, ...settings, ...(extension ? ['--extension', extension] : []), ...(fixture ? ['--fixture', fixture] : [])];
        execFileSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
      } catch {
        console.log('  the host benchmark failed (see above)');
      }
    };
    // `floor`: the 5 KB first open with test/bench/floor (one decoration, nothing else) instead of
    // Factmark: what VS Code itself takes; `paint` runs it too, after Factmark's figures.
    // FACTMARK_BENCH_FLOOR=grammar: the floor with Factmark's plain-text grammars contributed too (a copy
    // of test/bench/floor with them, in .vscode-test), to see their share of the first open.
    let floor = join(root, 'test/bench/floor');
    if (process.env.FACTMARK_BENCH_FLOOR === 'grammar') {
      const copy = join(root, '.vscode-test/floor-grammar');
      rmSync(copy, { recursive: true, force: true });
      cpSync(floor, copy, { recursive: true });
      cpSync(join(root, 'syntaxes'), join(copy, 'syntaxes'), { recursive: true });
      const manifest = JSON.parse(readFileSync(join(floor, 'package.json'), 'utf8'));
      manifest.contributes = { grammars: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.grammars };
      writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
      floor = copy;
    }
    // `annotated`: the 5 KB first open in a workspace that already holds a sidecar, as an analyst's
    // does: Factmark activates as VS Code starts (workspaceContains) and warms up before the open.
    // Run after the first open of a workspace without one (activated by that open), unless `first` or `floor`.
    const annotated = () => {
      const dir = join(root, '.vscode-test/bench-annotated');
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(root, 'test/fixtures/workspace'), dir, { recursive: true });
      const text = readFileSync(join(dir, 'harbour-accord.txt'), 'utf8');
      const name = 'Elena Vassallo';
      const start = [...text.slice(0, text.indexOf(name))].length;
      const sidecar = `factmark: 1\ndocument:\n  path: harbour-accord.txt\noffsets: codepoints\nannotations:\n  - id: a1\n    type: PERSON\n    start: ${start}\n    end: ${start + name.length}\n    quote: ${name}\n    status: confirmed\n`;
      writeFileSync(join(dir, 'harbour-accord.txt.factmark.yaml'), sidecar);
      host({ FACTMARK_BENCH_HOST_ONLY: 'first' }, undefined, dir);
    };
    const part = process.env.FACTMARK_BENCH_HOST_ONLY;
    if (part === 'floor') host({}, floor);
    else if (part === 'annotated') annotated();
    else {
      host({});
      if (part !== 'first') annotated();
      if (part === 'paint') host({ FACTMARK_BENCH_HOST_ONLY: 'floor' }, floor);
    }
  }
}
