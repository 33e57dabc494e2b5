/**
 * The one sequence that replaces a sidecar (or any small file Factmark owns) atomically, shared by the
 * extension and the CLI. No `vscode` and no Node import: each host passes the file operations it has
 * ({@link AtomicFs}; `nodeFs.ts` for local disks, `files.ts` wraps `vscode.workspace.fs` for the rest).
 *
 * The sequence: the new content goes to a temporary file beside the target (created exclusively,
 * flushed to disk), which is then renamed over the target, then the folder is flushed. A writer killed
 * at any moment leaves the old file or the new one, never an empty or partial one. A killed writer
 * leaves its temporary file behind; the next write of the same target removes it.
 */

/** The file operations the sequence needs. Paths are the host's own (OS paths, or URI paths). */
/** A temporary file older than this is abandoned whatever its pid says (no write takes that long; pids are reused). */
export const ABANDONED_AFTER_MS = 10 * 60_000;

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
  /** Flushes a folder's entries (the rename) to disk. */
  syncFolder?(folder: string): Promise<void>;
  /** Whether a temporary file left by writer process `pid` is abandoned (that process is gone, or it is old). */
  abandoned(path: string, pid: number): Promise<boolean>;
}

/** What the caller knows about itself: its process id goes into temporary names (0 where there is none). */
export interface AtomicWriteOptions {
  pid?: number;
}

let counter = 0;

/** Temporary files of `name`: `.<name>.<pid>-<time>-<n>.tmp` (not `*.factmark.yaml`, so no watcher takes it for a sidecar). */
export function tempNamePattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)-[0-9a-z]+-\\d+\\.tmp$`);
}

/** Atomically replaces `target` with `content`. On failure the temporary file is removed and the target is untouched. */
export async function writeAtomic(fs: AtomicFs, target: string, content: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const real = fs.realpath ? await fs.realpath(target).catch(() => target) : target;
  const folder = fs.dirname(real);
  const name = real.slice(folder.length).replace(/^[\\/]+/, '');
  const pid = options.pid ?? 0;
  const tmp = fs.join(folder, `.${name}.${pid}-${Date.now().toString(36)}-${counter++}.tmp`);
  const mode = fs.mode ? await fs.mode(real).catch(() => undefined) : undefined;
  try {
    await fs.writeNew(tmp, bytes, mode);
    await fs.rename(tmp, real);
  } catch (e) {
    await fs.remove(tmp).catch(() => undefined);
    throw e;
  }
  await fs.syncFolder?.(folder).catch(() => undefined);
  await removeAbandoned(fs, folder, name, tmp).catch(() => undefined);
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
