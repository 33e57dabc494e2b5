import * as vscode from 'vscode';
import { preview } from '../../core/facts';
import type { CorpusIndex } from './corpusIndex';
import { rangeOf } from './folders';
import { KINDS } from './documentSymbols';
import { entryLine } from './entitiesFiles';

/**
 * Go to Symbol in Workspace (Ctrl+T): the entities of the entities files and the facts of every
 * article, from the workspace index (Ctrl+T asks on every keystroke: nothing is read from disk).
 */
export function registerWorkspaceSymbols(corpus: CorpusIndex): vscode.Disposable {
  /** Line of each entity's entry per entities file, worked out once per text of the file. */
  const lines = new WeakMap<object, Map<string, number>>();
  const lineOf = (file: { text?: string; result: object }, id: string): number => {
    let map = lines.get(file.result);
    if (!map) lines.set(file.result, (map = new Map()));
    let line = map.get(id);
    if (line === undefined) map.set(id, (line = entryLine(file.text, id)));
    return line;
  };
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      const index = await corpus.ready();
      if (token.isCancellationRequested) return [];
      const files = new Map((await corpus.files.all()).map((f) => [f.uri.toString(), f]));
      const out: vscode.SymbolInformation[] = [];
      for (const hit of index.symbols(query)) {
        if (hit.kind === 'entity') {
          const e = hit.entity;
          const file = files.get(hit.scope);
          if (!file) continue;
          const line = lineOf(file, e.id);
          out.push(new vscode.SymbolInformation(e.name, KINDS[e.type] ?? vscode.SymbolKind.Constant, e.type, new vscode.Location(file.uri, new vscode.Range(line, 0, line, 0))));
        } else {
          const f = hit.fact;
          const where = new vscode.Location(vscode.Uri.parse(f.doc), rangeOf(f));
          out.push(new vscode.SymbolInformation(`${f.label}: ${preview(f.text, 80)}`, vscode.SymbolKind.Event, index.document(f.doc)?.name ?? '', where));
        }
      }
      return out;
    },
  });
}
