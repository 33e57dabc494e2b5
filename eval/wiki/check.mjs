// Checks eval/wiki/wiki.txt and prints its counts: items, words, and entities per type in each
// half (1-40 development, 41-80 held out).
// Usage: node eval/wiki/check.mjs [FILE]. Exit 1 on any error (listed with its line number).
import { readFileSync } from 'node:fs';
import { afterHeader, parseBrackets, TYPES } from '../lib/labelled.mjs';

const ITEMS = 80;
const DEV = 40;
const MIN_WORDS = 40;
const MAX_WORDS = 100;

const file = process.argv[2] ?? new URL('wiki.txt', import.meta.url);
const lines = readFileSync(file, 'utf8').split('\n');
const errors = [];
const fail = (n, msg) => errors.push(`line ${n}: ${msg}`);

/** The entities of one line and its plain text; reports malformed, unknown, nested and empty brackets. */
function parse(text, n) {
  const parsed = parseBrackets(text, (msg) => fail(n, msg));
  for (const { text: body } of parsed.entities) {
    // A name may start with a lower-case particle ("de Havilland", "al-", "ibn") or letter ("macOS",
    // "iPhone") only if it has a capital somewhere; names in scripts without case (Japanese) pass.
    if (/^\p{Ll}/u.test(body) && !/\p{Lu}/u.test(body)) fail(n, `entity "${body}" starts with a lower-case letter and has no capital`);
  }
  return parsed;
}

let n = afterHeader(lines, fail);

const items = [];
while (n < lines.length) {
  if (lines.slice(n).every((l) => l === '')) break;
  const line = lines[n];
  if (line === '') { fail(n + 1, 'more than one blank line between items'); n++; continue; }
  if (line.startsWith('#')) fail(n + 1, 'comment line after the comment block');
  if (lines[n + 1] !== undefined && lines[n + 1] !== '') fail(n + 2, 'an item is one line followed by a blank line (line break inside an item?)');
  const { entities, plain } = parse(line, n + 1);
  const words = plain.split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS || words > MAX_WORDS) fail(n + 1, `${words} words, expected ${MIN_WORDS}-${MAX_WORDS}`);
  if (!/[.?!]["')]?$/.test(line)) fail(n + 1, 'an item ends with "." "?" or "!"');
  if (line !== line.trim()) fail(n + 1, 'spaces at the start or end of the line');
  items.push({ line: n + 1, entities, words });
  n += 2;
}
lines.forEach((line, i) => {
  if (line.includes('\t')) fail(i + 1, 'tab character');
  if (line.includes('\r')) fail(i + 1, 'carriage return (CRLF line ending)');
});
if (items.length !== ITEMS) errors.push(`${items.length} items, expected ${ITEMS}`);

const halves = [[`development (1-${DEV})`, items.slice(0, DEV)], [`held out (${DEV + 1}-${ITEMS})`, items.slice(DEV)]];
const pad = (s, w) => String(s).padStart(w);
const sizes = items.map((i) => i.words);
console.log(`${items.length} items, ${Math.min(...sizes)}-${Math.max(...sizes)} words each\n`);
console.log(`${'half'.padEnd(20)}${pad('items', 6)}${pad('words', 7)}${TYPES.map((t) => pad(t, 6)).join('')}${pad('all', 6)}`);
for (const [name, half] of [...halves, [`all (1-${ITEMS})`, items]]) {
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0]));
  for (const item of half) for (const e of item.entities) if (e.type in counts) counts[e.type]++;
  const total = TYPES.reduce((s, t) => s + counts[t], 0);
  const words = half.reduce((s, i) => s + i.words, 0);
  console.log(`${name.padEnd(20)}${pad(half.length, 6)}${pad(words, 7)}${TYPES.map((t) => pad(counts[t], 6)).join('')}${pad(total, 6)}`);
}
if (errors.length) {
  console.error(`\n${errors.join('\n')}`);
  process.exit(1);
}
console.log('\nok');
