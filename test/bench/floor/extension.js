// The floor of issue 14 item 4 (see package.json): plain JavaScript, no build, nothing else running.
/* global require, exports */
const vscode = require('vscode');

exports.activate = function activate(context) {
  // The same visual kind as Factmark's highlights (a background colour and a dotted underline, drawn
  // in the editor's view overlays), so the page's clock reads it the same way (test/bench/firstPaint.ts).
  const highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: 'rgba(255, 200, 0, 0.35)',
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
  });
  const decorate = (editor) => {
    const document = editor.document;
    if (!document.uri.fsPath.endsWith('.txt')) return;
    const match = /\S+/.exec(document.getText());
    if (!match) return;
    editor.setDecorations(highlight, [new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length))]);
  };
  context.subscriptions.push(highlight, vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(decorate)));
  vscode.window.visibleTextEditors.forEach(decorate);
};

exports.deactivate = function deactivate() {};
