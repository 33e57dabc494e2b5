import * as vscode from 'vscode';

/** Factmark's settings, typed; mirrors `contributes.configuration` in package.json. */
export interface FactmarkConfig {
  suggestionsEnabled: boolean;
  maxFileSizeKB: number;
  debounceMs: number;
}

export function readConfig(): FactmarkConfig {
  const c = vscode.workspace.getConfiguration('factmark');
  return {
    suggestionsEnabled: c.get<boolean>('suggestions.enabled', true),
    maxFileSizeKB: c.get<number>('suggestions.maxFileSizeKB', 5120),
    debounceMs: c.get<number>('suggestions.debounceMs', 300),
  };
}

/** Calls `listener` with fresh settings whenever a `factmark.*` setting changes. */
export function onConfigChange(listener: (config: FactmarkConfig) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('factmark')) listener(readConfig());
  });
}
