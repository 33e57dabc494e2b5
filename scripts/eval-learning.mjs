#!/usr/bin/env node
// The learning benchmark (`npm run eval -- --learn`, issue 10): does every decision of an analyst make
// suggestions better, on text the learner never saw?
//
// The documents of a CoNLL file are taken in order. A simulated analyst works through the first
// half, document by document, through the same core decision path the extension uses
// (src/core/learning/learner.ts: lexicon, entity-model corrections, self-check): at each step the
// first suggestion not decided yet (in text order, as Go to Next Suggestion walks them) is accepted
// when the gold data has it, retyped when the gold data has its span with another type, rejected
// otherwise; then the names still missing are tagged. The second half is only scored: exact-span F1
// of the people, organisations and places Factmark suggests (PER/ORG/LOC; MISC is not suggested by
// default, so the analyst neither sees nor tags it and it is not scored).
//
// Checkpoints: the base model, then after 10, 25, 50 % and all of the first half's decisions, where
// the 100 % is the number of decisions the analyst makes with the base model (learning changes how
// many are needed; "all" is the end of the first half whatever the count).
//
// The scored half is split again into two parts (every other document): tune on part A only, and
// report both; a design that only wins on A is overfitted.
//
// A file without -DOCSTART- lines (re3d) is cut into documents of 20 sentences. re3d's types are
// mapped Person/Organisation/Location/Nationality → PER/ORG/LOC/MISC, the others dropped.
//
// Usage: npm run eval -- --learn [--conll FILE] [design options]
//   --names on|off          a confirmed name is suggested at its other mentions (default on)
//   --retype on|off --cover on|off  … also over a model suggestion of its span / that it covers
//   --reach name|context|off  how far a model correction reaches (default: name)
//   --margin N --passes N   strength of a model correction (defaults: DEFAULT_MODEL_LEARNING)
//   --rejections on|off     a rejected mention corrects the model too (default off)
//   --self-check on|off     undo a correction that breaks an earlier decision in the document (default on)
//   --reject-everywhere     a rejected mention's text is rejected everywhere (the behaviour before issue 10)
//   --accept-everywhere off|retyped|all  the analyst's scope for accepts: off (default), Accept
//                           Everywhere (a rule: the type wins over the model's) when retyping a suggestion, or
//                           for every accept and tag
//   --max-docs N            use only the first N documents of each file (faster runs while tuning)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultDev, loadCore, parseConll, repoRoot, sharedRoot } from './lib/conll.mjs';

export const defaultRe3d = path.join(sharedRoot, 'data/re3d/re3d-train.conll');
const RE3D_TYPES = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };
const SENTENCES_PER_DOCUMENT = 20;
const CHECKPOINTS = [0.1, 0.25, 0.5];
export const SCORED = ['PER', 'ORG', 'LOC'];
export const TO_CONLL = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC', MISC: 'MISC' };
const FROM_CONLL = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: 'MISC' };

/** Documents of a CoNLL file; without -DOCSTART- lines, runs of 20 sentences; re3d tags mapped to CoNLL types. */
export function readDocuments(file) {
  const text = readFileSync(file, 'utf8');
  let docs = parseConll(text);
  const mapTag = (tag) => {
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m) return 'O';
    if (['PER', 'ORG', 'LOC', 'MISC'].includes(m[2])) return tag;
    return RE3D_TYPES[m[2]] ? `${m[1]}-${RE3D_TYPES[m[2]]}` : 'O';
  };
  docs = docs.map((doc) => doc.map((s) => ({ words: s.words, tags: s.tags.map(mapTag) })));
  if (!/^-DOCSTART-/m.test(text)) {
    const sentences = docs.flat();
    docs = [];
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_DOCUMENT) docs.push(sentences.slice(i, i + SENTENCES_PER_DOCUMENT));
  }
  return docs;
}

/** A document as raw text (sentences joined by spaces, as eval-ner.mjs does) with its gold names as character spans. */
function asText(doc, chunksFromTags) {
  let text = '';
  const gold = [];
  for (const s of doc) {
    const starts = s.words.map((w) => {
      if (text) text += ' ';
      text += w;
      return text.length - w.length;
    });
    for (const c of chunksFromTags(s.tags)) {
      if (!SCORED.includes(c.type)) continue; // MISC: not suggested, not tagged, not scored
      gold.push({ type: c.type, start: starts[c.start], end: starts[c.end - 1] + s.words[c.end - 1].length });
    }
  }
  return { text, gold };
}

