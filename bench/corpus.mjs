// Real text for benchmarks: the articles of ../shared/corpus, repeated to any size (no random words).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = resolve(root, '../shared');
export const SAMPLE = join(shared, 'corpus/korea-generals-2006-03-02.txt');

/** The corpus articles' texts, or undefined (with a message) when ../shared is absent. */
export function corpusArticles() {
  const dir = join(shared, 'corpus/news');
  if (!existsSync(dir)) {
    console.log(`  skipped: ${dir} is absent`);
    return undefined;
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The corpus articles' file names, in the order of {@link corpusArticles}. */
export function corpusNames() {
  return readdirSync(join(shared, 'corpus/news'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** About `bytes` of real article text, articles separated by blank lines. */
export function realText(bytes) {
  const articles = corpusArticles();
  if (!articles) return undefined;
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const a = articles[i % articles.length];
    parts.push(a);
    size += a.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/** CPU seconds used by this process's finished children (Linux /proc; undefined elsewhere). */
export function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}
