/**
 * doccano JSONL import. Accepts what doccano's own importer accepts for sequence labelling and relation
 * extraction: spans in `label` as `[start, end, "TYPE"]` or `{start_offset, end_offset, label}`, spans in
 * `entities` as objects, and text and label columns under other names when the caller says so. The line's
 * own text tells what each span quotes, so a line exported from an older version of the document is
 * re-anchored by its quote and context. Offsets are read in the unit the line says (`meta.offsets`, written
 * by Factmark), the caller says, or else the one its spans fit (see doccanoUnits.ts); never guessed silently.
 */
import { OffsetMap } from '../offsets';
import { guessUnit } from './doccanoUnits';
import { ImportCollector } from './importing';
import { MAX_IMPORT_CHARS, tooLarge } from './limits';
import type { ImportOptions, ImportResult, OffsetUnit } from './types';

interface Line {
  n: number;
  text: string;
  name?: string;
  unit?: OffsetUnit;
  /** Indexes (in `spans`) of suggested spans, from `meta.suggested` (Factmark's export). */
  suggested: Set<number>;
  spans: { start: number; end: number; type: string; ref: string }[];
}

const CONTEXT = 32;

/** Parses doccano JSONL against the text of a document; picks the line by name, then by equal text, then the only one. */
export function importDoccano(content: string, text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector(text);
  if (content.length > MAX_IMPORT_CHARS) return tooLarge(out, content.length);
  const lines: Line[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw, i + 1, out, options);
    if (line) lines.push(line);
  });
  if (lines.length === 0) {
    if (out.problems.length === 0) out.problem({ kind: 'syntax', reason: 'the file has no doccano lines (one JSON object per line with a "text")', imported: false });
    return out.result();
  }
  const line =
    (options.documentName !== undefined ? lines.find((l) => l.name === options.documentName) : undefined) ??
    lines.find((l) => l.text === text) ??
    (lines.length === 1 ? lines[0] : undefined);
  const lineName = (l: Line) => l.name ?? `line ${l.n}`;
  out.documents = { named: lines.map(lineName), ...(line ? { taken: lineName(line) } : {}) };
  if (!line) {
    out.problem({ kind: 'unanchored', reason: `none of the ${lines.length} lines is this document (no matching name or text); none imported`, imported: false });
    return out.result();
  }
  const unit = options.offsetUnit ?? line.unit ?? guessUnit(line.text, line.spans);
  if (unit === 'ambiguous') {
    out.problem({
      kind: 'ambiguous',
      reason: `the offsets of line ${line.n} fit both code points and UTF-16 units; none of its ${line.spans.length} spans imported (say which unit: --offsets codepoints or utf16)`,
      line: line.n,
      imported: false,
    });
    return out.result();
  }
  const theirs = new OffsetMap(line.text);
  line.spans.forEach((s, i) => {
    const start = unit === 'utf16' ? s.start : theirs.toUtf16(s.start);
    const end = unit === 'utf16' ? s.end : theirs.toUtf16(s.end);
    if (!(start >= 0 && start < end && end <= line.text.length)) {
      out.problem({ kind: 'unanchored', reason: `label ${s.ref} [${s.start}, ${s.end}) is outside the line's text`, line: line.n, ref: s.ref, imported: false });
      return;
    }
    const quote = line.text.slice(start, end);
    const context = { prefix: line.text.slice(Math.max(0, start - CONTEXT), start), suffix: line.text.slice(end, end + CONTEXT) };
    const file = { start: s.start, end: s.end, unit: unit === 'utf16' ? ('utf16' as const) : ('codepoints' as const) };
    const span = out.anchor({ start, end, quote, context, ref: s.ref, line: line.n, file }, `label ${s.ref} ${s.type}`);
    if (span) out.addAnnotation(span, s.type, line.suggested.has(i) ? 'suggested' : (options.status ?? 'confirmed'));
  });
  return out.result();
}

type Row = Record<string, unknown>;

