/* global window, document */ // used only inside page.evaluate, which runs in the browser
// Drawing the timeline and map of 5,000 articles in the page (issue 16): the webview scripts of
// dist/webview run in headless Chromium (the browser the host tests use) with a stand-in for the
// VS Code API; the data is what `pictures.mjs` computes. Prints the time from the data message to
// the drawn picture, and to redraw after a key press in the filter box. Needs `npm run build`,
// `npm run compile-tests` and Chromium (test/host/server.mjs); `npm run bench -- pictures-draw`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { corpusArticles, root, syntheticDocs } from './corpus.mjs';

const require = createRequire(import.meta.url);
const COUNT = 5000;

export async function run() {
  const texts = corpusArticles();
  if (!texts) return;
  let launchBrowser;
  try {
    ({ launchBrowser } = await import('../test/host/server.mjs'));
  } catch (e) {
    console.log(`  skipped: no browser (${e.message})`);
    return;
  }
  const { buildTimeline } = require(join(root, 'out/src/core/timeline/index.js'));
  const { Gazetteer, placeMap } = require(join(root, 'out/src/core/places/index.js'));
  const { docs } = syntheticDocs(texts, COUNT);
  const gazetteer = Gazetteer.parse(readFileSync(join(root, 'dist/gazetteer.tsv'), 'utf8'));
  const pictures = { timeline: buildTimeline(docs), map: placeMap(docs, gazetteer) };
  const browser = await launchBrowser();
  try {
    for (const [name, data] of Object.entries(pictures)) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.setContent('<!DOCTYPE html><html><head></head><body class="vscode-dark"><main id="app"></main></body></html>');
      await page.evaluate(() => {
        window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });
      });
      await page.addScriptTag({ content: readFileSync(join(root, 'dist/webview', `${name}.js`), 'utf8') });
      // The message as the extension sends it; its handler draws at once (no animation frame), so the time around it is the drawing's.
      const message = { type: 'data', scope: { workspace: true }, title: 'workspace', data, filter: { text: '', types: [], from: '', to: '' }, types: [] };
      const open = await page.evaluate((m) => {
        const t = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: m }));
        return { ms: performance.now() - t, marks: document.querySelectorAll('svg [data-key], svg circle.dot').length };
      }, message);
      console.log(`  ${name}: draw ${open.marks} marks in the page: ${open.ms.toFixed(0)} ms`);
      const typed = await page.evaluate(() => {
        const box = document.getElementById('text');
        const t = performance.now();
        box.value = 'korea';
        box.dispatchEvent(new Event('input'));
        return performance.now() - t;
      });
      console.log(`  ${name}: redraw after typing in the filter box: ${typed.toFixed(0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
