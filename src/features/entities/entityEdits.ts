import * as vscode from 'vscode';
import { IdMaker } from '../../core/ids';
import { ENTITIES_FILE, addEntity, mergeEntities, normalizeName, parseEntities, splitEntity, writeEntities, type EntitiesData, type Entity } from '../../core/entities';
import type { Workflow } from '../annotate/workflow';
import type { OwnStep } from '../annotate/history';
import type { CorpusIndex } from './corpusIndex';
import { mentionsIn, sameFolder } from './folders';
import { parseSidecar } from '../../core/sidecar';
import { sidecarUriOf } from '../sidecar/files';
import { documentFor } from './mentions';

/** A mention in one article: its document and its annotation id. */
export interface MentionAt {
  uri: vscode.Uri;
  id: string;
}

/** One mention's link changed by an action: undo puts `from` back where `to` still is. */
interface Relink extends MentionAt {
  from: string | undefined;
  to: string | undefined;
}

/**
 * The entity actions that change the entities file and the articles' links together: link a
 * mention to an entity (or a new one), unlink it, merge two entities, split one. Each is one step
 * of Factmark's Undo Annotation Action, however many articles it relinks. The entities file is
 * changed as an editor edit and saved, so an open editor of it follows; a file with errors, or
 * with unsaved edits of the user's own, is left alone and the action refused.
 */
export class EntityEdits {
  constructor(
    private readonly workflow: Workflow,
    private readonly corpus: CorpusIndex,
  ) {}

  /** Links (or, with `entity` undefined, unlinks) one annotation; an ordinary recorded step. */
  async link(document: vscode.TextDocument, id: string, entity: string | undefined): Promise<void> {
    await this.workflow.history.record(document, entity ? 'Link to entity' : 'Unlink from entity', () =>
      this.workflow.store.edit(document, (model) => {
        const a = model.annotations.find((x) => x.id === id);
        if (!a) return;
        if (entity) a.entity = entity;
        else delete a.entity;
      }),
    );
  }

  /** Adds an entity to the entities file of `document`'s folder and links the annotation to it. */
  async linkToNew(document: vscode.TextDocument, id: string, fields: Omit<Entity, 'id'>): Promise<Entity | undefined> {
    let made: Entity | undefined;
    await this.run(`New entity ${fields.name}`, this.fileOf(document.uri), (data) => {
      const out = addEntity(data, fields, new IdMaker());
      made = out.entity;
      return out.data;
    }, () => (made ? [{ uri: document.uri, id, to: made.id }] : []));
    return made;
  }

  /**
   * Merges entity `from` into `into`: one entry left, every mention of `from` relinked. `near` is
   * a file of the entity's workspace folder (another folder may hold the same id for another entity).
   */
  async merge(from: string, into: string, near: vscode.Uri): Promise<void> {
    const found = await this.corpus.files.find(from, near);
    if (!found) throw new Error(`No entity ${from} in ${vscode.workspace.asRelativePath(this.fileOf(near))}.`);
    const file = found.file.uri;
    // Entities are kept per workspace folder: both must be of the one file, and only the articles
    // of its folder are relinked (another folder's same id is another entity).
    if (!found.file.result.data?.entities.some((e) => e.id === into)) throw new Error(`${into} is not in ${vscode.workspace.asRelativePath(file)}: an entity merges into one of its own folder.`);
    const name = found.entity.name;
    // The mentions are taken in the step's turn: a link queued just before is among them.
    const mentions = async () => {
      const index = await this.corpus.ready('always');
      const out = mentionsIn(index, from, file).map((m) => ({ uri: vscode.Uri.parse(m.doc), id: m.id, to: into }));
      // The index leaves out orphaned and rejected annotations: their links follow the merge too
      // (else they would point at an entity that no longer exists), read from each sidecar.
      const seen = new Set(out.map((m) => `${m.uri.toString()}#${m.id}`));
      for (const d of index.documents()) {
        if (!sameFolder(d.key, file)) continue;
        const uri = vscode.Uri.parse(d.key);
        for (const id of await this.linkedIn(uri, from)) if (!seen.has(`${d.key}#${id}`)) out.push({ uri, id, to: into });
      }
      return out;
    };
    await this.run(`Merge ${name}`, file, (data) => mergeEntities(data, from, into).data, mentions);
  }

