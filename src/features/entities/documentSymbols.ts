import * as vscode from 'vscode';
import { toRange } from '../../adapter';
import { outlineOf, type OutlineItem } from '../../core/entities';
import type { AnnotationStore } from '../sidecar/store';

/** Symbol kinds only pick the icons (Outline, Ctrl+T): an event for a fact, a look per entity type. */
export const KINDS: Record<string, vscode.SymbolKind> = {
  PERSON: vscode.SymbolKind.Object,
  ORGANIZATION: vscode.SymbolKind.Namespace,
  PLACE: vscode.SymbolKind.Package,
  DATE: vscode.SymbolKind.Number,
};

/**
 * Document symbols of an article, for the Outline view, breadcrumbs and Go to Symbol in Editor
 * (Ctrl+Shift+O): its facts, each with the entities of its sentence, and its other entities.
 */
export function registerDocumentSymbols(store: AnnotationStore): vscode.Disposable {
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const entry = store.get(document.uri);
      if (!entry) return [];
      return outlineOf(entry.model, entry.orphans).map((item) => symbolOf(document, item));
    },
  };
  const selector: vscode.DocumentSelector = { language: 'plaintext' };
  let registration = vscode.languages.registerDocumentSymbolProvider(selector, provider, { label: 'Factmark' });
  // VS Code asks again when the text changes, not when an annotation does (accepting a suggestion
  // leaves the text alone); registering the provider anew is what makes it ask. Coalesced.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = store.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      registration.dispose();
      registration = vscode.languages.registerDocumentSymbolProvider(selector, provider, { label: 'Factmark' });
    }, 300);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    changed.dispose();
    registration.dispose();
  });
}

function symbolOf(document: vscode.TextDocument, item: OutlineItem): vscode.DocumentSymbol {
  const range = toRange(document, item);
  const kind = item.kind === 'fact' ? vscode.SymbolKind.Event : (KINDS[item.type] ?? vscode.SymbolKind.Constant);
  const symbol = new vscode.DocumentSymbol(item.name, item.detail, kind, range, range);
  symbol.children = item.children.map((c) => symbolOf(document, c));
  return symbol;
}