function parseLine(raw: string, n: number, out: ImportCollector, options: ImportOptions): Line | undefined {
  let row: unknown;
  try {
    row = JSON.parse(raw);
  } catch (e) {
    out.problem({ kind: 'syntax', reason: `not JSON: ${(e as Error).message}`, line: n, imported: false });
    return undefined;
  }
  const textColumn = options.textColumn ?? 'text';
  const labelColumn = options.labelColumn ?? 'label';
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    out.problem({ kind: 'syntax', reason: `line is ${Array.isArray(row) ? 'an array' : JSON.stringify(row)?.slice(0, 40)}, not a doccano object`, line: n, imported: false });
    return undefined;
  }
  const r = row as Row;
  if (typeof r[textColumn] !== 'string') {
    const strings = Object.keys(r).filter((k) => typeof r[k] === 'string');
    out.problem({ kind: 'syntax', reason: `line has no "${textColumn}" string${strings.length ? ` (it has ${strings.map((k) => `"${k}"`).join(', ')}: a renamed text column? say which)` : ''}`, line: n, imported: false });
    return undefined;
  }
  const meta = (typeof r.meta === 'object' && r.meta !== null ? r.meta : {}) as Row;
  const name = typeof meta.name === 'string' ? meta.name : typeof r.name === 'string' ? r.name : undefined;
  const unit = meta.offsets === 'codepoints' || meta.offsets === 'utf16' ? meta.offsets : undefined;
  const spans: Line['spans'] = [];
  const suggestedRefs = new Set(Array.isArray(meta.suggested) ? meta.suggested.filter((x): x is number => Number.isInteger(x)) : []);
  const suggested = new Set<number>();
  const bad = (ref: string) => out.problem({ kind: 'syntax', reason: `label ${ref} is neither [start, end, "TYPE"] nor {start_offset, end_offset, label}`, line: n, ref, imported: false });
  const take = (l: unknown, ref: string, index?: number) => {
    const o = l as Row;
    const span = Array.isArray(l)
      ? Number.isInteger(l[0]) && Number.isInteger(l[1]) && typeof l[2] === 'string' ? { start: l[0] as number, end: l[1] as number, type: l[2] } : undefined
      : typeof l === 'object' && l !== null && Number.isInteger(o.start_offset) && Number.isInteger(o.end_offset) && typeof o.label === 'string'
        ? { start: o.start_offset as number, end: o.end_offset as number, type: o.label }
        : undefined;
    if (!span) return bad(ref);
    if (index !== undefined && suggestedRefs.has(index)) suggested.add(spans.length);
    spans.push({ ...span, ref });
  };
  const labels = r[labelColumn];
  if (labels !== undefined && !Array.isArray(labels)) out.problem({ kind: 'syntax', reason: `"${labelColumn}" is not a list of spans`, line: n, imported: false });
  if (labels === undefined && r.entities === undefined) {
    // Spans under another name (the editor asks which; `factmark import` cannot): said, not skipped.
    const lists = Object.keys(r).filter((k) => k !== 'relations' && Array.isArray(r[k]));
    if (lists.length) out.problem({ kind: 'syntax', reason: `line has no "${labelColumn}" list (it has ${lists.map((k) => `"${k}"`).join(', ')}: a renamed label column? say which)`, line: n, imported: false });
  }
  (Array.isArray(labels) ? labels : []).forEach((l: unknown, i) => take(l, `#${i + 1}`, i));
  (Array.isArray(r.entities) ? r.entities : []).forEach((e: unknown, i) => take(e, `entity ${i + 1}`));
  const relations = Array.isArray(r.relations) ? r.relations.length : 0;
  if (relations > 0) {
    out.problem({ kind: 'unsupported', reason: `${relations} relation${relations === 1 ? '' : 's'} not imported (Factmark has no binary relations; link entities with a fact)`, line: n, imported: false });
  }
  return { n, text: r[textColumn] as string, ...(name !== undefined ? { name } : {}), ...(unit ? { unit } : {}), suggested, spans };
}

/**
 * When the first line of a doccano file lacks the `text` string or the `label` list, the columns that could
 * hold them (string and list values), for the editor to ask which; undefined when nothing is missing.
 */
export function renamedColumns(content: string, options: Pick<ImportOptions, 'textColumn' | 'labelColumn'> = {}): { text?: string[]; label?: string[] } | undefined {
  // Only the first non-empty line: splitting a file of many megabytes whole would cost the main thread.
  let first: string | undefined;
  for (let at = 0; at < content.length && first === undefined; ) {
    const end = content.indexOf('\n', at);
    const line = content.slice(at, end < 0 ? content.length : end);
    if (line.trim() !== '') first = line;
    at = end < 0 ? content.length : end + 1;
  }
  let row: unknown;
  try {
    row = JSON.parse(first ?? '');
  } catch {
    return undefined;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const r = row as Row;
  const out: { text?: string[]; label?: string[] } = {};
  const keys = Object.keys(r);
  if (typeof r[options.textColumn ?? 'text'] !== 'string') out.text = keys.filter((k) => typeof r[k] === 'string');
  if (r[options.labelColumn ?? 'label'] === undefined && r.entities === undefined) out.label = keys.filter((k) => Array.isArray(r[k]));
  return out.text?.length || out.label?.length ? out : undefined;
}