  /**
   * Splits entity `id`: a new entity named `name` takes the mentions given, and the aliases only
   * they are spelt as; the others stay where they were. `near` as for `merge`.
   */
  async split(id: string, name: string, moving: readonly MentionAt[], near: vscode.Uri): Promise<Entity | undefined> {
    const found = await this.corpus.files.find(id, near);
    if (!found) throw new Error(`No entity ${id} in ${vscode.workspace.asRelativePath(this.fileOf(near))}.`);
    const all = mentionsIn(await this.corpus.ready('always'), id, found.file.uri);
    const key = (m: MentionAt | { doc: string; id: string }) => ('doc' in m ? `${m.doc}#${m.id}` : `${m.uri.toString()}#${m.id}`);
    // Only mentions of the entity's own folder move (another folder's same id is another entity):
    // any other is refused, not silently left behind.
    const mine = moving.filter((m) => sameFolder(m.uri.toString(), found.file.uri));
    if (mine.length < moving.length) throw new Error(`${moving.length - mine.length} of the mentions to split off are not in the folder of ${vscode.workspace.asRelativePath(found.file.uri)}: nothing was split.`);
    const chosen = new Set(mine.map(key));
    const kept = new Set(all.filter((m) => !chosen.has(key(m))).map((m) => normalizeName(m.text)));
    const spellings = all.filter((m) => chosen.has(key(m))).map((m) => m.text);
    // An alias moves when only the moving mentions are spelt so; the old name always stays.
    const aliases = (found.entity.aliases ?? []).filter((a) => spellings.some((s) => normalizeName(s) === normalizeName(a)) && !kept.has(normalizeName(a)));
    let made: Entity | undefined;
    await this.run(`Split ${found.entity.name}`, found.file.uri, (data) => {
      const out = splitEntity(data, id, name, aliases, new IdMaker());
      made = out.entity;
      return out.data;
    }, () => (made ? mine.map((m) => ({ ...m, to: made!.id })) : []));
    return made;
  }

