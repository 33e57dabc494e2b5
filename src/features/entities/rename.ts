import * as vscode from 'vscode';
import { parseEntities, renameEntity, writeEntities } from '../../core/entities';
import type { Workflow } from '../annotate/workflow';
import type { EntitiesFiles } from './entitiesFiles';
import { linkedMentionAt } from './mentions';

/**
 * Rename Symbol (F2) on a mention linked to an entity: the entity's canonical name changes in the
 * entities file, as one workspace edit (previewable, undoable), and nothing else: the articles
 * keep their text, and the old name becomes an alias. A malformed entities file is not touched.
 */
export function registerRename(workflow: Workflow, files: EntitiesFiles): vscode.Disposable {
  const target = async (document: vscode.TextDocument, position: vscode.Position) => {
    const mention = linkedMentionAt(workflow, document, position);
    if (mention?.entity === undefined) throw new Error('Factmark renames an entity from a mention linked to it.');
    const file = await files.forDocument(document.uri);
    if (file && file.text === undefined) throw noFile(file.uri);
    if (file && !file.result.writable) throw notWritable(file.uri);
    const found = await files.find(mention.entity, document.uri);
    if (!found) throw new Error(`The entity ${mention.entity} is not in the entities file.`);
    return { mention, ...found };
  };
  return vscode.languages.registerRenameProvider(
    { language: 'plaintext' },
    {
      async prepareRename(document, position) {
        const { mention, entity } = await target(document, position);
        return { range: new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)), placeholder: entity.name };
      },
      async provideRenameEdits(document, position, newName) {
        const { entity, file } = await target(document, position);
        const name = newName.trim();
        if (!name) throw new Error('An entity needs a name.');
        if (file.text === undefined) throw noFile(file.uri);
        // The cache may lag the disk (a checkout just before F2, the watcher not yet fired): the
        // range edit is computed on the text as it is now, or it would land in the wrong place.
        let text: string;
        try {
          text = (await vscode.workspace.openTextDocument(file.uri)).getText();
        } catch {
          throw noFile(file.uri);
        }
        const current = parseEntities(text);
        if (!current.writable || !current.data) throw notWritable(file.uri);
        if (!current.data.entities.some((e) => e.id === entity.id)) throw new Error(`The entity ${entity.id} is not in the entities file.`);
        const next = writeEntities(text, renameEntity(current.data, entity.id, name));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(file.uri, changedRange(text, next), changedText(text, next));
        return edit;
      },
    },
  );
}

function noFile(uri: vscode.Uri): Error {
  return new Error(`There is no entities file (${vscode.workspace.asRelativePath(uri)}): Factmark renames entities it holds.`);
}

function notWritable(uri: vscode.Uri): Error {
  return new Error(`${vscode.workspace.asRelativePath(uri)} has errors (see Problems): fix it first; Factmark does not write over it.`);
}

/** The one span of `before` that differs from `after` (common head and tail left out), as a range. */
function changedRange(before: string, after: string): vscode.Range {
  const [head, tail] = common(before, after);
  return new vscode.Range(positionIn(before, head), positionIn(before, before.length - tail));
}

function changedText(before: string, after: string): string {
  const [head, tail] = common(before, after);
  return after.slice(head, after.length - tail);
}

function common(a: string, b: string): [number, number] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [head, tail];
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
