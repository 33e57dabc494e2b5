/**
 * CSV export, one row per annotation, quoted per RFC 4180 by papaparse (CRLF row ends; fields with commas,
 * quotes or line breaks quoted, quotes doubled). `line` and `column` are 1-based, columns and offsets in
 * code points.
 */
import { unparse } from 'papaparse';
import { OffsetMap } from '../offsets';
import { LineIndex } from './lines';
import { documentDateOf, selectAnnotations, sortInputs, warnDropped } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

export const CSV_COLUMNS = ['document', 'id', 'type', 'status', 'quote', 'value', 'kb', 'note', 'line', 'column', 'start', 'end', 'documentDate'];

/** All documents as one CSV table with a header row. */
export function toCsv(docs: ExportInput[], options: ExportOptions = {}): string {
  const data: (string | number)[][] = [];
  for (const d of sortInputs(docs)) {
    const map = new OffsetMap(d.text);
    const lines = new LineIndex(d.text, map);
    const documentDate = documentDateOf(d) ?? '';
    for (const a of selectAnnotations(d, options)) {
      const at = lines.at(a.start);
      data.push([d.name, a.id, a.type, a.status, d.text.slice(a.start, a.end), a.value ?? '', a.kb ?? '', a.note ?? '', at.line, at.column, map.toCodePoint(a.start), map.toCodePoint(a.end), documentDate]);
    }
  }
  return unparse({ fields: CSV_COLUMNS, data }, { newline: '\r\n', escapeFormulae: options.escapeFormulae === true }) + '\r\n';
}

/** All documents as one CSV file. */
export function exportCsv(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  warnDropped(docs, options, ['fact'], 'CSV has one row per annotation', warnings);
  return { files: [{ name: 'annotations.csv', content: toCsv(docs, options) }], warnings };
}
