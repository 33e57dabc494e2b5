import * as vscode from 'vscode';

/**
 * Sidecar I/O through `vscode.workspace.fs`, so remote and virtual file systems work.
 *
 * Writes are atomic: the new content goes to a temporary file beside the target, which is then
 * renamed over it, so a crash leaves the old file or the new one, never an empty or partial one
 * (`workspace.fs.writeFile` truncates and then writes).
 *
 * For `file:` URIs only, Node's fs does the write and the rename: `workspace.fs` has no fsync, and
 * its rename with `overwrite` deletes the target before renaming on the local disk provider, which
 * leaves a moment with no sidecar at all (a test caught it). Node's `rename(2)` replaces the
 * target in one step; the temporary file and the folder are fsynced so the content survives a power
 * loss. Every other scheme (remote, virtual) goes through `workspace.fs` only.
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

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

let counter = 0;

/** Atomically replaces `target` with `text` (UTF-8): temporary file beside it, then rename. */
export async function writeTextAtomic(target: vscode.Uri, text: string): Promise<void> {
  const content = new TextEncoder().encode(text);
  const real = target.scheme === 'file' ? await realFileUri(target) : target;
  const folder = vscode.Uri.joinPath(real, '..');
  const name = real.path.slice(real.path.lastIndexOf('/') + 1);
  // Not matching *.factmark.yaml, so the watcher never mistakes it for a sidecar.
  const tmp = vscode.Uri.joinPath(folder, `.${name}.${process.pid}-${Date.now().toString(36)}-${counter++}.tmp`);
  try {
    if (real.scheme === 'file') {
      await writeDurably(tmp.fsPath, content, real.fsPath);
      const fs = await import('fs');
      await fs.promises.rename(tmp.fsPath, real.fsPath);
      await syncFolder(folder.fsPath);
    } else {
      await vscode.workspace.fs.writeFile(tmp, content);
      await vscode.workspace.fs.rename(tmp, real, { overwrite: true });
    }
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

// ---- file: URIs only: fsync, atomic replace, mode and symlinks, which workspace.fs cannot express ----

/** A symlinked sidecar: write next to its target, so the link itself is preserved. */
async function realFileUri(uri: vscode.Uri): Promise<vscode.Uri> {
  const fs = await import('fs');
  try {
    return vscode.Uri.file(await fs.promises.realpath(uri.fsPath));
  } catch {
    return uri;
  }
}

async function writeDurably(path: string, content: Uint8Array, keepModeOf: string): Promise<void> {
  const fs = await import('fs');
  const mode = await fs.promises.stat(keepModeOf).then((s) => s.mode & 0o7777, () => undefined);
  const handle = await fs.promises.open(path, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(path: string): Promise<void> {
  const fs = await import('fs');
  // Some platforms (Windows) cannot open a folder for fsync: the rename is then as durable as it gets.
  const handle = await fs.promises.open(path, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
