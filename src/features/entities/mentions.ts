import * as vscode from 'vscode';
import type { Annotation } from '../../core/model';
import type { Workflow } from '../annotate/workflow';

/** The annotation under a position that links to an entity, if any. */
export function linkedMentionAt(workflow: Workflow, document: vscode.TextDocument, position: vscode.Position): Annotation | undefined {
  const entry = workflow.store.get(document.uri);
  if (!entry) return undefined;
  const offset = document.offsetAt(position);
  return entry.model.annotations.find((a) => a.entity !== undefined && a.status !== 'rejected' && !entry.orphans.has(a.id) && a.start <= offset && offset <= a.end);
}

/** The document of `uri`: the open one when there is one (no round trip), else opened. */
export function documentFor(uri: vscode.Uri): Thenable<vscode.TextDocument> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return open ? Promise.resolve(open) : vscode.workspace.openTextDocument(uri);
}
