/**
 * Scores the date recogniser against TimeML gold data with TempEval-3 measures.
 *
 *   node scripts/eval-dates.mjs [--timeml DIR] [--errors]
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

/**
 * Runs the evaluation. `args`: command-line style strings (`--timeml DIR`, `--errors`).
 * Returns the figures, or undefined when the data folder is absent.
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
  const totals = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, exactValue: 0, type: 0 };
  const goldTypes = {};
  const sysTypes = {};
  // per subfolder (TimeBank, AQUAINT): a change should help each corpus, not just their sum
  const parts = {};
  for (const doc of docs) {
    const system = recognizeDates(doc.text, { documentDate: doc.dct });
    const s = scoreDocument(doc.timexes, system);
    const part = (parts[doc.id.includes('/') ? doc.id.split('/')[0] : '.'] ??= { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0 });
    for (const t of [totals, part]) {
      t.gold += doc.timexes.length;
      t.system += system.length;
      for (const k of ['strict', 'relaxed', 'value']) t[k] += s[k];
    }
    for (const k of ['exactValue', 'type']) totals[k] += s[k];
    for (const g of doc.timexes) goldTypes[g.type] = (goldTypes[g.type] ?? 0) + 1;
    for (const m of system) sysTypes[m.timexType] = (sysTypes[m.timexType] ?? 0) + 1;
    if (showErrors) {
      const ctx = (a, b) => doc.text.slice(Math.max(0, a - 30), b + 20).replace(/\s+/g, ' ');
      for (const g of s.misses) console.log(`MISS\t${doc.id}\t${g.type}\t${g.value}\t"${g.text}"\t${ctx(g.start, g.end)}`);
      for (const f of s.falsePositives) console.log(`FP\t${doc.id}\t${f.timexType}\t${f.value}\t"${f.text}"\t${ctx(f.start, f.end)}`);
      for (const { g, s: m } of s.spans) console.log(`SPAN\t${doc.id}\tgold "${g.text}"\tsys "${m.text}"`);
      for (const { g, s: m } of s.wrong) console.log(`VALUE\t${doc.id}\t${doc.dct}\tgold ${g.value} "${g.text}"\tsys ${m.value} "${m.text}"\t${ctx(g.start, g.end)}`);
    }
  }

  // throughput on the plain text only, after a warm-up pass; CPU time is reported too because the
  // wall clock of a shared machine counts other processes' work
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

  const strict = prf(totals.strict, totals.system, totals.gold);
  const relaxed = prf(totals.relaxed, totals.system, totals.gold);
  const value = prf(totals.value, totals.system, totals.gold);
  const exactValue = prf(totals.exactValue, totals.system, totals.gold);
  console.log(`TimeML: ${dir} (${docs.length} documents, ${totals.gold} gold timexes, ${totals.system} found)`);
  console.log(`strict   P ${fmt(strict.p)}  R ${fmt(strict.r)}  F1 ${fmt(strict.f)}`);
  console.log(`relaxed  P ${fmt(relaxed.p)}  R ${fmt(relaxed.r)}  F1 ${fmt(relaxed.f)}`);
  console.log(`value    P ${fmt(value.p)}  R ${fmt(value.r)}  F1 ${fmt(value.f)}  (ISO spellings unified; as exact strings: F1 ${fmt(exactValue.f)})`);
  const names = Object.keys(parts).sort();
  if (names.length > 1) {
    for (const name of names) {
      const t = parts[name];
      const f = (k) => fmt(prf(t[k], t.system, t.gold).f);
      console.log(`  ${name}: ${t.gold} gold, ${t.system} found; F1 strict ${f('strict')}  relaxed ${f('relaxed')}  value ${f('value')}`);
    }
  }
  console.log(`type accuracy on relaxed matches: ${fmt(totals.relaxed ? totals.type / totals.relaxed : 0)}`);
  const types = [...new Set([...Object.keys(goldTypes), ...Object.keys(sysTypes)])].sort();
  console.log(`per type (gold / system): ${types.map((t) => `${t} ${goldTypes[t] ?? 0}/${sysTypes[t] ?? 0}`).join(', ')}`);
  console.log(`throughput: ${cpuMbPerSecond.toFixed(1)} MB/s of CPU time (${msPer5KB.toFixed(3)} ms per 5 KB), ${mbPerSecond.toFixed(1)} MB/s wall clock; ${(bytes / 1e3).toFixed(0)} KB of text x ${reps}, one document at a time`);
  return { strict, relaxed, value, exactValue, totals, parts, goldTypes, sysTypes, mbPerSecond, cpuMbPerSecond };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
