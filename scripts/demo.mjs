#!/usr/bin/env node
// `npm run demo`: packages Factmark, installs it into the offline VS Code (code-server 4.100.3 =
// VS Code 1.100.3), opens a sample news article, checks in a headless browser that Factmark
// highlights it (saving a screenshot), and prints the local URL to open in your own browser.
//   --check      stop after the headless check (used to verify the README's command)
//   --port N     serve on this port (default 8080, or a free one when 8080 is taken)
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launchBrowser, startCodeServer, workbenchUrl } from '../test/host/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const checkOnly = argv.includes('--check');
const portArg = argv.indexOf('--port');
const ARTICLE = 'harbour-accord.txt';

execSync('npm run --silent package', { cwd: root, stdio: 'inherit' });

const runDir = join(root, '.vscode-test/demo');
const workspace = join(runDir, 'workspace');
// Keep the workspace between runs: annotations made in the demo are the user's.
if (!existsSync(workspace)) {
  mkdirSync(workspace, { recursive: true });
  cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
}
const port = portArg >= 0 ? Number(argv[portArg + 1]) : await preferredPort(8080);
const server = await startCodeServer({ runDir, workspace, vsix: join(root, 'factmark.vsix'), port });
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let ok = false;
try {
  ok = await headlessCheck();
} catch (err) {
  console.error(`[demo] headless check failed: ${err.message}`);
}
if (checkOnly) {
  server.stop();
  process.exit(ok ? 0 : 1);
}
console.log(`\nFactmark demo: open ${workbenchUrl(server, { workspace })}`);
console.log(`Then open ${ARTICLE} from the Explorer. Press Ctrl+C here to stop.`);

/** Opens the article in a headless workbench and waits for Factmark's highlights. */
async function headlessCheck() {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(workbenchUrl(server, { workspace }));
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    const item = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${ARTICLE}"]`);
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const decorations = '.monaco-editor .view-overlays .cdr[class*="TextEditorDecorationType"]';
    await page.waitForSelector(decorations, { timeout: 60_000 });
    const count = await page.locator(decorations).count();
    const shot = join(runDir, 'factmark-demo.png');
    await page.screenshot({ path: shot });
    console.log(`[demo] Factmark highlights ${count} spans on screen in ${ARTICLE} (screenshot: ${shot})`);
    return count > 0;
  } finally {
    await browser.close();
  }
}

async function preferredPort(port) {
  const { createServer } = await import('node:net');
  const free = await new Promise((r) => {
    const s = createServer().once('error', () => r(false)).listen(port, '127.0.0.1', () => s.close(() => r(true)));
  });
  return free ? port : freePort();
}
