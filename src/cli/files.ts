/** Finding documents and sidecars on disk for the CLI commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentPathFor, isSidecarPath, MAX_SIDECAR_LENGTH, sidecarCopiedAs, sidecarPathFor } from '../core/sidecar';
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

/**
 * What to collect in folders: the documents themselves (annotate), the sidecars (export, stats), or
 * the sidecars and the documents that have only a copy of one beside them (check: a sync tool's
 * conflict copy must not pass for nothing to check).
 */
export type Collect = 'documents' | 'sidecars' | 'sidecars and copies';

/** A path given on the command line, resolved and looked at; a UsageError when nothing is there. */
export function statGiven(given: string, cwd: string): { abs: string; stat: fs.Stats } {
  const abs = path.resolve(cwd, given);
  try {
    return { abs, stat: fs.statSync(abs) };
  } catch {
    throw new UsageError(`no such file or folder: ${given}`);
  }
}

/**
 * The documents named by the command-line paths: files as given (a sidecar stands for its document),
 * folders walked recursively, in a stable order. Throws UsageError for a missing path.
 */
export function collect(paths: readonly string[], what: Collect, cwd = process.cwd()): DocumentFile[] {
  const out = new Map<string, DocumentFile>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const { abs, stat } = statGiven(given, cwd);
    // (A folder named like a sidecar stands for one: check then says it is a folder.)
    if (stat.isDirectory() && !isSidecarPath(abs)) {
      const real = new Set<string>();
      for (const file of walk(abs)) {
        const doc = what === 'documents' ? (isSidecarPath(file) ? undefined : isText(file) ? file : undefined) : (documentPathFor(file) ?? (what === 'sidecars and copies' ? documentOfCopy(file) : undefined));
        if (!doc || out.has(doc)) continue;
        // One file reached by two paths (a symlink to it, a linked folder) is taken once.
        const key = realPath(what === 'documents' ? doc : sidecarPathFor(doc));
        if (real.has(key)) continue;
        real.add(key);
        out.set(doc, { path: doc, sidecar: sidecarPathFor(doc), name: toName(path.relative(abs, doc)) });
      }
    } else {
      const doc = documentPathFor(abs) ?? (what === 'sidecars and copies' ? documentOfCopy(abs) : undefined) ?? abs;
      if (!out.has(doc)) out.set(doc, { path: doc, sidecar: sidecarPathFor(doc), name: path.basename(doc) });
    }
  }
  return [...out.values()];
}

/** The document whose sidecar `file` is a copy of, when that document exists. */
function documentOfCopy(file: string): string | undefined {
  const copied = sidecarCopiedAs(path.basename(file));
  const doc = copied && path.join(path.dirname(file), documentPathFor(copied)!);
  return doc && fs.existsSync(doc) ? doc : undefined;
}

/** The real path of a file, or the path itself when it cannot be resolved (missing, a dangling or looping link). */
export function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Plain-text articles: `.txt` files (the extension's language is plaintext). */
function isText(file: string): boolean {
  return file.toLowerCase().endsWith('.txt');
}

function toName(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Most folders deep a walk goes (symlinked folders can nest without end). */
const MAX_DEPTH = 40;

/**
 * Every file under `dir`, sorted, hidden folders and dependency folders skipped. Symlinks are
 * followed (a sidecar or an article may be one): to a file, it is listed; to a folder, it is walked
 * unless that folder was walked already (a link back up would loop).
 */
function walk(dir: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (d: string, depth: number) => {
    const real = fs.realpathSync(d);
    if (seen.has(real) || depth > MAX_DEPTH) return;
    seen.add(real);
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      let isDir = e.isDirectory();
      // Anything else that is not a folder is listed too (a FIFO named like a sidecar): reading it says what is wrong.
      let isFile = !isDir;
      if (e.isSymbolicLink()) {
        // A dangling or looping link is listed as a file: reading it then says what is wrong.
        const target = (() => {
          try {
            return fs.statSync(full);
          } catch {
            return undefined;
          }
        })();
        isDir = target?.isDirectory() ?? false;
        isFile = !isDir;
      }
      if (isDir && isSidecarPath(full)) files.push(full); // reported by check as a folder
      else if (isDir) {
        if (!e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)) visit(full, depth + 1);
      } else if (isFile) files.push(full);
    }
  };
  visit(dir, 0);
  return files;
}

/** Largest document read (bytes): far above what is annotated (5 MB), far below what hurts. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Reads a document's text as editors see it (UTF-8, no byte-order mark); refuses what is not a UTF-8 text file. */
export function readText(file: string): string {
  return readDocument(file).text;
}

/** {@link readText}, with the file's bytes (their git blob hash is the document's fingerprint). */
export function readDocument(file: string): { text: string; bytes: Uint8Array } {
  const bytes = readBytes(file, MAX_DOCUMENT_BYTES, 'the document')!;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Error('the document is UTF-16: convert it to UTF-8 (Factmark reads UTF-8 only)');
  }
  return { text: stripBom(decodeUtf8(bytes, 'the document is not valid UTF-8 (Latin-1 or Windows-1252?): convert it to UTF-8; it is not read')), bytes };
}

/**
 * Reads a sidecar, or undefined when it does not exist. Refused (thrown): a file that is not a
 * regular file (folder, FIFO, device: a FIFO would hang the run, /dev/zero fill the memory), one
 * larger than the sidecar limit (checked before reading), and bytes that are not UTF-8 (rewriting
 * them would change them silently). A symlink is followed (at most 40 links, by the system).
 */
export function readIfExists(file: string): string | undefined {
  const bytes = readBytes(file, MAX_SIDECAR_LENGTH, 'the sidecar');
  if (bytes === undefined) return undefined;
  // The byte-order mark is kept, so that the writer keeps it too.
  return decodeUtf8(bytes, 'the sidecar is not valid UTF-8 (a UTF-16 file or damaged bytes?): it is not read and not rewritten');
}

/** The bytes of a regular file of at most `limit` bytes; undefined when it does not exist. */
export function readBytes(file: string, limit: number, what: string): Uint8Array | undefined {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer; its type is refused just below.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new Error(`${what} is a symlink loop (or a chain of more than 40 links): not read`, { cause: err });
    if (code === 'EISDIR') throw new Error(`${what} is a folder, not a file: not read`, { cause: err });
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${what} is ${kindOf(stat)}, not a regular file: not read`);
    if (stat.size > limit) throw new Error(`${what} is larger than ${Math.round(limit / 1024 / 1024)} MB (${(stat.size / 1024 / 1024).toFixed(0)} MB): not read`);
    // Read up to the limit even if the file grew since the stat.
    const buffer = Buffer.alloc(Math.min(limit + 1, stat.size + 1));
    let length = 0;
    for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > limit) throw new Error(`${what} is larger than ${Math.round(limit / 1024 / 1024)} MB: not read`);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function decodeUtf8(bytes: Uint8Array, message: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(message);
  }
}

/** Path relative to the working directory, for messages. */
export function shown(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/**
 * Said on stderr when a write waits for the writers' lock (VS Code or another run holds it): a batch
 * run that seems stuck tells why rather than sitting silent for up to 15 s.
 */
export function saysWaiting(lock: string): void {
  // The lock's path from where the user runs (its file name alone does not say which folder's); the
  // lock is named by the sidecar's real path, so the cwd is taken as a real path too.
  let cwd = process.cwd();
  try {
    cwd = fs.realpathSync(cwd);
  } catch {
    // the cwd as given
  }
  process.stderr.write(`factmark: waiting for another writer to release ${shown(lock, cwd)}\n`);
}
