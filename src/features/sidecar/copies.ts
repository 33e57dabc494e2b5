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
  const copies = entries
    .filter(([name, type]) => !(type & vscode.FileType.Directory) && sidecarCopiedAs(name) === own)
    .map(([name]) => vscode.Uri.joinPath(sidecar, '..', name))
    .filter((copy) => !told.has(copy.toString()))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  // Several at once (a sync tool keeps up to ten conflict copies of a busy sidecar): one notification.
  if (copies.length > 1) await tellOfSeveral(document.uri, sidecar, copies);
  else if (copies.length === 1) await tell(document.uri, sidecar, copies[0]);
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

/** Most copies named in one notification; the rest are counted (all are offered when comparing). */
const NAMED = 5;

async function tellOfSeveral(document: vscode.Uri, sidecar: vscode.Uri, copies: vscode.Uri[]): Promise<void> {
  for (const copy of copies) told.add(copy.toString());
  const own = await exists(sidecar);
  const names = copies.slice(0, NAMED).map(baseName).join(', ') + (copies.length > NAMED ? ` and ${copies.length - NAMED} more` : '');
  const answer = await vscode.window.showWarningMessage(
    `${copies.length} files beside ${baseName(document)} look like copies of its annotations (${names}): a sync tool's conflict copies, a merge's leftovers or a file manager's copies. Factmark reads only ${baseName(sidecar)}, so what they hold is not shown: ${own ? 'compare each with it, merge by hand, then delete the copies' : `${baseName(sidecar)} itself is missing; rename the copy that holds the annotations to keep to it`}.`,
    ...(own ? [COMPARE] : [OPEN]),
  );
  if (!answer) return;
  const picked = await vscode.window.showQuickPick(
    copies.map((uri) => ({ label: baseName(uri), uri })),
    { title: answer === COMPARE ? `Compare with ${baseName(sidecar)}` : 'Open a copy', placeHolder: 'Which copy?' },
  );
  if (!picked) return;
  if (answer === COMPARE) await vscode.commands.executeCommand('vscode.diff', picked.uri, sidecar, `${baseName(picked.uri)} ↔ ${baseName(sidecar)}`);
  else await vscode.window.showTextDocument(picked.uri);
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
