/**
 * Writing an export from VS Code: every target is checked before anything is written (never a document
 * being exported, nor a sidecar; existing files only after the user agrees), then each file is written
 * atomically, as the sidecars are.
 */
import * as vscode from 'vscode';
import { neverWritten, type ExportFile } from '../core/export';
import { isSidecarPath } from '../core/sidecar';
import { exists, sidecarUriOf, writeTextAtomic } from './sidecar/files';
import { onNodeDisk } from './host';

/** The URIs an export's files go to. */
export function plannedUris(target: vscode.Uri, files: readonly ExportFile[], asFolder: boolean): vscode.Uri[] {
  if (!asFolder) return [target];
  return files.map((f) => vscode.Uri.joinPath(target, ...f.name.split('/').filter((p) => p !== '..' && p !== '.' && p !== '')));
}

/**
 * One key for every name of a file: on the local disk its real path (a symlink to a document, a
 * symlinked folder or `a/../b` is the document, and the atomic write would replace what the link points
 * to); elsewhere the URI. Compared without case: on a case-insensitive disk (macOS, Windows) `Story.txt`
 * is `story.txt`.
 */
async function sameFile(uri: vscode.Uri): Promise<string> {
  if (!onNodeDisk(uri)) return uri.toString().toLowerCase();
  const { realPath } = await import('../node/realPath');
  return vscode.Uri.file(await realPath(uri.fsPath)).toString().toLowerCase();
}

/** Whether the file holds exactly `content` (UTF-8). */
async function holds(uri: vscode.Uri, content: string): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const wanted = new TextEncoder().encode(content);
    return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
  } catch {
    return false;
  }
}

/**
 * Checks the targets (`uris[i]` would get `contents[i]`): undefined when they may be written, else why
 * not (shown to the user). What is never written, not even when the user agrees, is decided with the
 * CLI (core/export/targets.ts); other existing files are replaced only when `force` is set or the user
 * says so in a modal question.
 */
export async function refusal(uris: readonly vscode.Uri[], contents: readonly string[], documents: readonly string[], force: boolean): Promise<string | undefined> {
  const inputs = new Set(await Promise.all(documents.flatMap((d) => [vscode.Uri.parse(d), sidecarUriOf(vscode.Uri.parse(d))]).map(sameFile)));
  const planned = new Set<string>();
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i];
    const key = await sameFile(uri);
    // The article behind a symlink is annotated when its sidecar sits beside the link or beside the file itself.
    const real = onNodeDisk(uri) ? vscode.Uri.file(await (await import('../node/realPath')).realPath(uri.fsPath)) : uri;
    const annotated = (await exists(sidecarUriOf(uri))) || (await exists(sidecarUriOf(real)));
    // Read only for an annotated target: its content decides (the same text written again is harmless).
    const same = annotated && (await holds(uri, contents[i]));
    const facts = { input: inputs.has(key), sidecar: isSidecarPath(uri.path) || isSidecarPath(key), annotated, sameContent: () => same, twice: planned.has(key) };
    const never = neverWritten(vscode.workspace.asRelativePath(uri), facts, 'choose another place');
    if (never) return never;
    planned.add(key);
  }
  if (force) return undefined;
  const existing: vscode.Uri[] = [];
  for (const uri of uris) if (await exists(uri)) existing.push(uri);
  if (existing.length === 0) return undefined;
  const names = existing.slice(0, 3).map((u) => vscode.workspace.asRelativePath(u)).join(', ') + (existing.length > 3 ? `, and ${existing.length - 3} more` : '');
  const replace = `Replace ${existing.length === 1 ? 'It' : `All ${existing.length}`}`;
  const choice = await vscode.window.showWarningMessage(`Factmark: the export would replace ${existing.length === 1 ? 'an existing file' : `${existing.length} existing files`}: ${names}.`, { modal: true }, replace);
  return choice === replace ? undefined : 'existing files kept';
}

/** Writes the files, each atomically. */
export async function writeAll(uris: readonly vscode.Uri[], files: readonly ExportFile[]): Promise<void> {
  for (let i = 0; i < uris.length; i++) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uris[i], '..'));
    await writeTextAtomic(uris[i], files[i].content);
  }
}
