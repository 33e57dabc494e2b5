/* global window, document, requestAnimationFrame, WheelEvent, PointerEvent */ // used only inside page.evaluate, which runs in the browser
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
async function drawInPage(browser, name, json, { interact = true } = {}) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await page.setContent('<!DOCTYPE html><html><head></head><body class="vscode-dark"><main id="app"></main></body></html>');
    await page.evaluate(() => {
      window.posted = [];
      window.acquireVsCodeApi = () => ({ postMessage(m) { window.posted.push(m); }, getState() {}, setState() {} });
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
      return { pageMs: t1 - t0, nodes: document.querySelectorAll('#chart svg *, .map svg *').length, marks: document.querySelectorAll('svg [data-key], svg circle.dot').length, listed: document.querySelectorAll('.entry').length };
    });
    // The browser lays the picture out and paints it after the handler: until the next frame.
    const paint = await page.evaluate(() => {
      const t = performance.now();
      return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0)));
    });
    const pageCpu = (await busy()) - busy0;
    if (!interact) return { ...drawn, paint, cpu: pageCpu };
    // What the user does next, each timed as the one task it is in the page: a key press in the filter
    // box, then zooming with the wheel and panning by dragging (the timeline; the map has neither).
    const acts = await page.evaluate(() => {
      const timed = (f) => {
        const t = performance.now();
        f();
        return performance.now() - t;
      };
      const box = document.getElementById('text');
      const out = {};
      out.typed = timed(() => {
        box.value = 'korea';
        box.dispatchEvent(new Event('input'));
      });
      out.cleared = timed(() => {
        box.value = '';
        box.dispatchEvent(new Event('input'));
      });
      const svg = document.querySelector('#chart svg');
      if (document.querySelector('.fm-point, .fm-span, .fm-crowd') && svg) {
        const box2 = svg.getBoundingClientRect();
        const at = { clientX: box2.left + box2.width / 2, clientY: box2.top + 40 };
        out.zoom = [];
        for (let k = 0; k < 5; k++) out.zoom.push(timed(() => document.querySelector('#chart svg').dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -300, cancelable: true }))));
        const s = document.querySelector('#chart svg');
        out.pan = timed(() => {
          s.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerId: 1, bubbles: true }));
          s.dispatchEvent(new PointerEvent('pointerup', { ...at, clientX: at.clientX - 200, pointerId: 1, bubbles: true }));
        });
      }
      return out;
    });
    return { ...drawn, paint, cpu: pageCpu, ...acts };
  } finally {
    await page.close();
  }
}

/** A copy of each index entry: a new object, as the index makes when an article changes, so none of the pictures' caches of it is used. */
const fresh = (docs) => docs.map((d) => ({ ...d }));

/**
 * The extension's part, as PicturePanel.refresh runs it: the index's documents as the pictures take
 * them, the picture computed in slices (the longest slice is how long the extension host is held at
 * once), and the page's data as JSON bytes.
 */
