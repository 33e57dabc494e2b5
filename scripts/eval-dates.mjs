/**
 * Scores the date recogniser against TimeML gold data with TempEval-3 measures.
 *
 *   node scripts/eval-dates.mjs [--timeml DIR] [--errors] [--categories] [--dev]
 *
 * On the default data (../shared TempEval-3 TBAQ-cleaned) the documents are split once and for all.
 * Until stop 40 **TimeBank was the development set and AQUAINT the held-out set**: a split by source,
 * because AQUAINT is other wire services (AP, NYT, Xinhua, 1998-2000) annotated in another campaign.
 * Rules tuned on TimeBank alone stopped moving AQUAINT (its value F1 stayed 0.796 through three rounds
 * of rules), so since stop 40 AQUAINT's documents, sorted by name, alternate: the even ones
 * (AQUAINT-A) join the development set, the odd ones (AQUAINT-B) are held out. Each half holds all
 * three wire services. `--errors` lists the development set's errors and never the held-out set's.
 * All parts are printed, the gap, and AQUAINT whole (the held-out figure before stop 40, for
 * comparison; half of it is now development data). `--timeml DIR` scores one other folder as a whole.
 *
 * Strict = exact span; relaxed = any overlap (one-to-one); value P/R count relaxed matches whose
 * normalised value is equal, over system and gold timexes respectively (values compared after
 * unifying ISO spellings such as `W7`/`W07`; the exact-string figure is printed as well). Relative expressions are
 * anchored on each document's creation time. Needs the compiled core: `npx tsc -p tsconfig.test.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readTimeMLDir } from './lib/timeml.mjs';
import { categoryOf, printCategories } from './lib/date-categories.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = path.resolve(repoRoot, '../shared/data/tempeval3/TBAQ-cleaned');

function prf(correct, system, gold) {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (x) => x.toFixed(3);

/**
 * One spelling for values that ISO 8601 writes in two ways: week numbers with or without a leading
 * zero (`2000-W7`, `2000-W07`) and hours with or without minutes (`T17`, `T17:00`).
 */
export function canonicalValue(value) {
  if (value === undefined) return value;
  return value.replace(/-W(\d)(?!\d)/, '-W0$1').replace(/T(\d\d)$/, 'T$1:00');
}

/** Scores one document; returns counts and, for error listings, the unmatched items. */
function scoreDocument(gold, system) {
  let strict = 0;
  let relaxed = 0;
  let value = 0;
  let exactValue = 0;
  let type = 0;
  const usedSys = new Set();
  const misses = [];
  const wrong = [];
  const spans = [];
  for (const g of gold) {
    // prefer the exact span, then the largest overlap
    let best = -1;
    let bestScore = 0;
    system.forEach((s, i) => {
      if (usedSys.has(i) || s.end <= g.start || g.end <= s.start) return;
      const score = s.start === g.start && s.end === g.end ? Infinity : Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (score > bestScore) { best = i; bestScore = score; }
    });
    if (best < 0) { misses.push(g); continue; }
    usedSys.add(best);
    const s = system[best];
    relaxed++;
    if (s.start === g.start && s.end === g.end) strict++;
    else spans.push({ g, s });
    if (s.value === g.value) exactValue++;
    if (canonicalValue(s.value) === canonicalValue(g.value)) value++;
    else wrong.push({ g, s });
    if (s.timexType === g.type) type++;
  }
  const falsePositives = system.filter((_, i) => !usedSys.has(i));
  return { strict, relaxed, value, exactValue, type, misses, wrong, spans, falsePositives };
}

/** Documents whose path starts with this folder are split between development and held out. */
export const HELD_OUT = 'AQUAINT';

/** The default data's parts: TimeBank and AQUAINT's even documents (by name) to develop on, its odd ones held out. */
export function splitDocuments(docs) {
  const aquaint = docs.filter((d) => d.id.startsWith(`${HELD_OUT}/`)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    timebank: docs.filter((d) => !d.id.startsWith(`${HELD_OUT}/`)),
    aquaintA: aquaint.filter((_, i) => i % 2 === 0),
    heldOut: aquaint.filter((_, i) => i % 2 === 1),
    aquaint,
  };
}

