import * as vscode from 'vscode';
import { isArticle } from '../adapter';
import { CommandId } from '../commands';
import { occurrences } from '../core/facts';
import type { LexiconEntry } from '../core/learning';
import type { LexiconService } from './lexicon';

/** One row of the Learned view: a text decision with its scope and how many mentions it touches here. */
export interface LearnedRow {
  entry: LexiconEntry;
  status: 'confirmed' | 'rejected';
  /** "everywhere", or the document it holds in. */
  scope: string;
  /** Whole-word mentions of the text in the active article (0 without one). */
  mentions: number;
}

type Node = { group: 'confirmed' | 'rejected'; rows: LearnedRow[] } | LearnedRow;

/**
 * The "Learned" view beside the Facts view: what Factmark learnt from the user in the active
 * article's workspace folder (names confirmed, texts rejected), each with its scope and the number of
 * mentions it affects in the article, and Forget on each row (the text is suggested as before).
 */
class LearnedTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly lexicon: LexiconService,
    private readonly labelTitle: (type: string) => string,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  /** The rows for the active article (or the first folder's lexicon without one). */
  rows(): LearnedRow[] {
    const editor = vscode.window.activeTextEditor;
    const document = editor && isArticle(editor.document) ? editor.document : undefined;
    const uri = document?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!uri) return [];
    const lexicon = this.lexicon.lexiconFor(uri);
    const text = document?.getText() ?? '';
    const here = document ? this.lexicon.documentKey(document.uri) : undefined;
    const row = (entry: LexiconEntry, status: LearnedRow['status']): LearnedRow => ({
      entry,
      status,
      scope: entry.document ?? 'everywhere',
      mentions: !entry.document || entry.document === here ? occurrences(text, entry.text).length : 0,
    });
    return [...lexicon.rejected.map((e) => row(e, 'rejected')), ...lexicon.confirmed.map((e) => row(e, 'confirmed'))];
  }

  getChildren(node?: Node): Node[] {
    if (node && 'rows' in node) return node.rows;
    if (node) return [];
    const rows = this.rows();
    const groups: Node[] = [];
    for (const group of ['rejected', 'confirmed'] as const) {
      const mine = rows.filter((r) => r.status === group);
      if (mine.length) groups.push({ group, rows: mine });
    }
    return groups;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(`${node.group === 'rejected' ? 'Texts rejected' : 'Names confirmed'} (${node.rows.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.contextValue = 'learned.group';
      return item;
    }
    const item = new vscode.TreeItem(node.entry.text, vscode.TreeItemCollapsibleState.None);
    const where = node.scope === 'everywhere' ? 'everywhere' : `in ${node.scope}`;
    item.description = `${this.labelTitle(node.entry.type)} · ${where} · ${node.mentions} mention${node.mentions === 1 ? '' : 's'} here`;
    item.tooltip = `${node.status === 'rejected' ? 'Not suggested' : 'Suggested at its other mentions'} as ${this.labelTitle(node.entry.type)} ${where}.`;
    item.iconPath = new vscode.ThemeIcon(node.status === 'rejected' ? 'close' : 'check');
    item.contextValue = 'learned.entry';
    return item;
  }
}

/** Registers the Learned view, its Forget action and the internal command that lists its rows (tests). */
export function registerLearnedView(lexicon: LexiconService, labelTitle: (type: string) => string): vscode.Disposable {
  const tree = new LearnedTree(lexicon, labelTitle);
  return vscode.Disposable.from(
    vscode.window.createTreeView('factmark.learned', { treeDataProvider: tree }),
    lexicon.onDidChange(() => tree.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => tree.refresh()),
    vscode.commands.registerCommand(CommandId.LearnedForget, async (row?: LearnedRow) => {
      const editor = vscode.window.activeTextEditor;
      const uri = editor && isArticle(editor.document) ? editor.document.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
      if (row?.entry && uri) await lexicon.forget(uri, [row.entry], row.status);
    }),
    vscode.commands.registerCommand(CommandId.GetLearned, () => tree.rows()),
  );
}
