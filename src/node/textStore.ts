/**
 * Copies of the article texts that sidecars were written on, kept by their fingerprint (the git blob
 * hash a sidecar stores as `document.gitBlob`) in the user's cache folder. Without the text the
 * offsets were made on, re-anchoring after an edit made outside Factmark can only search by quote and
 * context, and a copied sentence or paragraph then leaves annotations as ambiguous orphans (or, in
 * rare cases, on the copy); with it, it diffs. Git has that text only for committed articles; this
 * store has it for every article Factmark (the CLI or the extension) wrote a sidecar for on this
 * machine. Shared by the CLI and the desktop extension, so either can re-anchor after the other.
 *
 * Laid out as git's loose objects (`ab/cdef…`, the file's exact bytes), private to the user (folder
 * 0700, files 0600), bounded in size (the least recently used dropped first), and every read checked
 * against its fingerprint: a damaged, replaced or hostile entry (a link, a FIFO, a huge file) is
 * "not found", never a wrong old text. `FACTMARK_TEXT_STORE` names another folder, or `off`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Largest text kept (the CLI's document limit). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** The store's size past which the least recently used texts are dropped. */
export const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;
/** Puts between two looks at the store's total size (a look reads every entry's size). */
const PRUNE_EVERY = 64;

const HASH = /^[0-9a-f]{40}$/;
/** A store's folders and the names of its entries (with the temporary files `put` writes beside them). */
const ENTRY_DIR = /^[0-9a-f]{2}$/;
/** What file managers leave in any folder they show (it does not make a store a folder of the user's). */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
const ENTRY_NAME = /^[0-9a-f]{38}(\.\d+\.[0-9a-z]+\.tmp)?$/;

/** The store's folder: `FACTMARK_TEXT_STORE`, else the platform's cache folder; undefined when turned off. */
export function textStoreFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.FACTMARK_TEXT_STORE;
  if (set !== undefined && set !== '') return /^(off|0|false|no)$/i.test(set) ? undefined : path.resolve(set);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'factmark', 'texts');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'factmark', 'texts');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'factmark', 'texts');
}

export class TextStore {
  private puts = 0;

  constructor(
    readonly folder: string,
    private readonly budget = DEFAULT_BUDGET_BYTES,
  ) {}

  private file(hash: string): string {
    return path.join(this.folder, hash.slice(0, 2), hash.slice(2));
  }

  /**
   * Keeps `bytes` (an article's exact bytes, or the UTF-8 of its text) under their fingerprint, which
   * it returns. Never throws: a store that cannot be written (read-only, full disk) only means the
   * old text will not be known later, as before this store existed.
   */
  put(bytes: Uint8Array): string | undefined {
    let temp: string | undefined;
    try {
      if (bytes.length > MAX_TEXT_BYTES) return undefined;
      const hash = blobHash(bytes);
      const file = this.file(hash);
      // Kept already: a plain file of the right size (a damaged, linked or other entry is replaced,
      // else it would stand in the way of this text for good, as `get` refuses it).
      if (isPlainFileOf(file, bytes.length)) {
        touch(file);
        return hash;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside, then renamed: a reader never sees half a text (and would refuse it by its hash anyway).
      const beside = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
      temp = beside;
      fs.writeFileSync(beside, bytes, { mode: 0o600, flag: 'wx' });
      try {
        fs.renameSync(beside, file);
        temp = undefined;
      } catch (e) {
        // Another process kept the same text first (on Windows a rename over an entry another
        // process holds open fails): kept all the same.
        if (!isPlainFileOf(file, bytes.length)) throw e;
        removeQuietly(beside);
        return hash;
      }
      if (this.puts++ % PRUNE_EVERY === 0) this.prune();
      return hash;
    } catch {
      // A failed write or rename (full disk; on Windows, another process reading the entry) leaves no
      // temporary file behind.
      if (temp !== undefined) removeQuietly(temp);
      return undefined;
    }
  }

  /** The bytes whose fingerprint is `hash`, or undefined: not kept, not a plain file, too big, or damaged. */
  get(hash: string): Uint8Array | undefined {
    if (!HASH.test(hash)) return undefined;
    const file = this.file(hash);
    let fd: number | undefined;
    try {
      // Opened first, without following a link and without waiting on a FIFO, then asked what it is:
      // a check by path and a read by path could meet two different files (an entry swapped for a
      // FIFO in between would hang the read, and with it the extension host).
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_TEXT_BYTES) return undefined;
      const bytes = fs.readFileSync(fd);
      if (blobHash(bytes) !== hash) {
        // Damaged (a disk error, an edit by hand): dropped, else an entry of the right size would
        // stand in the way of the text for good, as `put` takes it for kept without reading it.
        // Only the very file read: another process may have just put the right one in its place.
        if (sameFile(file, stat)) removeQuietly(file);
        return undefined;
      }
      touch(file);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** Drops the least recently used texts (by modification time, which `get` and `put` renew) past the budget. */
  prune(): void {
    const entries: { file: string; size: number; used: number }[] = [];
    let total = 0;
    // Only in a folder that looks like a store (nothing but its two-character folders) and only its
    // entries and temporary files: FACTMARK_TEXT_STORE may name a folder of the user's by mistake
    // (the home folder, a .git/objects, laid out alike), whose files a prune must never delete.
    const dirs = safeList(this.folder);
    if (!dirs.every((dir) => ENTRY_DIR.test(dir) || SYSTEM_FILES.has(dir))) return;
    for (const dir of dirs) {
      if (!ENTRY_DIR.test(dir)) continue;
      for (const name of safeList(path.join(this.folder, dir))) {
        if (!ENTRY_NAME.test(name)) continue;
        const file = path.join(this.folder, dir, name);
        try {
          const stat = fs.lstatSync(file);
          if (!stat.isFile()) continue;
          entries.push({ file, size: stat.size, used: stat.mtimeMs });
          total += stat.size;
        } catch {
          // gone meanwhile (another process pruned it)
        }
      }
    }
    if (total <= this.budget) return;
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.budget) break;
      try {
        fs.rmSync(e.file, { force: true });
        total -= e.size;
      } catch {
        // left for the next look
      }
    }
  }
}

