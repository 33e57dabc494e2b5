import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const coreDir = path.resolve(__dirname, '../../../../src/core');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * src/core must run in a browser (vscode.dev) and be testable without VS Code. `tsc -p src/core`
 * catches Node globals; this catches imports it cannot see: `vscode` (resolved through @types/vscode)
 * and Node's built-in modules.
 */
describe('src/core stays pure', () => {
  const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

  it('imports neither vscode nor Node built-in modules', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(coreDir)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
        if (forbidden.has(m[1])) offenders.push(`${path.relative(coreDir, file)} imports ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
