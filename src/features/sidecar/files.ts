import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/sidecar';
import { ABANDONED_AFTER_MS, writeAtomic, type AtomicFs, type AtomicWriteOptions } from '../../core/sidecar/atomicWrite';
import { onNodeDisk } from '../host';

/**
 * Sidecar I/O through `vscode.workspace.fs`, so remote and virtual file systems work.
 *
 * Writes are atomic (`atomicWrite.ts`, the sequence the CLI uses too): temporary file beside the
 * target, then a rename over it, so a crash leaves the old file or the new one, never an empty or
 * partial one (`workspace.fs.writeFile` truncates and then writes).
 *
 * For `file:` URIs only, Node's fs does the write and the rename (`nodeFs.ts`): `workspace.fs` has no
 * fsync, and its rename with `overwrite` deletes the target before renaming on the local disk
 * provider, which leaves a moment with no sidecar at all (a test caught it). Every other scheme
 * (remote, virtual) goes through `workspace.fs` only, and so does everything in the browser (VS Code
 * for the Web), where there is no Node. There the write is atomic only as far as `workspace.fs`
 * allows: no flush to disk; the rename over the target may delete it first (the disk provider behind
 * a `vscode-remote:` URI does), leaving a moment with no sidecar; and the lock is "check, then
 * write", not an exclusive create. A reader never sees a half-written sidecar, but a crash at the
 * wrong moment can leave only the temporary file (the next write cleans it up).
 */

/** What reading a sidecar found. */
export type ReadResult = { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'undecodable'; message: string };

export async function readSidecarFile(uri: vscode.Uri): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    throw e;
  }
  try {
    // ignoreBOM keeps a byte-order mark in the text, so the writer can keep it too.
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { kind: 'undecodable', message: 'The sidecar is not valid UTF-8 (a UTF-16 file or damaged bytes?): it is not read and not written.' };
  }
}

/** A file's text (UTF-8, without a byte-order mark), or undefined when it cannot be read. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Atomically replaces `target` with `text` (UTF-8): temporary file beside it, then rename (see atomicWrite.ts). */
export async function writeTextAtomic(target: vscode.Uri, text: string, options: Omit<AtomicWriteOptions, 'pid'> = {}): Promise<void> {
  if (onNodeDisk(target)) {
    // Loaded on first use: nothing of Node's fs is needed for remote and virtual workspaces, nor on the web.
    const { writeFileAtomic } = await import('../../node/fs');
    return writeFileAtomic(target.fsPath, text, options);
  }
  return writeAtomic(workspaceFs(target), target.path, text, { ...options, pid: typeof process === 'object' ? process.pid : 0 });
}

/** {@link AtomicFs} on `vscode.workspace.fs` for one URI's scheme and authority (remote, virtual). */
function workspaceFs(base: vscode.Uri): AtomicFs {
  const at = (path: string) => base.with({ path, query: '', fragment: '' });
  return {
    dirname: (p) => p.slice(0, Math.max(p.lastIndexOf('/'), 1)),
    join: (folder, name) => (folder.endsWith('/') ? folder + name : `${folder}/${name}`),
    writeNew: (p, content) => Promise.resolve(vscode.workspace.fs.writeFile(at(p), content)),
    rename: (from, to) => Promise.resolve(vscode.workspace.fs.rename(at(from), at(to), { overwrite: true })),
    remove: (p) => Promise.resolve(vscode.workspace.fs.delete(at(p))).then(undefined, () => undefined),
    list: async (folder) => (await vscode.workspace.fs.readDirectory(at(folder))).map(([name]) => name),
    read: async (p) => {
      try {
        return await vscode.workspace.fs.readFile(at(p));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
        throw e;
      }
    },
    // No process ids to check on another machine: only age tells an abandoned temporary file.
    abandoned: async (p) => {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(at(p))).catch(() => undefined);
      return stat !== undefined && Date.now() - stat.mtime > ABANDONED_AFTER_MS;
    },
  };
}


/** The sidecar of a document: beside it, its name plus `.factmark.yaml`. */
export function sidecarUriOf(document: vscode.Uri): vscode.Uri {
  return document.with({ path: sidecarPathFor(document.path), query: '', fragment: '' });
}

/** The last segment of a URI's path (a file's name). */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
