import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import { candidateFor, proposeLinks, type Candidate, type Entity } from '../../core/entities';
import type { IndexedMention } from '../../core/index';
import type { Annotation } from '../../core/model';
import { activeArticle, type Workflow } from '../annotate/workflow';
import type { CorpusIndex } from './corpusIndex';
import { mentionsIn } from './folders';
import type { EntitiesFile } from './entitiesFiles';
import { EntityEdits } from './entityEdits';
import { documentFor } from './mentions';

/** Arguments of Link to Entity: the annotation `id` of `uri`; `entity` links at once, `null` unlinks. */
export interface LinkEntityArgs {
  uri?: string;
  id?: string;
  entity?: string | null;
}

/**
 * Arguments of Merge Entity Into…: each asked when absent. `uri` is a document of the entity's
 * workspace folder: entities are kept per folder, and two folders may hold the same id.
 */
export interface MergeEntityArgs {
  entity?: string;
  into?: string;
  uri?: string;
}

/** Arguments of Split Entity…: `mentions` as `uri#id`; each asked when absent; `uri` as for Merge. */
export interface SplitEntityArgs {
  entity?: string;
  uri?: string;
  mentions?: string[];
  name?: string;
}

type Item<T> = vscode.QuickPickItem & { value?: T };

/** An entity with the entities file (workspace folder) that holds it. */
type Found = { entity: Entity; file: EntitiesFile };

/**
 * Linking mentions to entities from the editor (issue 15): Link to Entity… (proposals first, with
 * their evidence; a new entity; unlink), Merge Entity Into… and Split Entity…, from the palette, the
 * editor's Factmark menu and the light bulb on an annotation. Each is one undoable step.
 */
