/**
 * doccano JSONL import (sequence labelling: `label` as `[start, end, "TYPE"]`; relation extraction:
 * `entities` as `{start_offset, end_offset, label}`). The line's own text tells what each span quotes, so a
 * line exported from an older version of the document is re-anchored by its quote and context.
 */
import { OffsetMap } from '../offsets';
import { ImportCollector } from './importing';
import type { ImportOptions, ImportResult } from './types';

interface Line {
  n: number;
  text: string;
  name?: string;
  spans: { start: number; end: number; type: string; ref: string }[];
}

const CONTEXT = 32;

/** Parses doccano JSONL against the text of a document; picks the line by name, then by equal text, then the only one. */
export function importDoccano(content: string, text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector(text);
  const lines: Line[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw, i + 1, out);
    if (line) lines.push(line);
  });
  const line =
    (options.documentName !== undefined ? lines.find((l) => l.name === options.documentName) : undefined) ??
    lines.find((l) => l.text === text) ??
    (lines.length === 1 ? lines[0] : undefined);
  if (!line) {
    if (lines.length > 0) out.problem({ kind: 'unanchored', reason: `none of the ${lines.length} lines is this document (no matching name or text)`, imported: false });
    return out.result();
  }
  const utf16 = options.offsetUnit === 'utf16';
  const theirs = new OffsetMap(line.text);
  for (const s of line.spans) {
    const start = utf16 ? s.start : theirs.toUtf16(s.start);
    const end = utf16 ? s.end : theirs.toUtf16(s.end);
    if (!(start >= 0 && start < end && end <= line.text.length)) {
      out.problem({ kind: 'unanchored', reason: `label ${s.ref} [${s.start}, ${s.end}) is outside the line's text`, line: line.n, ref: s.ref, imported: false });
      continue;
    }
    const quote = line.text.slice(start, end);
    const context = { prefix: line.text.slice(Math.max(0, start - CONTEXT), start), suffix: line.text.slice(end, end + CONTEXT) };
    const span = out.anchor({ start, end, quote, context, ref: s.ref, line: line.n }, `label ${s.ref} ${s.type}`);
    if (span) out.addAnnotation(span, s.type, options.status ?? 'confirmed');
  }
  return out.result();
}

function parseLine(raw: string, n: number, out: ImportCollector): Line | undefined {
  let row: unknown;
  try {
    row = JSON.parse(raw);
  } catch (e) {
    out.problem({ kind: 'syntax', reason: `not JSON: ${(e as Error).message}`, line: n, imported: false });
    return undefined;
  }
  if (typeof row !== 'object' || row === null || typeof (row as { text?: unknown }).text !== 'string') {
    out.problem({ kind: 'syntax', reason: 'line has no "text" string', line: n, imported: false });
    return undefined;
  }
  const r = row as { text: string; label?: unknown; entities?: unknown; meta?: { name?: unknown }; name?: unknown };
  const name = typeof r.meta?.name === 'string' ? r.meta.name : typeof r.name === 'string' ? r.name : undefined;
  const spans: Line['spans'] = [];
  const bad = (ref: string) => out.problem({ kind: 'syntax', reason: `label ${ref} is not [start, end, "TYPE"]`, line: n, ref, imported: false });
  (Array.isArray(r.label) ? r.label : []).forEach((l: unknown, i) => {
    const ref = `#${i + 1}`;
    if (Array.isArray(l) && Number.isInteger(l[0]) && Number.isInteger(l[1]) && typeof l[2] === 'string') spans.push({ start: l[0], end: l[1], type: l[2], ref });
    else bad(ref);
  });
  (Array.isArray(r.entities) ? r.entities : []).forEach((e: unknown, i) => {
    const ref = `entity ${i + 1}`;
    const o = e as { start_offset?: unknown; end_offset?: unknown; label?: unknown };
    if (Number.isInteger(o?.start_offset) && Number.isInteger(o?.end_offset) && typeof o?.label === 'string') {
      spans.push({ start: o.start_offset as number, end: o.end_offset as number, type: o.label, ref });
    } else bad(ref);
  });
  return { n, text: r.text, ...(name !== undefined ? { name } : {}), spans };
}
