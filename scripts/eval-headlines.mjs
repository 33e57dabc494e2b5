#!/usr/bin/env node
// Scores the entity recogniser on title-case headlines (eval/headlines/headlines.txt: 120 news headlines
// in title case, each with its story's first sentence, labelled by hand in CoNLL-2003 style by a team
// member who had not seen the rules under test; items 1-60 are the development half, 61-120 held out).
// CoNLL-2003 has no title-case headlines, and the web articles analysts save open with one.
//
// Each item is recognised as an article of two paragraphs (headline, blank line, lead) and the
// headline is scored alone (conlleval exact span, micro-F1); also the headline recognised with no lead,
// and the lead itself (which the headline's rules must not cost anything).
//
// Usage: npx tsc -p tsconfig.test.json && node scripts/eval-headlines.mjs [--errors]  (--errors: the development half's)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/conll.mjs';
import { entityScoring, pct, unlabel } from './lib/labelled.mjs';

export const defaultHeadlines = path.join(repoRoot, 'eval/headlines/headlines.txt');
const DEVELOPMENT = 60;

/** The items of the file: { headline, lead } (lead undefined where the file has "-"). */
export function readHeadlines(file = defaultHeadlines) {
  const blocks = readFileSync(file, 'utf8').split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim() && !l.startsWith('#')));
  return blocks.filter((b) => b.length === 2).map(([h, l]) => ({ headline: unlabel(h), lead: l.trim() === '-' ? undefined : unlabel(l) }));
}

/** Runs the evaluation; returns the scores per half (undefined when the file is absent). */
export async function run(args = [], print = console.log) {
  if (!existsSync(defaultHeadlines)) {
    print(`skipped: ${defaultHeadlines} not found`);
    return undefined;
  }
  const { found, ChunkScorer } = await entityScoring();
  const items = readHeadlines();
  const halves = [['development (items 1-60)', items.slice(0, DEVELOPMENT)], ['held out (items 61-120)', items.slice(DEVELOPMENT)]];
  const scores = {};
  for (const [name, set] of halves) {
    const headline = new ChunkScorer();
    const alone = new ChunkScorer();
    const lead = new ChunkScorer();
    for (const { headline: h, lead: l } of set) {
      const offset = h.text.length + 2;
      const all = found(l ? `${h.text}\n\n${l.text}` : h.text);
      const inHeadline = all.filter((m) => m.end <= h.text.length);
      headline.addChunks(h.gold, inHeadline);
      alone.addChunks(h.gold, found(h.text));
      if (l) lead.addChunks(l.gold.map((g) => ({ ...g, start: g.start + offset, end: g.end + offset })), all.filter((m) => m.start >= offset));
      if (args.includes('--errors') && set === halves[0][1]) {
        const show = (chunks) => chunks.map((c) => `[${h.text.slice(c.start, c.end)}]${c.type}`).join(' ');
        if (show(h.gold) !== show(inHeadline)) print(`  ${h.text}\n    gold: ${show(h.gold)}\n    found: ${show(inHeadline)}`);
      }
    }
    const core = ['PER', 'ORG', 'LOC'];
    scores[name] = { headline: headline.result().overall, core: headline.result(core).overall, alone: alone.result().overall, lead: lead.result().overall };
    const s = scores[name];
    print(`  ${name.padEnd(25)} headline ${pct(s.headline)} (PER/ORG/LOC ${pct(s.core)}) | headline without its lead ${pct(s.alone)} | the leads ${pct(s.lead)}`);
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('Title-case headlines (eval/headlines), micro-F1 all 4 types, exact span:');
  await run(process.argv.slice(2));
}
