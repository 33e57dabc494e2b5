import * as vscode from 'vscode';
import { toRange } from '../../adapter';
import type { Annotation } from '../../core/model';
import type { Workflow } from '../annotate/workflow';
import { loadWorkspaceSidecars } from '../tree';

/** The annotation under a position that links to an entity, if any. */
export function linkedMentionAt(workflow: Workflow, document: vscode.TextDocument, position: vscode.Position): Annotation | undefined {
  const entry = workflow.store.get(document.uri);
  if (!entry) return undefined;
  const offset = document.offsetAt(position);
  return entry.model.annotations.find((a) => a.entity !== undefined && a.status !== 'rejected' && !entry.orphans.has(a.id) && a.start <= offset && offset <= a.end);
}

/** Every mention in the workspace's articles that links to `entity`, with its location ([] once cancelled). */
export async function mentionsOf(workflow: Workflow, entity: string, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  await loadWorkspaceSidecars(workflow);
  const out: vscode.Location[] = [];
  for (const entry of workflow.store.all()) {
    if (token?.isCancellationRequested) return [];
    const mentions = entry.model.annotations.filter((a) => a.entity === entity && a.status !== 'rejected' && !entry.orphans.has(a.id));
    if (!mentions.length) continue;
    const document = await documentFor(entry.uri);
    for (const a of mentions) out.push(new vscode.Location(entry.uri, toRange(document, a)));
  }
  return out;
}

/** The document of `uri`: the open one when there is one (no round trip), else opened. */
export function documentFor(uri: vscode.Uri): Thenable<vscode.TextDocument> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return open ? Promise.resolve(open) : vscode.workspace.openTextDocument(uri);
}
