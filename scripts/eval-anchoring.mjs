/**
 * Measures re-anchoring after external edits on real articles.
 *
 *   node scripts/eval-anchoring.mjs [--docs N] [--seeds 42,7,1] [--edits 1,10] [--no-word-edits] [--orphans] [--scenario NAME]
 *
 * Scenarios (one table block each, wrong placements counted per scenario): `mixed` (below),
 * `duplicated sentence` (an annotated sentence copied to another place), `partly duplicated sentence`
 * (its first words copied before it), `find and replace` (a word replaced everywhere, next to
 * annotations too) and `branch switch` (paragraphs gone, the sidecar written, then the text back).
 *
 * For each article of ../shared/corpus, annotations are placed on real names and dates, then the
 * text is edited as a person or a tool would outside the editor (typo fixes, sentences and
 * paragraphs inserted and removed, lines re-wrapped, a quoted passage moved, and words rewritten
 * or removed inside a sentence, names among them; --no-word-edits leaves sentences whole), 1 and 10
 * edits at a time (`--edits 50,200`: the churn curve of RELIABILITY-CASES B12), once per seed (three by default: one seed can hide a rare failure). The true new place of every annotation is known from the edits. Re-anchoring runs with
 * the old text, without it, and without it but with the sentence fingerprints a sidecar stores (`sentences stored`:
 * src/core/anchor/sentences.ts; `old text unknown` is then a sidecar without them, written before they existed or by another tool). Printed: % placed exactly (correct), % orphaned and % placed anywhere
 * else (wrong), separately for annotations whose text still exists and for those whose text was
 * deleted (for those, orphaned is correct). Needs the compiled core: `npx tsc -p tsconfig.test.json`.
 * Wrong placements are also counted by scenario, mode and method (which rule placed them). With
 * DUMP_WRONG=FILE (and DUMP_MODE='old text known', 'old text unknown' or 'sentences stored', DUMP_SCENARIO=a scenario's name, DUMP_METHOD=the rule that placed it) the first wrong case is written to FILE as JSON
 * (old text, new text, anchors, id) to replay it alone; with DUMP_WRONG=DIR/ every one, numbered (a branch
 * switch case holds the sidecar first written as `stored` and the shorter text as `short`).
 * DUMP_ORPHANS=DIR/ (with the same DUMP_MODE and DUMP_SCENARIO) writes every orphan whose text survives,
 * numbered, with its stored context and the text now around its true place (find-and-replace cases name
 * their replacements in `kinds`, as "replace-all(old->new)").
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rng } from './lib/rng.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const corpus = path.resolve(repoRoot, '../shared/corpus');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);

if (!fs.existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}
const { reanchor } = require(path.join(repoRoot, 'out/src/core/anchor/index.js'));
const { OffsetMap } = require(path.join(repoRoot, 'out/src/core/offsets.js'));
const { prefixBefore, suffixAfter } = require(path.join(repoRoot, 'out/src/core/anchor/context.js'));

const seedArg = args.includes('--seeds') ? args[args.indexOf('--seeds') + 1] : args.includes('--seed') ? args[args.indexOf('--seed') + 1] : '42,7,1';
const seeds = seedArg.split(',').map(Number);
// How many compounded edits a case has; each count is a row of the table.
const editCounts = args.includes('--edits') ? args[args.indexOf('--edits') + 1].split(',').map(Number) : [1, 10];
let rand = rng(seeds[0]);
// Rewrite or remove words inside sentences, next to and over annotated names: the hardest edits
// for quote-and-context matching, so on unless asked otherwise.
const wordEdits = !args.includes('--no-word-edits');
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// A period that ends no sentence (see sentences()): after a title, initial or short abbreviation
// ("Mr.", "Cie.", "Jan.", "W.", "U.S."). A short name before a full stop ("Bob.") is taken for one
// too; that only joins two sentences into one unit of deletion, which is harmless here.
const NOT_AN_END = /(?:^|[\s("'])(?:[A-Z][a-z]{0,3}|Corp|Capt|Prof|Sept|vs|[A-Za-z]|(?:[A-Za-z]\.)+[A-Za-z])\.$/;
const files = [path.join(corpus, 'korea-generals-2006-03-02.txt'), ...fs.readdirSync(path.join(corpus, 'news')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpus, 'news', f))];
const docs = files.slice(0, opt('--docs', files.length)).map((f) => fs.readFileSync(f, 'utf8'));
// Inserted text comes from other articles: deleting a sentence and inserting the very same one
// at the same place is no change at all, and could not be scored.
const donorsOf = docs.map((d) => sentences(d).map(([a, b]) => d.slice(a, b)).filter((s) => s.length > 40 && s.length < 300));
let donors = [];

/** Names (capitalised word runs, not sentence-initial function words) and dates, as UTF-16 spans. */
function annotationsOf(text) {
  const out = [];
  const re = /\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:, \d{4})?|(?:[A-Z][a-z]+|[A-Z]\.)(?:[ -](?:[A-Z][a-z]+|[A-Z]\.))*|1[89]\d\d)\b/g;
  const stop = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'At', 'As', 'If', 'For']);
  for (let m; (m = re.exec(text)); ) if (!stop.has(m[0]) && m[0].length >= 2) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Sentence spans: up to and including the space after . ! ? A period after a title, an initial or a
 * common abbreviation ("Mr. Lortie", "George W. Bush", "U.S. officials") ends no sentence: a person
 * deleting a sentence never cuts there, and a cut there can leave text that reads the same as a
 * different deletion ("Mr. [Lortie's creation … Mr. ]Lortie's"), which no re-anchoring could tell apart.
 * Unless a line break follows it ("… Goldman, Sachs & Co.\n"): until stop 42 such a "sentence" ran on
 * into the next line, and a copy of it pasted before that line put two copies of the next line's
 * sentence side by side, where no text tells which is the original (the case the spots below avoid).
 */
