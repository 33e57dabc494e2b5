#!/usr/bin/env node
// Scores the entity recogniser on encyclopedic text (eval/wiki/wiki.txt: 80 paragraphs in the style of
// a Wikipedia article's opening, labelled by hand in CoNLL-2003 style by a team member who had not seen
// the rules under test; items 1-40 are the development half, 41-80 held out). Issue 14 measured the
// tagger at 0.59 on Wikipedia text outside the project; this file makes that kind of text measurable here.
//
// Each item is recognised as an article of one paragraph and scored with conlleval's exact spans
// (micro-F1, all 4 types and per type).
//
// Usage: npx tsc -p tsconfig.test.json && node scripts/eval-wiki.mjs [--errors]  (--errors: the development half's)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/conll.mjs';
import { entityScoring, pct, unlabel } from './lib/labelled.mjs';

export const defaultWiki = path.join(repoRoot, 'eval/wiki/wiki.txt');
const DEVELOPMENT = 40;
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

/** The items of the file, each { text, gold }. */
export function readWiki(file = defaultWiki) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map(unlabel);
}

/** Runs the evaluation; returns the scores per half (undefined when the file is absent). */
export async function run(args = [], print = console.log) {
  if (!existsSync(defaultWiki)) {
    print(`skipped: ${defaultWiki} not found`);
    return undefined;
  }
  const { found, ChunkScorer } = await entityScoring();
  const items = readWiki();
  const halves = [['development (items 1-40)', items.slice(0, DEVELOPMENT)], ['held out (items 41-80)', items.slice(DEVELOPMENT)]];
  const scores = {};
  for (const [name, set] of halves) {
    const scorer = new ChunkScorer();
    for (const { text, gold } of set) {
      const mine = found(text);
      scorer.addChunks(gold, mine);
      if (args.includes('--errors') && set === halves[0][1]) {
        const show = (chunks) => {
          let out = '';
          let last = 0;
          for (const c of chunks) {
            out += text.slice(last, c.start) + `[${c.type} ${text.slice(c.start, c.end)}]`;
            last = c.end;
          }
          return out + text.slice(last);
        };
        const key = (cs) => cs.map((c) => `${c.type}${c.start}:${c.end}`).join();
        if (key(gold) !== key(mine)) print(`  gold:  ${show(gold)}\n  found: ${show(mine)}\n`);
      }
    }
    const { overall, byType } = scorer.result();
    scores[name] = { all: overall, core: scorer.result(['PER', 'ORG', 'LOC']).overall, byType: Object.fromEntries(byType) };
    const perType = TYPES.map((t) => `${t} ${pct(byType.get(t) ?? { f1: 0 })}`).join(' ');
    print(`  ${name.padEnd(25)} all 4 ${pct(overall)} (PER/ORG/LOC ${pct(scores[name].core)}) | ${perType}`);
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('Encyclopedic text (eval/wiki), micro-F1, exact span:');
  await run(process.argv.slice(2));
}
