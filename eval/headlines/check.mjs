// Checks eval/headlines/headlines.txt and prints its counts: items, and entities per type in each
// half (1-60 development, 61-120 held out), headlines and leads apart, since a fix for Title Case
// headlines should be judged on the headlines and must not cost anything on the leads.
// Usage: node eval/headlines/check.mjs [FILE]. Exit 1 on any error (listed with its line number).
import { readFileSync } from 'node:fs';
import { afterHeader, parseBrackets, TYPES } from '../lib/labelled.mjs';

const ITEMS = 120;
const DEV = 60;
// Words a Title Case headline may leave in lower case (AP, NYT and Chicago styles between them).
const SMALL = new Set('a an and as at but by for from in into nor of off on onto or over per so than the to up upon via vs. with yet'.split(' '));
// The short ones that tell the two styles apart: every style capitalises "From" or "Over" somewhere.
const STYLE = new Set('a an and as at but by for in nor of on or the to'.split(' '));

const file = process.argv[2] ?? new URL('headlines.txt', import.meta.url);
const lines = readFileSync(file, 'utf8').split('\n');
const errors = [];
const fail = (n, msg) => errors.push(`line ${n}: ${msg}`);

/** The entities of one line, and its words outside brackets; reports malformed, unknown and nested brackets. */
function parse(text, n) {
  return parseBrackets(text, (msg) => fail(n, msg));
}

/** Lower-case words outside names that Title Case would capitalise. */
function checkTitleCase(outside, n) {
  for (const raw of outside.split(/\s+/)) {
    const word = raw.replace(/^['"(]+|[)'",:;?!.]+$/g, '');
    if (/^[a-z]/.test(word) && !SMALL.has(word.toLowerCase()) && !SMALL.has(raw)) fail(n, `"${word}" is not in Title Case`);
  }
  if (!/^['"]?[A-Z0-9$]/.test(outside)) fail(n, 'headline does not start with a capital');
}

let n = afterHeader(lines, fail);

const items = [];
while (n < lines.length) {
  if (lines[n] === '' && lines.slice(n).every((l) => l === '')) break;
  const [headline, lead, blank] = [lines[n], lines[n + 1], lines[n + 2]];
  if (!headline || headline.startsWith('#')) { fail(n + 1, 'expected a headline'); n++; continue; }
  if (lead === undefined || lead === '') { fail(n + 2, 'expected a lead sentence or "-"'); n += 2; continue; }
  if (blank !== undefined && blank !== '') fail(n + 3, 'expected a blank line after the lead');
  const h = parse(headline, n + 1);
  checkTitleCase(h.outside, n + 1);
  const solo = lead === '-';
  const l = solo ? { entities: [] } : parse(lead, n + 2);
  if (!solo && !/[.?!]["']?$/.test(lead)) fail(n + 2, 'a lead sentence ends with "." "?" or "!"');
  // Which Title Case style: small words capitalised ("Week Of Heavy Rain") or not ("Bank of England").
  // The first word and a word after a colon are capitalised in both styles.
  const small = h.outside.split(/\s+/).filter((w, k, all) => STYLE.has(w.toLowerCase()) && k > 0 && !all[k - 1].endsWith(':'));
  const style = small.length === 0 ? 'either' : small.every((w) => /^[A-Z]/.test(w)) ? 'all' : small.every((w) => /^[a-z]/.test(w)) ? 'lower' : 'mixed';
  // Not an error: a particle is capitalised in both styles ("Modi Sworn In for Second Term").
  items.push({ line: n + 1, headline: h.entities, lead: l.entities, solo, style });
  n += 3;
}
lines.forEach((line, i) => { if (/[^\x20-\x7e]/.test(line)) fail(i + 1, 'not plain printable ASCII'); });
if (items.length !== ITEMS) errors.push(`${items.length} items, expected ${ITEMS}`);

const halves = [['development (1-60)', items.slice(0, DEV)], ['held out (61-120)', items.slice(DEV)]];
const pad = (s, w) => String(s).padStart(w);
console.log(`${items.length} items\n`);
console.log(`${'half'.padEnd(20)}${'part'.padEnd(11)}${TYPES.map((t) => pad(t, 6)).join('')}${pad('all', 6)}`);
for (const [name, half] of halves) {
  for (const part of ['headline', 'lead', 'both']) {
    const counts = Object.fromEntries(TYPES.map((t) => [t, 0]));
    for (const item of half) for (const e of part === 'both' ? [...item.headline, ...item.lead] : item[part]) if (e.type in counts) counts[e.type]++;
    const total = TYPES.reduce((s, t) => s + counts[t], 0);
    console.log(`${name.padEnd(20)}${part.padEnd(11)}${TYPES.map((t) => pad(counts[t], 6)).join('')}${pad(total, 6)}`);
  }
  const styles = (s) => half.filter((i) => i.style === s).length;
  console.log(`${''.padEnd(20)}${half.length} items: ${half.filter((i) => i.solo).length} headline only, ${half.filter((i) => i.headline.length === 0).length} headlines without a name; style: ${styles('all')} every word capitalised, ${styles('lower')} small words lower, ${styles('either')} either, ${styles('mixed')} mixed\n`);
}
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log('ok');