export function registerLinking(commands: CommandManager, workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  const edits = new EntityEdits(workflow, corpus);
  const fail = (err: unknown) => void vscode.window.showWarningMessage(`Factmark: ${err instanceof Error ? err.message : String(err)}`);
  const guarded =
    <A>(f: (args: A) => Promise<void>) =>
    (args: A) =>
      f(args).catch(fail);

  /** The annotation the command is about: from its arguments, else the one under the cursor. */
  const annotationFor = async (args: LinkEntityArgs | undefined): Promise<{ document: vscode.TextDocument; annotation: Annotation } | undefined> => {
    if (args?.uri && args.id) {
      const document = await documentFor(vscode.Uri.parse(args.uri));
      const annotation = (await workflow.open(document)).model.annotations.find((a) => a.id === args.id);
      return annotation && { document, annotation };
    }
    const editor = activeArticle();
    if (!editor) return undefined;
    await workflow.open(editor.document);
    const annotation = workflow.annotationAt(editor.document, editor.document.offsetAt(editor.selection.active));
    if (!annotation) void vscode.window.showInformationMessage('Factmark: put the cursor in an annotation (tag the name first) to link it to an entity.');
    return annotation && { document: editor.document, annotation };
  };

  /**
   * The entity a command is about, with its file: given (in the folder of `uri`), else the one the
   * annotation under the cursor links to, else picked.
   */
  const entityFor = async (id: string | undefined, uri: string | undefined, placeHolder: string): Promise<Found | undefined> => {
    if (id) return entityById(id, uri);
    const editor = vscode.window.activeTextEditor;
    // Loaded first: the article may have been opened a moment ago.
    if (editor && isArticle(editor.document)) await workflow.open(editor.document);
    const at = editor ? workflow.annotationAt(editor.document, editor.document.offsetAt(editor.selection.active)) : undefined;
    if (at?.entity !== undefined) {
      const found = await corpus.files.find(at.entity, editor!.document.uri);
      if (found) return found;
    }
    return pickEntity(corpus, placeHolder, () => true);
  };

  /**
   * An entity by id: of the folder of `uri` when given; else of the only file that holds it, or of
   * the active article's folder among several (never silently the first folder's).
   */
  const entityById = async (id: string, uri: string | undefined): Promise<Found> => {
    if (uri) {
      const found = await corpus.files.find(id, vscode.Uri.parse(uri));
      if (!found) throw new Error(`no entity ${id} in the entities file of ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}'s folder.`);
      return found;
    }
    const holding = (await corpus.files.all()).flatMap((file) => {
      const entity = file.result.data?.entities.find((e) => e.id === id);
      return entity ? [{ entity, file }] : [];
    });
    if (holding.length <= 1) {
      if (!holding.length) throw new Error(`no entity ${id} in the entities files.`);
      return holding[0];
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const own = active && (await corpus.files.forDocument(active));
    const mine = own && holding.find((h) => h.file.uri.toString() === own.uri.toString());
    if (!mine) throw new Error(`the entities files of several folders hold an entity ${id}: open an article of the folder meant.`);
    return mine;
  };

  const link = guarded(async (args: LinkEntityArgs | undefined) => {
    const target = await annotationFor(args);
    if (!target) return;
    const { document, annotation } = target;
    if (args?.entity !== undefined) return edits.link(document, annotation.id, args.entity ?? undefined);
    const file = await corpus.files.forDocument(document.uri);
    const entities = file?.result.data?.entities ?? [];
    const mentions = (await workflow.open(document)).model.annotations.map((a) => ({ ref: a.id, document: '', text: a.text, type: a.type, entity: a.id === annotation.id ? undefined : a.entity }));
    const proposal = proposeLinks(entities, mentions).find((p) => p.ref === annotation.id);
    const items = linkItems(annotation, entities, proposal?.proposed, proposal?.candidates ?? []);
    const chosen = await vscode.window.showQuickPick(items, {
      title: `Link “${annotation.text}” to an entity`,
      placeHolder: 'Pick the entity this mention refers to (proposals first, with why), or make a new one',
      matchOnDescription: true,
    });
    if (!chosen) return;
    if (chosen.value === 'new') {
      const name = await vscode.window.showInputBox({ title: 'New entity', prompt: `Canonical name of the entity “${annotation.text}” refers to`, value: annotation.text });
      if (!name?.trim()) return;
      const made = await edits.linkToNew(document, annotation.id, { name: name.trim(), type: annotation.type, aliases: name.trim() === annotation.text ? [] : [annotation.text] });
      if (made) void vscode.window.setStatusBarMessage(`Factmark: “${annotation.text}” linked to the new entity ${made.name}`, 5000);
      return;
    }
    await edits.link(document, annotation.id, chosen.value === 'unlink' ? undefined : chosen.value);
  });

  const merge = guarded(async (args: MergeEntityArgs | undefined) => {
    const found = await entityFor(args?.entity, args?.uri, 'Merge which entity into another?');
    if (!found) return;
    const { entity: from, file } = found;
    // Only entities of the same file (workspace folder) are offered: entities are kept per folder.
    const own = new Set(file.result.data?.entities.map((e) => e.id) ?? []);
    let into: Entity | undefined;
    if (args?.into) {
      into = (await corpus.files.find(args.into, file.uri))?.entity;
      if (!into) throw new Error(`no entity ${args.into} in ${vscode.workspace.asRelativePath(file.uri)}: an entity merges into one of its own folder.`);
    } else into = (await pickEntity(corpus, `Merge “${from.name}” into… (its mentions link there; its name and aliases become aliases)`, (e, f) => e.id !== from.id && e.type === from.type && own.has(e.id) && f.uri.toString() === file.uri.toString()))?.entity;
    if (!into) return;
    const count = mentionsIn(await corpus.ready(), from.id, file.uri).length;
    await edits.merge(from.id, into.id, file.uri);
    void vscode.window.setStatusBarMessage(`Factmark: merged “${from.name}” into “${into.name}”; ${count} mention${count === 1 ? '' : 's'} relinked`, 5000);
  });

  const split = guarded(async (args: SplitEntityArgs | undefined) => {
    const found = await entityFor(args?.entity, args?.uri, 'Split which entity?');
    if (!found) return;
    const { entity, file } = found;
    const all = mentionsIn(await corpus.ready('always'), entity.id, file.uri).filter((m) => m.status !== 'rejected');
    let moving: IndexedMention[];
    if (args?.mentions) {
      moving = all.filter((m) => args.mentions!.includes(`${m.doc}#${m.id}`));
      // Reported, never dropped: a mention of another folder links to another entity of that id.
      const unknown = args.mentions.filter((k) => !moving.some((m) => `${m.doc}#${m.id}` === k));
      if (unknown.length) throw new Error(`not a mention of “${entity.name}” in ${vscode.workspace.asRelativePath(file.uri)}: ${unknown.join(', ')}. Nothing was split.`);
    } else {
      const picked = await vscode.window.showQuickPick(
        all.map((m): Item<IndexedMention> => ({ label: m.text, description: `${corpus.index.document(m.doc)?.name ?? m.doc}:${m.line + 1}`, detail: `…${m.before}${m.text}${m.after}…`, value: m })),
        { title: `Split “${entity.name}”`, placeHolder: 'Check the mentions of the other entity (Space toggles; they will link to a new entity)', canPickMany: true, matchOnDescription: true, matchOnDetail: true },
      );
      moving = (picked ?? []).map((p) => p.value!);
    }
    if (!moving.length) return;
    if (moving.length === all.length) throw new Error(`every mention of “${entity.name}” was picked: rename the entity instead (F2).`);
    const name = args?.name ?? (await vscode.window.showInputBox({ title: `Split “${entity.name}”`, prompt: `Name of the new entity the ${moving.length} picked mention${moving.length === 1 ? '' : 's'} will link to`, value: mostCommon(moving.map((m) => m.text)) }));
    if (!name?.trim()) return;
    const made = await edits.split(entity.id, name.trim(), moving.map((m) => ({ uri: vscode.Uri.parse(m.doc), id: m.id })), file.uri);
    if (made) void vscode.window.setStatusBarMessage(`Factmark: split “${made.name}” off “${entity.name}”`, 5000);
  });

  return vscode.Disposable.from(
    commands.register({ id: CommandId.LinkEntity, execute: link }),
    commands.register({ id: CommandId.MergeEntity, execute: merge }),
    commands.register({ id: CommandId.SplitEntity, execute: split }),
    vscode.languages.registerCodeActionsProvider({ language: 'plaintext' }, new EntityActions(workflow, corpus), { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] }),
  );
}

