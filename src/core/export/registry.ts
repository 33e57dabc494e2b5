/**
 * Exporters and importers of Factmark annotations: pure functions from documents to file contents and
 * back. The registries list them for the VS Code command and the CLI.
 */
import { exportBrat } from './brat';
import { importBrat } from './bratImport';
import { exportConll } from './conll';
import { exportCsv } from './csv';
import { exportDoccano } from './doccano';
import { importDoccano } from './doccanoImport';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import type { ExportFormat, ImportFormat } from './types';
import { exportW3c } from './w3c';
import { importW3c } from './w3cImport';

/** Every export format, in the order a picker shows them. */
export const exportFormats: ExportFormat[] = [
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', export: exportW3c },
  { id: 'brat', label: 'brat standoff (.ann + annotation.conf)', extension: 'ann', export: exportBrat },
  { id: 'conll', label: 'CoNLL-2003 IOB2 (token, tag)', extension: 'conll', dropsFacts: true, export: exportConll },
  { id: 'doccano', label: 'doccano JSONL (sequence labelling)', extension: 'jsonl', dropsFacts: true, export: exportDoccano },
  { id: 'json', label: 'Factmark JSON', extension: 'json', export: exportJson },
  { id: 'csv', label: 'CSV (one row per annotation)', extension: 'csv', dropsFacts: true, export: exportCsv },
  { id: 'markdown', label: 'Markdown report (one per document)', extension: 'md', export: exportMarkdown },
];

/** Every import format. */
export const importFormats: ImportFormat[] = [
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', import: importW3c },
  { id: 'brat', label: 'brat standoff (.ann)', extension: 'ann', import: importBrat },
  { id: 'doccano', label: 'doccano JSONL', extension: 'jsonl', import: importDoccano },
];

/** Looks a format up by id. */
export function findExportFormat(id: string): ExportFormat | undefined {
  return exportFormats.find((f) => f.id === id);
}

/** Looks an import format up by id. */
export function findImportFormat(id: string): ImportFormat | undefined {
  return importFormats.find((f) => f.id === id);
}

export * from './types';
export { escapeMarkdown, toMarkdown } from './markdown';
export { toBratAnn, toBratConf } from './brat';
export { toConll } from './conll';
export { toCsv } from './csv';
export { toDoccanoLine } from './doccano';
export { toFactmarkJson, JSON_EXPORT_VERSION } from './json';
export { toW3cCollection, toW3cAnnotations, documentIri } from './w3c';
export { importBrat } from './bratImport';
export { importW3c } from './w3cImport';
export { neverWritten, type TargetFacts } from './targets';
export { importDoccano } from './doccanoImport';
export { tokenize, sentences } from './tokenize';
export { problemLine, topReasons } from './problems';
