/** Reading a document and its sidecar for the CLI commands: those that read sidecars (export, check, stats) and those that rewrite them (annotate, import). */
import * as path from 'node:path';
import { clause, isError, readSidecar, type SidecarReading } from '../core/documents';
import type { AnnotatedDocument } from '../core/model';
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

/** What a writing command builds on: the sidecar as read now, or a fresh document when there is none. */
export interface Base {
  /** The sidecar's text, the compare-and-swap's expected content; undefined when there was none. */
  original?: string;
  document: AnnotatedDocument;
  orphans?: Map<string, { prefix?: string; suffix?: string }>;
  relocated: SidecarDiagnostic[];
}

/**
 * Reads the sidecar a writing command (annotate, import) merges into, or says why it must not be
 * rewritten (it does not parse or cannot be written back as it was). Throws what `readIfExists`
 * throws (a folder, a FIFO, too large, not UTF-8).
 */
export function readBase(sidecarFile: string, docFile: string, text: string, oldTextOf: (gitBlob: string) => string | undefined): Base | { malformed: string } {
  const original = readIfExists(sidecarFile);
  if (original === undefined) return { document: { path: path.basename(docFile), annotations: [], facts: [] }, relocated: [] };
  const reading = readSidecar(original, text, oldTextOf);
  if (!reading.document || !reading.writable) {
    const first = reading.diagnostics.find(isError);
    return { malformed: first ? `line ${first.line + 1}: ${first.message}` : 'it cannot be rewritten safely' };
  }
  return { original, document: reading.document, orphans: reading.orphanContext, relocated: relocatedOf(reading.diagnostics) };
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
