// Annotating-workflow figures (printed, never asserted): the Factmark view's tree model and the
// next / previous jump on one document with 10,000 annotations and 1,000 facts.
// Needs `npm run compile-tests` (reads out/src/core). `node bench/workflow.mjs` alone works too.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Wall and CPU time of `f` (CPU time is what the figure means on a busy, shared machine). */
function time(f) {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const value = f();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(c);
  return { value, ms: (cpu.user + cpu.system) / 1000, wall };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A synthetic document: 10,000 annotations of 4 types over ~2,000 entities, 1,000 facts with dates. */
function syntheticDocument() {
  const types = ['PERSON', 'ORGANIZATION', 'PLACE', 'DATE'];
  const annotations = [];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 10_000; i++) {
    const type = types[i % 4];
    const start = i * 100 + Math.floor(rnd() * 50);
    const name = `Entity ${Math.floor(rnd() * 2000)}`;
    const a = { id: `a${i + 1}`, type, start, end: start + name.length, text: name, status: i % 10 === 0 ? 'rejected' : 'confirmed' };
    if (type === 'DATE') a.value = `${1990 + Math.floor(rnd() * 30)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
    annotations.push(a);
  }
  const facts = [];
  for (let i = 0; i < 1_000; i++) {
    const start = i * 1000;
    facts.push({
      id: `f${i + 1}`,
      label: ['event', 'statement', 'claim', 'meeting'][i % 4],
      start,
      end: start + 300,
      text: `Fact number ${i} about Entity ${i % 2000}.`,
      entities: [`a${i * 10 + 1}`, `a${i * 10 + 2}`],
      date: i % 7 === 0 ? undefined : `${1990 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
  }
  return { path: 'big.txt', annotations, facts };
}

export async function run() {
  const { buildTree } = require(join(root, 'out/src/core/tree/index.js'));
  const { jump, sortSpans } = require(join(root, 'out/src/core/tree/navigate.js'));
  const model = syntheticDocument();
  const docs = [{ key: 'file:///big.txt', name: 'big.txt', model }];
  console.log(`  one document: 10,000 annotations (10% rejected), 1,000 facts; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  for (const grouping of ['type', 'entity', 'date', 'document']) {
    const runs = [];
    const walls = [];
    let roots = 0;
    for (let i = 0; i < 3; i++) buildTree(docs, { grouping }); // warm, as in a running extension host
    for (let i = 0; i < 7; i++) {
      const { value, ms, wall } = time(() => buildTree(docs, { grouping }));
      runs.push(ms);
      walls.push(wall);
      roots = value.roots.length;
    }
    console.log(`  tree model, grouped by ${grouping.padEnd(8)}: first level (${roots} groups) in ${median(runs).toFixed(1)} ms CPU, ${median(walls).toFixed(1)} ms wall (medians of 7; budget 100 ms)`);
  }
  const filtered = median(Array.from({ length: 7 }, () => time(() => buildTree(docs, { grouping: 'type', filter: { text: 'entity 1' } })).ms));
  console.log(`  tree model, text filter "entity 1": ${filtered.toFixed(1)} ms`);
  // A jump after an edit: sort once (the store replaced the arrays), then binary search.
  const visible = model.annotations.filter((a) => a.status !== 'rejected');
  const first = median(Array.from({ length: 7 }, () => time(() => jump(sortSpans(visible), 500_000, 1, true)).ms));
  const sorted = sortSpans(visible);
  const n = 10_000;
  const { ms } = time(() => {
    for (let i = 0; i < n; i++) jump(sorted, (i * 97) % 1_000_000, i % 2 ? 1 : -1, true);
  });
  console.log(`  next/previous annotation: ${first.toFixed(2)} ms after a change (sort + search; budget 20 ms), ${((ms / n) * 1000).toFixed(2)} µs per jump after`);
  const facts = median(Array.from({ length: 7 }, () => time(() => jump(sortSpans(model.facts), 500_000, -1, true)).ms));
  console.log(`  next/previous fact: ${facts.toFixed(2)} ms after a change`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
