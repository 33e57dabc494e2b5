// Timeline and map of 5,000 articles (issue 16): the work behind opening the pictures on the whole
// workspace, on the corpus articles' recognised suggestions repeated to 5,000 documents. Prints the
// time to compute each picture's data, to pass it as a message (JSON out and back, as postMessage
// does) and to filter and group it again (what the webview does on each key press in a filter).
// Drawing in the webview is not measured here. Needs `npm run build` (dist/gazetteer.tsv) and the
// compiled core (`npm run compile-tests`); `npm run bench -- pictures` runs this section alone.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { corpusArticles, root, syntheticDocs } from './corpus.mjs';

const require = createRequire(import.meta.url);
const COUNT = 5000;

/** Processor time of this process (all its threads, the garbage collector's too), ms. */
function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall time and processor time: on a loaded machine the first grows with the load, the second hardly. */
function time(label, f) {
  const [t, c] = [performance.now(), cpu()];
  const r = f();
  console.log(`  ${label}: ${(performance.now() - t).toFixed(0)} ms (${(cpu() - c).toFixed(0)} ms processor)`);
  return r;
}

/** JSON out and back: what sending the data to the webview costs at least. */
function message(label, data) {
  const [t, c] = [performance.now(), cpu()];
  const json = JSON.stringify(data);
  JSON.parse(json);
  console.log(`  ${label}: ${(json.length / 1e6).toFixed(1)} MB, ${(performance.now() - t).toFixed(0)} ms (${(cpu() - c).toFixed(0)} ms processor) to serialise and parse`);
}

export async function run() {
  const texts = corpusArticles();
  if (!texts) return;
  const { buildTimeline, filterTimeline, groupTimeline } = require(join(root, 'out/src/core/timeline/index.js'));
  const { Gazetteer, placeMap } = require(join(root, 'out/src/core/places/index.js'));
  const table = join(root, 'dist/gazetteer.tsv');
  const gazetteerText = existsSync(table) ? readFileSync(table, 'utf8') : (await import('../scripts/gazetteer.mjs')).gazetteerText();

  const { base, docs } = syntheticDocs(texts, COUNT);
  const mentions = base.reduce((n, b) => n + b.suggestions.length, 0) * (COUNT / base.length);
  console.log(`  ${COUNT} articles (the ${base.length} corpus articles repeated), about ${Math.round(mentions)} suggested mentions`);

  const gazetteer = time('gazetteer: parse the table (once per session)', () => Gazetteer.parse(gazetteerText));
  const timeline = time('timeline: compute', () => buildTimeline(docs));
  message('timeline: message', timeline);
  time('timeline: filter by text and group by entity', () => groupTimeline(filterTimeline(timeline, { text: 'korea' }).items, 'entity'));
  const map = time('map: compute', () => placeMap(docs, gazetteer));
  message('map: message', map);
  console.log(`  load average while measuring: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
  console.log(`  timeline: ${timeline.items.length} items on the axis, ${timeline.unplaced.length} apart; map: ${map.points.length} places, ${map.apart.length} mentions apart`);
}