/**
 * The simulated analyst works through one document with a learner (a `Learner` of the core, or one of
 * an older build's core: scripts/eval-learning-stale.mjs); `onDecision` is called after each decision.
 * `undecidedSuggestions` is the core's (facts.js); `everywhere` the scope of accepts (--accept-everywhere).
 */
export function work(learner, doc, undecidedSuggestions, everywhere, onDecision) {
  const annotations = [];
  /** One decision; `retyped`: the analyst changed the suggestion's type (where Accept Everywhere may be their choice). */
  const decide = (a, retyped = false) => {
    annotations.push(a);
    if (a.status === 'confirmed' && (everywhere === 'all' || (everywhere === 'retyped' && retyped))) learner.decideText([{ text: a.text, type: a.type, rule: true }], 'confirmed');
    learner.decide(doc.name, doc.text, annotations);
    onDecision();
  };
  const goldAt = new Map(doc.gold.map((g) => [`${g.start}:${g.end}`, g]));
  for (;;) {
    const open = undecidedSuggestions(entities(learner.suggest(doc.text, doc.name)), annotations);
    if (open.length === 0) break;
    const m = open[0];
    const g = goldAt.get(`${m.start}:${m.end}`);
    if (g) decide({ start: m.start, end: m.end, text: m.text, type: FROM_CONLL[g.type], status: 'confirmed' }, FROM_CONLL[g.type] !== m.type); // accept, or retype
    else decide({ start: m.start, end: m.end, text: m.text, type: m.type, status: 'rejected' });
  }
  for (const g of doc.gold) {
    if (annotations.some((a) => a.status === 'confirmed' && a.start === g.start && a.end === g.end)) continue;
    decide({ start: g.start, end: g.end, text: doc.text.slice(g.start, g.end), type: FROM_CONLL[g.type], status: 'confirmed' }); // tag what was missed
  }
}

/** The suggestions of the scored types (PER/ORG/LOC). */
export const entities = (mentions) => mentions.filter((m) => TO_CONLL[m.type] && SCORED.includes(TO_CONLL[m.type]));

/** A file's documents as texts with gold spans, split into the half the analyst decides and the half only scored. */
export function splitDocuments(file, chunksFromTags, maxDocs = Infinity) {
  const docs = readDocuments(file).slice(0, Number.isFinite(maxDocs) ? maxDocs : undefined).map((d) => asText(d, chunksFromTags));
  const half = Math.floor(docs.length / 2);
  return {
    docs,
    taught: docs.slice(0, half).map((d, k) => ({ ...d, name: `taught-${k}.txt` })),
    scored: docs.slice(half).map((d, k) => ({ ...d, name: `scored-${k}.txt` })),
  };
}

export function parseOptions(args, DEFAULT_LEARNING) {
  const value = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const onOff = (name, dflt) => (value(name) === undefined ? dflt : value(name) === 'on');
  const reach = value('--reach') ?? DEFAULT_LEARNING.model?.reach ?? 'off';
  const base = DEFAULT_LEARNING.model ?? { reach: 'name', margin: 10, passes: 4 };
  return {
    names: onOff('--names', DEFAULT_LEARNING.names),
    hints: { retype: onOff('--retype', DEFAULT_LEARNING.hints.retype), cover: onOff('--cover', DEFAULT_LEARNING.hints.cover) },
    rejectEverywhere: args.includes('--reject-everywhere') || DEFAULT_LEARNING.rejectEverywhere,
    model: reach === 'off' ? undefined : { reach, margin: Number(value('--margin') ?? base.margin), passes: Number(value('--passes') ?? base.passes) },
    selfCheck: onOff('--self-check', DEFAULT_LEARNING.selfCheck),
    rejections: onOff('--rejections', DEFAULT_LEARNING.rejections),
  };
}

