/** Reading a document and its sidecar for the CLI commands that work on sidecars (export, check, stats). */
import * as path from 'node:path';
import { clause, readSidecar, type SidecarReading } from '../core/documents';
import { RELOCATED_CODE, type SidecarDiagnostic } from '../core/sidecar';
import { oldTextsOf } from '../node/gitText';
import { readIfExists, readText, type DocumentFile } from './files';

/** A document with its sidecar read, or the reason it cannot be. */
export interface Loaded {
  doc: DocumentFile;
  text?: string;
  reading?: SidecarReading;
  /** Set when the document or the sidecar is missing (or cannot be read: `unreadable`). */
  missing?: string;
  unreadable?: boolean;
}

export function load(doc: DocumentFile): Loaded {
  let sidecarText: string | undefined;
  try {
    sidecarText = readIfExists(doc.sidecar);
  } catch (e) {
    // A folder, a FIFO, a device, too large, not UTF-8: reported, never a crash or a hang.
    return { doc, missing: (e as Error).message, unreadable: true };
  }
  if (sidecarText === undefined) return { doc, missing: `no sidecar (${path.basename(doc.sidecar)}); run "factmark annotate" first` };
  let text: string;
  try {
    text = readText(doc.path);
  } catch {
    return { doc, missing: `its document ${path.basename(doc.path)} is missing` };
  }
  return { doc, text, reading: readSidecar(sidecarText, text, oldTextsOf(path.dirname(doc.path))) };
}

/** Of a reading's diagnostics, the warnings of entries placed by their quote (offsets edited by hand). */
export function relocatedOf(diagnostics: readonly SidecarDiagnostic[]): SidecarDiagnostic[] {
  return diagnostics.filter((d) => d.code === RELOCATED_CODE);
}

/** Most entries placed by their quote named one by one for a sidecar a command rewrote; the rest are counted. */
const RELOCATED_SHOWN = 5;

/**
 * Lines for stderr about a sidecar that a command rewrote with entries placed by their quote: the
 * offsets the file had are gone from it, so the user is told (as `check` tells), never silently.
 */
export function relocatedLines(sidecar: string, relocated: readonly SidecarDiagnostic[]): string[] {
  const lines = relocated.slice(0, RELOCATED_SHOWN).map((d) => `${sidecar}:${d.line + 1}:${d.column + 1}: warning: ${clause(d.message)}; written so in the sidecar [${RELOCATED_CODE}]\n`);
  const more = relocated.length - RELOCATED_SHOWN;
  if (more > 0) lines.push(`${sidecar}: warning: ${plural(more, 'more entry', 'more entries')} placed by their quote (offsets edited by hand?), written so; "factmark check" before a rewrite lists them all [${RELOCATED_CODE}]\n`);
  return lines;
}

/** `n word(s)`. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
