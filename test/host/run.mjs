#!/usr/bin/env node
// Runs the integration suite (out/test/integration) inside a real VS Code 1.100.3 extension host,
// served by code-server and shown in Debian's Chromium through playwright-core. The suite talks
// back to this driver through a small loopback "probe" server to look at and act on the real
// workbench (DOM, mouse, keyboard, screenshots).
//
//   node test/host/run.mjs            test the extension from this folder (dist/extension.js)
//   node test/host/run.mjs --vsix F   install the package F into the host and test that install
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer, workbenchUrl } from './server.mjs';
import { startProbe } from './probe.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const vsixIndex = argv.indexOf('--vsix');
const vsix = vsixIndex >= 0 ? resolve(argv[vsixIndex + 1] ?? 'factmark.vsix') : undefined;
const testsIndex = argv.indexOf('--tests');
const TIMEOUT_MS = Number(process.env.FACTMARK_TEST_TIMEOUT_MS ?? 15 * 60_000);

// --tests ENTRY runs another extensionTests module (the host benchmark uses this).
const testsEntry = testsIndex >= 0 ? resolve(argv[testsIndex + 1]) : join(root, 'out/test/integration/index.js');
for (const needed of [join(root, 'dist/extension.js'), testsEntry]) {
  if (!existsSync(needed)) {
    console.error(`${needed} is missing: run "npm run build && npm run compile-tests" first (npm test does).`);
    process.exit(1);
  }
}

const mode = testsIndex >= 0 ? 'custom' : vsix ? 'vsix' : 'dev';
const runDir = join(root, '.vscode-test/runs', mode);
rmSync(runDir, { recursive: true, force: true });
const workspace = join(runDir, 'workspace');
const artifacts = join(root, 'test-results', mode);
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(workspace, { recursive: true });
mkdirSync(artifacts, { recursive: true });
cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
const resultsFile = join(runDir, 'results.json');

const probe = await startProbe(artifacts);
let server;
let browser;
let exitCode = 1;
try {
  server = await startCodeServer({
    runDir,
    workspace,
    env: {
      FACTMARK_TEST_RESULTS: resultsFile,
      FACTMARK_PROBE_URL: probe.url,
      FACTMARK_SHARED: resolve(root, '../shared'),
      FACTMARK_ARTIFACTS: artifacts,
    },
    vsix,
    // Learning from decisions is on by default for users; in the suite it would carry one test's
    // confirmations into the next suite's suggestions, so only learning.test.ts turns it on.
    userSettings: { 'factmark.suggestions.learn': false },
  });
  let extensionDevelopmentPath = root;
  if (vsix) {
    const installed = readdirSync(server.extensionsDir).find((d) => d.startsWith('factmark.factmark-'));
    if (!installed) throw new Error(`installing ${vsix} left no factmark folder in ${server.extensionsDir}`);
    // Run the suite against the installed copy, so the shipped files are what is tested.
    extensionDevelopmentPath = join(server.extensionsDir, installed);
    console.log(`[host] testing the installed package: ${extensionDevelopmentPath}`);
  }
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLog = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
  probe.attach(page);
  const url = workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath: testsEntry });
  console.log(`[host] VS Code 1.100.3 at ${server.url} (${mode}); waiting for the suite…`);
  await page.goto(url);
  const results = await waitForResults(resultsFile, TIMEOUT_MS, page);
  writeFileSync(join(artifacts, 'browser-console.log'), consoleLog.join('\n'));
  for (const t of results.tests ?? []) console.log(`  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-'} ${t.title}${t.state === 'pending' ? ' (skipped)' : ''}`);
  for (const [name, value] of Object.entries(results.figures ?? {})) console.log(`  ${name}: ${value}`);
  for (const f of results.failures) console.log(`\nFAILED: ${f.title}\n${f.error}`);
  console.log(`\nintegration suite in VS Code 1.100.3, ${mode === 'vsix' ? 'installed from the .vsix' : mode === 'dev' ? 'from source' : testsEntry}:`);
  console.log(`integration: ${results.passed} passed, ${results.failed} failed, ${results.pending} skipped`);
  exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`[host] ${err.stack ?? err}`);
  if (server) console.error(`[host] code-server log: ${server.logFile}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  await probe.close();
}
process.exit(exitCode);

async function waitForResults(file, timeoutMs, page) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* being written */
      }
    }
    if (page.isClosed()) throw new Error('the workbench page closed before the suite reported');
    await new Promise((r) => setTimeout(r, 500));
  }
  await page.screenshot({ path: join(artifacts, 'timeout.png') }).catch(() => {});
  throw new Error(`the suite wrote no results within ${timeoutMs / 1000} s (screenshot: ${join(artifacts, 'timeout.png')})`);
}
