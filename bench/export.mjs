// Export speed: 1,000 annotated articles (the shared corpus repeated, annotations on capitalised words and
// years) to every format, then the importers on their own output. Prints MB/s of output and total seconds
// per format; target ≥ 50 MB/s or ≤ 2 s per format. Needs the compiled core: `npx tsc -p tsconfig.test.json`.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const ARTICLES = 1000;
const TYPES = ['PERSON', 'ORGANIZATION', 'PLACE'];

function corpusTexts() {
  const corpus = path.resolve(repoRoot, '../shared/corpus');
  if (!fs.existsSync(corpus)) return undefined;
  const files = [path.join(corpus, 'korea-generals-2006-03-02.txt'), ...fs.readdirSync(path.join(corpus, 'news')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpus, 'news', f))];
  return files.filter((f) => fs.existsSync(f)).map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}

/** One annotated article: capitalised words get an entity type, years a DATE with a value; a fact per ten. */
function annotate(text, name, n) {
  const annotations = [];
  for (const m of text.matchAll(/\b(?:1[89]\d\d|20\d\d)\b|\b\p{Lu}\p{Ll}+\b/gu)) {
    const year = /^\d/.test(m[0]);
    const i = annotations.length;
    annotations.push({
      id: `a${i + 1}`,
      type: year ? 'DATE' : TYPES[m[0].length % 3],
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      status: i % 7 === 6 ? 'suggested' : 'confirmed',
      ...(year ? { value: m[0] } : {}),
      ...(i % 5 === 0 ? { kb: `Q${100 + i}` } : {}),
      ...(i % 11 === 0 ? { note: `checked, "${m[0]}" | ok` } : {}),
    });
  }
  const facts = [];
  for (let i = 0; i + 2 < annotations.length; i += 10) {
    const group = annotations.slice(i, i + 3);
    const start = group[0].start;
    const end = group[group.length - 1].end;
    facts.push({ id: `f${facts.length + 1}`, label: 'Statement', start, end, text: text.slice(start, end), entities: group.map((a) => a.id), date: '1998-01-08' });
  }
  const docName = `news/${String(n).padStart(4, '0')}-${name}`;
  return { text, name: docName, doc: { path: docName, annotations, facts } };
}

export async function run() {
  const exportLib = require(path.join(repoRoot, 'out/src/core/export/index.js'));
  const texts = corpusTexts();
  if (!texts) {
    console.log('export bench: ../shared/corpus not found; skipped');
    return;
  }
  const docs = Array.from({ length: ARTICLES }, (_, i) => annotate(texts[i % texts.length].text, texts[i % texts.length].name, i));
  const inputMB = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  const annotationCount = docs.reduce((s, d) => s + d.doc.annotations.length, 0);
  console.log(`export bench: ${ARTICLES} articles, ${inputMB.toFixed(1)} MB of text, ${annotationCount} annotations`);
  const rows = [];
  for (const format of exportLib.exportFormats) {
    format.export(docs.slice(0, 20)); // warm up
    const t0 = performance.now();
    const result = format.export(docs);
    const seconds = (performance.now() - t0) / 1000;
    const mb = result.files.reduce((s, f) => s + Buffer.byteLength(f.content), 0) / 1e6;
    const ok = mb / seconds >= 50 || seconds <= 2;
    rows.push({ format: format.id, files: result.files.length, 'output MB': +mb.toFixed(1), seconds: +seconds.toFixed(2), 'MB/s': +(mb / seconds).toFixed(0), target: ok ? 'met' : 'MISSED' });
  }
  console.table(rows);

  // importers on their own output, document by document (what the import command does)
  const imports = [];
  const one = {
    brat: (d) => exportLib.toBratAnn(d),
    w3c: (d) => JSON.stringify(exportLib.toW3cCollection([d])),
    doccano: (d) => exportLib.toDoccanoLine(d),
  };
  for (const format of exportLib.importFormats) {
    const contents = docs.map((d) => one[format.id](d));
    const t0 = performance.now();
    let count = 0;
    docs.forEach((d, i) => (count += format.import(contents[i], d.text).annotations.length));
    const seconds = (performance.now() - t0) / 1000;
    const mb = contents.reduce((s, c) => s + Buffer.byteLength(c), 0) / 1e6;
    imports.push({ format: format.id, annotations: count, 'input MB': +mb.toFixed(1), seconds: +seconds.toFixed(2), 'MB/s': +(mb / seconds).toFixed(0) });
  }
  console.table(imports);
  return { exports: rows, imports };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
