// Starts and stops the offline VS Code (code-server) and the Chromium page that shows its workbench.
// Shared by the test driver (run.mjs), the demo (scripts/demo.mjs) and the benchmarks.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BROWSER_PACKAGES, ensureDebianPackages, entryJs, provision } from './provision.mjs';

export const CHROMIUM = process.env.FACTMARK_CHROMIUM ?? '/usr/bin/chromium';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Writes user settings that make a test run quiet and deterministic. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    // The trust dialog cannot be answered in test mode; Restricted Mode is tested on its own.
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    // The browser build saves a changed file after a second by default (desktop VS Code does not):
    // tests that hold an unsaved edit would then race the auto-save on a loaded machine.
    'files.autoSave': 'off',
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'chat.commandCenter.enabled': false,
    // the fixture workspace sits inside this repository: no prompt about its git repository
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Installs a .vsix into an extensions folder; returns nothing, throws on failure. */
export function installVsix(vsix, { extensionsDir, configFile }) {
  execFileSync(process.execPath, [entryJs, '--config', configFile, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: 'inherit',
  });
}

/**
 * Starts code-server on a free loopback port. Returns { url, port, stop() }.
 * `env` is passed to the server and from there to the extension host. `workspace` is a folder or a
 * `.code-workspace` file. `workspaceTrust: true` leaves Workspace Trust on (code-server's
 * `--disable-workspace-trust` is not passed); user settings must then enable it too.
 */
export async function startCodeServer({ runDir, workspace, env = {}, userSettings = {}, vsix, port: wantedPort, workspaceTrust = false }) {
  provision();
  const port = wantedPort ?? (await freePort());
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, userSettings);
  const configFile = join(runDir, 'code-server.yaml');
  // Our own config file: without it code-server writes ~/.config/code-server/config.yaml with a password.
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  if (vsix) installVsix(vsix, { extensionsDir, configFile });
  const args = [
    entryJs,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const logFile = join(runDir, 'code-server.log');
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 60_000, child, logFile);
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    configFile,
    logFile,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

async function waitForHttp(url, timeoutMs, child, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * The workbench URL that opens `workspace` (a folder, or a `.code-workspace` file for a multi-root
 * workspace), optionally as an Extension Development Host running tests, in the web worker host with `web`.
 */
export function workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath, web = false }) {
  const payload = [];
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  // The browser's web worker extension host (as in vscode.dev) instead of the Node one. The workbench
  // takes this value as one kind (`web`, not a JSON list), but VS Code 1.100's browser workbench then
  // reads another property name and ignores it: run.mjs also sets `remote.extensionKind`, which works.
  if (web) payload.push(['extensionDevelopmentKind', 'web']);
  const query = new URLSearchParams(workspace.endsWith('.code-workspace') ? { workspace } : { folder: workspace });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** Launches Debian's Chromium through playwright-core. */
export async function launchBrowser({ headless = true } = {}) {
  if (!process.env.FACTMARK_CHROMIUM) ensureDebianPackages(BROWSER_PACKAGES);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium or set FACTMARK_CHROMIUM.`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
