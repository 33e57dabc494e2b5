/** Reading a document and its sidecar for the CLI commands that work on sidecars (export, check, stats). */
import * as path from 'node:path';
import { readSidecar, type SidecarReading } from '../core/documents';
import { oldTextsFromGit } from '../node/gitText';
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
  return { doc, text, reading: readSidecar(sidecarText, text, oldTextsFromGit(path.dirname(doc.path))) };
}

/** `n word(s)`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
