import * as vscode from 'vscode';
import { isArticle } from '../adapter';
import type { RecognitionService } from './recognition';

/**
 * Status bar item for the active article: the number of suggestions, or why the document was
 * skipped (too large, binary, suggestions off) so the user is never left wondering.
 */
export function registerStatusBar(recognition: RecognitionService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('factmark.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Factmark';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const result = editor && isArticle(editor.document) ? recognition.get(editor.document.uri) : undefined;
    if (!result) {
      item.hide();
      return;
    }
    if (result.skipped) {
      item.text = '$(circle-slash) Factmark: not recognised';
      item.tooltip = `Factmark did not recognise this document: ${result.skipped}.`;
    } else {
      item.text = `$(tag) ${result.mentions.length}`;
      item.tooltip = `Factmark: ${result.mentions.length} suggestions${result.documentDate ? ` · document date ${result.documentDate}` : ''}`;
    }
    item.show();
  };
  return vscode.Disposable.from(
    item,
    recognition.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
