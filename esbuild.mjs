// Bundles the extension into dist/extension.js (CommonJS, `vscode` external).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

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

/** Files the manifest points at that live beside the bundle. */
function copyAssets() {
  mkdirSync('dist', { recursive: true });
  const schema = 'src/core/sidecar/schema.json';
  if (existsSync(schema)) copyFileSync(schema, 'dist/sidecar.schema.json');
}

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  copyAssets();
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  copyAssets();
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`dist/extension.js: ${(bytes / 1024).toFixed(0)} KB${production ? ' (production)' : ''}`);
}
