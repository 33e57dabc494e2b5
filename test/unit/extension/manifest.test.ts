import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../fixtures/paths';

const root = repoRoot;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json manifest', () => {
  it('accepts VS Code 1.100 and types against the lowest version it accepts', () => {
    const range: string = manifest.engines.vscode;
    const lowest = range.replace(/^\^/, '');
    const [major, minor] = lowest.split('.').map(Number);
    assert.equal(major, 1);
    assert.ok(minor <= 100, `engines.vscode ${range} does not accept 1.100`);
    assert.equal(manifest.devDependencies['@types/vscode'], lowest, '@types/vscode must be the lowest accepted version');
  });

  it('declares every command in src/commands.ts, each with a category', () => {
    const source = fs.readFileSync(path.join(root, 'src/commands.ts'), 'utf8');
    const ids = [...source.matchAll(/=\s*'([^']+)'/g)].map((m) => m[1]);
    const contributed: Array<{ command: string; category?: string }> = manifest.contributes.commands;
    const palette = ids.filter((id) => !id.includes('.internal.'));
    assert.deepEqual(contributed.map((c) => c.command).sort(), palette.sort());
    for (const c of contributed) assert.equal(c.category, 'Factmark', `${c.command} has no category`);
  });

  it('registers commands only through the CommandManager (src/commandManager.ts)', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const direct = files(path.join(root, 'src'))
      .filter((f) => !f.endsWith('commandManager.ts') && /\bregister(TextEditor)?Command\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    assert.deepEqual(direct, [], 'these files register commands by hand');
  });

  it('gives every highlight colour a light, dark and high-contrast default', () => {
    for (const c of manifest.contributes.colors) {
      for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) {
        assert.match(c.defaults[theme] ?? '', /^#[0-9a-f]{6}([0-9a-f]{2})?$/i, `${c.id} has no ${theme} default`);
      }
    }
  });

  it('ships the web build it declares (VS Code for the Web runs the browser entry)', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes(`!${manifest.browser.slice(2)}`), '.vscodeignore leaves the web bundle out of the package');
    // On a remote (or Codespaces) the Node host beside the files runs it; the browser only when there is no other.
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('points at files that exist', () => {
    for (const g of manifest.contributes.grammars) assert.ok(fs.existsSync(path.join(root, g.path)), g.path);
    for (const c of manifest.contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(root, c.icon)), c.icon);
    assert.ok(fs.existsSync(path.join(root, manifest.icon)), manifest.icon);
  });
});

describe('the .vsix package', function () {
  this.timeout(60_000);

  it('holds the bundle, grammars, icons and docs, and nothing else', function () {
    if (!fs.existsSync(path.join(root, 'dist/extension.js'))) {
      console.warn('skipped: dist/extension.js is missing (run npm run build)');
      return this.skip();
    }
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    assert.ok(files.includes('dist/extension.js'), 'the bundle is missing');
    assert.ok(files.includes('dist/web/extension.js'), 'the web bundle is missing');
    assert.ok(files.includes('dist/worker.js'), 'the worker is missing: large imports and re-anchorings would block the extension host');
    assert.ok(files.includes('dist/webview/worker.js'), 'the Web Worker is missing: the same, in VS Code for the Web');
    assert.ok(files.includes('package.json') && files.includes('README.md') && files.includes('LICENSE'));
    for (const g of manifest.contributes.grammars) assert.ok(files.includes(g.path.replace('./', '')), `${g.path} is missing`);
    const unexpected = files.filter(
      (f) => !/^(package\.json|README\.md|LICENSE|dist\/(web\/extension|extension|worker)\.js(\.LEGAL\.txt)?|dist\/[\w.-]+\.schema\.json|dist\/webview\/[\w.-]+\.js|dist\/gazetteer\.tsv|dist\/THIRD-PARTY-NOTICES\.txt|syntaxes\/[\w.-]+\.tmLanguage\.json|media\/(screenshots\/)?[\w.-]+\.(svg|png))$/.test(f),
    );
    assert.deepEqual(unexpected, [], 'files that should not ship');
    // The bundled packages' licences (MIT, ISC, BSD) ask for their notices to travel with the copies.
    assert.ok(files.includes('dist/THIRD-PARTY-NOTICES.txt'), 'the third-party notices are missing');
    const notices = fs.readFileSync(path.join(root, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['yaml', 'chrono-node', '@observablehq/plot', 'd3-geo', 'world-atlas']) assert.match(notices, new RegExp(`^${name} \\S+ \\(`, 'm'), `no notice for ${name}`);
  });
});
