/**
 * A fast reader for the layout Factmark itself writes (and the usual hand edits of it): block
 * maps and lists of `key: value` lines with plain, quoted or flow-list values and comments. It
 * builds either plain data (for loading: no yaml nodes at all) or the same yaml nodes, with the
 * same ranges, that the yaml parser would (for the lossless writer). On anything outside that
 * narrow layout it returns undefined and the caller uses the full yaml parser, which also
 * produces all diagnostics.
 */

import type { YAMLMap } from 'yaml';
import { STEP, runAll, type Steps } from '../slices';
import { DATA, indexed, NODES, Unsupported, type Builder, type Line, type Spans } from './fastreadBuild';

export type { Spans } from './fastreadBuild';

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const PLAIN_BAD_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

/**
 * Most keys in one mapping this reader reads (Factmark writes about a dozen): more goes to the
 * full path, whose check before parsing refuses the file (each key is compared with those before it).
 */
const MAX_KEYS = 1000;

/** The root map of a sidecar in Factmark's layout, or undefined when the full parser is needed. */
export function fastRead(text: string): YAMLMap | undefined {
  return read(text, NODES) as YAMLMap | undefined;
}

/**
 * The data of a sidecar in Factmark's layout (what converting the yaml nodes would give), or
 * undefined when the full parser is needed. Builds no yaml nodes: loading a large sidecar costs
 * a fraction of {@link fastRead}.
 */
export function fastReadData(text: string): Record<string, unknown> | undefined {
  return read(text, DATA) as Record<string, unknown> | undefined;
}

/** {@link fastReadData} plus where every map's keys and values are in the text. */
export function fastReadIndexed(text: string): { data: Record<string, unknown>; spans: Spans } | undefined {
  return runAll(fastReadIndexedSteps(text));
}

/** {@link fastReadIndexed} in steps (a large sidecar's write reads it back in slices). */
export function* fastReadIndexedSteps(text: string): Steps<{ data: Record<string, unknown>; spans: Spans } | undefined> {
  const spans: Spans = new Map();
  const data = (yield* readSteps(text, indexed(spans))) as Record<string, unknown> | undefined;
  return data && { data, spans };
}

function read<V>(text: string, b: Builder<V>): V | undefined {
  return runAll(readSteps(text, b));
}

