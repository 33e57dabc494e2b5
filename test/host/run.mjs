#!/usr/bin/env node
// Runs the integration suite (out/test/integration) inside a real VS Code 1.100.3 extension host,
// served by code-server and shown in Debian's Chromium through playwright-core. The suite talks
// back to this driver through a small loopback "probe" server to look at and act on the real
// workbench (DOM, mouse, keyboard, screenshots).
//
//   node test/host/run.mjs                  the default scenario: test/fixtures/workspace, trusted
//   node test/host/run.mjs --scenario S     one scenario (default, multi-root, restricted, reload, web)
//   node test/host/run.mjs --scenario all   every scenario, one VS Code each (npm run test:host, npm run test:vsix)
//   node test/host/run.mjs --scenario web   the web build in the browser's web worker extension host (test/web)
//   node test/host/run.mjs --vsix F         install the package F into the host and test that install
//   node test/host/run.mjs --tests ENTRY    run another extensionTests module (the benchmarks)
//     --extension DIR                       with it: run the extension of DIR instead of Factmark (bench/run.mjs)
//     --settings JSON                       with it: more user settings (bench/run.mjs)
//     --fixture DIR                         with it: the workspace is a copy of DIR (bench/run.mjs)
//
// FACTMARK_TEST_GREP='<regex>' runs the matching tests only; a scenario none of whose tests match is
// reported as such, not as a failure.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer, workbenchUrl } from './server.mjs';
import { startProbe } from './probe.mjs';
import { bundleWebTests } from './web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const vsix = argv.includes('--vsix') ? resolve(option('--vsix') ?? 'factmark.vsix') : undefined;
const customTests = option('--tests');
const otherExtension = customTests && option('--extension') ? resolve(option('--extension')) : undefined;
const extraSettings = customTests && option('--settings') ? JSON.parse(option('--settings')) : {};
const otherFixture = customTests && option('--fixture') ? resolve(option('--fixture')) : undefined;
const TIMEOUT_MS = Number(process.env.FACTMARK_TEST_TIMEOUT_MS ?? 15 * 60_000);

/**
 * What each scenario opens and runs. The suites of `suites` (a folder under out/test/integration)
 * run inside it. Learning from decisions is on by default for users; in the default suites it would
 * carry one test's confirmations into the next suite's suggestions, so only the suites about it turn it on.
 */
const SAMPLE_NAME = 'korea-generals-2006-03-02.txt';
const SCENARIOS = {
  default: {
    fixture: 'test/fixtures/workspace',
    suites: 'suite',
    userSettings: { 'factmark.suggestions.learn': false },
  },
  // Two workspace folders in a .code-workspace file (RELIABILITY-CASES I6).
  'multi-root': {
    fixture: 'test/fixtures/multi-root',
    open: 'multi-root.code-workspace',
    suites: 'scenarios/multi-root',
    userSettings: { 'factmark.suggestions.learn': true },
  },
  // The timeline and map panels after a window reload (issue 16): the suite reloads its window once.
  reload: {
    fixture: 'test/fixtures/workspace',
    suites: 'scenarios/reload',
    userSettings: { 'factmark.suggestions.learn': false },
  },
  // Workspace Trust on and the folder not trusted: Restricted Mode (RELIABILITY-CASES I1).
  restricted: {
    fixture: 'test/fixtures/restricted',
    suites: 'scenarios/restricted',
    workspaceTrust: true,
    userSettings: {
      'factmark.suggestions.learn': false,
      // The user's own pattern applies in Restricted Mode; the workspace's (the fixture's) must not.
      'factmark.patterns': [{ pattern: 'Harbour Board', type: 'BODY' }],
      'security.workspace.trust.enabled': true,
      // No modal at start-up: the folder simply opens in Restricted Mode, as after "Don't Trust".
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
    },
  },
  // VS Code for the Web: dist/web/extension.js in the web worker extension host, the suite of test/web
  // bundled for the browser; the workspace is on the server's disk, reached through vscode-remote: URIs.
  web: {
    fixture: 'test/fixtures/workspace',
    web: true,
    sample: true,
    userSettings: {
      'factmark.suggestions.learn': false,
      // What puts the extension in the web worker host (the payload's extensionDevelopmentKind alone does not; server.mjs).
      'remote.extensionKind': { 'factmark.factmark': ['web'] },
    },
  },
};

const wanted = option('--scenario') ?? 'default';
const names = customTests ? ['default'] : wanted === 'all' ? Object.keys(SCENARIOS) : [wanted];
for (const name of names) {
  if (!SCENARIOS[name]) {
    console.error(`unknown scenario "${name}" (scenarios: ${Object.keys(SCENARIOS).join(', ')}, all)`);
    process.exit(2);
  }
}
const testsEntry = customTests ? resolve(customTests) : join(root, 'out/test/integration/index.js');
const needs = names.some((n) => !SCENARIOS[n].web) ? [join(root, 'dist/extension.js'), testsEntry] : [];
if (names.some((n) => SCENARIOS[n].web)) needs.push(join(root, 'dist/web/extension.js'));
for (const needed of needs) {
  if (!existsSync(needed)) {
    console.error(`${needed} is missing: run "npm run build && npm run compile-tests" first (npm test does).`);
    process.exit(1);
  }
}
const mode = customTests ? 'custom' : vsix ? 'vsix' : 'dev';

const outcomes = [];
for (const name of names) outcomes.push(await runScenario(name, SCENARIOS[name]));

