/**
 * The one sequence that replaces a sidecar (or any small file Factmark owns) atomically, shared by the
 * extension and the CLI. No `vscode` and no Node import: each host passes the file operations it has
 * ({@link AtomicFs}; `src/node/fs.ts` for local disks, `src/features/sidecar/files.ts` wraps `vscode.workspace.fs` for the rest).
 *
 * The sequence: the new content goes to a temporary file beside the target (created exclusively,
 * flushed to disk), which is then renamed over the target, then the folder is flushed. A writer killed
 * at any moment leaves the old file or the new one, never an empty or partial one. A killed writer
 * leaves its temporary file behind; the next write of the same target removes it.
 */
import { acquireLock } from './lock';
import { tempNamePattern, tempSuffix } from './tempNames';

/** A temporary file older than this is abandoned whatever its pid says (no write takes that long; pids are reused). */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** The file operations the sequence needs. Paths are the host's own (OS paths, or URI paths). */
export interface AtomicFs {
  /** The folder of a path. */
  dirname(path: string): string;
  /** A name joined to a folder. */
  join(folder: string, name: string): string;
  /** Creates `path` (it must not exist) with `content`, flushed to disk where the host can; `mode` as given. */
  writeNew(path: string, content: Uint8Array, mode?: number): Promise<void>;
  /** Renames `from` over `to`, replacing it in one step where the file system can. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Names of the entries of a folder. */
  list(folder: string): Promise<string[]>;
  /** The path a symlink points at (so the link is kept), or the path itself. */
  realpath?(path: string): Promise<string>;
  /** Permission bits of an existing file, to give the new one the same. */
  mode?(path: string): Promise<number | undefined>;
  /** Gives `replacement` the owner and group of `original` where the host allows (both exist). */
  keepOwner?(original: string, replacement: string): Promise<void>;
  /** Flushes a folder's entries (the rename) to disk. */
  syncFolder?(folder: string): Promise<void>;
  /** Whether a temporary file left by writer process `pid` is abandoned (that process is gone, or it is old). */
  abandoned(path: string, pid: number): Promise<boolean>;
  /** The bytes of a file, or undefined when it does not exist (for the compare-and-swap and the lock). */
  read?(path: string): Promise<Uint8Array | undefined>;
  /** Creates `path` with `content` unless it exists (then false); no flush needed (the lock file). */
  createExclusive?(path: string, content: Uint8Array): Promise<boolean>;
}

/** What the caller knows about itself: its process id goes into temporary names (0 where there is none). */
export interface AtomicWriteOptions {
  pid?: number;
  /**
   * Compare-and-swap: the content the caller read and built on (`null`: the file did not exist).
   * Under the lock the file is read again; if it differs, nothing is written and
   * {@link ChangedOnDiskError} is thrown, so that the caller merges with the newer file and retries.
   */
  ifUnchanged?: string | null;
  /** Called once when the writers' lock has been held by another writer for a while (see acquireLock). */
  onWait?: (lock: string) => void;
}

/** The target changed since the caller read it: nothing was written. */
export class ChangedOnDiskError extends Error {
  readonly code = 'FACTMARK_CHANGED_ON_DISK';
  constructor(target: string) {
    super(`${target} was changed by another writer meanwhile; nothing was written`);
  }
}

/** True for a {@link ChangedOnDiskError} (also across bundles, where `instanceof` may not hold). */
export function isChangedOnDisk(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'FACTMARK_CHANGED_ON_DISK';
}

/** Atomically replaces `target` with `content`. On failure the temporary file is removed and the target is untouched. */
export async function writeAtomic(fs: AtomicFs, target: string, content: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const real = fs.realpath ? await fs.realpath(target).catch(() => target) : target;
  const folder = fs.dirname(real);
  const name = real.slice(folder.length).replace(/^[\\/]+/, '');
  // Names near the 255-byte limit of most file systems leave no room for the temporary suffix.
  const base = shortName(name);
  const pid = options.pid ?? 0;
  const tmp = fs.join(folder, `.${base}.${tempSuffix(pid)}`);
  const mode = fs.mode ? await fs.mode(real).catch(() => undefined) : undefined;
  // A file its owner made read-only is not replaced behind their back (a rename would do it:
  // it needs only the folder to be writable).
  if (mode !== undefined && (mode & 0o200) === 0) throw new Error(`${name} is read-only: it was not replaced (make it writable to let Factmark update it)`);
  // Every Factmark writer takes the same lock around compare and rename, so none replaces a file
  // another one wrote after it was read (lost updates, issue 11).
  const release = await acquireLock(fs, folder, base, pid, options.onWait);
  try {
    if (options.ifUnchanged !== undefined && fs.read) {
      const now = await fs.read(real);
      if (!sameContent(now, options.ifUnchanged)) throw new ChangedOnDiskError(name);
    }
    await fs.writeNew(tmp, bytes, mode);
    // A rename gives the file the writer's owner and group: a sidecar shared through a group
    // would stop being the group's.
    if (mode !== undefined) await fs.keepOwner?.(real, tmp);
    await fs.rename(tmp, real);
  } catch (e) {
    await fs.remove(tmp).catch(() => undefined);
    throw e;
  } finally {
    await release();
  }
  await fs.syncFolder?.(folder).catch(() => undefined);
  await removeAbandoned(fs, folder, base, tmp).catch(() => undefined);
}

/** Bytes of a file name kept as it is in temporary and lock names (255 is the usual limit). */
const MAX_BASE_BYTES = 180;

/**
 * The part of a file name used in its temporary and lock names: the name itself, or for a long
 * one its first characters and a hash of the whole (names of 217+ bytes failed before).
 */
export function shortName(name: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(name).length <= MAX_BASE_BYTES) return name;
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  let head = '';
  for (const ch of name) {
    if (encoder.encode(head + ch).length > MAX_BASE_BYTES - 10) break;
    head += ch;
  }
  return `${head}~${hash.toString(16).padStart(8, '0')}`;
}

function sameContent(now: Uint8Array | undefined, expected: string | null): boolean {
  if (now === undefined || expected === null) return now === undefined && expected === null;
  const want = new TextEncoder().encode(expected);
  if (want.length !== now.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== now[i]) return false;
  return true;
}

/** Removes temporary files of `name` that killed writers left in `folder` (never another live writer's). */
async function removeAbandoned(fs: AtomicFs, folder: string, name: string, own: string): Promise<void> {
  const pattern = tempNamePattern(name);
  for (const entry of await fs.list(folder)) {
    const m = pattern.exec(entry);
    if (!m) continue;
    const path = fs.join(folder, entry);
    if (path === own) continue;
    if (await fs.abandoned(path, Number(m[1]))) await fs.remove(path).catch(() => undefined);
  }
}
