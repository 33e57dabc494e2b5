#!/usr/bin/env node
// Installs the offline VS Code test host (code-server 4.100.3 = VS Code 1.100.3) into
// .vscode-test/code-server, without the install steps that need the internet (see
// ../shared/VSCODE-HOST.md). Idempotent: a finished install leaves a stamp file and is reused.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, symlinkSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const hostDir = process.env.FACTMARK_HOST_DIR ?? join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const entryJs = join(hostDir, 'node_modules/code-server/out/node/entry.js');
const stamp = join(hostDir, '.provisioned');

function sh(cmd, cwd) {
  console.log(`[provision] ${cwd ? `(${cwd}) ` : ''}${cmd}`);
  execSync(cmd, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
}

/**
 * Makes sure Debian packages are installed: [file that proves it, package name]. Installs the
 * missing ones with apt-get when running as root (as on CI and a fresh machine), else says how.
 */
export function ensureDebianPackages(needed) {
  const missing = needed.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!asRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`[provision] installing Debian packages: ${missing.join(' ')}`);
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit', env });
}

export const HOST_PACKAGES = [
  ['/usr/bin/rg', 'ripgrep'],
  ['/usr/include/gssapi/gssapi.h', 'libkrb5-dev'],
];
export const BROWSER_PACKAGES = [['/usr/bin/chromium', 'chromium']];

export function provision() {
  if (existsSync(stamp)) return;
  ensureDebianPackages(HOST_PACKAGES);
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  writeFileSync(join(hostDir, 'package.json'), JSON.stringify({ name: 'factmark-test-host', private: true }));
  sh(`npm install --no-save --no-audit --no-fund --ignore-scripts code-server@${CODE_SERVER_VERSION}`, hostDir);
  const vscodeDir = join(hostDir, 'node_modules/code-server/lib/vscode');
  sh('npm install --omit=dev --ignore-scripts --no-audit --no-fund', vscodeDir);
  const rgDir = join(vscodeDir, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  sh('npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid', vscodeDir);
  if (!existsSync(join(vscodeDir, 'node_modules.asar'))) symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  sh('npm install --omit=dev --ignore-scripts --no-audit --no-fund', join(vscodeDir, 'extensions'));
  sh('npm rebuild argon2', hostDir);
  // --config: without it code-server writes a default config with a password into ~/.config.
  const config = join(hostDir, 'version-check.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const version = execSync(`node ${JSON.stringify(entryJs)} --config ${JSON.stringify(config)} --version`, { encoding: 'utf8' });
  if (!version.includes('1.100.3')) throw new Error(`unexpected code-server version: ${version}`);
  writeFileSync(stamp, version);
  console.log(`[provision] ready: ${version.trim()}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    provision();
  } catch (err) {
    console.error(`[provision] failed: ${err.message}`);
    process.exit(1);
  }
}
