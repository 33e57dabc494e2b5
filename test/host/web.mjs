// Bundles the web scenario's suite (test/web) for the web worker extension host: one CommonJS file
// with mocha's browser build, `vscode` external, Node's `assert` replaced by test/web/assert.ts and
// `fs`/`path` (imported by shared helpers the web suite does not call) by an empty module.
import * as esbuild from 'esbuild';
import { join } from 'node:path';

export async function bundleWebTests(root) {
  const outfile = join(root, 'out/web-test/index.js');
  await esbuild.build({
    entryPoints: [join(root, 'test/web/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outfile,
    external: ['vscode'],
    alias: {
      assert: join(root, 'test/web/assert.ts'),
      fs: join(root, 'test/web/no-node.ts'),
      path: join(root, 'test/web/no-node.ts'),
    },
    sourcemap: 'inline',
    logLevel: 'warning',
    // The helpers' fs and path functions are never called on the web; their imports are expected to be empty.
    logOverride: { 'import-is-undefined': 'silent' },
  });
  return outfile;
}
