import * as vscode from 'vscode';
import { readSnapshotSteps, snapshotParts, type FileStamp, type IndexedDocument, type SnapshotEntry } from '../../core/index';
import { runInSlices } from '../../core/slices';
import { Disposable } from '../dispose';

/** The index is saved for the next session this long after it last changed (it has settled). */
const SAVE_MS = 3000;

/** The snapshot's file in the workspace's storage. */
const FILE = 'workspace-index.json';

/**
 * Where the workspace index is kept between sessions (src/core/index/snapshot.ts): a file in the
 * extension's workspace storage, read and written through `vscode.workspace.fs` so the same code
 * serves the desktop and the web. Every failure is a line in the output channel and a cold build,
 * never an error the user has to deal with.
 */
export class IndexSnapshots implements vscode.Disposable {
  private readonly file: vscode.Uri;
  private channel: vscode.OutputChannel | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly version: string,
  ) {
    this.file = vscode.Uri.joinPath(storage, FILE);
  }

  dispose(): void {
    this.channel?.dispose();
  }

  /** The snapshot's entries, or undefined (none yet, unreadable, another version: then a cold build). */
  async load(): Promise<SnapshotEntry[] | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      // No snapshot yet (a first start): nothing to say.
      return undefined;
    }
    // Read in slices: a large workspace's snapshot takes some 0.3 s to parse.
    const read = await runInSlices(readSnapshotSteps(new TextDecoder('utf-8').decode(bytes), this.version));
    if ('reason' in read) {
      this.log(`The saved workspace index was not used (${read.reason}): building it again from the files.`);
      return undefined;
    }
    return read.entries;
  }

  /** Writes the snapshot; the number of entries saved, or undefined when it could not be written (said in the output channel). */
  async save(entries: Iterable<SnapshotEntry>): Promise<number | undefined> {
    const list = [...entries];
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      // Written beside, then renamed: a window closed mid-write leaves the old snapshot, not half a new one.
      const tmp = vscode.Uri.joinPath(this.storage, `${FILE}.tmp`);
      // Made a part at a time, letting the extension host answer in between (5,000 articles take a few hundred ms in all).
      const parts: string[] = [];
      for (const part of snapshotParts(list, this.version)) {
        parts.push(part);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(parts.join('')));
      await vscode.workspace.fs.rename(tmp, this.file, { overwrite: true });
    } catch (err) {
      this.log(`The workspace index could not be saved for the next session: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    return list.length;
  }

  get uri(): vscode.Uri {
    return this.file;
  }

  log(line: string): void {
    this.channel ??= vscode.window.createOutputChannel('Factmark Index');
    this.channel.appendLine(`[${new Date().toISOString()}] ${line}`);
  }
}

/** A file's stamp, or undefined when it is not there. */
export async function stampOf(uri: vscode.Uri): Promise<FileStamp | undefined> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    return { mtime: s.mtime, size: s.size };
  } catch {
    return undefined;
  }
}

/** The files a document's entry was read from. */
export type Stamps = Omit<SnapshotEntry, 'doc'>;

/**
 * Keeps the workspace index for the next session: the stamps of the files each entry was read
 * from (entries taken from an editor have none and are not kept), and a save once the index has
 * settled. A save is skipped when no kept entry changed since the last one: typing in an open
 * article changes the index every few seconds, and 5,000 articles' snapshot is tens of MB.
 */
export class IndexKeeper extends Disposable {
  private readonly stamps = new Map<string, Stamps>();
  /** Counts changes of `stamps`; the count at the last save. */
  private changes = 0;
  private savedAt = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Tests hold the saved index still while they change files. */
  private held = false;
  /** Saves one at a time: two writing the same temporary file at once could leave a damaged one. */
  private saving: Promise<number> = Promise.resolve(0);

  constructor(
    readonly snapshots: IndexSnapshots,
    private readonly documentOf: (key: string) => IndexedDocument | undefined,
    /** Whether the index is built (never saved half built). */
    private readonly built: () => boolean,
  ) {
    super();
    this._register(snapshots);
  }

  override dispose(): void {
    clearTimeout(this.timer);
    super.dispose();
  }

  /** The entry `key` was read from these files. */
  stamp(key: string, stamps: Stamps): void {
    this.stamps.set(key, stamps);
    this.changes++;
  }

  /** The entry `key` is gone, or no longer read from its files. */
  unstamp(key: string): void {
    if (this.stamps.delete(key)) this.changes++;
  }

  clear(): void {
    this.stamps.clear();
    this.changes++;
  }

  /** Saves once the index has settled: the last call's time plus a pause. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_MS);
  }

  /** Saves now (unless held, or nothing kept changed since the last save, unless `force`); the number of entries saved. */
  save(force = false): Promise<number> {
    this.saving = this.saving.then(() => this.saveNow(force));
    return this.saving;
  }

  private async saveNow(force: boolean): Promise<number> {
    // Not built: the build schedules a save when it is done.
    if (this.isDisposed || this.held || !this.built()) return 0;
    if (!force && this.changes === this.savedAt) return 0;
    const at = this.changes;
    const saved = await this.snapshots.save(this.entries());
    // A failed write is tried again at the next save, even if nothing changed meanwhile.
    if (saved !== undefined) this.savedAt = at;
    return saved ?? 0;
  }

  /** For tests: saves now and holds the snapshot still (no more saves) until `release`. */
  async saveAndHold(): Promise<number> {
    this.held = false;
    clearTimeout(this.timer);
    const saved = await this.save(true);
    this.held = true;
    return saved;
  }

  release(): void {
    this.held = false;
  }

  /** The entries read from disk, with the stamps of the files they were read from. */
  private *entries(): Iterable<SnapshotEntry> {
    for (const [key, s] of this.stamps) {
      const doc = this.documentOf(key);
      if (doc) yield { ...s, doc };
    }
  }
}
