import * as vscode from 'vscode';
import { isArticle } from '../../adapter';
import { isSidecarPath, MAX_SIDECAR_LENGTH, sidecarCopiedAs } from '../../core/sidecar';
import { baseName, exists, sidecarUriOf } from './files';

/**
 * Copies of an article's sidecar beside it (RELIABILITY-CASES D8): a sync tool's conflict copy
 * (Syncthing, Dropbox, Nextcloud, OneDrive), a merge's leftover (`.orig`), a file manager's copy, or
 * Factmark's own `.conflict-*` file. Factmark reads only the sidecar itself, so what a copy holds is
 * not shown: the user is told when the article is first shown in an editor, or when a copy appears
 * while it is shown, and can compare the two. Articles opened in the background (the timeline over a
 * selection, relinking an entity) are not looked at: no folder listing, no notification for them.
 * A copy the same as the sidecar, byte for byte (a link to the sidecar reads as it), holds nothing
 * lost and is not told of. Nothing is moved or deleted: which annotations to keep is the user's decision.
 */

const COMPARE = 'Compare with the Sidecar';
const OPEN = 'Open the Copy';
/** `<sidecar>.conflict-<time>`: written by conflictCopy.ts. */
const OWN_CONFLICT_COPY = /\.factmark\.yaml\.conflict-[^/]*$/;
/** Copies already told of in this session (by URI): once each, until deleted (the next conflict may reuse the name). */
const told = new Set<string>();
/** Articles whose folder was looked at in this session (by URI): the watcher tells of later copies. */
const looked = new Set<string>();

/** Tells of every copy of `document`'s sidecar in its folder, once a session per article. */
async function warnOfSidecarCopies(document: vscode.TextDocument): Promise<void> {
  if (document.isUntitled || !isArticle(document) || isSidecarPath(document.uri.path) || looked.has(document.uri.toString())) return;
  looked.add(document.uri.toString());
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
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const same = await Promise.all(copies.map((copy) => sameBytes(copy, sidecar)));
  // Those told of meanwhile by the watcher (a copy that appeared as the article was shown) are left out by tell.
  await tell(document.uri, sidecar, copies.filter((_, i) => !same[i]));
}

/**
 * Looks at the articles shown in editors, now and as they are shown, and watches for copies that
 * appear beside their sidecars (a sync tool at work).
 */
export function watchSidecarCopies(): vscode.Disposable {
  const shown = (editors: readonly vscode.TextEditor[]) => editors.forEach((e) => void warnOfSidecarCopies(e.document));
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.factmark*', false, true, false);
  // A copy merged and deleted is forgotten: a later conflict that makes one of the same name is news.
  const deleted = watcher.onDidDelete((gone) => told.delete(gone.toString()));
  const created = watcher.onDidCreate((copy) => {
    const copied = sidecarCopiedAs(baseName(copy));
    // Factmark's own conflict copy is told of by the writer that makes it (writer.ts), at that moment.
    if (!copied || OWN_CONFLICT_COPY.test(baseName(copy))) return;
    const sidecar = vscode.Uri.joinPath(copy, '..', copied);
    const ofIt = (d: vscode.TextDocument) => !d.isUntitled && sidecarUriOf(d.uri).toString() === sidecar.toString();
    const editor = vscode.window.visibleTextEditors.find((e) => ofIt(e.document));
    if (editor) void sameBytes(copy, sidecar).then((same) => (same ? undefined : tell(editor.document.uri, sidecar, [copy])));
    // An article open but not shown is looked at again when it is.
    else vscode.workspace.textDocuments.filter(ofIt).forEach((d) => looked.delete(d.uri.toString()));
  });
  shown(vscode.window.visibleTextEditors);
  return vscode.Disposable.from(watcher, created, deleted, vscode.window.onDidChangeVisibleTextEditors(shown));
}

/**
 * True when `copy` and `sidecar` are regular files of the same bytes: the copy holds nothing the
 * sidecar does not (a conflict that came out the same on both sides, a link to the sidecar itself,
 * which `workspace.fs` cannot tell apart from a file by its target). Sizes are compared first, and
 * neither is read past the sidecar limit (`workspace.fs` reads whole files only, so the stat is the bound).
 */
async function sameBytes(copy: vscode.Uri, sidecar: vscode.Uri): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([vscode.workspace.fs.stat(copy), vscode.workspace.fs.stat(sidecar)]);
    const file = (type: vscode.FileType) => (type & vscode.FileType.File) !== 0;
    if (!file(a.type) || !file(b.type) || a.size !== b.size || a.size > MAX_SIDECAR_LENGTH) return false;
    const [x, y] = await Promise.all([vscode.workspace.fs.readFile(copy), vscode.workspace.fs.readFile(sidecar)]);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  } catch {
    return false; // gone or unreadable (the sidecar missing): told of as a copy, as before
  }
}

/** Most copies named in one notification; the rest are counted (all are offered when comparing). */
const NAMED = 5;

/**
 * Tells of the copies not told of yet, in one notification (a sync tool keeps up to ten conflict
 * copies of a busy sidecar), with a button to compare one with the sidecar (or, when the sidecar
 * itself is missing, to open one).
 */
async function tell(document: vscode.Uri, sidecar: vscode.Uri, all: readonly vscode.Uri[]): Promise<void> {
  const copies = all.filter((copy) => !told.has(copy.toString()));
  if (copies.length === 0) return;
  for (const copy of copies) told.add(copy.toString());
  const own = await exists(sidecar);
  const one = copies.length === 1;
  const names = copies.slice(0, NAMED).map(baseName).join(', ') + (copies.length > NAMED ? ` and ${copies.length - NAMED} more` : '');
  const what = one
    ? `${names} beside ${baseName(document)} looks like a copy of its annotations (a sync tool's conflict copy, a merge's leftover or a file manager's copy)`
    : `${copies.length} files beside ${baseName(document)} look like copies of its annotations (${names}): a sync tool's conflict copies, a merge's leftovers or a file manager's copies`;
  const advice = own
    ? one ? 'compare the two, merge by hand, then delete the copy' : 'compare each with it, merge by hand, then delete the copies'
    : `${baseName(sidecar)} itself is missing; ${one ? 'rename the copy to it if it holds the annotations to keep' : 'rename the copy that holds the annotations to keep to it'}`;
  const answer = await vscode.window.showWarningMessage(
    `${what}. Factmark reads only ${baseName(sidecar)}, so what ${one ? 'the copy holds' : 'they hold'} is not shown: ${advice}.`,
    ...(own ? [COMPARE] : [OPEN]),
  );
  if (!answer) return;
  const picked = one
    ? copies[0]
    : (await vscode.window.showQuickPick(copies.map((uri) => ({ label: baseName(uri), uri })), { title: answer === COMPARE ? `Compare with ${baseName(sidecar)}` : 'Open a copy', placeHolder: 'Which copy?' }))?.uri;
  if (!picked) return;
  if (answer === COMPARE) await vscode.commands.executeCommand('vscode.diff', picked, sidecar, `${baseName(picked)} ↔ ${baseName(sidecar)}`);
  else await vscode.window.showTextDocument(picked);
}
