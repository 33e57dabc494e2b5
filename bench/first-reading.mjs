// One measurement of a first reading, in a process of its own (run by bench/recognition.mjs).
//
//   node bench/first-reading.mjs whole|entities|dates|document-date [--shipped]
//
// The tagger's word caches are the process's (lexemes, their scores), so an article read a second
// time in one process costs a fraction of its first reading. An analyst opens articles never seen:
// this process warms up on the even-numbered articles of ../shared/corpus/news (the engine's
// compilers, and the words those articles share with others), then reads each odd-numbered article
// once and prints the CPU time of that pass as JSON: { bytes, ms, withAfter } (withAfter: with a
// pause of 300 ms after the pass, where the collections it left due run).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { corpusArticles, root } from './corpus.mjs';

const require = createRequire(import.meta.url);
const core = join(root, 'out/src/core');
// --shipped: the core as esbuild bundles it for the extension (bench/core-bundle.mjs), not tsc's modules.
const shipped = process.argv.includes('--shipped') ? require((await import('./core-bundle.mjs')).coreBundle()) : undefined;
const { RecognitionPipeline, defaultRecognizers } = shipped ?? require(join(core, 'recognition/index.js'));
const { detectDocumentDate } = shipped ?? require(join(core, 'dates/index.js'));
const { unsuitableReason } = shipped ?? require(join(core, 'text.js'));
const { Learned, EMPTY_LEXICON } = shipped ?? require(join(core, 'learning/index.js'));

const mode = process.argv[2];
const articles = corpusArticles();
if (!articles) process.exit(2);
const recognizers = defaultRecognizers();
const learned = new Learned(EMPTY_LEXICON, []);
const byName = (name) => recognizers.find((r) => r.name === name);

/** What one article costs in the chosen mode, as the bench's in-process rounds run it. */
const read = {
  whole: (text) => {
    if (unsuitableReason(text, 5e6)) return;
    const context = { documentDate: detectDocumentDate(text) };
    learned.apply(text, new RecognitionPipeline(recognizers).recognize(text, context), context);
  },
  entities: (text) => byName('entities').recognize(text, { documentDate: dateOf.get(text) }),
  dates: (text) => byName('dates').recognize(text, { documentDate: dateOf.get(text) }),
  'document-date': (text) => detectDocumentDate(text),
}[mode];
// A recogniser alone is given the document date worked out beforehand, untimed, as in the bench's rounds.
const dateOf = new Map(mode === 'whole' || mode === 'document-date' ? [] : articles.map((a) => [a, detectDocumentDate(a)]));
if (!read) throw new Error(`unknown mode ${mode}`);

const seen = articles.filter((_, i) => i % 2 === 0);
const unseen = articles.filter((_, i) => i % 2 === 1);
for (let round = 0; round < 8; round++) seen.forEach(read);
const c = process.cpuUsage();
unseen.forEach(read);
const u = process.cpuUsage(c);
// A collection the pass made due but did not force runs as a task after it: the CPU of a short pause
// after the pass counts it too (`withAfter`), so that builds which allocate differently compare
// fairly (speed13 in docs/MEASUREMENTS.md: a change looked 19-23 % faster only by moving it past the end).
await new Promise((resolve) => setTimeout(resolve, 300));
const w = process.cpuUsage(c);
const cpuMs = (x) => (x.user + x.system) / 1000;
console.log(JSON.stringify({ bytes: unseen.reduce((n, a) => n + Buffer.byteLength(a, 'utf8'), 0), ms: cpuMs(u), withAfter: cpuMs(w) }));
