import * as vscode from 'vscode';
import { sidecarCopiedAs } from '../../core/sidecar';
import { baseName, exists, sidecarUriOf } from './files';

/**
 * Copies of an article's sidecar beside it (RELIABILITY-CASES D8): a sync tool's conflict copy
 * (Syncthing, Dropbox, Nextcloud, OneDrive), a merge's leftover (`.orig`), a file manager's copy, or
 * Factmark's own `.conflict-*` file. Factmark reads only the sidecar itself, so what a copy holds is
 * not shown: the user is told when the article opens, or when a copy appears while it is open, and
 * can compare the two. Nothing is read from the copy, moved or deleted: which annotations to keep is
 * the user's decision.
 */

const COMPARE = 'Compare with the Sidecar';
const OPEN = 'Open the Copy';
/** `<sidecar>.conflict-<time>`: written by conflictCopy.ts. */
const OWN_CONFLICT_COPY = /\.factmark\.yaml\.conflict-[^/]*$/;
/** Copies already told of in this session (by URI): once each. */
const told = new Set<string>();

/** Tells of every copy of `document`'s sidecar in its folder. */
export async function warnOfSidecarCopies(document: vscode.TextDocument): Promise<void> {
  if (document.isUntitled) return;
  const sidecar = sidecarUriOf(document.uri);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(sidecar, '..'));
  } catch {
    return; // a folder that cannot be listed (a virtual file system): nothing to tell
  }
  const own = baseName(sidecar);
  const copies = entries.filter(([name, type]) => !(type & vscode.FileType.Directory) && sidecarCopiedAs(name) === own).map(([name]) => name).sort();
  await Promise.all(copies.map((name) => tell(document.uri, sidecar, vscode.Uri.joinPath(sidecar, '..', name))));
}

/** Watches for copies that appear beside the sidecars of open articles (a sync tool at work). */
export function watchSidecarCopies(): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.factmark*', false, true, true);
  const created = watcher.onDidCreate((copy) => {
    const copied = sidecarCopiedAs(baseName(copy));
    // Factmark's own conflict copy is told of by the writer that makes it (writer.ts), at that moment.
    if (!copied || OWN_CONFLICT_COPY.test(baseName(copy))) return;
    const sidecar = vscode.Uri.joinPath(copy, '..', copied);
    const document = vscode.workspace.textDocuments.find((d) => !d.isUntitled && sidecarUriOf(d.uri).toString() === sidecar.toString());
    if (document) void tell(document.uri, sidecar, copy);
  });
  return vscode.Disposable.from(watcher, created);
}

async function tell(document: vscode.Uri, sidecar: vscode.Uri, copy: vscode.Uri): Promise<void> {
  const key = copy.toString();
  if (told.has(key)) return;
  told.add(key);
  const own = await exists(sidecar);
  const answer = await vscode.window.showWarningMessage(
    `${baseName(copy)} beside ${baseName(document)} looks like a copy of its annotations (a sync tool's conflict copy, a merge's leftover or a file manager's copy). Factmark reads only ${baseName(sidecar)}, so what the copy holds is not shown: ${own ? 'compare the two, merge by hand, then delete the copy' : `${baseName(sidecar)} itself is missing; rename the copy to it if it holds the annotations to keep`}.`,
    ...(own ? [COMPARE] : [OPEN]),
  );
  if (answer === COMPARE) await vscode.commands.executeCommand('vscode.diff', copy, sidecar, `${baseName(copy)} ↔ ${baseName(sidecar)}`);
  else if (answer === OPEN) await vscode.window.showTextDocument(copy);
}