/** The Link to Entity picker's rows: the proposed entity, the other candidates, the other entities of its type, then New and Unlink. */
function linkItems(annotation: Annotation, entities: readonly Entity[], proposed: string | undefined, candidates: readonly Candidate[]): Array<Item<string>> {
  const sameType = entities.filter((e) => e.type === annotation.type);
  const scoreOf = new Map(candidates.map((c) => [c.entity, c]));
  const rank = (e: Entity) => (e.id === proposed ? 2 : 0) + (scoreOf.get(e.id)?.score ?? candidateFor(annotation.text, annotation.type, e)?.score ?? -1);
  const rows = [...sameType].sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name)).map((e): Item<string> => {
    const why = scoreOf.get(e.id)?.evidence.join('; ');
    const tags = [e.id === annotation.entity ? 'linked now' : undefined, e.id === proposed ? 'proposed' : undefined].filter((t) => t);
    return {
      label: e.name,
      description: [tags.length ? `(${tags.join(', ')})` : undefined, e.aliases?.length ? `also ${e.aliases.join(', ')}` : undefined, e.kb?.join(' ')].filter((x) => x).join(' · '),
      detail: why ?? e.note,
      value: e.id,
    };
  });
  const more: Array<Item<string>> = [{ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: `$(add) New entity “${annotation.text}”…`, value: 'new' }];
  if (annotation.entity !== undefined) more.push({ label: '$(close) Unlink from its entity', value: 'unlink' });
  return [...rows, ...more];
}

/** Picks one entity of the workspace's entities files that passes `keep`, with its file. */
async function pickEntity(corpus: CorpusIndex, placeHolder: string, keep: (e: Entity, file: EntitiesFile) => boolean): Promise<Found | undefined> {
  const index = await corpus.ready();
  const counts = new Map(index.summaries().map((s) => [s.id, s]));
  const entities = (await corpus.files.all()).flatMap((file) => (file.result.data?.entities ?? []).filter((e) => keep(e, file)).map((entity) => ({ entity, file })));
  if (!entities.length) {
    void vscode.window.showInformationMessage('Factmark: no entity to pick (the entities file has none of that type).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entities.map(({ entity: e, file }): Item<Found> => {
      const s = counts.get(e.id);
      return {
        label: e.name,
        // The folder told when there are several: each keeps its own entities.
        description: [e.type, e.aliases?.length ? `also ${e.aliases.join(', ')}` : undefined, (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.workspace.getWorkspaceFolder(file.uri)?.name : undefined].filter((x) => x).join(' · '),
        detail: s ? `${s.mentions} mention${s.mentions === 1 ? '' : 's'} in ${s.documents} document${s.documents === 1 ? '' : 's'}${e.note ? ` — ${e.note}` : ''}` : e.note,
        value: { entity: e, file },
      };
    }),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.value;
}

function mostCommon(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '';
}

/** The light bulb on an annotation: link it (to the proposed entity at once, or by picking), merge or split its entity. */
class EntityActions implements vscode.CodeActionProvider {
  constructor(
    private readonly workflow: Workflow,
    private readonly corpus: CorpusIndex,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const annotation = this.workflow.annotationAt(document, document.offsetAt(range.start));
    if (!annotation || annotation.status === 'suggested') return [];
    const uri = document.uri.toString();
    const action = (title: string, command: CommandId, args: object) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.RefactorRewrite);
      a.command = { title, command, arguments: [args] };
      return a;
    };
    const out: vscode.CodeAction[] = [];
    const file = await this.corpus.files.forDocument(document.uri);
    const entities = file?.result.data?.entities ?? [];
    if (annotation.entity === undefined) {
      const mentions = (this.workflow.store.get(document.uri)?.model.annotations ?? []).map((a) => ({ ref: a.id, document: '', text: a.text, type: a.type, entity: a.entity }));
      const proposed = entities.find((e) => e.id === proposeLinks(entities, mentions).find((p) => p.ref === annotation.id)?.proposed);
      if (proposed) {
        const a = action(`Link “${annotation.text}” to ${proposed.name}`, CommandId.LinkEntity, { uri, id: annotation.id, entity: proposed.id });
        a.isPreferred = true;
        out.push(a);
      }
      out.push(action(`Link “${annotation.text}” to an Entity…`, CommandId.LinkEntity, { uri, id: annotation.id }));
      return out;
    }
    const entity = entities.find((e) => e.id === annotation.entity);
    out.push(action(`Link “${annotation.text}” to Another Entity…`, CommandId.LinkEntity, { uri, id: annotation.id }));
    if (entity) {
      // With the article: another folder's entities file may hold the same id (another entity).
      out.push(action(`Merge Entity “${entity.name}” Into…`, CommandId.MergeEntity, { entity: entity.id, uri }));
      out.push(action(`Split Entity “${entity.name}”…`, CommandId.SplitEntity, { entity: entity.id, uri }));
    }
    return out;
  }
}
