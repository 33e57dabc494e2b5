import * as vscode from 'vscode';
import { isArticle } from '../adapter';
import type { RecognitionService } from './recognition';

/** What the status bar counts for an article, beyond its suggestions (the annotating workflow). */
export interface DocumentCounts {
  counts(document: vscode.TextDocument): { facts: number; entities: number; suggestions: number } | undefined;
  readonly onDidChange: vscode.Event<unknown>;
  /** The command the item runs (opens the Factmark view). */
  readonly command: string;
}

/**
 * Status bar item for the active article: the number of suggestions, or why the document was
 * skipped (too large, binary, suggestions off) so the user is never left wondering.
 */
export function registerStatusBar(recognition: RecognitionService, workflow?: DocumentCounts): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('factmark.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Factmark';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const result = editor && isArticle(editor.document) ? recognition.get(editor.document.uri) : undefined;
    if (!result) {
      item.hide();
      return;
    }
    item.accessibilityInformation = undefined;
    item.command = workflow?.command;
    if (result.skipped) {
      item.text = '$(circle-slash) Factmark: not recognised';
      item.tooltip = `Factmark did not recognise this document: ${result.skipped}.`;
    } else if (workflow && editor && workflow.counts(editor.document)) {
      const c = workflow.counts(editor.document)!;
      const summary = `${c.facts} facts, ${c.entities} entities, ${c.suggestions} suggestions`;
      item.text = `$(note) ${c.facts} $(tag) ${c.entities} $(lightbulb) ${c.suggestions}`;
      item.tooltip = `Factmark: ${summary}${result.documentDate ? ` · document date ${result.documentDate}` : ''}. Click to open the Factmark view.`;
      item.accessibilityInformation = { label: `Factmark: ${summary}` };
    } else {
      item.text = `$(tag) ${result.mentions.length}`;
      item.tooltip = `Factmark: ${result.mentions.length} suggestions${result.documentDate ? ` · document date ${result.documentDate}` : ''}`;
    }
    item.show();
  };
  return vscode.Disposable.from(
    item,
    recognition.onDidChange(update),
    ...(workflow ? [workflow.onDidChange(update)] : []),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
