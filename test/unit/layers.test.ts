import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The layers of ARCHITECTURE.md, checked on every import in `src`:
 * - `src/core`: pure; no `vscode`, no Node built-in, nothing outside `src/core` but the generated data
 *   of `model/` (runs in a browser).
 * - `model/`: generated data (the entity model), imports nothing.
 * - `src/node`: the Node-only layer (disk, processes); may use core and Node, never `vscode`, the CLI or features.
 * - `src/cli`: the command line; core, node and Node built-ins, never `vscode` nor `src/features`.
 * - `src/features` and the files at the root of `src` (the extension): core and `vscode`, never `src/cli`;
 *   `src/node` only through a dynamic `import()`, so the web bundle can leave it out. Every file of
 *   `src/features` uses `vscode`: a file that does not belongs in `src/core`.
 * - `src/features/<feature>/webview/`: scripts that run inside a webview (a browser page with no
 *   extension API): core and npm packages only.
 * `tsc -p src/core` (no DOM, no Node types) catches Node globals in core; this catches imports.
 */
const srcDir = path.resolve(__dirname, '../../../src');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

type Layer = 'model' | 'core' | 'node' | 'cli' | 'features' | 'webview' | 'extension';

// Generated data (the entity model) lives in model/, beside src: data only, which the core may import.
const modelDir = path.resolve(srcDir, '../model');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function layerOf(file: string): Layer {
  if (!path.relative(modelDir, file).startsWith('..')) return 'model';
  const parts = path.relative(srcDir, file).split(path.sep);
  const top = parts[0];
  if (top === 'features' && parts.includes('webview')) return 'webview';
  if (top === 'core' || top === 'node' || top === 'cli' || top === 'features') return top;
  return 'extension';
}

interface Import {
  file: string;
  target: string;
  dynamic: boolean;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ file, target: m[3], dynamic: false, typeOnly: !!m[2] });
  }
  for (const m of source.matchAll(/\b(import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ file, target: m[2], dynamic: m[1] === 'import', typeOnly: false });
  }
  return found;
}

/** What an import reaches: a layer of src, `vscode`, a Node built-in, or an npm package. */
function kindOf(imp: Import): Layer | 'vscode' | 'builtin' | 'package' {
  if (imp.target === 'vscode') return 'vscode';
  if (builtins.has(imp.target)) return 'builtin';
  if (!imp.target.startsWith('.')) return 'package';
  return layerOf(path.resolve(path.dirname(imp.file), imp.target));
}

/** Why an import breaks the layers, or undefined when it is allowed. */
function violation(imp: Import): string | undefined {
  const from = layerOf(imp.file);
  const to = kindOf(imp);
  if (to === 'model' && path.relative(path.join(srcDir, 'core', 'ner'), imp.file).startsWith('..')) return 'only src/core/ner reads the model';
  switch (from) {
    case 'model':
      return 'model/ holds generated data and imports nothing';
    case 'core':
      return to === 'core' || to === 'model' || to === 'package' ? undefined : 'src/core is pure';
    case 'node':
      return to === 'core' || to === 'node' || to === 'builtin' || to === 'package' ? undefined : 'src/node uses core and Node only';
    case 'cli':
      return to === 'core' || to === 'node' || to === 'cli' || to === 'builtin' || to === 'package' ? undefined : 'the CLI never uses vscode or src/features';
    case 'webview':
      return to === 'core' || to === 'webview' || to === 'package' ? undefined : 'a webview script has no extension API and no Node';
    case 'features':
    case 'extension':
      if (to === 'webview') return 'webview scripts are bundled apart and run in the page';
      if (to === 'cli') return 'the extension never uses the CLI';
      if (to === 'node' && !imp.dynamic && !imp.typeOnly) return 'the extension reaches src/node only through import() (the web bundle leaves it out)';
      return undefined;
  }
}

/** The house limit on a source file's length (ARCHITECTURE.md). */
const MAX_LINES = 400;

describe('layers (ARCHITECTURE.md)', () => {
  const files = [...tsFiles(srcDir), ...tsFiles(modelDir)];
  const imports = files.flatMap(importsOf);

  it('finds the imports it checks', () => {
    // A parser that silently found nothing would pass every rule below.
    assert.ok(files.length > 100, `only ${files.length} files under src`);
    assert.ok(imports.some((i) => i.target === 'vscode') && imports.some((i) => i.target.startsWith('../core')), 'no imports recognised');
  });

  it('has every import run the allowed way', () => {
    const offenders = imports.flatMap((imp) => {
      const why = violation(imp);
      return why ? [`${path.relative(srcDir, imp.file)} imports ${imp.target}: ${why}`] : [];
    });
    assert.deepEqual(offenders, []);
  });

  it('keeps in src/features only files that use vscode', () => {
    // (A barrel, index.ts, only re-exports its folder's modules: they are the ones checked.)
    const pure = files.filter((f) => layerOf(f) === 'features' && path.basename(f) !== 'index.ts' && !importsOf(f).some((i) => i.target === 'vscode'));
    assert.deepEqual(pure.map((f) => path.relative(srcDir, f)), [], 'files with no vscode import belong in src/core or src/node');
  });

  it('has index.ts files that only re-export (barrels), the CLI bundle entry aside', () => {
    const notBarrels = files
      .filter((f) => path.basename(f) === 'index.ts' && path.relative(srcDir, f) !== path.join('cli', 'index.ts'))
      .filter((f) => {
        const source = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest);
        return source.statements.some((st) => !(ts.isExportDeclaration(st) && st.moduleSpecifier));
      });
    assert.deepEqual(notBarrels.map((f) => path.relative(srcDir, f)), [], 'code in an index.ts belongs in a named module of its folder, re-exported');
  });

  it('keeps every source file to 400 lines at most', () => {
    // (Generated data in model/ aside.) A longer file holds two things: split it by what each does.
    const long = tsFiles(srcDir)
      .map((f) => ({ file: path.relative(srcDir, f), lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    assert.deepEqual(long, []);
  });
});
