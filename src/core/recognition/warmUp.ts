/**
 * Work that makes the first article's recognition fast, done while nothing waits (the extension runs
 * it at activation, before any article is open): the entity model decoded, every date rule's regular
 * expression compiled, chrono's dateline reader run once, and the recognisers run over a few texts so
 * that the JavaScript engine compiles their hot paths. A first open otherwise paid for all of it.
 */
import { dateRecognizer, detectDocumentDate } from '../dates';
import { RULES } from '../dates/rules';
import { createEntityRecognizer, shippedEntityModel } from '../ner';
import { commonWords } from '../ner/clusters';
import { RecognitionPipeline } from './pipeline';

/** A short news text that wakes the entity model and most date rules. */
const WARM_UP_TEXT =
  'SEOUL, March 2, 2006 -- Gen. Kim Yong-chol of North Korea met U.S. officials and the United Nations Command at Panmunjeom on Thursday, two weeks after talks in Geneva ended at 3 p.m. last year.';

// Texts the recognisers run over, one per step: names, headlines, numbers and dates of many kinds.
const TEXTS = [
  WARM_UP_TEXT,
  'BRUSSELS 1996-08-22\nEUROPEAN COMMISSION SAYS GERMAN BEEF BAN STILL IN FORCE\nThe European Commission said on Thursday it disagreed with German advice to consumers to shun British lamb until scientists determine whether mad cow disease can be transmitted to sheep.',
  'Shares of Microsoft Corp. rose 3.5 percent to $98 in the third quarter of 1997, the Nasdaq Stock Market said. "We expect growth next year," said John Smith, chief executive of Acme Inc. in New York, on Monday morning.',
  // Encyclopedic text: names defined by their kind, people across particles, a participle opening a sentence.
  'Wola Krzysztoporska is a village in Gmina Wola, Łódź Voivodeship. Born in Warsaw, Ulrich von Jungingen joined the Polish studio Bitforge Games and Pye Records, a label. Kind of Blue is a studio album; the Battle of Grunwald was fought by the River Yare.',
  'The 1957-58 season ended each spring; by the following decade, in the 1960s, the club had played for two hours and 3:07:35 at the time, now and today, during his tenure from 2009-2010, every week since last June.',
];

/**
 * The warm-up, one short step per `next()` (the first, decoding the model, is the longest), so that a
 * host can run it in slices and stop when an article opens.
 */
export function* warmUpSteps(): Generator<void, void, void> {
  shippedEntityModel();
  yield;
  // Compiled on first use, and to machine code on the next (V8's regular-expression tier-up).
  for (let pass = 0; pass < 2; pass++) {
    for (const rule of RULES) {
      for (const text of TEXTS) {
        rule.pattern.lastIndex = 0;
        rule.pattern.exec(text);
      }
      rule.pattern.lastIndex = 0;
    }
    yield;
  }
  // A dateline only chrono reads: its parsers are set up on first use.
  detectDocumentDate('Posted 03/02/2006 10:15\nThe text.');
  yield;
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of TEXTS) {
      new RecognitionPipeline([createEntityRecognizer(), dateRecognizer]).recognize(text, { documentDate: detectDocumentDate(text) });
      yield;
    }
  }
  // The commonest words of English news, in lower case and capitalised, read in sentences of a few
  // words: a new article's words are then mostly known to the tagger (each word's features and scores
  // are worked out on its first sight and kept), and its hot paths have run long enough to be optimised.
  // (A 5 KB article first seen after the warm-up: about 18 ms of CPU before, 4-7 after; see docs/MEASUREMENTS.md.)
  const words = commonWords(WORDS_PER_CLUSTER);
  for (let from = 0; from < words.length; from += WORDS_PER_STEP) {
    const some = words.slice(from, from + WORDS_PER_STEP);
    const text = `${sentences(some)}\n\n${sentences(some.map(capitalised))}`;
    new RecognitionPipeline([createEntityRecognizer(), dateRecognizer]).recognize(text, {});
    yield;
  }
}

/** Words per cluster read by the warm-up: 7,680 words, 15,360 with their capitalised forms (the tagger keeps 30,000). */
const WORDS_PER_CLUSTER = 15;
/** Words (and as many capitalised) per warm-up step: a step of a few milliseconds. */
const WORDS_PER_STEP = 120;

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words as sentences of twelve, each closed by a full stop (as they are: a lower-case word opening one is read in lower case). */
function sentences(words: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 12) out.push(`${words.slice(i, i + 12).join(' ')}.`);
  return out.join(' ');
}

// Rounds over TEXTS: enough for the engine to optimise the tagger's and the date rules' functions.
const ROUNDS = 2;

/** Runs the whole warm-up at once (for tests and benchmarks). */
export function warmUpRecognizers(): void {
  for (const _ of warmUpSteps()) void _;
}
