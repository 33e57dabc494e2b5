/**
 * doccano JSONL for sequence labelling: one line per document, `{"text": ..., "label": [[start, end, "TYPE"]]}`.
 *
 * Offsets count code points by default: doccano's backend is Python, whose string indices are code points,
 * so an emoji before an entity would shift every later span if UTF-16 units were written. `utf16` is
 * offered for JavaScript consumers. The document name goes in `meta`, as in doccano's own import fixtures.
 */
import { OffsetMap } from '../offsets';
import { selectAnnotations, sortInputs } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

/** One JSONL line of a document (without the newline). */
export function toDoccanoLine(input: ExportInput, options: ExportOptions = {}): string {
  const map = new OffsetMap(input.text);
  const cp = (options.offsetUnit ?? 'codepoints') === 'codepoints';
  const label = selectAnnotations(input, options).map((a) => [cp ? map.toCodePoint(a.start) : a.start, cp ? map.toCodePoint(a.end) : a.end, a.type]);
  return JSON.stringify({ text: input.text, label, meta: { name: input.name } });
}

/** All documents as one JSONL file. */
export function exportDoccano(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const lines = sortInputs(docs).map((d) => toDoccanoLine(d, options) + '\n');
  return { files: [{ name: 'annotations.jsonl', content: lines.join('') }], warnings: [] };
}