async function extensionPart(m, name, indexDocs, gazetteer) {
  const [t0, c0] = [performance.now(), cpu()];
  // The longest stretch the extension host is held without a pause, in wall and processor time.
  const longest = { ms: 0, cpu: 0 };
  let slice = { ms: performance.now(), cpu: cpu() };
  const end = () => {
    longest.ms = Math.max(longest.ms, performance.now() - slice.ms);
    longest.cpu = Math.max(longest.cpu, cpu() - slice.cpu);
  };
  const pause = async () => {
    end();
    await new Promise((r) => setTimeout(r, 0));
    slice = { ms: performance.now(), cpu: cpu() };
  };
  // As readScope gathers them: a pause every 15 ms.
  const docs = [];
  let until = performance.now() + 15;
  for (let i = 0; i < indexDocs.length; i++) {
    docs.push(m.pictureDocumentOf(indexDocs[i]));
    if (i % 64 === 63 && performance.now() >= until) {
      await pause();
      until = performance.now() + 15;
    }
  }
  await pause();
  const data = await m.runInSlices(name === 'timeline' ? m.timelineSteps(docs) : m.placeMapSteps(docs, gazetteer), { sliceMs: 15, maxSteps: 1000, pause });
  const view = name === 'timeline' ? m.timelineView(data, new Map()) : m.mapView(data, new Map());
  const bytes = new TextEncoder().encode(JSON.stringify(view));
  end();
  return { data, bytes, ms: performance.now() - t0, cpu: cpu() - c0, longest };
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
  const m = {
    ...require(join(root, 'out/src/core/timeline/index.js')),
    ...require(join(root, 'out/src/core/places/index.js')),
    ...require(join(root, 'out/src/core/slices.js')),
  };
  const dir = mkdtempSync(join(tmpdir(), 'factmark-bench-pictures-'));
  const browser = await launchBrowser();
  try {
    const made = makeWorkspace(dir, articles, corpusNames());
    console.log(`  5000 articles (${articles.length} distinct), ${made.annotations} annotations, ${made.facts} facts; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
    const cold = time(() => loadIndex([dir], dir));
    const index = cold.value.index;
    console.log(`  1. first read from disk (the workspace index's cold build; in the extension at start-up, in the background): ${both(cold)}`);
    const gazetteer = time(() => m.Gazetteer.parse(readFileSync(join(root, 'dist/gazetteer.tsv'), 'utf8')));
    console.log(`     the gazetteer, read once per session for the first map: ${both(gazetteer)}`);
    const all = index.documents();
    for (const name of ['timeline', 'map']) {
      const docs = fresh(all);
      const ext = await extensionPart(m, name, docs, gazetteer.value);
      const page = await drawInPage(browser, name, new TextDecoder().decode(ext.bytes));
      const total = ext.ms + page.pageMs + page.paint;
      const data = ext.data;
      const size = name === 'timeline' ? `${data.items.length} on the axis, ${data.unplaced.length} not` : `${data.points.length} places, ${data.apart.length} mentions apart`;
      console.log(`  ${name} (${size}): command → drawn ${ms(total)} wall, ${ms(ext.cpu + page.cpu)} processor, with the index built (target ≤ 1000 ms); + ${ms(cold.ms)} if asked before the index is built`);
      console.log(`     in the extension ${both(ext)} (the host held at most ${ms(ext.longest.ms)} at a time, ${ms(ext.longest.cpu)} processor), ${(ext.bytes.length / 1e6).toFixed(2)} MB of JSON sent; in the page: read and draw ${ms(page.pageMs)} (${page.marks} marks, ${page.nodes} SVG nodes, ${page.listed} entries listed) + layout and paint ${ms(page.paint)}, ${ms(page.cpu)} of the page's processor time`);
      // A redraw after one article changed: the others' entries are the ones computed before.
      docs[0] = { ...docs[0] };
      const again = await extensionPart(m, name, docs, gazetteer.value);
      console.log(`     redrawn after one article changed: in the extension ${both(again)}`);
      // A list under the picture for a new filter, as the page asks for it while the user types.
      const query = { list: name === 'timeline' ? 'unplaced' : 'apart', filter: { text: 'korea' }, offset: 0, limit: 300 };
      const list = time(() => JSON.stringify(name === 'timeline' ? m.timelineList(data, query) : m.mapList(data, query)));
      console.log(`     the list under it for a new filter ("korea"): ${both(list)} in the extension`);
      const zoom = page.zoom ? `; zoom (wheel) ${page.zoom.map((z) => z.toFixed(0)).join(', ')} ms, pan (drag) ${ms(page.pan)}` : '';
      console.log(`     in the page, each one task: a key press in the filter box redraws in ${ms(page.typed)}, clearing it ${ms(page.cleared)}${zoom}`);
    }
    // Growth: the first drawing of the first N articles (fresh objects: no cache of an earlier run is used).
    console.log('  growth (first drawing, caches cold; wall / processor, extension + page):');
    console.log('     articles | timeline                      | map');
    for (const n of [500, 1000, 2000, 5000]) {
      const cells = [];
      for (const name of ['timeline', 'map']) {
        const ext = await extensionPart(m, name, fresh(all.slice(0, n)), gazetteer.value);
        const page = await drawInPage(browser, name, new TextDecoder().decode(ext.bytes), { interact: false });
        cells.push(`${ms(ext.ms + page.pageMs + page.paint).padStart(7)} / ${ms(ext.cpu + page.cpu).padStart(7)} (${(ext.bytes.length / 1e6).toFixed(2)} MB)`);
      }
      console.log(`     ${String(n).padStart(8)} | ${cells.join(' | ')}`);
    }
    console.log(`  load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) on ${availableParallelism()} cores`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