function* readSteps<V>(text: string, b: Builder<V>): Steps<V | undefined> {
  try {
    return yield* readRoot(text, b);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/**
 * The significant lines of a text, read one at a time: each is dropped as soon as the structure
 * above has used it, so that a large file does not keep a hundred thousand of them alive.
 */
class LineReader<V> {
  private pos: number;
  private current: Line<V> | undefined;

  constructor(
    private readonly text: string,
    private readonly b: Builder<V>,
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.current = this.read();
  }

  /** The next line, not consumed. */
  peek(): Line<V> | undefined {
    return this.current;
  }

  /** The next line, consumed. */
  take(): Line<V> {
    const line = this.current!;
    this.current = this.read();
    return line;
  }

  private read(): Line<V> | undefined {
    const text = this.text;
    while (this.pos < text.length) {
      let nl = text.indexOf('\n', this.pos);
      if (nl < 0) nl = text.length;
      let end = nl;
      if (text.charCodeAt(end - 1) === 13) end--;
      const line = readLine(text, this.pos, end, Math.min(nl + 1, text.length), this.b);
      this.pos = nl + 1;
      if (line) return line;
    }
    return undefined;
  }
}

function* readRoot<V>(text: string, b: Builder<V>): Steps<V> {
  // A lone CR is a line break to YAML; this reader splits lines at LF only.
  if (/\r(?!\n)/.test(text)) throw new Unsupported();
  const lines = new LineReader(text, b);
  const keys = new Set<string>();
  const rootLines: Line<V>[] = [];
  const values: V[] = [];
  while (lines.peek()) {
    const l = lines.take();
    if (l.indent !== 0 || l.dash >= 0 || keys.has(l.key) || keys.size >= MAX_KEYS) throw new Unsupported();
    keys.add(l.key);
    let value = l.value;
    if (value === undefined) {
      // A nested block: a list (lines starting with `- `) or a map, more indented (a list may sit at 0).
      const next = lines.peek();
      if (next && next.dash >= 0 && next.dash === next.indent) value = yield* readList(lines, next.indent, b);
      else if (next && next.indent > 0 && next.dash < 0) value = readMap(lines, next.indent, b);
      else {
        // Empty: where the parser puts it, after the spaces (at a comment, which its range then spans).
        let p = l.colon + 1;
        while (p < l.end && text.charCodeAt(p) === 32) p++;
        value = b.scalar(null, 'PLAIN', p, p, l.end);
      }
    }
    rootLines.push(l);
    values.push(value);
  }
  if (!rootLines.length) throw new Unsupported();
  return b.map(rootLines, values);
}

function readMap<V>(lines: LineReader<V>, indent: number, b: Builder<V>): V {
  const keys = new Set<string>();
  const mapLines: Line<V>[] = [];
  const values: V[] = [];
  for (let l = lines.peek(); l && l.indent >= indent && l.dash < 0; l = lines.peek()) {
    lines.take();
    if (l.indent !== indent || keys.has(l.key) || l.value === undefined || keys.size >= MAX_KEYS) throw new Unsupported();
    keys.add(l.key);
    mapLines.push(l);
    values.push(l.value);
  }
  return b.map(mapLines, values);
}

function* readList<V>(lines: LineReader<V>, dashIndent: number, b: Builder<V>): Steps<V> {
  const items: V[] = [];
  const dash = lines.peek()!;
  for (let first = lines.peek(); first && first.dash === dashIndent && first.indent === dashIndent; first = lines.peek()) {
    lines.take();
    const keyColumn = first.keyStart - first.start;
    if (first.value === undefined) throw new Unsupported();
    // Up to ~16 keys per entry: an array scan is cheaper than a Set.
    const itemLines = [first];
    const values = [first.value];
    for (let l = lines.peek(); l && l.dash < 0 && l.indent > dashIndent; l = lines.peek()) {
      lines.take();
      if (l.indent !== keyColumn || l.value === undefined || itemLines.length >= MAX_KEYS || itemLines.some((x) => x.key === l.key)) throw new Unsupported();
      itemLines.push(l);
      values.push(l.value);
    }
    if (items.push(b.map(itemLines, values)) % STEP === 0) yield;
  }
  const after = lines.peek();
  if (after && after.indent > 0) throw new Unsupported();
  if (!items.length) throw new Unsupported();
  return b.list(items, dash.start + dash.dash);
}

/** One significant line, or undefined for blank and comment lines. */
function readLine<V>(text: string, start: number, end: number, next: number, b: Builder<V>): Line<V> | undefined {
  let p = start;
  while (p < end && text.charCodeAt(p) === 32) p++;
  if (p === end || text.charCodeAt(p) === 35 /* # */) return undefined;
  // `( *)(- +)?key:` scanned by hand on the text itself: slicing or matching every line would
  // allocate several strings per line.
  const indent = p - start;
  let dash = -1;
  if (text.charCodeAt(p) === 45 /* - */ && text.charCodeAt(p + 1) === 32) {
    dash = indent;
    p++;
    while (p < end && text.charCodeAt(p) === 32) p++;
  }
  const keyStart = p;
  if (!isKeyStart(text.charCodeAt(p))) throw new Unsupported();
  p++;
  while (p < end && p - keyStart < 64 && isKeyChar(text.charCodeAt(p))) p++;
  const keyEnd = p;
  const after = text.charCodeAt(keyEnd + 1);
  if (text.charCodeAt(keyEnd) !== 58 /* : */ || keyEnd >= end || !(keyEnd + 1 >= text.length || after === 32 || after === 13 || after === 10)) throw new Unsupported();
  const colon = keyEnd;
  let v = colon + 1;
  while (v < end && text.charCodeAt(v) === 32) v++;
  const line: Line<V> = { start, end, next, indent, dash, key: text.slice(keyStart, keyEnd), keyStart, keyEnd, colon, valueStart: -1, valueEnd: -1 };
  if (v < end && text.charCodeAt(v) !== 35) line.value = readValue(text, v, end, b, line);
  else if (v < end && text.charCodeAt(v - 1) !== 32) throw new Unsupported();
  return line;
}

function readValue<V>(text: string, start: number, end: number, b: Builder<V>, line: Line<V>): V {
  const c = text[start];
  let node: V;
  let after: number;
  if (c === '"') [node, after] = readDouble(text, start, end, b);
  else if (c === "'") [node, after] = readSingle(text, start, end, b);
  else if (c === '[') [node, after] = readFlowList(text, start, end, b);
  else {
    // Searches stay within the line: an unbounded indexOf would make the reader quadratic.
    let stop = start;
    while (stop < end && !(text.charCodeAt(stop) === 35 && text.charCodeAt(stop - 1) === 32)) stop++;
    let e = stop;
    while (e > start && text.charCodeAt(e - 1) === 32) e--;
    node = plain(text.slice(start, e), start, e, false, b);
    after = e;
  }
  expectLineEnd(text, after, end);
  line.valueStart = start;
  line.valueEnd = after;
  return node;
}

function plain<V>(raw: string, start: number, end: number, inFlow: boolean, b: Builder<V>): V {
  if (!raw || PLAIN_BAD_START.test(raw) || raw.includes(': ') || raw.endsWith(':') || raw.includes('\t') || (inFlow && /[,[\]{}]/.test(raw))) throw new Unsupported();
  let value: unknown = raw;
  // Only text starting with one of these can be anything but a string (most values are not).
  if (!/^[-+.0-9nNtTfF~]/.test(raw)) return b.scalar(value, 'PLAIN', start, end);
  if (/^(?:null|Null|NULL|~)$/.test(raw)) value = null;
  else if (/^(?:true|True|TRUE)$/.test(raw)) value = true;
  else if (/^(?:false|False|FALSE)$/.test(raw)) value = false;
  else if (INT.test(raw)) value = Number(raw);
  else if (FLOAT.test(raw)) value = parseFloat(raw);
  else if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(raw)) throw new Unsupported();
  return b.scalar(value, 'PLAIN', start, end);
}

function readDouble<V>(text: string, start: number, end: number, b: Builder<V>): [V, number] {
  let out = '';
  let p = start + 1;
  for (;;) {
    if (p >= end) throw new Unsupported();
    const q = indexOfAny(text, p, end);
    out += text.slice(p, q);
    p = q;
    if (text[p] === '"') break;
    // A backslash escape.
    const e = text[p + 1];
    if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = text.slice(p + 2, p + 2 + n);
      // Beyond U+10FFFF is no character (fromCodePoint would throw): the full parser reports it.
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) throw new Unsupported();
      out += String.fromCodePoint(parseInt(hex, 16));
      p += 2 + n;
    } else if (e !== undefined && e in ESCAPES && p + 1 < end) {
      out += ESCAPES[e];
      p += 2;
    } else throw new Unsupported();
  }
  return [b.scalar(out, 'QUOTE_DOUBLE', start, p + 1), p + 1];
}

