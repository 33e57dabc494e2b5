// The recognition core bundled by esbuild, as the extension and the CLI ship it (one module, minified),
// for bench/first-reading.mjs `--shipped`. The bench's other figures read tsc's build in out/, where
// every module is a CommonJS module of its own and each call into another module goes through its
// exports object; the engine optimises the two forms differently, so a change is measured in both
// (docs/MEASUREMENTS.md, speed14).
import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './corpus.mjs';

/** Builds the bundle (a few hundred milliseconds) and returns its path. */
export function coreBundle() {
  const dir = join(root, 'out/bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'core-entry.ts');
  writeFileSync(
    entry,
    [
      "export { RecognitionPipeline, defaultRecognizers } from '../../src/core/recognition';",
      "export { detectDocumentDate } from '../../src/core/dates';",
      "export { unsuitableReason } from '../../src/core/text';",
      "export { Learned, EMPTY_LEXICON } from '../../src/core/learning';",
    ].join('\n'),
  );
  const outfile = join(dir, 'core.cjs');
  buildSync({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, outfile, logLevel: 'warning' });
  return outfile;
}