const grep = process.env.FACTMARK_TEST_GREP;
console.log(`\nVS Code 1.100.3, ${mode === 'vsix' ? 'installed from the .vsix' : mode === 'dev' ? 'from source' : testsEntry}${grep ? `, tests matching /${grep}/` : ''}:`);
for (const o of outcomes) {
  const counts = o.results ? `${o.results.passed} passed, ${o.results.failed} failed, ${o.results.pending} skipped` : `did not report (${o.error})`;
  const verdict = o.ok ? (o.results?.passed === 0 ? 'no test matched' : 'ok') : 'FAILED';
  console.log(`scenario ${o.name.padEnd(10)} ${counts} in ${o.seconds} s: ${verdict}`);
}
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);

/** Runs one scenario in a VS Code of its own; returns { name, ok, results, seconds, error }. */
async function runScenario(name, scenario) {
  const started = Date.now();
  // The default scenario keeps its historical folders (test-results/dev, .vscode-test/runs/dev).
  const label = name === 'default' ? mode : `${mode}-${name}`;
  const runDir = join(root, '.vscode-test/runs', label);
  rmSync(runDir, { recursive: true, force: true });
  const workspaceDir = join(runDir, 'workspace');
  const artifacts = join(root, 'test-results', label);
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(workspaceDir, { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  cpSync(otherFixture ?? join(root, scenario.fixture), workspaceDir, { recursive: true });
  // The shared sample article, for suites that cannot copy it themselves (no Node on the web).
  const sample = join(root, '../shared/corpus', SAMPLE_NAME);
  if (scenario.sample && existsSync(sample)) cpSync(sample, join(workspaceDir, SAMPLE_NAME));
  const workspace = scenario.open ? join(workspaceDir, scenario.open) : workspaceDir;
  const resultsFile = join(runDir, 'results.json');
  console.log(`\n[host] scenario ${name}: ${scenario.fixture}${scenario.workspaceTrust ? ' (Workspace Trust on, not trusted)' : ''}`);

  const probe = await startProbe(artifacts);
  let scenarioTests = testsEntry;
  if (scenario.web) {
    scenarioTests = await bundleWebTests(root);
  }
  let server;
  let browser;
  const outcome = { name, ok: false, results: undefined, seconds: 0, error: undefined };
  try {
    server = await startCodeServer({
      runDir,
      workspace,
      env: {
        FACTMARK_TEST_RESULTS: resultsFile,
        FACTMARK_PROBE_URL: probe.url,
        FACTMARK_SHARED: resolve(root, '../shared'),
        FACTMARK_ARTIFACTS: artifacts,
        FACTMARK_SCENARIO: name,
        // Texts kept for re-anchoring (src/node/textStore.ts): a store of this run's own, never the user's.
        FACTMARK_TEXT_STORE: join(runDir, 'text-store'),
        FACTMARK_SUITES: scenario.suites,
      },
      vsix,
      userSettings: { ...scenario.userSettings, ...extraSettings },
      workspaceTrust: scenario.workspaceTrust === true,
    });
    let extensionDevelopmentPath = otherExtension ?? root;
    if (vsix) {
      const installed = readdirSync(server.extensionsDir).find((d) => d.startsWith('factmark.factmark-'));
      if (!installed) throw new Error(`installing ${vsix} left no factmark folder in ${server.extensionsDir}`);
      // Run the suite against the installed copy, so the shipped files are what is tested.
      extensionDevelopmentPath = join(server.extensionsDir, installed);
      console.log(`[host] testing the installed package: ${extensionDevelopmentPath}`);
      if (scenario.web) {
        // VS Code runs the suite in the host of the extension whose folder holds it, and in the Node
        // host when no extension does (findTestExtensionHost in its abstractExtensionService.ts). From
        // source the suite sits in the extension's folder (out/web-test); for the installed copy a copy
        // of the suite is put inside the installed folder, beside the shipped files, which stay as shipped.
        const inside = join(extensionDevelopmentPath, 'out-web-test', 'index.js');
        mkdirSync(dirname(inside), { recursive: true });
        cpSync(scenarioTests, inside);
        scenarioTests = inside;
      }
    }
    if (scenario.web) {
      // No process.env in the web worker: the suite reads what it needs from here (test/web/env.ts).
      const env = { probeUrl: probe.url, grep: process.env.FACTMARK_TEST_GREP, extensionPath: extensionDevelopmentPath };
      writeFileSync(join(runDir, 'web-env.json'), JSON.stringify(env));
    }
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLog = [];
    page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
    probe.attach(page);
    const url = workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath: scenarioTests, web: scenario.web === true });
    console.log(`[host] VS Code 1.100.3 at ${server.url} (${label}); waiting for the suite…`);
    await page.goto(url);
    // Written on failure too: in the web scenario the extension host's errors are only there.
    const results = await waitForResults(resultsFile, TIMEOUT_MS, page, artifacts).finally(() => writeFileSync(join(artifacts, 'browser-console.log'), consoleLog.join('\n')));
    for (const t of results.tests ?? []) console.log(`  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-'} ${t.title}${t.state === 'pending' ? ' (skipped)' : ''}`);
    for (const [figure, value] of Object.entries(results.figures ?? {})) console.log(`  ${figure}: ${value}`);
    for (const f of results.failures) console.log(`\nFAILED: ${f.title}\n${f.error}`);
    outcome.results = results;
    // A grep that matches nothing in this scenario is not a failure; an unfiltered run must pass tests.
    outcome.ok = results.failed === 0 && (results.passed > 0 || !!process.env.FACTMARK_TEST_GREP);
  } catch (err) {
    console.error(`[host] ${err.stack ?? err}`);
    outcome.error = String(err.message ?? err);
    if (server) console.error(`[host] code-server log: ${server.logFile}`);
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    await probe.close();
  }
  outcome.seconds = Math.round((Date.now() - started) / 1000);
  return outcome;
}

async function waitForResults(file, timeoutMs, page, artifacts) {
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