/** Next `"` or `\` at or after p, before end. */
function indexOfAny(text: string, p: number, end: number): number {
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92) return i;
  }
  return end;
}

function readSingle<V>(text: string, start: number, end: number, b: Builder<V>): [V, number] {
  let out = '';
  let p = start + 1;
  for (;;) {
    let q = p;
    while (q < end && text.charCodeAt(q) !== 39) q++;
    if (q >= end) throw new Unsupported();
    out += text.slice(p, q);
    if (text[q + 1] === "'" && q + 1 < end) {
      out += "'";
      p = q + 2;
    } else {
      p = q;
      break;
    }
  }
  return [b.scalar(out, 'QUOTE_SINGLE', start, p + 1), p + 1];
}

function readFlowList<V>(text: string, start: number, end: number, b: Builder<V>): [V, number] {
  const items: V[] = [];
  let p = start + 1;
  const skip = () => {
    while (p < end && text.charCodeAt(p) === 32) p++;
  };
  skip();
  if (text[p] === ']') p++;
  else {
    for (;;) {
      skip();
      let item: V;
      if (text[p] === '"') [item, p] = readDouble(text, p, end, b);
      else {
        let q = p;
        // A comment inside a flow list (" #") makes the list unterminated for a YAML reader: the
        // full parser reports it.
        while (q < end && !/[,\]]/.test(text[q])) {
          if (text[q] === '#' && text.charCodeAt(q - 1) === 32) throw new Unsupported();
          q++;
        }
        let e = q;
        while (e > p && text.charCodeAt(e - 1) === 32) e--;
        item = plain(text.slice(p, e), p, e, true, b);
        p = q;
      }
      items.push(item);
      skip();
      if (text[p] === ',') p++;
      else if (text[p] === ']') {
        p++;
        break;
      } else throw new Unsupported();
    }
  }
  return [b.flowList(items, start, p), p];
}

/** `[A-Za-z_]`: a key's first character. */
function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `[A-Za-z0-9_-]`: a key's other characters. */
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/** After a value only spaces and a comment may follow. */
function expectLineEnd(text: string, at: number, end: number): void {
  let p = at;
  while (p < end && text.charCodeAt(p) === 32) p++;
  if (p < end && !(text.charCodeAt(p) === 35 && p > at)) throw new Unsupported();
}
