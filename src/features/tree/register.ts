import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { citation } from '../../core/facts';
import { documentPathFor, SIDECAR_SUFFIX } from '../../core/sidecar';
import type { Grouping, TreeNode } from '../../core/tree';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';
import { FactsTree } from './provider';

/** Loads the annotations of every document in the workspace that has a sidecar. */
export async function loadWorkspaceSidecars(workflow: Workflow): Promise<void> {
  const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 2000);
  await Promise.all(
    sidecars.map(async (sidecar) => {
      const docPath = documentPathFor(sidecar.path);
      if (!docPath) return;
      const uri = sidecar.with({ path: docPath });
      if (workflow.store.get(uri)) return;
      try {
        await workflow.open(await vscode.workspace.openTextDocument(uri));
      } catch {
        // a sidecar whose document is gone: the sidecar feature reports it; nothing to show here
      }
    }),
  );
}

/** Registers the view and its commands. */
export function registerFactsTree(commands: CommandManager, workflow: Workflow, corpus: CorpusIndex): { tree: FactsTree; disposable: vscode.Disposable } {
  const tree = new FactsTree(workflow, corpus);
  const nodeOf = (n: unknown) => (n && typeof n === 'object' && 'kind' in n ? (n as TreeNode) : undefined);
  const docOf = async (n: TreeNode) => vscode.workspace.openTextDocument(vscode.Uri.parse(n.kind === 'group' ? '' : n.doc.key));
  const disposable = vscode.Disposable.from(
    tree,
    commands.register({ id: CommandId.ViewGroupBy, execute: (g?: Grouping) => tree.groupBy(typeof g === 'string' ? g : undefined) }),
    commands.register({ id: CommandId.ViewFilter, execute: (arg?: { text?: string; types?: string[] }) => tree.filter(arg && typeof arg === 'object' && !('kind' in arg) ? arg : undefined) }),
    // Clears the date range of the pictures too: after it, all three show everything.
    commands.register({ id: CommandId.ViewClearFilter, execute: () => workflow.filter.set({ text: '', types: [], from: '', to: '' }) }),
    commands.register({ id: CommandId.ViewShowWorkspace, execute: () => tree.setScope('workspace') }),
    commands.register({ id: CommandId.ViewShowDocument, execute: () => tree.setScope('document') }),
    commands.register({ id: CommandId.ViewShowSuggestions, execute: () => tree.setShowSuggestions(true) }),
    commands.register({ id: CommandId.ViewHideSuggestions, execute: () => tree.setShowSuggestions(false) }),
    // A suggestion row: accepted or rejected (this mention) as from the editor.
    ...([
      [CommandId.ViewAcceptSuggestion, CommandId.AcceptSuggestion],
      [CommandId.ViewRejectSuggestion, CommandId.RejectSuggestion],
    ] as const).map(([id, command]) =>
      commands.register({ id: id, execute: async (n?: unknown) => {
        const node = nodeOf(n);
        if (node?.kind !== 'annotation') return undefined;
        const a = node.annotation;
        return vscode.commands.executeCommand(command, { uri: node.doc.key, start: a.start, end: a.end, type: a.type, scope: 'mention' });
      } }),
    ),
    commands.register({ id: CommandId.ViewRetype, execute: async (n?: unknown) => {
      const node = nodeOf(n);
      if (node?.kind === 'annotation') await vscode.commands.executeCommand(CommandId.RetypeAnnotation, { uri: node.doc.key, id: node.annotation.id });
      else if (node?.kind === 'fact') await vscode.commands.executeCommand(CommandId.EditFact, { uri: node.doc.key, id: node.fact.id });
    } }),
    commands.register({ id: CommandId.ViewDelete, execute: async (n?: unknown) => {
      const node = nodeOf(n);
      if (!node || node.kind === 'group') return;
      await workflow.remove(await docOf(node), node.kind === 'fact' ? node.fact.id : node.annotation.id);
    } }),
    commands.register({ id: CommandId.ViewCopyCitation, execute: async (n?: unknown) => {
      const node = nodeOf(n);
      if (!node || node.kind === 'group') return undefined;
      const span = node.kind === 'fact' ? node.fact : node.annotation;
      const text = citation(span.text, node.doc.name, span);
      await vscode.env.clipboard.writeText(text);
      return text;
    } }),
    commands.register({ id: CommandId.GetTree, execute: async (arg?: { revealAtCursor?: boolean }) => {
      tree.refresh();
      let revealed: string | undefined;
      const editor = vscode.window.activeTextEditor;
      if (arg?.revealAtCursor && editor) revealed = (await tree.revealAt(editor))?.id;
      return { ...tree.rows(), revealed };
    } }),
  );
  return { tree, disposable };
}

