import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { toSpan } from '../../adapter';
import { ORPHAN_CODE_PREFIX, clip } from './diagnostics';
import type { AnnotationStore } from './store';

/** Arguments of the orphan quick-fix command. */
export interface FixOrphanArgs {
  uri: string;
  id: string;
  action: 'anchor' | 'delete';
  /** UTF-16 span to anchor on (the selection or the best candidate). */
  start?: number;
  end?: number;
}

/**
 * Quick fixes for orphans: accept the best candidate (named in the title), re-anchor to the
 * selection, delete. With a non-empty selection anywhere, every orphan can be anchored there.
 */
export function registerOrphanQuickFixes(commands: CommandManager, store: AnnotationStore): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const entry = store.get(document.uri);
      if (!entry || entry.orphans.size === 0) return [];
      const actions: vscode.CodeAction[] = [];
      const uri = document.uri.toString();
      const selection = range.isEmpty ? undefined : toSpan(document, range);
      const label = (id: string) => {
        const s = [...entry.model.annotations, ...entry.model.facts].find((x) => x.id === id);
        return s ? `“${clip(s.text, 30)}” (${id})` : id;
      };
      const offered = new Set<string>();
      for (const d of context.diagnostics) {
        const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        if (d.source !== 'Factmark' || !code.startsWith(ORPHAN_CODE_PREFIX)) continue;
        const id = code.slice(ORPHAN_CODE_PREFIX.length);
        if (!entry.orphans.has(id)) continue;
        offered.add(id);
        const best = store.orphanInfo(document.uri, id)?.best;
        if (best) {
          const line = document.positionAt(best.start).line + 1;
          actions.push(fix(`Anchor ${label(id)} on the best candidate “${clip(best.text, 30)}” (line ${line})`, d, { uri, id, action: 'anchor', start: best.start, end: best.end }, true));
        }
        if (selection) actions.push(fix(`Anchor ${label(id)} on the selection`, d, { uri, id, action: 'anchor', ...selection }));
        actions.push(fix(`Delete the orphaned ${label(id)}`, d, { uri, id, action: 'delete' }));
      }
      if (selection) {
        for (const id of entry.orphans) {
          if (!offered.has(id)) actions.push(fix(`Anchor the orphaned ${label(id)} on the selection`, undefined, { uri, id, action: 'anchor', ...selection }));
        }
      }
      return actions;
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ language: 'plaintext' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    commands.register({ id: CommandId.FixOrphan, execute: async (args: FixOrphanArgs) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      if (args.action === 'delete') return snapshotCount(await store.remove(document, args.id));
      if (args.start === undefined || args.end === undefined || args.end <= args.start) {
        void vscode.window.showInformationMessage('Select the text to anchor the annotation on, then use the quick fix again.');
        return undefined;
      }
      return snapshotCount(await store.resolveOrphan(document, args.id, args.start, args.end));
    } }),
  );
}

function fix(title: string, diagnostic: vscode.Diagnostic | undefined, args: FixOrphanArgs, preferred = false): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command: CommandId.FixOrphan, title, arguments: [args] };
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function snapshotCount(entry: { orphans: ReadonlySet<string> }): { orphans: number } {
  return { orphans: entry.orphans.size };
}
