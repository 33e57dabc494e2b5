#!/usr/bin/env node
// `npm run eval`: recogniser quality on development data.
//   npm run eval                      entities on ../shared CoNLL-2003 dev, dates on ../shared TempEval-3
//   npm run eval -- --conll FILE      entities on another CoNLL file (IOB1 or IOB2)
//   npm run eval -- --timeml DIR      dates on another folder of TimeML files
import { run as runNer } from './eval-ner.mjs';
import { run as runDates } from './eval-dates.mjs';

const args = process.argv.slice(2);
const onlyConll = args.includes('--conll') && !args.includes('--timeml');
const onlyTimeml = args.includes('--timeml') && !args.includes('--conll');
if (!onlyTimeml) {
  console.log('# Entities (conlleval, exact span)');
  await runNer(args);
}
if (!onlyConll) {
  console.log('\n# Dates and times (TempEval-3)');
  await runDates(args);
}
