import * as vscode from 'vscode';
import { readSnapshot, snapshotParts, type FileStamp, type SnapshotEntry } from '../../core/index';

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
    const read = readSnapshot(new TextDecoder('utf-8').decode(bytes), this.version);
    if ('reason' in read) {
      this.log(`The saved workspace index was not used (${read.reason}): building it again from the files.`);
      return undefined;
    }
    return read.entries;
  }

  async save(entries: Iterable<SnapshotEntry>): Promise<number> {
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
