import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { toRange } from '../../adapter';
import { CommandId } from '../../commands';
import { unknownLinks } from '../../core/entities';
import type { Workflow } from '../annotate/workflow';
import type { EntitiesFiles } from './entitiesFiles';
import { documentFor } from './mentions';

const CODE_PREFIX = 'UNKNOWN_ENTITY:';

/** Arguments of the quick fix: link mention `id` of `uri` to `entity`, or unlink it when absent. */
export interface FixEntityLinkArgs {
  uri: string;
  id: string;
  entity?: string;
}

/**
 * A mention linking to an entity its folder's entities file does not hold (deleted, renamed by
 * hand, another branch) is a Problem on the mention, never dropped, with Quick Fixes: link it to
 * the entity its text names, or remove the link. Nothing is said while the file is malformed.
 */
export function registerUnknownLinks(commands: CommandManager, workflow: Workflow, files: EntitiesFiles): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('factmark-entity-links');
  /** Quick-fix targets per article: mention id → the entity its text names. Rebuilt on each check. */
  const suggestions = new Map<string, Map<string, string>>();
  /** Checks per article, counted: a check that finishes after a newer one began is dropped. */
  const generations = new Map<string, number>();
  const forget = (uri: vscode.Uri) => {
    const key = uri.toString();
    generations.set(key, (generations.get(key) ?? 0) + 1);
    collection.delete(uri);
    suggestions.delete(key);
  };
  const check = async (uri: vscode.Uri) => {
    const key = uri.toString();
    const generation = (generations.get(key) ?? 0) + 1;
    generations.set(key, generation);
    const stale = () => generations.get(key) !== generation;
    const entry = workflow.store.get(uri);
    const file = await files.forDocument(uri);
    // An article deleted on disk may stay loaded while its document is open: say nothing of it.
    const exists = uri.scheme === 'untitled' || (await vscode.workspace.fs.stat(uri).then(() => true, () => false));
    if (stale()) return;
    if (!entry || !file || !file.result.data || !exists) return forget(uri);
    const document = await documentFor(uri);
    if (stale()) return;
    const live = entry.model.annotations.filter((a) => !entry.orphans.has(a.id) && a.status !== 'rejected');
    const name = vscode.workspace.asRelativePath(file.uri);
    const suggested = new Map<string, string>();
    collection.set(
      uri,
      unknownLinks(file.result.data.entities, live).map((u) => {
        const a = live.find((x) => x.id === u.mention)!;
        if (u.suggestion) suggested.set(u.mention, u.suggestion);
        const d = new vscode.Diagnostic(toRange(document, a), `“${a.text}” links to entity ${u.entity}, which ${name} does not hold.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Factmark';
        d.code = CODE_PREFIX + a.id;
        return d;
      }),
    );
    suggestions.set(key, suggested);
  };
  const forgetUnder = (deleted: vscode.Uri) => {
    const under = deleted.toString() + '/';
    const gone: vscode.Uri[] = [];
    collection.forEach((uri) => {
      if (uri.toString() === deleted.toString() || uri.toString().startsWith(under)) gone.push(uri);
    });
    gone.forEach(forget);
  };
  // Deletions only: VS Code already watches the workspace, this asks to hear of them.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  const checkAll = () => {
    for (const e of workflow.store.all()) void check(e.uri);
  };
  checkAll();
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      for (const d of context.diagnostics) {
        const code = String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
        if (d.source !== 'Factmark' || !code.startsWith(CODE_PREFIX)) continue;
        const id = code.slice(CODE_PREFIX.length);
        const uri = document.uri.toString();
        const suggestion = suggestions.get(uri)?.get(id);
        const found = suggestion ? await files.find(suggestion, document.uri) : undefined;
        if (found) actions.push(fix(`Link to ${found.entity.name} (${found.entity.id})`, d, { uri, id, entity: found.entity.id }, true));
        actions.push(fix('Remove the link to the missing entity', d, { uri, id }));
      }
      return actions;
    },
  };
  return vscode.Disposable.from(
    collection,
    workflow.store.onDidChange((entry) => void check(entry.uri)),
    files.onDidChange(checkAll),
    vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri)),
    // Deleted articles (or their folder): drop what was said of them.
    watcher,
    watcher.onDidDelete(forgetUnder),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forgetUnder)),
    vscode.languages.registerCodeActionsProvider({ language: 'plaintext' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    commands.register({ id: CommandId.FixEntityLink, execute: async (args: FixEntityLinkArgs) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      await workflow.history.record(document, args.entity ? 'Link entity' : 'Unlink entity', () =>
        workflow.store.edit(document, (model) => {
          const a = model.annotations.find((x) => x.id === args.id);
          if (!a) return;
          if (args.entity) a.entity = args.entity;
          else delete a.entity;
        }),
      );
    } }),
  );
}

function fix(title: string, diagnostic: vscode.Diagnostic, args: FixEntityLinkArgs, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.command = { command: CommandId.FixEntityLink, title, arguments: [args] };
  return action;
}
