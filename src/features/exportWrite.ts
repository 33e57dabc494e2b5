/**
 * Writing an export from VS Code: every target is checked before anything is written (never a document
 * being exported, nor a sidecar; existing files only after the user agrees), then each file is written
 * atomically, as the sidecars are.
 */
import * as vscode from 'vscode';
import type { ExportFile } from '../core/export';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar';
import { writeTextAtomic } from './sidecar/files';

/** The URIs an export's files go to. */
export function plannedUris(target: vscode.Uri, files: readonly ExportFile[], asFolder: boolean): vscode.Uri[] {
  if (!asFolder) return [target];
  return files.map((f) => vscode.Uri.joinPath(target, ...f.name.split('/').filter((p) => p !== '..' && p !== '.' && p !== '')));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the targets: undefined when they may be written, else why not (shown to the user). Existing files
 * are replaced only when `force` is set or the user says so in a modal question.
 */
export async function refusal(uris: readonly vscode.Uri[], documents: readonly string[], force: boolean): Promise<string | undefined> {
  // Compared without case: on a case-insensitive disk (macOS, Windows) `Story.txt` is `story.txt`.
  const same = (u: vscode.Uri | string) => u.toString().toLowerCase();
  const inputs = new Set(documents.flatMap((d) => [d, vscode.Uri.parse(d).with({ path: sidecarPathFor(vscode.Uri.parse(d).path) }).toString()]).map(same));
  const planned = new Set<string>();
  for (const uri of uris) {
    const name = vscode.workspace.asRelativePath(uri);
    if (inputs.has(same(uri))) return `${name} is a document being exported (or its sidecar); choose another place`;
    if (isSidecarPath(uri.path)) return `${name} is a Factmark sidecar; choose another name`;
    // Two documents whose files would have one name (brat's `notes` and `notes.txt`): the second would replace the first.
    if (planned.has(same(uri))) return `two exported files would both be ${name}; export those documents apart`;
    planned.add(same(uri));
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