  /** Ids of the annotations of `uri` linked to `entity`, orphaned and rejected ones included. */
  private async linkedIn(uri: vscode.Uri, entity: string): Promise<string[]> {
    const entry = this.workflow.store.get(uri);
    if (entry) return entry.model.annotations.filter((a) => a.entity === entity).map((a) => a.id);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(sidecarUriOf(uri)));
    } catch {
      return [];
    }
    if (!text.includes(entity)) return [];
    return (parseSidecar(text).doc?.annotations ?? []).filter((a) => a.entity === entity).map((a) => a.id);
  }

  /** The entities file of a document's folder. */
  private fileOf(uri: vscode.Uri): vscode.Uri {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) throw new Error('Factmark keeps entities per workspace folder: open the article in a folder.');
    return vscode.Uri.joinPath(folder.uri, ENTITIES_FILE);
  }

  /**
   * Changes the entities file with `change`, then the links `relinks` lists (asked after the change,
   * which may make the ids), as one recorded step.
   */
  private async run(label: string, file: vscode.Uri, change: (data: EntitiesData) => EntitiesData, relinks: () => Array<MentionAt & { to: string }> | Promise<Array<MentionAt & { to: string }>>): Promise<void> {
    await this.workflow.history.recordOwn(async () => {
      const before = await this.readFile(file);
      const parsed = parseEntities(before ?? '');
      if (!parsed.writable || !parsed.data) throw notWritable(file);
      const after = writeEntities(before, change(parsed.data));
      await this.writeFile(file, after);
      // All or nothing: when relinking fails part way (an article deleted meanwhile, a sidecar that
      // cannot be written), the links already changed and the entities file are put back.
      const done: Relink[] = [];
      try {
        await this.relink((await relinks()).map((r) => ({ ...r, from: undefined })), false, done);
      } catch (e) {
        await this.relink(done.map((l) => ({ ...l, from: l.to, to: l.from })), true).catch(() => undefined);
        await this.writeFile(file, before).catch(() => undefined);
        await this.corpus.files.reread();
        throw e;
      }
      await this.corpus.files.reread();
      const step: OwnStep = {
        label,
        undo: () => this.replay(label, file, after, before, done, 'undo'),
        redo: () => this.replay(label, file, before, after, done, 'redo'),
      };
      return step;
    });
  }

  /** Puts the file from `expected` to `wanted` and the links back (or again); refused when the file changed since. */
  private async replay(label: string, file: vscode.Uri, expected: string | undefined, wanted: string | undefined, links: Relink[], verb: 'undo' | 'redo'): Promise<boolean> {
    // (Unsaved edits of the user's own are refused with their message, never taken for "no file".)
    const now = await this.readFile(file);
    if (now !== expected) {
      void vscode.window.showWarningMessage(`Factmark: "${label}" cannot be ${verb === 'undo' ? 'undone' : 'redone'}: ${vscode.workspace.asRelativePath(file)} changed since. Nothing was changed.`);
      return false;
    }
    await this.writeFile(file, wanted);
    await this.relink(links.map((l) => (verb === 'undo' ? { ...l, from: l.to, to: l.from } : l)), true);
    await this.corpus.files.reread();
    return true;
  }

  /**
   * Sets the links, a document at a time; returns what each was before. With `strict`, a mention
   * is changed only when it still links where the action left it.
   */
  private async relink(links: readonly Relink[], strict = false, done: Relink[] = []): Promise<Relink[]> {
    const byDoc = new Map<string, Relink[]>();
    for (const l of links) (byDoc.get(l.uri.toString()) ?? byDoc.set(l.uri.toString(), []).get(l.uri.toString())!).push(l);
    for (const list of byDoc.values()) {
      const document = await documentFor(list[0].uri);
      await this.workflow.store.edit(document, (model) => {
        for (const l of list) {
          const a = model.annotations.find((x) => x.id === l.id);
          if (!a || (strict && a.entity !== l.from)) continue;
          done.push({ ...l, from: a.entity });
          if (l.to) a.entity = l.to;
          else delete a.entity;
        }
      });
    }
    return done;
  }

  /** The file's text as it is now (its editor's, when open); undefined when there is none. Refuses unsaved edits. */
  private async readFile(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) throw new Error(`${vscode.workspace.asRelativePath(uri)} has unsaved changes: save or revert them first.`);
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /** Writes (or, for undefined, deletes) the file through an editor edit that is then saved. */
  private async writeFile(uri: vscode.Uri, text: string | undefined): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    if (text === undefined) edit.deleteFile(uri, { ignoreIfNotExists: true });
    else {
      edit.createFile(uri, { ignoreIfExists: true });
      const document = await vscode.workspace.openTextDocument(uri).then(
        (d) => d,
        () => undefined,
      );
      const end = document ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(0, 0);
      edit.replace(uri, new vscode.Range(new vscode.Position(0, 0), end), text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Factmark could not change ${vscode.workspace.asRelativePath(uri)}.`);
    if (text !== undefined) {
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.isDirty && !(await document.save())) throw new Error(`Factmark could not save ${vscode.workspace.asRelativePath(uri)}.`);
    }
  }
}

function notWritable(uri: vscode.Uri): Error {
  return new Error(`${vscode.workspace.asRelativePath(uri)} has errors (see Problems): fix it first; Factmark does not write over it.`);
}
