/** Finding documents and sidecars on disk for the CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentPathFor, isSidecarPath, sidecarPathFor } from '../core/sidecar';
import { stripBom } from '../core/documents';

/** A usage or input error: printed as `factmark: <message>`, exit code 2. */
export class UsageError extends Error {}

/** A document the CLI works on. */
export interface DocumentFile {
  /** Absolute path of the document. */
  path: string;
  /** Absolute path of its sidecar (which may not exist). */
  sidecar: string;
  /** Name used in exports and messages: relative to the folder given, forward slashes. */
  name: string;
}

/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** What to collect in folders: the documents themselves (annotate) or the sidecars (check, export, stats). */
export type Collect = 'documents' | 'sidecars';

/**
 * The documents named by the command-line paths: files as given (a sidecar stands for its document),
 * folders walked recursively, in a stable order. Throws UsageError for a missing path.
 */
export function collect(paths: readonly string[], what: Collect, cwd = process.cwd()): DocumentFile[] {
  const out = new Map<string, DocumentFile>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const abs = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) {
      for (const file of walk(abs)) {
        const doc = what === 'sidecars' ? documentPathFor(file) : isSidecarPath(file) ? undefined : isText(file) ? file : undefined;
        if (doc && !out.has(doc)) out.set(doc, { path: doc, sidecar: sidecarPathFor(doc), name: toName(path.relative(abs, doc)) });
      }
    } else {
      const doc = documentPathFor(abs) ?? abs;
      if (!out.has(doc)) out.set(doc, { path: doc, sidecar: sidecarPathFor(doc), name: path.basename(doc) });
    }
  }
  return [...out.values()];
}

/** Plain-text articles: `.txt` files (the extension's language is plaintext). */
function isText(file: string): boolean {
  return file.toLowerCase().endsWith('.txt');
}

function toName(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Every file under `dir`, sorted, hidden folders and dependency folders skipped. */
function walk(dir: string): string[] {
  const files: string[] = [];
  const visit = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)) visit(full);
      } else if (e.isFile()) files.push(full);
    }
  };
  visit(dir);
  return files;
}

/** Reads a document's text as editors see it (UTF-8, no byte-order mark). */
export function readText(file: string): string {
  return stripBom(fs.readFileSync(file, 'utf8'));
}

/** Reads a file, or undefined when it does not exist. */
export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Path relative to the working directory, for messages. */
export function shown(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