/** Scores `docs`; prints each error when `showErrors`, and adds them, sorted by kind, to `categories` when given. */
function evaluate(docs, recognizeDates, showErrors, categories) {
  const totals = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, exactValue: 0, type: 0 };
  const goldTypes = {};
  const sysTypes = {};
  for (const doc of docs) {
    const system = recognizeDates(doc.text, { documentDate: doc.dct });
    const s = scoreDocument(doc.timexes, system);
    totals.gold += doc.timexes.length;
    totals.system += system.length;
    for (const k of ['strict', 'relaxed', 'value', 'exactValue', 'type']) totals[k] += s[k];
    for (const g of doc.timexes) goldTypes[g.type] = (goldTypes[g.type] ?? 0) + 1;
    for (const m of system) sysTypes[m.timexType] = (sysTypes[m.timexType] ?? 0) + 1;
    if (categories) {
      for (const g of s.misses) categories.push({ kind: 'MISS', category: categoryOf([g.text], g.type, [g.value]) });
      for (const f of s.falsePositives) categories.push({ kind: 'FP', category: categoryOf([f.text], f.timexType, [f.value]) });
      for (const { g, s: m } of s.spans) categories.push({ kind: 'SPAN', category: categoryOf([g.text, m.text], g.type, [g.value, m.value]) });
      for (const { g, s: m } of s.wrong) categories.push({ kind: 'VALUE', category: categoryOf([g.text, m.text], g.type, [g.value, m.value]) });
    }
    if (showErrors) {
      const ctx = (a, b) => doc.text.slice(Math.max(0, a - 30), b + 20).replace(/\s+/g, ' ');
      for (const g of s.misses) console.log(`MISS\t${doc.id}\t${g.type}\t${g.value}\t"${g.text}"\t${ctx(g.start, g.end)}`);
      for (const f of s.falsePositives) console.log(`FP\t${doc.id}\t${f.timexType}\t${f.value}\t"${f.text}"\t${ctx(f.start, f.end)}`);
      for (const { g, s: m } of s.spans) console.log(`SPAN\t${doc.id}\tgold "${g.text}"\tsys "${m.text}"`);
      for (const { g, s: m } of s.wrong) console.log(`VALUE\t${doc.id}\t${doc.dct}\tgold ${g.value} "${g.text}"\tsys ${m.value} "${m.text}"\t${ctx(g.start, g.end)}`);
    }
  }
  return {
    strict: prf(totals.strict, totals.system, totals.gold),
    relaxed: prf(totals.relaxed, totals.system, totals.gold),
    value: prf(totals.value, totals.system, totals.gold),
    exactValue: prf(totals.exactValue, totals.system, totals.gold),
    totals, goldTypes, sysTypes, documents: docs.length,
  };
}

function report(label, r) {
  const { totals } = r;
  console.log(`${label}: ${r.documents} documents, ${totals.gold} gold timexes, ${totals.system} found`);
  console.log(`  strict   P ${fmt(r.strict.p)}  R ${fmt(r.strict.r)}  F1 ${fmt(r.strict.f)}`);
  console.log(`  relaxed  P ${fmt(r.relaxed.p)}  R ${fmt(r.relaxed.r)}  F1 ${fmt(r.relaxed.f)}`);
  console.log(`  value    P ${fmt(r.value.p)}  R ${fmt(r.value.r)}  F1 ${fmt(r.value.f)}  (ISO spellings unified; as exact strings: F1 ${fmt(r.exactValue.f)})`);
  console.log(`  type accuracy on relaxed matches: ${fmt(totals.relaxed ? totals.type / totals.relaxed : 0)}`);
  const types = [...new Set([...Object.keys(r.goldTypes), ...Object.keys(r.sysTypes)])].sort();
  console.log(`  per type (gold / system): ${types.map((t) => `${t} ${r.goldTypes[t] ?? 0}/${r.sysTypes[t] ?? 0}`).join(', ')}`);
}

