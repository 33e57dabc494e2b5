/**
 * doccano JSONL for sequence labelling: one line per document, `{"text": ..., "label": [[start, end, "TYPE"]]}`.
 *
 * Offsets count code points by default: doccano's backend is Python, whose string indices are code points,
 * so an emoji before an entity would shift every later span if UTF-16 units were written. `utf16` is
 * offered for JavaScript consumers. `meta` carries the document name (as in doccano's own import fixtures),
 * the unit of the offsets (`offsets`), so that an import never has to guess it, and the indexes of the
 * spans that are still suggestions (`suggested`): doccano keeps `meta` as it is.
 */
import { OffsetMap } from '../offsets';
import { selectAnnotations, sortInputs, warnDropped } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

/** One JSONL line of a document (without the newline). */
export function toDoccanoLine(input: ExportInput, options: ExportOptions = {}, warnings: string[] = []): string {
  const map = new OffsetMap(input.text);
  const unit = options.offsetUnit ?? 'codepoints';
  const cp = unit === 'codepoints';
  const selected = selectAnnotations(input, options);
  const label = selected.map((a) => [cp ? map.toCodePoint(a.start) : a.start, cp ? map.toCodePoint(a.end) : a.end, a.type]);
  const suggested = selected.flatMap((a, i) => (a.status === 'suggested' ? [i] : []));
  const overlapping = countOverlapping(selected);
  if (overlapping > 0) {
    warnings.push(`${input.name}: ${overlapping} of ${selected.length} spans overlap; a doccano project without "Allow overlapping spans" drops them on import`);
  }
  return JSON.stringify({ text: input.text, label, meta: { name: input.name, offsets: unit, ...(suggested.length ? { suggested } : {}) } });
}

/** All documents as one JSONL file. */
export function exportDoccano(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  // doccano's sequence labelling holds spans and types only: say what stays behind
  warnDropped(docs, options, ['note', 'kb', 'value', 'fact'], 'doccano keeps spans and types only', warnings);
  const lines = sortInputs(docs).map((d) => toDoccanoLine(d, options, warnings) + '\n');
  return { files: [{ name: 'annotations.jsonl', content: lines.join('') }], warnings };
}

/** Spans that overlap another (sorted by start, as selectAnnotations returns them); linear. */
function countOverlapping(spans: readonly { start: number; end: number }[]): number {
  const marked = new Set<number>();
  let reach = -1; // index of the span reaching furthest so far
  spans.forEach((s, i) => {
    if (reach >= 0 && s.start < spans[reach].end) {
      marked.add(i);
      marked.add(reach);
    }
    if (reach < 0 || s.end > spans[reach].end) reach = i;
  });
  return marked.size;
}
