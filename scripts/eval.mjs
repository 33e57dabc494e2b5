#!/usr/bin/env node
// `npm run eval`: recogniser quality on development data.
//   npm run eval                      entities on ../shared CoNLL-2003 dev, eval/headlines and eval/wiki, dates on ../shared TempEval-3
//   npm run eval -- --conll FILE      entities on another CoNLL file (IOB1 or IOB2)
//   npm run eval -- --timeml DIR      dates on another folder of TimeML files
//   npm run eval -- --learn           the learning benchmark on CoNLL-2003 dev and re3d (or --conll FILE);
//                                     see scripts/eval-learning.mjs for its design options
import { run as runNer } from './eval-ner.mjs';
import { run as runHeadlines } from './eval-headlines.mjs';
import { run as runWiki } from './eval-wiki.mjs';
import { run as runDates } from './eval-dates.mjs';
import { run as runLearning } from './eval-learning.mjs';

const args = process.argv.slice(2);
if (args.includes('--learn')) {
  console.log('# Learning from the analyst (issue 10)');
  await runLearning(args);
} else {
  const onlyConll = args.includes('--conll') && !args.includes('--timeml');
  const onlyTimeml = args.includes('--timeml') && !args.includes('--conll');
  if (!onlyTimeml) {
    console.log('# Entities (conlleval, exact span)');
    await runNer(args);
    if (!onlyConll) {
      console.log('\n# Entities in title-case headlines (eval/headlines, micro-F1 all 4 types, exact span)');
      await runHeadlines(args);
      console.log('\n# Entities in encyclopedic text (eval/wiki, micro-F1, exact span)');
      await runWiki(args);
    }
  }
  if (!onlyConll) {
    console.log('\n# Dates and times (TempEval-3)');
    await runDates(args);
  }
}
