import * as vscode from 'vscode';
import { parseEntities, renameEntity, writeEntities } from '../../core/entities';
import { AwaitedTexts } from '../../core/awaitedTexts';
import { sameAsLoaded } from '../../core/text';
import type { Workflow } from '../annotate/workflow';
import type { EntitiesFiles } from './entitiesFiles';
import { linkedMentionAt } from './mentions';

/**
 * Rename Symbol (F2) on a mention linked to an entity: the entity's canonical name changes in the
 * entities file, as one workspace edit (previewable, undoable), and nothing else: the articles
 * keep their text, and the old name becomes an alias. A malformed entities file is not touched.
 */
export function registerRename(workflow: Workflow, files: EntitiesFiles): vscode.Disposable {
  const saves = new SaveWhenApplied();
  const target = async (document: vscode.TextDocument, position: vscode.Position) => {
    const mention = linkedMentionAt(workflow, document, position);
    if (mention?.entity === undefined) throw new Error('Factmark renames an entity from a mention linked to it.');
    // Read now, not from the cache: a checkout just before F2 may have brought the file, or changed it.
    const file = await files.forDocumentNow(document.uri);
    if (file && file.text === undefined) throw noFile(file.uri);
    if (file && !file.result.writable) throw notWritable(file.uri);
    const entity = file?.result.data?.entities.find((e) => e.id === mention.entity);
    if (!file || !entity) throw new Error(`The entity ${mention.entity} is not in the entities file.`);
    return { mention, entity, file };
  };
  const provider = vscode.languages.registerRenameProvider(
    { language: 'plaintext' },
    {
      async prepareRename(document, position) {
        const { mention, entity } = await target(document, position);
        return { range: new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)), placeholder: entity.name };
      },
      async provideRenameEdits(document, position, newName, token) {
        const { entity, file } = await target(document, position);
        const name = newName.trim();
        if (!name) throw new Error('An entity needs a name.');
        if (file.text === undefined) throw noFile(file.uri);
        // The cache may lag the disk (a checkout just before F2, the watcher not yet fired): the
        // range edit is computed on the text as it is now, or it would land in the wrong place.
        let entities: vscode.TextDocument;
        try {
          entities = await vscode.workspace.openTextDocument(file.uri);
        } catch {
          throw noFile(file.uri);
        }
        // VS Code's copy of the file may lag the disk too. An edit of that stale copy would make it
        // dirty, and VS Code then refuses to save it over the newer file: the rename would be lost.
        // So the edit waits until VS Code has reloaded the file (its own unsaved edits aside).
        if (!(await caughtUp(entities, token))) return undefined;
        const text = entities.getText();
        const current = parseEntities(text);
        if (!current.writable || !current.data) throw notWritable(file.uri);
        if (!current.data.entities.some((e) => e.id === entity.id)) throw new Error(`The entity ${entity.id} is not in the entities file.`);
        const next = writeEntities(text, renameEntity(current.data, entity.id, name));
        if (!entities.isDirty) saves.expect(entities, next);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(file.uri, changedRange(text, next), changedText(text, next));
        return edit;
      },
    },
  );
  return vscode.Disposable.from(provider, saves);
}

/** How long a rename's edit may take to be applied (a refactoring preview the user reads) and still be saved. */
const APPLY_WAIT_MS = 10 * 60_000;

/**
 * Saves the entities file once the rename's edit is applied, as VS Code saves the files of a
 * refactoring that spans several (`files.refactoring.autoSave`), which it does not for a
 * refactoring of one file: the file is seldom open in an editor, so its change would sit unsaved
 * and out of sight. Only when the file then holds exactly the renamed text (no other edit came
 * between) and had no unsaved edits of the user's own. One listener for every rename (an edit
 * never applied leaves only its entry, replaced by the next and dropped in time), no timers.
 */
class SaveWhenApplied implements vscode.Disposable {
  private readonly awaited = new AwaitedTexts<vscode.TextDocument>(APPLY_WAIT_MS);
  private readonly listeners = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length) return;
      // (Not asked of `isDirty`: the extension host may hear of the edit before it hears the file is dirty.)
      if (this.awaited.arrived(e.document, () => e.document.getText(), Date.now())) this.save(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => this.awaited.forget(d)),
  ];

  expect(document: vscode.TextDocument, renamed: string): void {
    if (!vscode.workspace.getConfiguration('files').get<boolean>('refactoring.autoSave', true)) return;
    this.awaited.expect(document, renamed, Date.now());
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
  }

  private save(document: vscode.TextDocument): void {
    const fail = (why: string) => void vscode.window.showWarningMessage(`Factmark: the rename is applied but ${vscode.workspace.asRelativePath(document.uri)} could not be saved${why}: save it yourself.`);
    document.save().then(
      (saved) => saved || fail(''),
      (err: unknown) => fail(` (${err instanceof Error ? err.message : String(err)})`),
    );
  }
}

/** How long a rename waits for VS Code to reload an entities file changed on disk. */
const RELOAD_WAIT_MS = 60_000;

/**
 * Whether `document` holds what its file holds on disk, waiting for VS Code to reload it when it
 * does not; true at once when it has unsaved edits (they are the user's and get edited), false
 * when cancelled. Throws when the reload does not come in time.
 */
async function caughtUp(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<boolean> {
  const onDisk = async () => {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(document.uri));
    } catch {
      return undefined;
    }
  };
  const fresh = async () => {
    if (document.isDirty) return true;
    const disk = await onDisk();
    // Line endings aside: VS Code gives a file of mixed endings one, so it would never compare equal.
    return disk === undefined || sameAsLoaded(disk, document.getText());
  };
  if (await fresh()) return true;
  return new Promise<boolean>((resolve, reject) => {
    const done = (f: () => void) => {
      clearTimeout(timer);
      listeners.forEach((l) => l.dispose());
      f();
    };
    const check = () => void fresh().then((ok) => ok && done(() => resolve(true)), (err: unknown) => done(() => reject(err)));
    const timer = setTimeout(() => done(() => reject(new Error(`${vscode.workspace.asRelativePath(document.uri)} changed on disk and VS Code has not reloaded it yet: try again in a moment.`))), RELOAD_WAIT_MS);
    const listeners = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document) check();
      }),
      token.onCancellationRequested(() => done(() => resolve(false))),
    ];
    // The reload may have come while the disk was read.
    check();
  });
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