const opened = new Map<string, TextStore>();

/** The store of `textStoreFolder()` (one per folder and process), or undefined when it is turned off. */
export function openTextStore(env: NodeJS.ProcessEnv = process.env): TextStore | undefined {
  const folder = textStoreFolder(env);
  if (folder === undefined) return undefined;
  let store = opened.get(folder);
  if (!store) opened.set(folder, (store = new TextStore(folder)));
  return store;
}

/**
 * Keeps the text a sidecar refers to by its `document.gitBlob`. Without `gitBlob`, the sidecar was
 * just written on `text` and `fileBytes` (core's documentFingerprint: the file's bytes when they read
 * as the text, else the text's UTF-8). With it, whichever of the file's bytes, the text's UTF-8 or
 * that after a byte-order mark has that fingerprint (none: nothing kept).
 */
export function keepText(store: TextStore | undefined, text: string, fileBytes?: Uint8Array, gitBlob?: string): boolean {
  if (!store) return false;
  if (gitBlob === undefined) return store.put(fileBytes && new TextDecoder('utf-8').decode(fileBytes) === text ? fileBytes : new TextEncoder().encode(text)) !== undefined;
  if (!HASH.test(gitBlob)) return false;
  const candidates = [() => fileBytes, () => new TextEncoder().encode(text), () => new TextEncoder().encode(`\ufeff${text}`)];
  for (const candidate of candidates) {
    const bytes = candidate();
    if (bytes && bytes.length <= MAX_TEXT_BYTES && blobHash(bytes) === gitBlob) return store.put(bytes) === gitBlob;
  }
  return false;
}

/**
 * Git's blob hash of `bytes` (core's gitBlobOfBytes), by Node's SHA-1: the store hashes every text it
 * keeps and reads, and core's portable one (written for the browser) is many times slower.
 */
function blobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // left for prune, which counts it as an entry
  }
}

function isPlainFileOf(file: string, size: number): boolean {
  try {
    const stat = fs.lstatSync(file);
    return stat.isFile() && stat.size === size;
  } catch {
    return false;
  }
}

/** `file` is still the entry `stat` describes (not replaced since it was opened). */
function sameFile(file: string, stat: fs.Stats): boolean {
  try {
    const now = fs.lstatSync(file);
    return now.ino === stat.ino && now.dev === stat.dev;
  } catch {
    return false;
  }
}

function touch(file: string): void {
  const now = new Date();
  try {
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only store still answers
  }
}

function safeList(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}
