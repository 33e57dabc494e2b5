import * as vscode from 'vscode';
import type { IndexedMention, IndexedSpan, WorkspaceIndex } from '../../core/index';

// Where entities and their mentions belong (entities are kept per workspace folder), and an indexed span as a range.

/**
 * Whether the document of index key `doc` belongs to the workspace folder of `file` (an entities
 * file): entities are kept per folder, and the same id in two folders names two entities.
 */
export function sameFolder(doc: string, file: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  return !!folder && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(doc))?.uri.toString() === folder.uri.toString();
}

/** The mentions of `entity` in the articles its entities file `file` governs (its workspace folder). */
export function mentionsIn(index: WorkspaceIndex, entity: string, file: vscode.Uri): IndexedMention[] {
  return index.mentionsOf(entity).filter((m) => sameFolder(m.doc, file));
}

/** An indexed span as a VS Code range (the index counts UTF-16 columns, as VS Code does). */
export function rangeOf(span: IndexedSpan): vscode.Range {
  return new vscode.Range(span.line, span.character, span.endLine, span.endCharacter);
}
