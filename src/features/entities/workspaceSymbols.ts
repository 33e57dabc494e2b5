import * as vscode from 'vscode';
import { preview } from '../../core/facts';
import type { Workflow } from '../annotate/workflow';
import { loadWorkspaceSidecars } from '../tree';
import { KINDS } from './documentSymbols';
import { entryLine, type EntitiesFiles } from './entitiesFiles';
import { documentFor } from './mentions';

/** Go to Symbol in Workspace (Ctrl+T): the entities of the entities files and the facts of every article. */
export function registerWorkspaceSymbols(workflow: Workflow, files: EntitiesFiles): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      const out: vscode.SymbolInformation[] = [];
      for (const file of await files.all()) {
        for (const e of file.result.data?.entities ?? []) {
          if (!matches(query, e.name, ...(e.aliases ?? []))) continue;
          const line = entryLine(file.text, e.id);
          const where = new vscode.Location(file.uri, new vscode.Range(line, 0, line, 0));
          out.push(new vscode.SymbolInformation(e.name, KINDS[e.type] ?? vscode.SymbolKind.Constant, e.type, where));
        }
      }
      // Ctrl+T asks again on every keystroke and cancels the previous query: stop when it does.
      if (token.isCancellationRequested) return [];
      await loadWorkspaceSidecars(workflow);
      for (const entry of workflow.store.all()) {
        if (token.isCancellationRequested) return [];
        const facts = entry.model.facts.filter((f) => !entry.orphans.has(f.id) && matches(query, f.label, f.text));
        if (!facts.length) continue;
        const document = await documentFor(entry.uri);
        const container = vscode.workspace.asRelativePath(entry.uri);
        for (const f of facts) {
          const where = new vscode.Location(entry.uri, new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)));
          out.push(new vscode.SymbolInformation(`${f.label}: ${preview(f.text, 80)}`, vscode.SymbolKind.Event, container, where));
        }
      }
      return out;
    },
  });
}

/** Loose, as VS Code filters again itself: the query's characters in order, in any of the texts. */
function matches(query: string, ...texts: string[]): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  return texts.some((t) => {
    const s = t.toLowerCase();
    let i = 0;
    for (const c of s) if (c === q[i] && ++i === q.length) return true;
    return false;
  });
}
