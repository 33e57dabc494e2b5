/**
 * {@link AtomicFs} on Node's `fs`: the CLI's file system, and the extension's for `file:` URIs
 * (`vscode.workspace.fs` has no fsync, and its rename with `overwrite` deletes the target first on
 * the local disk, which leaves a moment with no sidecar at all; Node's `rename(2)` replaces it in
 * one step). No `vscode` import, so the CLI bundle can use it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ABANDONED_AFTER_MS, writeAtomic, type AtomicFs, type AtomicWriteOptions } from '../core/sidecar/atomicWrite';
import { tempSuffix } from '../core/sidecar/tempNames';

export const nodeFs: AtomicFs = {
  dirname: (p) => path.dirname(p),
  join: (folder, name) => path.join(folder, name),
  async writeNew(p, content, mode) {
    const handle = await fs.promises.open(p, 'wx', mode ?? 0o666);
    try {
      // open() applies the umask: a group-writable sidecar (0664 under umask 022) would lose its g+w.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.promises.rename(from, to),
  read: (p) =>
    fs.promises.readFile(p).then(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      },
    ),
  async createExclusive(p, content) {
    // The lock appears with its content in one step: written to a temporary file (named as the
    // writer's temporary files are, so that a killed writer's is cleaned up like them), then
    // hard-linked as the lock (link(2) fails when the name exists). `writeFile(p, { flag: 'wx' })`
    // left the file empty until a later turn of the event loop wrote it, and another writer takes
    // a lock still empty 200 ms later for one whose writer was killed (lock.ts `stale`): a busy
    // extension host held there had its live lock taken, both writes passed the compare-and-swap on
    // the same file, and one annotation was lost (E1's one failure in CI).
    // (The lock's name is the writer's shortened one, so the temporary name fits as the writer's does;
    // the take-over lock's, `.NAME.takeover.lock`, gets the same temporary name as the lock's.)
    const tmp = `${p.replace(/(?:\.takeover)?\.lock$/, '')}.${tempSuffix(process.pid)}`;
    await fs.promises.writeFile(tmp, content, { flag: 'wx' });
    try {
      await fs.promises.link(tmp, p);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // File systems without hard links (FAT, some network shares): the create-then-write as before.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createThenWrite(p, content);
      throw e;
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  },
  remove: (p) => fs.promises.rm(p, { force: true }),
  list: (folder) => fs.promises.readdir(folder),
  realpath: (p) => fs.promises.realpath(p),
  mode: (p) => fs.promises.stat(p).then((s) => s.mode & 0o7777, () => undefined),
  async keepOwner(original, replacement) {
    const stat = await fs.promises.stat(original).catch(() => undefined);
    if (!stat) return;
    // Owner and group as they were where allowed (root: both; others: a group they belong to);
    // what is not allowed stays the writer's, as any editor's save would leave it.
    await fs.promises.chown(replacement, stat.uid, stat.gid).catch(() => fs.promises.chown(replacement, -1, stat.gid).catch(() => undefined));
  },
  async syncFolder(folder) {
    // Some platforms (Windows) cannot open a folder for fsync: the rename is then as durable as it gets.
    const handle = await fs.promises.open(folder, 'r').catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close();
  },
  async abandoned(p, pid) {
    const stat = await fs.promises.stat(p).catch(() => undefined);
    if (!stat) return false;
    // Age first: a CLI run often gets the pid a killed earlier run had, and its file is still junk.
    if (Date.now() - stat.mtimeMs > ABANDONED_AFTER_MS) return true;
    if (pid === process.pid) return false; // one of this process's own writes, in flight
    return pid > 0 && !processRuns(pid);
  },
};

/** Creates `p` with `content` unless it exists (false then); the file is empty for a moment. */
function createThenWrite(p: string, content: Uint8Array): Promise<boolean> {
  return fs.promises.writeFile(p, content, { flag: 'wx' }).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return false;
      throw e;
    },
  );
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Atomically replaces a local file with `content` (UTF-8 for a string); `ifUnchanged`: see {@link AtomicWriteOptions}. */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: Omit<AtomicWriteOptions, 'pid'> = {}): Promise<void> {
  return writeAtomic(nodeFs, file, content, { ...options, pid: process.pid });
}
