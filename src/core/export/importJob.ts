/**
 * One import as plain data (format id, file content, document text, options), so that it can be posted
 * to a worker (`../jobs.ts`) and run there by the same core code as in the extension host or the CLI.
 */
import { findImportFormat } from './index';
import type { ImportOptions, ImportResult } from './types';

export interface ImportJob {
  /** An id of `importFormats` (`w3c`, `brat`, `doccano`). */
  format: string;
  content: string;
  /** The text of the document the annotations go into. */
  text: string;
  options: ImportOptions;
}

/** Runs the job's importer; an unknown format is reported as a problem, like any other input it cannot read. */
export function runImportJob(job: ImportJob): ImportResult {
  const format = findImportFormat(job.format);
  if (!format) return { annotations: [], facts: [], problems: [{ kind: 'unsupported', reason: `unknown import format "${job.format}"`, imported: false }] };
  return format.import(job.content, job.text, job.options);
}