/** CPU-time and wall-clock throughput over `docs`, after a warm-up pass. */
function throughput(docs, recognizeDates) {
  // CPU time is reported too because the wall clock of a shared machine counts other processes' work
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  for (const d of docs) recognizeDates(d.text, { documentDate: d.dct });
  const reps = 5;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) for (const d of docs) recognizeDates(d.text, { documentDate: d.dct });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mbPerSecond = (bytes * reps) / 1e6 / seconds;
  const cpuMbPerSecond = (bytes * reps) / 1e6 / cpuSeconds;
  const msPer5KB = (cpuSeconds * 1000) / ((bytes * reps) / 5000);
  console.log(`throughput: ${cpuMbPerSecond.toFixed(1)} MB/s of CPU time (${msPer5KB.toFixed(3)} ms per 5 KB), ${mbPerSecond.toFixed(1)} MB/s wall clock; ${(bytes / 1e3).toFixed(0)} KB of text x ${reps}, one document at a time`);
  return { mbPerSecond, cpuMbPerSecond };
}

/**
 * Runs the evaluation. `args`: command-line style strings (`--timeml DIR`, `--errors`).
 * Returns the figures (`dev`, `heldOut` and `gap` on the default data; `all` on another folder),
 * or undefined when the data folder is absent.
 */
export async function run(args = []) {
  const i = args.indexOf('--timeml');
  const dir = i >= 0 ? path.resolve(args[i + 1]) : DEFAULT_DIR;
  const showErrors = args.includes('--errors');
  if (!fs.existsSync(dir)) {
    console.log(`eval-dates: skipped, no TimeML data at ${dir}`);
    return undefined;
  }
  const core = path.join(repoRoot, 'out/src/core/dates/index.js');
  if (!fs.existsSync(core)) throw new Error(`eval-dates: ${core} missing; run \`npx tsc -p tsconfig.test.json\` first`);
  const { recognizeDates } = await import(pathToFileURL(core).href);

  const docs = readTimeMLDir(dir);
  if (i >= 0) {
    const all = evaluate(docs, recognizeDates, showErrors);
    report(`TimeML ${dir}`, all);
    return { all, ...throughput(docs, recognizeDates) };
  }
  const parts = splitDocuments(docs);
  const devDocs = [...parts.timebank, ...parts.aquaintA];
  console.log(`TimeML: ${dir}; development set: TimeBank and ${HELD_OUT}-A (its even documents by name); held out: ${HELD_OUT}-B (its odd documents; errors are listed for the development set only)`);
  const categories = args.includes('--categories') ? [] : undefined;
  const dev = evaluate(devDocs, recognizeDates, showErrors, categories);
  if (categories) printCategories(categories);
  report('dev (TimeBank and AQUAINT-A)', dev);
  report('  of which TimeBank', evaluate(parts.timebank, recognizeDates, false));
  report(`  of which ${HELD_OUT}-A`, evaluate(parts.aquaintA, recognizeDates, false));
  // `--dev`: the development set alone, so that working on the rules does not show the held-out figure
  if (args.includes('--dev')) return { dev, ...throughput(docs, recognizeDates) };
  const heldOut = evaluate(parts.heldOut, recognizeDates, false);
  report(`held out (${HELD_OUT}-B)`, heldOut);
  const gap = { strict: dev.strict.f - heldOut.strict.f, relaxed: dev.relaxed.f - heldOut.relaxed.f, value: dev.value.f - heldOut.value.f };
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  console.log(`gap dev - held out: F1 strict ${signed(gap.strict)}  relaxed ${signed(gap.relaxed)}  value ${signed(gap.value)}`);
  report(`${HELD_OUT} whole (the held-out set until stop 40; half of it is development data now)`, evaluate(parts.aquaint, recognizeDates, false));
  return { dev, heldOut, gap, ...throughput(docs, recognizeDates) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
