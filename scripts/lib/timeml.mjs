/**
 * A small reader for TimeML (.tml) files: the plain text of <TEXT> with tags removed and XML
 * entities decoded, the TIMEX3 spans on that plain text, and the document creation time.
 */
import fs from 'node:fs';
import path from 'node:path';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}

/**
 * Parses one TimeML document.
 * @returns {{ id: string, dct: string | undefined, text: string, timexes: { start: number, end: number, type: string, value: string, text: string }[] }}
 */
export function parseTimeML(xml, id = '') {
  const dctTag = /<DCT>[\s\S]*?(<TIMEX3[^>]*>)/.exec(xml);
  const dctValue = dctTag ? attributes(dctTag[1]).value : undefined;
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  if (open < 0 || close < 0) throw new Error(`${id}: no <TEXT> element`);
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const timexes = [];
  const stack = [];
  // walk tags and text runs, building the plain text and recording TIMEX3 offsets on it
  for (const m of body.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      text += decode(m[5]);
      continue;
    }
    if (m[2] !== 'TIMEX3' || m[4]) continue;
    if (!m[1]) stack.push({ start: text.length, attrs: attributes(m[3]) });
    else {
      const t = stack.pop();
      if (!t) throw new Error(`${id}: unbalanced TIMEX3`);
      timexes.push({ start: t.start, end: text.length, type: t.attrs.type, value: t.attrs.value, text: text.slice(t.start, text.length) });
    }
  }
  timexes.sort((a, b) => a.start - b.start);
  return { id, dct: dctValue?.slice(0, 10), text, timexes };
}

/** Every .tml file under `dir`, parsed, in a stable order. */
export function readTimeMLDir(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tml')) files.push(p);
    }
  };
  walk(dir);
  return files.map((f) => parseTimeML(fs.readFileSync(f, 'utf8'), path.relative(dir, f)));
}