/** Runs the benchmark on one file; returns { base, worst, final }. */
async function runFile(file, args, print) {
  const learning = await loadCore('learning/index.js');
  const { ChunkScorer, chunksFromTags } = await loadCore('ner/conlleval.js');
  const { undecidedSuggestions } = await loadCore('facts.js');
  const options = parseOptions(args, learning.DEFAULT_LEARNING);
  const maxDocs = Number(args[args.indexOf('--max-docs') + 1]) || Infinity;
  const everywhere = args.includes('--accept-everywhere') ? args[args.indexOf('--accept-everywhere') + 1] : 'off';
  const { docs, taught, scored } = splitDocuments(file, chunksFromTags, args.includes('--max-docs') ? maxDocs : Infinity);

  /** Micro-F1 and per-type F1 of a learner on the scored half (and on its parts A and B). */
  const score = (learner) => {
    const all = new ChunkScorer();
    const parts = [new ChunkScorer(), new ChunkScorer()];
    scored.forEach((d, k) => {
      const found = entities(learner.suggest(d.text, d.name)).map((m) => ({ type: TO_CONLL[m.type], start: m.start, end: m.end }));
      all.addChunks(d.gold, found);
      parts[k % 2].addChunks(d.gold, found);
    });
    const r = all.result(SCORED);
    return { micro: r.overall.f1, byType: Object.fromEntries(SCORED.map((t) => [t, r.byType.get(t)?.f1 ?? 0])), a: parts[0].result(SCORED).overall.f1, b: parts[1].result(SCORED).overall.f1 };
  };

  // How many decisions the analyst makes with the base model: the 100 % the checkpoints count in.
  const frozen = new learning.Learner({ ...options, names: false, rejectEverywhere: false, model: undefined });
  let planned = 0;
  for (const doc of taught) work(frozen, doc, undecidedSuggestions, everywhere, () => planned++);

  const t0 = performance.now();
  const learner = new learning.Learner(options);
  const rows = [['base', score(learner)]];
  let made = 0;
  let next = 0;
  for (const doc of taught) {
    work(learner, doc, undecidedSuggestions, everywhere, () => {
      made++;
      while (next < CHECKPOINTS.length && made >= CHECKPOINTS[next] * planned) {
        rows.push([`${Math.round(CHECKPOINTS[next] * 100)} %`, score(learner)]);
        next++;
      }
    });
  }
  while (next < CHECKPOINTS.length) rows.push([`${Math.round(CHECKPOINTS[next++] * 100)} %`, score(learner)]);
  rows.push(['all', score(learner)]);
  const seconds = (performance.now() - t0) / 1000;

  const f = (x) => (100 * x).toFixed(2).padStart(7);
  print(`${path.relative(repoRoot, file) || file}: ${docs.length} documents; the analyst decides the first ${taught.length} (${made} decisions; ${planned} with the base model), the last ${scored.length} are scored`);
  print(`design: ${JSON.stringify(options)}${everywhere === 'off' ? '' : `; Accept Everywhere: ${everywhere}`}`);
  print(`  F1 (exact span)  ${rows.map(([name]) => name.padStart(7)).join('')}`);
  for (const t of SCORED) print(`  ${t.padEnd(16)}${rows.map(([, r]) => f(r.byType[t])).join('')}`);
  print(`  micro PER/ORG/LOC${rows.map(([, r]) => f(r.micro)).join('')}`);
  print(`  part A (tuning)  ${rows.map(([, r]) => f(r.a)).join('')}`);
  print(`  part B (held out)${rows.map(([, r]) => f(r.b)).join('')}`);
  print(`  (${seconds.toFixed(0)} s)`);
  const base = rows[0][1].micro;
  const worst = Math.min(...rows.slice(1).map(([, r]) => r.micro));
  const final = rows[rows.length - 1][1].micro;
  print(`learning: base ${base.toFixed(4)} worst ${worst.toFixed(4)} final ${final.toFixed(4)}`);
  return { base, worst, final };
}

/** `npm run eval -- --learn [--conll FILE]`: one file, or CoNLL-2003 dev and re3d. */
export async function run(args = [], print = console.log) {
  const i = args.indexOf('--conll');
  const files = i >= 0 ? [path.resolve(args[i + 1])] : [defaultDev, defaultRe3d];
  const results = [];
  for (const file of files) {
    try {
      readFileSync(file);
    } catch {
      print(`skipped: ${file} not found (the data lives in ../shared/data, outside the repository)`);
      continue;
    }
    results.push(await runFile(file, args, print));
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
