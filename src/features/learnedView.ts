import * as vscode from 'vscode';
import type { CommandManager } from '../commandManager';
import { isArticle } from '../adapter';
import { CommandId } from '../commands';
import { occurrences } from '../core/facts';
import type { LexiconEntry } from '../core/learning';
import type { LexiconService } from './lexicon';

/**
 * One row of the Learned view: a text decision with its scope and how many mentions it touches here,
 * or one mention of the active article the user rejected (`kind: 'mention'`, with its annotation id).
 */
export interface LearnedRow {
  kind: 'text' | 'mention';
  entry: LexiconEntry;
  status: 'confirmed' | 'rejected';
  /** "everywhere", the document it holds in, or "this mention". */
  scope: string;
  /** Whole-word mentions of the text in the active article (0 without one; 1 for a mention). */
  mentions: number;
  /** A rejected mention's annotation and span. */
  id?: string;
  start?: number;
  end?: number;
}

type Group = 'mentions' | 'rejected' | 'confirmed';
type Node = { group: Group; rows: LearnedRow[] } | LearnedRow;

const GROUP_TITLES: Record<Group, string> = { mentions: 'Mentions rejected in this article', rejected: 'Texts rejected', confirmed: 'Names confirmed' };

/** Where the view finds a document's stored annotations (the sidecar store). */
export interface MentionSource {
  annotationsOf(uri: vscode.Uri): readonly { id: string; start: number; end: number; text: string; type: string; status: string }[] | undefined;
  readonly onDidChange: vscode.Event<unknown>;
}

/**
 * The "Learned" view beside the Facts view: what Factmark learnt from the user in the active
 * article's workspace folder (names confirmed, texts rejected), each with its scope and the number of
 * mentions it affects in the article, and Forget on each row (the text is suggested as before); and
 * the mentions of the article rejected one by one, with Restore (the suggestion comes back).
 */
class LearnedTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly lexicon: LexiconService,
    private readonly labelTitle: (type: string) => string,
    private readonly store: MentionSource,
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
      kind: 'text',
      entry,
      status,
      scope: entry.document ?? 'everywhere',
      mentions: !entry.document || entry.document === here ? occurrences(text, entry.text).length : 0,
    });
    const mentions: LearnedRow[] = (document ? (this.store.annotationsOf(document.uri) ?? []) : [])
      .filter((a) => a.status === 'rejected')
      .sort((a, b) => a.start - b.start)
      .map((a) => ({ kind: 'mention', entry: { text: a.text, type: a.type }, status: 'rejected', scope: 'this mention', mentions: 1, id: a.id, start: a.start, end: a.end }));
    return [...mentions, ...lexicon.rejected.map((e) => row(e, 'rejected')), ...lexicon.confirmed.map((e) => row(e, 'confirmed'))];
  }

  getChildren(node?: Node): Node[] {
    if (node && 'rows' in node) return node.rows;
    if (node) return [];
    const rows = this.rows();
    const groups: Node[] = [];
    for (const group of ['mentions', 'rejected', 'confirmed'] as const) {
      const mine = rows.filter((r) => (group === 'mentions' ? r.kind === 'mention' : r.kind === 'text' && r.status === group));
      if (mine.length) groups.push({ group, rows: mine });
    }
    return groups;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(`${GROUP_TITLES[node.group]} (${node.rows.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.contextValue = 'learned.group';
      return item;
    }
    const item = new vscode.TreeItem(node.entry.text, vscode.TreeItemCollapsibleState.None);
    if (node.kind === 'mention') {
      const editor = vscode.window.activeTextEditor;
      item.description = `${this.labelTitle(node.entry.type)} · this mention`;
      item.tooltip = 'Rejected here only. Restore makes it a suggestion again.';
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.contextValue = 'learned.mention';
      if (editor) item.command = { title: 'Show', command: CommandId.Reveal, arguments: [{ uri: editor.document.uri.toString(), start: node.start, end: node.end }] };
      return item;
    }
    const where = node.scope === 'everywhere' ? 'everywhere' : `in ${node.scope}`;
    const rule = node.status === 'confirmed' && node.entry.rule;
    item.description = `${this.labelTitle(node.entry.type)} · ${rule ? 'rule, ' : ''}${where} · ${node.mentions} mention${node.mentions === 1 ? '' : 's'} here`;
    item.tooltip =
      node.status === 'rejected'
        ? `Not suggested as ${this.labelTitle(node.entry.type)} ${where}.`
        : rule
          ? `Accepted everywhere: suggested as ${this.labelTitle(node.entry.type)} at every mention ${where}, over the model's type.`
          : `Suggested at its other mentions as ${this.labelTitle(node.entry.type)} ${where} where the model suggests nothing.`;
    item.iconPath = new vscode.ThemeIcon(node.status === 'rejected' ? 'close' : 'check');
    item.contextValue = 'learned.entry';
    return item;
  }
}

/** Registers the Learned view, its Forget and Restore actions and the internal command that lists its rows (tests). */
export function registerLearnedView(
  commands: CommandManager,
  lexicon: LexiconService,
  labelTitle: (type: string) => string,
  store: MentionSource,
  restore: (uri: vscode.Uri, id: string) => Promise<void>,
): vscode.Disposable {
  const tree = new LearnedTree(lexicon, labelTitle, store);
  return vscode.Disposable.from(
    vscode.window.createTreeView('factmark.learned', { treeDataProvider: tree }),
    lexicon.onDidChange(() => tree.refresh()),
    store.onDidChange(() => tree.refresh()),
    commands.register({ id: CommandId.LearnedRestore, execute: async (row?: LearnedRow) => {
      const editor = vscode.window.activeTextEditor;
      if (row?.kind === 'mention' && row.id && editor && isArticle(editor.document)) await restore(editor.document.uri, row.id);
    } }),
    vscode.window.onDidChangeActiveTextEditor(() => tree.refresh()),
    commands.register({ id: CommandId.LearnedForget, execute: async (row?: LearnedRow) => {
      const editor = vscode.window.activeTextEditor;
      const uri = editor && isArticle(editor.document) ? editor.document.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
      if (row?.kind === 'text' && row.entry && uri) await lexicon.forget(uri, [row.entry], row.status);
    } }),
    commands.register({ id: CommandId.GetLearned, execute: () => tree.rows() }),
  );
}
