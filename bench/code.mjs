// The five biggest files of src/, by lines (issue 13 asks for no file over about 400 lines, generated
// data aside): a newcomer's check that the layout stays small, printed with the other figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|cts)$/.test(name)) yield path;
  }
}

export async function run() {
  const files = [...sourceFiles(join(root, 'src'))].map((path) => {
    const text = readFileSync(path, 'utf8');
    return { path: relative(root, path), lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), bytes: Buffer.byteLength(text) };
  });
  files.sort((a, b) => b.lines - a.lines);
  const over = files.filter((f) => f.lines > 400).length;
  console.log(`  ${files.length} source files in src/; ${over} over 400 lines`);
  console.log(`  five biggest: ${files.slice(0, 5).map((f) => `${f.path} ${f.lines} lines`).join(', ')}`);
  // Generated data can be megabytes in a few lines: counted by size, it is not missed. The entity model
  // lives in model/, out of src (ARCHITECTURE.md), and is listed apart.
  const heavy = files.filter((f) => f.bytes > 100_000).sort((a, b) => b.bytes - a.bytes);
  console.log(`  over 100 KB: ${heavy.map((f) => `${f.path} ${(f.bytes / 1e6).toFixed(2)} MB`).join(', ') || 'none'}`);
  const model = [...sourceFiles(join(root, 'model'))].map((path) => `${relative(root, path)} ${(statSync(path).size / 1e6).toFixed(2)} MB`);
  console.log(`  generated data in model/: ${model.join(', ') || 'none'}`);
}
