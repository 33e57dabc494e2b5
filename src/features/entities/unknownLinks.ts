import * as vscode from 'vscode';
import { toRange } from '../../adapter';
import { CommandId } from '../../commands';
import { unknownLinks } from '../../core/entities';
import type { Workflow } from '../annotate/workflow';
import type { EntitiesFiles } from './entitiesFiles';

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
export function registerUnknownLinks(workflow: Workflow, files: EntitiesFiles): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('factmark-entity-links');
  const suggestions = new Map<string, string>();
  const check = async (uri: vscode.Uri) => {
    const entry = workflow.store.get(uri);
    const file = await files.forDocument(uri);
    if (!entry || !file || !file.result.data) return collection.delete(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const live = entry.model.annotations.filter((a) => !entry.orphans.has(a.id) && a.status !== 'rejected');
    const name = vscode.workspace.asRelativePath(file.uri);
    collection.set(
      uri,
      unknownLinks(file.result.data.entities, live).map((u) => {
        const a = live.find((x) => x.id === u.mention)!;
        if (u.suggestion) suggestions.set(`${uri.toString()}#${u.mention}`, u.suggestion);
        const d = new vscode.Diagnostic(toRange(document, a), `“${a.text}” links to entity ${u.entity}, which ${name} does not hold.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Factmark';
        d.code = CODE_PREFIX + a.id;
        return d;
      }),
    );
  };
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
        const suggestion = suggestions.get(`${uri}#${id}`);
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
    vscode.languages.registerCodeActionsProvider({ language: 'plaintext' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(CommandId.FixEntityLink, async (args: FixEntityLinkArgs) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      await workflow.history.record(document, args.entity ? 'Link entity' : 'Unlink entity', () =>
        workflow.store.edit(document, (model) => {
          const a = model.annotations.find((x) => x.id === args.id);
          if (!a) return;
          if (args.entity) a.entity = args.entity;
          else delete a.entity;
        }),
      );
    }),
  );
}

function fix(title: string, diagnostic: vscode.Diagnostic, args: FixEntityLinkArgs, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.command = { command: CommandId.FixEntityLink, title, arguments: [args] };
  return action;
}
