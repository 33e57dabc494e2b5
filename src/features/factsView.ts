import * as vscode from 'vscode';

/**
 * The Facts view. Facts arrive with the annotating workflow; until then the tree is empty, so
 * VS Code shows the view's welcome content (contributes.viewsWelcome) telling the user what to do.
 */
class FactsTree implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }
  getChildren(): never[] {
    return [];
  }
}

export function registerFactsView(): vscode.Disposable {
  return vscode.window.createTreeView('factmark.facts', { treeDataProvider: new FactsTree() });
}