function sentences(text) {
  const out = [];
  const re = /[^.!?\n]+[.!?]+["')]*\s+/g;
  let start = 0;
  for (let m; (m = re.exec(text)); ) {
    const end = m.index + m[0].length;
    if (NOT_AN_END.test(m[0].trimEnd()) && end < text.length && !m[0].includes('\n')) continue;
    out.push([start, end]);
    start = end;
  }
  return out;
}

function paragraphs(text) {
  const out = [];
  const re = /[^\n]+(?:\n[^\n]+)*\n*/g;
  for (let m; (m = re.exec(text)); ) if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * One random external edit: { edits: [{ from, to, text }] in the old text (non-overlapping),
 * move?: { from, to, at } }. Ranges never cut through an annotation: they cover it or avoid it.
 */
function randomEdit(text, anns, kinds, pasted = new Uint8Array(text.length)) {
  const inside = (p) => anns.some((a) => a.start < p && p < a.end);
  const clean = (a, b) => !inside(a) && !inside(b);
  const kind = pick(kinds);
  if (kind === 'duplicate-sentence' || kind === 'partial-duplicate') {
    // An annotated sentence is copied (whole, pasted elsewhere; or its first words only, as "Kim met
    // X in Y." right before "Kim met X in Y on Monday, officials said.").
    // The annotations belong to the original; the copy is new text.
    const spans = sentences(text).filter(([a, b]) => clean(a, b) && b - a > 30 && anns.some((x) => x.start >= a && x.end <= b));
    if (!spans.length) return undefined;
    const [a, b] = pick(spans);
    let piece = text.slice(a, b);
    if (kind === 'partial-duplicate') {
      const cuts = [...piece.matchAll(/ /g)].map((m) => m.index).filter((i) => i > piece.length * 0.3 && i < piece.length * 0.8 && clean(a + i, a + i));
      if (!cuts.length) return undefined;
      piece = `${piece.slice(0, pick(cuts)).replace(/[,;:]$/, '')}. `;
    } else if (!/\s$/.test(piece)) piece += ' ';
    if (kind === 'partial-duplicate') return { kind, edits: [{ from: a, to: a, text: piece }] };
    // A whole copy is pasted at another sentence end, not next to the original: two identical
    // sentences side by side are the same text whichever of them was pasted, so no truth exists.
    // Nor next to it with only text pasted by earlier edits in between: "A [X] S B" (X pasted)
    // becoming "A [S X] S B" reads as well "A S [X S] B", the original staying after A, which
    // the text cannot tell from it (neither can a diff: both are one insertion of equal length).
    const onlyPasted = (x, y) => pasted.subarray(x, y).every((m) => m === 1);
    const spots = sentences(text).map(([, y]) => y).filter((p) => clean(p, p) && (p < a ? !onlyPasted(p, a) : p > b && !onlyPasted(b, p)));
    if (!spots.length) return undefined;
    const at = pick(spots);
    return { kind, edits: [{ from: at, to: at, text: piece }] };
  }
  if (kind === 'replace-all') {
    // Find and replace over the whole text (an editor's Replace All, `sed s/…/…/g`): a word or
    // abbreviation seen at least twice, never inside an annotation but often right next to one
    // ("U.S. Marine Corps" when "U.S." becomes "American").
    const words = new Map();
    for (const m of text.matchAll(/\b(?:[A-Za-z]\.){2,}|\b[A-Za-z][a-z]{2,}\b/g)) {
      const list = words.get(m[0]) ?? [];
      list.push(m.index);
      words.set(m[0], list);
    }
    const choices = [...words].filter(([w, at]) => at.length >= 2 && at.every((p) => !anns.some((x) => x.start < p + w.length && p < x.end)));
    if (!choices.length) return undefined;
    const [w, at] = pick(choices);
    const by = pick(['American', 'the', 'officials', 'Government', 'said', 'a']);
    return { kind, replaced: [w, by], edits: at.map((p) => ({ from: p, to: p + w.length, text: by })) };
  }
  if (kind === 'edit-words') {
    // One to three words inside a sentence (an annotated name among them, or next to one) are
    // rewritten or removed: "met Karim Ben Salah in Valletta" -> "met reporters in Valletta".
    const tokens = [...text.matchAll(/[A-Za-z][\w'.-]*[\w]|[A-Za-z]/g)].filter((m) => clean(m.index, m.index + m[0].length));
    if (tokens.length < 8) return undefined;
    const i = Math.floor(rand() * (tokens.length - 3));
    const k = 1 + Math.floor(rand() * 3);
    const from = tokens[i].index;
    const to = tokens[i + k - 1].index + tokens[i + k - 1][0].length;
    const piece = text.slice(from, to);
    if (/[\n.!?]/.test(piece.slice(0, -1)) || !clean(from, to)) return undefined;
    const words = pick(donors).match(/\b[a-z]{3,}\b/g) ?? [];
    const n = Math.floor(rand() * 3);
    const replacement = words.slice(0, n).join(' ');
    // A removal takes the space after (or before) the words with it; the text's first words have
    // none before them.
    if (!replacement) return text[to] === ' ' ? { kind, edits: [{ from, to: to + 1, text: '' }] } : { kind, edits: [{ from: Math.max(0, from - 1), to, text: '' }] };
    return { kind, edits: [{ from, to, text: replacement }] };
  }
  if (kind === 'typo') {
    // A misspelt word outside the annotations gets fixed (or a correct one gets a typo).
    const words = [...text.matchAll(/\b[a-z]{5,}\b/g)].filter((m) => !anns.some((a) => a.start < m.index + m[0].length && m.index < a.end));
    if (!words.length) return undefined;
    const w = pick(words);
    const i = 1 + Math.floor(rand() * (w[0].length - 2));
    const fixed = w[0].slice(0, i) + w[0][i + 1] + w[0][i] + w[0].slice(i + 2);
    return { kind, edits: [{ from: w.index, to: w.index + w[0].length, text: fixed }] };
  }
  if (kind === 'insert-sentence' || kind === 'insert-paragraph') {
    const spots = (kind === 'insert-sentence' ? sentences(text) : paragraphs(text)).map(([, b]) => b).filter((p) => clean(p, p));
    if (!spots.length) return undefined;
    const s = pick(donors);
    return { kind, edits: [{ from: pick(spots), to: pick(spots) * 0 + 0, text: '' }].map(() => {
      const at = pick(spots);
      return { from: at, to: at, text: kind === 'insert-sentence' ? s.trimEnd() + ' ' : s.trim() + '\n\n' };
    }) };
  }
  if (kind === 'remove-sentence' || kind === 'remove-paragraph') {
    const spans = (kind === 'remove-sentence' ? sentences(text) : paragraphs(text)).filter(([a, b]) => clean(a, b));
    if (!spans.length) return undefined;
    const [a, b] = pick(spans);
    return { kind, edits: [{ from: a, to: b, text: '' }] };
  }
  if (kind === 'rewrap') {
    // Re-wrap a paragraph at 60 columns, breaking only between annotations.
    const paras = paragraphs(text).filter(([a, b]) => b - a > 80);
    if (!paras.length) return undefined;
    const [a, b] = pick(paras);
    const edits = [];
    let col = 0;
    for (let p = a; p < b; p++) {
      const c = text[p];
      if (c === '\n') {
        if (text[p + 1] !== '\n' && p + 1 < b && text[p - 1] !== '\n' && !inside(p) && !inside(p + 1)) edits.push({ from: p, to: p + 1, text: ' ' });
        col = 0;
      } else if (c === ' ' && col > 60 && !inside(p) && !inside(p + 1)) {
        edits.push({ from: p, to: p + 1, text: '\n' });
        col = 0;
      } else col++;
    }
    return edits.length ? { kind, edits } : undefined;
  }
  // move-quote: a sentence with quotation marks is cut and pasted at another sentence boundary.
  const quoted = sentences(text).filter(([x, y]) => /["“”]/.test(text.slice(x, y)) && clean(x, y));
  const spots = sentences(text).map(([, y]) => y).filter((p) => clean(p, p));
  if (!quoted.length || spots.length < 2) return undefined;
  const [x, y] = pick(quoted);
  const at = pick(spots.filter((p) => p < x || p > y));
  if (at === undefined) return undefined;
  return { kind, move: { from: x, to: y, at } };
}

/**
 * Paragraphs pasted right after themselves, then their FIRST copies edited: a typo fixed and/or a
 * word changed near a name. In two steps, as a person does it: the paste in the editor (the
 * annotations stay on the first copy, and the sidecar is written with their context there), the
 * edit later, outside it. The second copy, unedited, now carries the stored context exactly.
 * Returns the text in between (`mid`, where the anchors are stored), the edited one and the truth.
 */
function pastedParagraphs(text, anns, n) {
  const choices = paragraphs(text).filter(([a, b]) => b - a > 80 && anns.some((x) => x.start >= a && x.end <= b));
  const chosen = [];
  for (let k = 0; k < n && choices.length; k++) chosen.push(choices.splice(Math.floor(rand() * choices.length), 1)[0]);
  if (!chosen.length) return undefined;
  chosen.sort((x, y) => x[0] - y[0]);
  // (The last paragraph may end without a blank line: its copy then starts with one.)
  const copyOf = (piece) => (/\n\n$/.test(piece) ? piece : (piece.endsWith('\n') ? '\n' : '\n\n') + piece);
  const r1 = apply(text, anns, { edits: chosen.map(([a, b]) => ({ from: b, to: b, text: copyOf(text.slice(a, b)) })) });
  const mid = r1.newText;
  const midAnns = r1.truth;
  const free = (from, to) => !midAnns.some((x) => x.start < to && from < x.end);
  const edits = [];
  let shift = 0;
  for (const [a0, b0] of chosen) {
    const a = a0 + shift;
    const b = b0 + shift;
    shift += copyOf(text.slice(a0, b0)).length;
    const inPara = midAnns.filter((x) => x.start >= a && x.end <= b);
    const words = [...mid.slice(a, b).matchAll(/\b[a-z]{3,}\b/g)].map((m) => ({ at: a + m.index, w: m[0] })).filter((x) => free(x.at, x.at + x.w.length));
    const mine = [];
    const clash = (x) => mine.some((e) => e.from <= x.at + x.w.length && x.at <= e.to);
    for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) {
      if (rand() < 0.5) {
        // A typo fixed (two letters swapped) in a word of five letters or more.
        const long = words.filter((x) => x.w.length >= 5 && !clash(x));
        if (!long.length) continue;
        const { at, w } = pick(long);
        const i = 1 + Math.floor(rand() * (w.length - 2));
        if (w[i] !== w[i + 1]) mine.push({ from: at, to: at + w.length, text: w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) });
      } else {
        // A word within a few characters of a name changed for another.
        const near = words.filter((x) => !clash(x) && inPara.some((y) => Math.abs(x.at - y.end) < 24 || Math.abs(y.start - x.at - x.w.length) < 24));
        if (!near.length) continue;
        const { at, w } = pick(near);
        const by = pick(pick(donors).match(/\b[a-z]{3,}\b/g) ?? ['new']);
        if (by !== w) mine.push({ from: at, to: at + w.length, text: by });
      }
    }
    edits.push(...mine);
  }
  if (!edits.length) return undefined;
  const r2 = apply(mid, midAnns, { edits });
  return { mid, midAnns, cur: r2.newText, truth: r2.truth };
}

/** The mask of pasted characters (1) after an edit: its inserted text is pasted, a moved piece keeps its own. */
function pastedAfter(mask, edit) {
  const join = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
    let k = 0;
    for (const x of parts) out.set(x, (k += x.length) - x.length);
    return out;
  };
  if (edit.move) {
    const { from, to, at } = edit.move;
    const piece = mask.subarray(from, to);
    return at < from ? join(mask.subarray(0, at), piece, mask.subarray(at, from), mask.subarray(to)) : join(mask.subarray(0, from), mask.subarray(to, at), piece, mask.subarray(at));
  }
  let out = mask;
  for (const e of [...edit.edits].sort((x, y) => y.from - x.from)) out = join(out.subarray(0, e.from), new Uint8Array(e.text.length).fill(1), out.subarray(e.to));
  return out;
}

/** Apply edits to the text and compute where each annotation truly went (undefined: deleted). */
function apply(text, anns, edit) {
  if (edit.move) {
    const { from, to, at } = edit.move;
    const piece = text.slice(from, to);
    const newText = at < from ? text.slice(0, at) + piece + text.slice(at, from) + text.slice(to) : text.slice(0, from) + text.slice(to, at) + piece + text.slice(at);
    const map = (p, isEnd) => {
      if (p >= from && (isEnd ? p <= to : p < to)) return at < from ? at + (p - from) : at - (to - from) + (p - from);
      if (at < from) return p >= at && p < from ? p + (to - from) : p;
      return p >= to && p < at ? p - (to - from) : p;
    };
    return { newText, truth: anns.map((a) => ({ start: map(a.start, false), end: map(a.start, false) + (a.end - a.start) })) };
  }
  const edits = [...edit.edits].sort((a, b) => b.from - a.from);
  let newText = text;
  for (const e of edits) newText = newText.slice(0, e.from) + e.text + newText.slice(e.to);
  const asc = [...edit.edits].sort((a, b) => a.from - b.from);
  const truth = anns.map((a) => {
    let shift = 0;
    for (const e of asc) {
      if (e.to <= a.start && !(e.from === e.to && e.from === a.start && false)) shift += e.text.length - (e.to - e.from);
      else if (e.from <= a.start && a.end <= e.to && e.to > e.from) return undefined;
    }
    return { start: a.start + shift, end: a.end + shift };
  });
  return { newText, truth };
}

const modes = [
  ['old text known', true],
  ['old text unknown', false],
  ['sentences stored', 'sentences'],
];
// The edits of each scenario. `mixed` is what a person or a tool does in general; the others take
// one hard case each. `branch switch` is run separately (see below).
const MIXED = ['typo', 'typo', 'insert-sentence', 'remove-sentence', 'insert-paragraph', 'remove-paragraph', 'rewrap', 'move-quote', ...(wordEdits ? ['edit-words', 'edit-words'] : [])];
const SCENARIOS = [
  ['mixed', MIXED],
  ['duplicated sentence', ['duplicate-sentence']],
  ['partly duplicated sentence', ['partial-duplicate']],
  ['find and replace', ['replace-all']],
  ['paragraph pasted after itself', ['paragraph-pasted-after-itself']],
].filter(([name]) => !args.includes('--scenario') || args[args.indexOf('--scenario') + 1] === name);
const sidecar = require(path.join(repoRoot, 'out/src/core/sidecar/index.js'));
const fingerprints = require(path.join(repoRoot, 'out/src/core/anchor/sentences.js'));
const wrongByScenario = new Map();
const wrongByMethod = new Map();
const table = {};
const add = (key, field) => {
  table[key] ??= { exists: 0, correct: 0, orphan: 0, wrong: 0, deleted: 0, delOrphan: 0, delWrong: 0 };
  table[key][field]++;
};
const wrongExamples = [];
// Wrong cases saved so far (see dumpWrong).
let dumped = 0;
let orphansDumped = 0;
const orphanExamples = [];
let ms = 0;

const wrongBySeed = new Map();
// Cases whose sentence fingerprints were not used (too much of the old text unknown), by scenario.
const refused = new Map();
for (const seed of seeds) {
  rand = rng(seed);
  wrongBySeed.set(seed, 0);
  for (const [d, text] of docs.entries()) {
    // ...nor text the article already has (wire stories repeat paragraphs across articles): a
    // deleted paragraph "inserted" again is a move, which the truth here would call a deletion.
    donors = donorsOf.filter((_, k) => k !== d).flat().filter((s) => ![0, 0.5, 1].some((f) => text.includes(s.slice(Math.floor(f * (s.length - 24)), Math.floor(f * (s.length - 24)) + 24))));
    const anns = annotationsOf(text);
    if (anns.length < 3) continue;
    const map = new OffsetMap(text);
    // Stored as in the sidecar: code points, quote, 32-code-point context.
    const stored = anns.map((a, i) => ({ id: `a${i}`, start: map.toCodePoint(a.start), end: map.toCodePoint(a.end), quote: text.slice(a.start, a.end), prefix: prefixBefore(text, a.start), suffix: suffixAfter(text, a.end) }));
    for (const [scenario, scenarioKinds] of SCENARIOS)
    for (const n of editCounts) {
      // n successive edits; truth is carried through each of them.
      let cur = text;
      // Which characters of cur were pasted (inserted) by the edits so far.
      let pasted = new Uint8Array(text.length);
      let truth = anns.map((a) => ({ ...a }));
      const kinds = [];
      // The text and the anchors re-anchoring starts from: the article, unless the scenario stores
      // them on a text in between (pastedParagraphs).
      let base = text;
      let baseStored = stored;
      if (scenarioKinds[0] === 'paragraph-pasted-after-itself') {
        // (With a random stream of its own: the other scenarios' cases stay what they were before it was added.)
        const shared = rand;
        rand = rng(seed * 7919 + d * 31 + n);
        const r = pastedParagraphs(text, anns, n);
        rand = shared;
        if (!r) continue;
        const midMap = new OffsetMap(r.mid);
        base = r.mid;
        baseStored = r.midAnns.map((a, i) => ({ id: `a${i}`, start: midMap.toCodePoint(a.start), end: midMap.toCodePoint(a.end), quote: r.mid.slice(a.start, a.end), prefix: prefixBefore(r.mid, a.start), suffix: suffixAfter(r.mid, a.end) }));
        cur = r.cur;
        truth = r.truth;
        kinds.push(scenarioKinds[0]);
      }
      for (let k = 0; k < n && base === text; k++) {
        const live = truth.filter(Boolean);
        const e = randomEdit(cur, live, scenarioKinds, pasted);
        if (!e) continue;
        kinds.push(e.replaced ? `${e.kind}(${e.replaced.join('->')})` : e.kind);
        const r = apply(cur, live, e);
        // Edits never touch an annotation's own text: where it truly went, its quote is.
        live.forEach((a, j) => {
          const t = r.truth[j];
          if (t && r.newText.slice(t.start, t.end) !== cur.slice(a.start, a.end)) throw new Error(`eval bug: ${e.kind} put the truth of ${JSON.stringify(cur.slice(a.start, a.end))} on ${JSON.stringify(r.newText.slice(t.start, t.end))}`);
        });
        let j = 0;
        truth = truth.map((t) => (t ? r.truth[j++] : undefined));
        cur = r.newText;
        pasted = pastedAfter(pasted, e);
      }
      for (const [mode, known] of modes) {
        const t0 = process.hrtime.bigint();
        // (A list refused, as load.ts does: re-anchoring without the old text. Counted.)
        const bySentences = known === 'sentences' ? fingerprints.reanchorBySentences(fingerprints.sentenceFingerprints(base), cur, baseStored) : undefined;
        if (known === 'sentences' && !bySentences) refused.set(scenario, (refused.get(scenario) ?? 0) + 1);
        const res = bySentences ?? reanchor(known === true ? base : undefined, cur, baseStored);

        ms += Number(process.hrtime.bigint() - t0) / 1e6;
        const placed = new Map(res.placed.map((p) => [p.id, p]));
        baseStored.forEach((s, i) => {
          const want = truth[i];
          const got = placed.get(s.id);
          const keys = [`${scenario} | ${mode} | ${n} edit${n > 1 ? 's' : ''}`, `${scenario} | ${mode} | all`];
          for (const key of keys) {
            if (want) {
              add(key, 'exists');
              if (got && got.start === want.start && got.end === want.end) add(key, 'correct');
              else if (!got) add(key, 'orphan');
              else add(key, 'wrong');
            } else {
              add(key, 'deleted');
              add(key, got ? 'delWrong' : 'delOrphan');
            }
          }
          if (!got && want && orphanExamples.length < 6 && args.includes('--orphans')) {
            const o = res.orphans.find((x) => x.id === s.id);
            orphanExamples.push({ doc: d, mode, n, quote: s.quote, reason: o.reason, best: o.best && [o.best.start, o.best.end, o.best.score.toFixed(2)], want: [want.start, want.end], there: cur.slice(want.start - 30, want.end + 30), before: s.prefix + '[' + s.quote + ']' + s.suffix });
          }
          if (!got && want && process.env.DUMP_ORPHANS && (!process.env.DUMP_MODE || process.env.DUMP_MODE === mode) && (!process.env.DUMP_SCENARIO || process.env.DUMP_SCENARIO === scenario)) {
            const o = res.orphans.find((x) => x.id === s.id);
            dumpOrphan({ old: base, cur, stored: baseStored, id: s.id, known, want, scenario, seed, doc: d, n, kinds, reason: o.reason, best: o.best, quote: s.quote, before: s.prefix + '[' + s.quote + ']' + s.suffix, now: cur.slice(want.start - 32, want.start) + '[' + s.quote + ']' + cur.slice(want.end, want.end + 32) });
          }
          const wrong = got && (!want || got.start !== want.start || got.end !== want.end);
          if (wrong) wrongBySeed.set(seed, wrongBySeed.get(seed) + 1);
          if (wrong) wrongByScenario.set(scenario, (wrongByScenario.get(scenario) ?? 0) + 1);
          if (wrong) { const k = `${scenario} | ${mode} | ${got.method}`; wrongByMethod.set(k, (wrongByMethod.get(k) ?? 0) + 1); }
          if (wrong && process.env.DUMP_WRONG && (!process.env.DUMP_MODE || process.env.DUMP_MODE === mode) && (!process.env.DUMP_SCENARIO || process.env.DUMP_SCENARIO === scenario) && (!process.env.DUMP_METHOD || process.env.DUMP_METHOD === got.method)) dumpWrong({ old: base, cur, stored: baseStored, id: s.id, known, want, scenario, seed, doc: d, n, method: got.method });
          if (wrong && wrongExamples.length < 10) {
            wrongExamples.push({ scenario, seed, doc: d, mode, n, kinds: kinds.join(','), quote: s.quote, method: got.method, want, got: [got.start, got.end], there: cur.slice(got.start - 20, got.end + 20), was: s.prefix.slice(-20) + '[' + s.quote + ']' + s.suffix.slice(0, 20) });
          }
        });
      }
    }
    if (!args.includes('--scenario') || args[args.indexOf('--scenario') + 1] === 'branch switch') branchSwitch(seed, d, text, anns);
  }

}

/**
 * Saves a wrong case to replay it alone: the first one to DUMP_WRONG=FILE, or every one, numbered,
 * into DUMP_WRONG=DIR/ (a name ending in a slash).
 */
function dumpWrong(c) {
  const to = process.env.DUMP_WRONG;
  if (!to.endsWith('/')) {
    if (!fs.existsSync(to)) fs.writeFileSync(to, JSON.stringify(c));
    return;
  }
  fs.mkdirSync(to, { recursive: true });
  dumped++;
  fs.writeFileSync(path.join(to, `${String(dumped).padStart(4, '0')}.json`), JSON.stringify(c));
}

/** Saves every orphan whose text survives into DUMP_ORPHANS=DIR/, numbered (DUMP_MODE and DUMP_SCENARIO filter as for DUMP_WRONG). */
function dumpOrphan(c) {
  const to = process.env.DUMP_ORPHANS;
  fs.mkdirSync(to, { recursive: true });
  orphansDumped++;
  fs.writeFileSync(path.join(to, `${String(orphansDumped).padStart(4, '0')}.json`), JSON.stringify(c));
}

/**
 * Branch switch: the article on a branch where paragraphs are missing (or a torn read during a
 * save), the sidecar written there, then the full article back. Runs through the sidecar as the
 * extension and `annotate` do (load, write back with orphans, load again). Truth: every annotation
 * back at its place.
 */
function branchSwitch(seed, d, text, anns) {
  const paras = paragraphs(text);
  if (paras.length < 3) return;
  const drop = new Set(paras.map((_, i) => i).filter(() => rand() < 0.4));
  if (drop.size === 0 || drop.size === paras.length) return;
  const short = paras.filter((_, i) => !drop.has(i)).map(([a, b]) => text.slice(a, b)).join('');
  const document = { path: 'a.txt', annotations: anns.map((a, i) => ({ id: `a${i}`, type: 'MISC', status: 'confirmed', start: a.start, end: a.end, text: text.slice(a.start, a.end) })), facts: [] };
  const first = sidecar.updateSidecar(undefined, { document, text });
  for (const [mode, known] of modes) {
    const t0 = process.hrtime.bigint();
    // Sidecars hold their text's sentence fingerprints: with the old text unknown, a sidecar
    // without them (written before they existed, or by another tool).
    const read = (yamlText) => {
      const doc = sidecar.parseSidecar(yamlText).doc;
      if (known === false) delete doc.document.sentences;
      return doc;
    };
    const onShort = sidecar.loadAnnotations(read(first), short, known === true ? text : undefined);
    const written = sidecar.updateSidecar(first, { document: onShort.document, text: short, orphans: onShort.orphans });
    const back = sidecar.loadAnnotations(read(written), text, known === true ? short : undefined);
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    const byId = new Map(back.document.annotations.map((a) => [a.id, a]));
    anns.forEach((want, i) => {
      const id = `a${i}`;
      const got = back.orphans.has(id) ? undefined : byId.get(id);
      const key = `branch switch | ${mode} | shorter, then back`;
      add(key, 'exists');
      if (got && got.start === want.start && got.end === want.end) add(key, 'correct');
      else if (!got) add(key, 'orphan');
      else {
        add(key, 'wrong');
        wrongBySeed.set(seed, wrongBySeed.get(seed) + 1);
        wrongByScenario.set('branch switch', (wrongByScenario.get('branch switch') ?? 0) + 1);
        if (process.env.DUMP_WRONG && (!process.env.DUMP_MODE || process.env.DUMP_MODE === mode) && (!process.env.DUMP_SCENARIO || process.env.DUMP_SCENARIO === 'branch switch')) dumpWrong({ old: known === true ? text : undefined, cur: text, short, stored: first, id, known, want, scenario: 'branch switch', seed, doc: d });
        if (wrongExamples.length < 10) wrongExamples.push({ scenario: "branch switch", seed, doc: d, mode, quote: text.slice(want.start, want.end), want: [want.start, want.end], got: [got.start, got.end], onShort: onShort.placements.find((p) => p.id === id) ?? "orphan", there: text.slice(got.start - 30, got.end + 30), was: text.slice(want.start - 30, want.end + 30) });
      }
    });
  }
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) + ' %' : '-');
console.log(`Re-anchoring after external edits: ${docs.length} real articles, annotations on names and dates; seeds ${seeds.join(', ')}${wordEdits ? '' : ', sentences left whole'}`);
console.log('');
console.log('| scenario | mode | edits | text still exists: n | correct | orphaned | wrong | text deleted: n | orphaned (correct) | wrong |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
const order = ['mixed', 'duplicated sentence', 'partly duplicated sentence', 'find and replace', 'paragraph pasted after itself', 'branch switch'];
for (const [key, r] of Object.entries(table).sort(([a], [b]) => order.indexOf(a.split(' | ')[0]) - order.indexOf(b.split(' | ')[0]) || (a < b ? -1 : 1))) {
  const [scenario, mode, n] = key.split(' | ');
  console.log(`| ${scenario} | ${mode} | ${n} | ${r.exists} | ${pct(r.correct, r.exists)} | ${pct(r.orphan, r.exists)} | ${pct(r.wrong, r.exists)} | ${r.deleted} | ${pct(r.delOrphan, r.deleted)} | ${pct(r.delWrong, r.deleted)} |`);
}
console.log('');
console.log(`wrong placements per scenario: ${order.filter((x) => Object.keys(table).some((k) => k.startsWith(`${x} |`))).map((x) => `${x}: ${wrongByScenario.get(x) ?? 0}`).join(', ')}`);
console.log(`wrong placements by scenario, mode and method: ${[...wrongByMethod].map(([k, n]) => `${k}: ${n}`).join('; ')}`);
console.log(`wrong placements per seed: ${[...wrongBySeed].map(([s, n]) => `${s}: ${n}`).join(', ')}`);
console.log(`sentence fingerprints not used (too much of the old text unknown), cases per scenario: ${[...refused].map(([s, n]) => `${s}: ${n}`).join(", ") || "none"}`);
console.log(`re-anchoring time: ${ms.toFixed(0)} ms in all`);
for (const o of orphanExamples) console.log('orphan:', JSON.stringify(o));
if (wrongExamples.length) {
  console.log('\nfirst wrong placements:');
  for (const w of wrongExamples) console.log(JSON.stringify(w));
}
