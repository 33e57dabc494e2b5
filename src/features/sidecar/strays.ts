import * as vscode from 'vscode';
import { documentPathFor, parseSidecar, SIDECAR_SUFFIX } from '../../core/sidecar';
import { strayMatch } from '../../core/sidecar/stray';
import { baseName, exists, readSidecarFile, sidecarUriOf } from './files';
import type { AnnotationStore } from './store';

/**
 * A document renamed or moved outside VS Code (`git mv`, a file manager, a colleague's commit) leaves
 * its sidecar behind under the old name. When a document without annotations is opened, a sidecar
 * whose own document is gone — in the same folder, or anywhere in the workspace under the same file
 * name — and whose text matches (same git blob, or most of its quotes) is offered to it. Never moved
 * unasked: the user may have deleted the old document on purpose and kept its annotations.
 */

const MOVE = 'Move Annotations Here';
/** Stray sidecars looked at elsewhere in the workspace, at most. */
const ELSEWHERE_LIMIT = 20;
/** Pairs already offered in this session ("document ← sidecar"): asked once. */
const offered = new Set<string>();

export async function offerStraySidecar(store: AnnotationStore, document: vscode.TextDocument): Promise<void> {
  if (document.isUntitled || !vscode.workspace.isTrusted) return;
  const target = sidecarUriOf(document.uri);
  if (await exists(target)) return;
  const found = await findStray(document.uri, document.getText());
  // The search takes a while: by now the document may have a sidecar of its own, or be gone itself.
  if (!found || found.sidecar.toString() === target.toString() || (await exists(target)) || !(await exists(document.uri))) return;
  const key = `${document.uri} ← ${found.sidecar}`;
  if (offered.has(key)) return;
  offered.add(key);
  const old = vscode.workspace.asRelativePath(found.document);
  const what =
    found.match === 'same'
      ? `its annotations (${baseName(found.sidecar)}) were made on exactly the text of ${baseName(document.uri)}`
      : `most of its annotated text is in ${baseName(document.uri)}`;
  const answer = await vscode.window.showInformationMessage(
    `${old} is gone, and ${what}. Was it renamed or moved outside VS Code? Move the annotations to ${baseName(document.uri)}${found.match === 'same' ? '' : ' (they are re-anchored)'}?`,
    MOVE,
  );
  if (answer !== MOVE) return;
  if (await exists(target)) {
    void vscode.window.showWarningMessage(`${baseName(document.uri)} has annotations of its own by now (${baseName(target)}); ${baseName(found.sidecar)} stays where it is.`);
    return;
  }
  try {
    await vscode.workspace.fs.rename(found.sidecar, target, { overwrite: false });
  } catch (e) {
    void vscode.window.showErrorMessage(`Factmark could not move ${baseName(found.sidecar)}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  // Loaded like a sidecar that appeared on disk: re-anchored if the text changed, its path updated.
  await store.reloadSidecar(target);
}

interface Stray {
  sidecar: vscode.Uri;
  document: vscode.Uri;
  match: 'same' | 'likely';
}

/** The one stray sidecar that fits the text (an exact one first); none when it is not clear which. */
async function findStray(doc: vscode.Uri, text: string): Promise<Stray | undefined> {
  const candidates = [...(await sameFolder(doc)), ...(await sameName(doc))];
  const matches: Stray[] = [];
  const seen = new Set<string>();
  const own = sidecarUriOf(doc).toString();
  for (const sidecar of candidates) {
    if (seen.has(sidecar.toString()) || sidecar.toString() === own) continue;
    seen.add(sidecar.toString());
    const read = await readSidecarFile(sidecar).catch(() => undefined);
    const data = read?.kind === 'text' ? parseSidecar(read.text).doc : undefined;
    const match = data && strayMatch(data, text);
    if (match) matches.push({ sidecar, document: documentOf(sidecar), match });
  }
  const same = matches.filter((m) => m.match === 'same');
  if (same.length) return same.length === 1 ? same[0] : undefined;
  return matches.length === 1 ? matches[0] : undefined;
}

/** Sidecars beside the document whose own document is not there. */
async function sameFolder(doc: vscode.Uri): Promise<vscode.Uri[]> {
  const folder = vscode.Uri.joinPath(doc, '..');
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [] as [string, vscode.FileType][]);
  const names = new Set(entries.map(([n]) => n));
  return entries
    .filter(([n, type]) => {
      const documentName = documentPathFor(n);
      return type === vscode.FileType.File && documentName !== undefined && !names.has(documentName);
    })
    .map(([n]) => vscode.Uri.joinPath(folder, n));
}

/** Sidecars of a document with this file name elsewhere in the workspace, whose document is gone. */
async function sameName(doc: vscode.Uri): Promise<vscode.Uri[]> {
  const file = baseName(doc);
  // A name with glob characters cannot be searched for literally; the same folder was looked at.
  if (/[*?[\]{}]/.test(file) || !vscode.workspace.getWorkspaceFolder(doc)) return [];
  const found = await Promise.resolve(vscode.workspace.findFiles(`**/${file}${SIDECAR_SUFFIX}`, undefined, ELSEWHERE_LIMIT)).catch(() => []);
  const gone: vscode.Uri[] = [];
  for (const sidecar of found) if (!(await exists(documentOf(sidecar)))) gone.push(sidecar);
  return gone;
}

const documentOf = (sidecar: vscode.Uri) => sidecar.with({ path: documentPathFor(sidecar.path) ?? sidecar.path });
