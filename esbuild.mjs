// Bundles the extension into dist/extension.js (CommonJS, `vscode` external) and the command-line
// tool into dist/cli.js (Node, runnable: `npx factmark`).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';

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
  banner: { js: '#!/usr/bin/env node' },
};

/** Files the manifest points at that live beside the bundle. */
function copyAssets() {
  mkdirSync('dist', { recursive: true });
  const schema = 'src/core/sidecar/schema.json';
  if (existsSync(schema)) copyFileSync(schema, 'dist/sidecar.schema.json');
}

if (watch) {
  for (const o of [options, cliOptions]) await (await esbuild.context(o)).watch();
  copyAssets();
} else {
  for (const o of [options, cliOptions]) {
    const result = await esbuild.build({ ...o, metafile: true });
    const bytes = Object.values(result.metafile.outputs).reduce((n, out) => n + out.bytes, 0);
    console.log(`${o.outfile}: ${(bytes / 1024).toFixed(0)} KB${production ? ' (production)' : ''}`);
  }
  chmodSync('dist/cli.js', 0o755);
  copyAssets();
}
