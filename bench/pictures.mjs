/* global window, document, requestAnimationFrame */ // used only inside page.evaluate, which runs in the browser
// Timeline and map of 5,000 articles (issue 16): the whole path the user waits for after "Factmark:
// Show Timeline" (or Map) on the whole workspace, with its parts. The workspace is the one of the
// workspace index's bench (5,000 articles made from ../shared/corpus, each with a sidecar of the
// recognisers' mentions as annotations, half confirmed, and a few facts). Parts, as in the extension:
//   1. the first read from disk: the workspace index reads every sidecar and article. The extension
//      does it once, in the background at start-up; a picture asked for before it is done waits for it;
//   2. gather: the index's documents as the pictures' documents (no file read);
//   3. compute the picture's data;
//   4. pass it to the page: JSON out (the extension host) and parsed in the page, as postMessage does;
//   5. draw it in the page: the webview script of dist/webview in headless Chromium (the browser the
//      host tests use) with a stand-in for the VS Code API.
// Then a key press in the filter box. Wall time; the load average is printed, as a loaded machine
// stretches it. Needs `npm run build` and `npm run compile-tests`; `npm run bench:pictures`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusArticles, corpusNames, root } from './corpus.mjs';
import { makeWorkspace } from './workspaceIndex.mjs';

const require = createRequire(import.meta.url);

/** Processor time of this process (all its threads, the garbage collector's too), ms. */
function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall time and processor time: on a loaded machine the first grows with the load, the second hardly. */
function time(f) {
  const [t, c] = [performance.now(), cpu()];
  const value = f();
  return { value, ms: performance.now() - t, cpu: cpu() - c };
}

const ms = (x) => `${x.toFixed(0)} ms`;
const both = (x) => `${ms(x.ms)} (${ms(x.cpu)} processor)`;

/** Parses and draws `json` in a fresh page running the picture's webview script; returns the times and what is drawn. */
async function drawInPage(browser, name, json) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await page.setContent('<!DOCTYPE html><html><head></head><body class="vscode-dark"><main id="app"></main></body></html>');
    await page.evaluate(() => {
      window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });
    });
    await page.addScriptTag({ content: readFileSync(join(root, 'dist/webview', `${name}.js`), 'utf8') });
    // Handed over (not timed), then decoded, parsed and drawn in the page as the extension's message is.
    await page.evaluate((text) => (window.benchBytes = new TextEncoder().encode(text)), json);
    // The page's main-thread busy time (Chrome's TaskDuration): its processor time, which the load stretches less than wall time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    const busy0 = await busy();
    const drawn = await page.evaluate(() => {
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'data', scope: { workspace: true }, title: 'workspace', bytes: window.benchBytes, filter: { text: '', types: [], from: '', to: '' }, types: [] } }));
      const t1 = performance.now();
      return { pageMs: t1 - t0, nodes: document.querySelectorAll('#chart svg *, .map svg *').length, marks: document.querySelectorAll('svg [data-key], svg circle.dot').length };
    });
    // The browser lays the picture out and paints it after the handler: until the next frame.
    const paint = await page.evaluate(() => {
      const t = performance.now();
      return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0)));
    });
    const pageCpu = (await busy()) - busy0;
    const typed = await page.evaluate(() => {
      const box = document.getElementById('text');
      const t = performance.now();
      box.value = 'korea';
      box.dispatchEvent(new Event('input'));
      return performance.now() - t;
    });
    return { ...drawn, paint, typed, cpu: pageCpu };
  } finally {
    await page.close();
  }
}

export async function run() {
  const articles = corpusArticles();
  if (!articles) return;
  let launchBrowser;
  try {
    ({ launchBrowser } = await import('../test/host/server.mjs'));
  } catch (e) {
    console.log(`  skipped: no browser (${e.message})`);
    return;
  }
  const { loadIndex } = require(join(root, 'out/src/cli/commands/query.js'));
  const { buildTimeline, pictureDocumentOf } = require(join(root, 'out/src/core/timeline/index.js'));
  const { Gazetteer, placeMap } = require(join(root, 'out/src/core/places/index.js'));
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-pictures-'));
  const browser = await launchBrowser();
  try {
    const made = makeWorkspace(dir, articles, corpusNames());
    console.log(`  5000 articles (${articles.length} distinct), ${made.annotations} annotations, ${made.facts} facts`);
    const cold = time(() => loadIndex([dir], dir));
    const index = cold.value.index;
    console.log(`  1. first read from disk (the workspace index's cold build; in the extension at start-up, in the background): ${both(cold)}`);
    const gazetteer = time(() => Gazetteer.parse(readFileSync(join(root, 'dist/gazetteer.tsv'), 'utf8')));
    console.log(`     the gazetteer, read once per session for the first map: ${both(gazetteer)}`);
    for (const name of ['timeline', 'map']) {
      const gather = time(() => index.documents().map(pictureDocumentOf));
      const compute = time(() => (name === 'timeline' ? buildTimeline(gather.value) : placeMap(gather.value, gazetteer.value)));
      // As PicturePanel.refresh sends it: JSON bytes.
      const out = time(() => new TextEncoder().encode(JSON.stringify(compute.value)));
      const page = await drawInPage(browser, name, new TextDecoder().decode(out.value));
      const parts = [gather.ms, compute.ms, out.ms, page.pageMs, page.paint];
      const total = parts.reduce((a, b) => a + b, 0);
      const size = name === 'timeline' ? `${compute.value.items.length} on the axis, ${compute.value.unplaced.length} apart` : `${compute.value.points.length} places, ${compute.value.apart.length} mentions apart`;
      const processor = gather.cpu + compute.cpu + out.cpu + page.cpu;
      console.log(`  ${name} (${size}): command → drawn ${ms(total)} wall, ${ms(processor)} processor, with the index built (target ≤ 1000 ms); + ${ms(cold.ms)} if asked before the index is built`);
      console.log(`     2. gather ${both(gather)}, 3. compute ${both(compute)}, 4. pass ${(out.value.length / 1e6).toFixed(1)} MB of JSON bytes: out ${both(out)}, 5. in the page: read them and draw ${ms(page.pageMs)} (${page.marks} marks, ${page.nodes} SVG nodes) + layout and paint ${ms(page.paint)}, ${ms(page.cpu)} of the page's processor time`);
      console.log(`     a key press in the filter box redraws in ${ms(page.typed)}`);
    }
    console.log(`  load average while measuring: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
