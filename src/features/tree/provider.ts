import * as vscode from 'vscode';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import { innermostAt, preview } from '../../core/facts';
import type { IndexedDocument } from '../../core/index';
import type { AnnotatedDocument, Annotation } from '../../core/model';
import { describeQuery } from '../../core/index';
import {
  buildTree,
  FACT_TYPE,
  GROUPINGS,
  groupLabel,
  leafLabel,
  suggestionsGroup,
  type AnnotationNode,
  type FactNode,
  type Grouping,
  type TreeDocument,
  TreeModel,
  type TreeNode,
} from '../../core/tree';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';
import { Disposable } from '../dispose';

const VIEW_ID = 'factmark.facts';

/** Plain data of a tree row, for tests (`factmark.internal.getTree`). */
export interface TreeRow {
  label: string;
  description?: string;
  children?: TreeRow[];
}

/**
 * The Factmark view: a thin adapter over the pure tree model (src/core/tree). Shows the active
 * document's facts and entities, or the whole workspace's; follows the active editor and reveals the
 * item at the cursor.
 */
export class FactsTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: TreeModel | undefined;
  private scope: 'document' | 'workspace' = 'document';
  private grouping: Grouping = 'type';
  /** Whether the "Open suggestions" group is shown (off by default: the view is about what was decided). */
  private showSuggestions = false;
  private documentUri: vscode.Uri | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The text and types of the shared filter this view was last built with. */
  private viewFilter = '';
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly view: vscode.TreeView<TreeNode>;

  constructor(
    private readonly workflow: Workflow,
    private readonly corpus: CorpusIndex,
  ) {
    super();
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this._registerAll(
      this.view,
      this.changed,
      workflow.store.onDidChange((d) => this.scheduleRefresh(d.uri)),
      // The workspace mode shows the workspace index, which sidecars changed on disk update too.
      corpus.onDidChange(() => this.scope === 'workspace' && this.view.visible && this.scheduleRefresh()),
      workflow.labels.onDidChange(() => this.refresh()),
      // The filter is shared with the timeline and the map: set there, it narrows this view too.
      // (Only its text and types: a date range set in a picture does not narrow this view.)
      workflow.filter.onDidChange(() => {
        const { text, types } = workflow.filter.state;
        const key = JSON.stringify([text, types]);
        if (key !== this.viewFilter) this.refresh();
        this.viewFilter = key;
      }),
      // The Restricted Mode message goes once the folder is trusted.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isArticle(e.document)) {
          this.documentUri = e.document.uri;
          // Hidden, the view rebuilds when shown; a document whose sidecar cannot be read shows as empty.
          if (this.view.visible) void workflow.open(e.document).then(() => this.refresh(), () => this.refresh());
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor && isArticle(e.textEditor.document)) this.scheduleReveal(e.textEditor);
      }),
      this.view.onDidChangeVisibility((e) => e.visible && this.refresh()),
      // New suggestions (after an edit or a decision) change the open-suggestions group.
      workflow.recognition.onDidChange((r) => this.showSuggestions && this.scheduleRefresh(r.uri)),
    );
    const editor = vscode.window.activeTextEditor;
    if (editor && isArticle(editor.document)) this.documentUri = editor.document.uri;
    this.refresh();
  }

  // ------------------------------------------------------------ TreeDataProvider

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(groupLabel(node), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.contextValue = `group.${node.group}`;
      item.iconPath = new vscode.ThemeIcon(
        { facts: 'note', type: 'symbol-class', entity: 'symbol-field', date: 'calendar', document: 'file', suggestions: 'lightbulb' }[node.group],
        node.type ? themeColourOf(this.workflow, node.type) : undefined,
      );
      return item;
    }
    const linked = node.kind === 'fact' ? this.linkedOf(node) : [];
    const item = new vscode.TreeItem(leafLabel(node), linked.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const span = node.kind === 'fact' ? node.fact : node.annotation;
    if (this.factOf.has(node)) {
      // An entity of an expanded fact: its canonical name when it links to one.
      const a = (node as AnnotationNode).annotation;
      const entity = a.entity !== undefined ? this.corpus.index.entity(a.entity) : undefined;
      item.label = entity?.name ?? preview(a.text, 60);
      item.description = [this.workflow.labels.title(a.type), entity && entity.name !== a.text ? `“${preview(a.text, 40)}”` : undefined, a.value].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('tag', themeColourOf(this.workflow, a.type));
      item.contextValue = 'annotation';
    } else if (node.kind === 'fact') {
      item.description = [node.fact.date, `${node.fact.entities.length} linked`].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('note');
      item.contextValue = 'fact';
    } else {
      const a = node.annotation;
      item.description = [this.workflow.labels.title(a.type), a.value, a.kb, a.status === 'suggested' ? 'suggested' : undefined]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.parent?.group === 'suggestions' ? 'lightbulb' : 'tag', themeColourOf(this.workflow, a.type));
      item.contextValue = node.parent?.group === 'suggestions' ? 'suggestion' : 'annotation';
    }
    const snippet = node.kind === 'annotation' && this.grouping === 'entity' && !this.factOf.has(node) ? this.snippetOf(node) : undefined;
    // By entity, a mention's row says where it is and in what words; elsewhere its type and document.
    if (snippet !== undefined) item.description = this.scope === 'workspace' ? `${node.doc.name}: ${snippet}` : snippet;
    else if (this.scope === 'workspace' && this.grouping !== 'document' && !this.factOf.has(node)) item.description = `${item.description} — ${node.doc.name}`;
    item.tooltip = new vscode.MarkdownString().appendText(preview(span.text, 400)).appendMarkdown(`\n\n_${node.doc.name}, offset ${span.start}–${span.end}_`);
    item.command = { title: 'Reveal', command: CommandId.Reveal, arguments: [{ uri: node.doc.key, start: span.start, end: span.end }] };
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return [...(this.model?.roots ?? [])];
    if (node.kind === 'fact') return this.linkedOf(node);
    return node.kind === 'group' ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.factOf.get(node) ?? node.parent;
  }

  /** The rows of a fact's entities (made once per fact row), each knowing its fact for `getParent`. */
  private readonly factOf = new WeakMap<TreeNode, FactNode>();
  private readonly linkedRows = new WeakMap<FactNode, AnnotationNode[]>();
  private linkedOf(node: FactNode): AnnotationNode[] {
    let rows = this.linkedRows.get(node);
    if (!rows) {
      const byId = new Map(node.doc.model.annotations.map((a) => [a.id, a]));
      rows = node.fact.entities
        .map((id) => byId.get(id))
        .filter((a): a is Annotation => !!a)
        .map((annotation) => ({ kind: 'annotation' as const, id: `${node.id}/${annotation.id}`, doc: node.doc, annotation }));
      for (const r of rows) this.factOf.set(r, node);
      this.linkedRows.set(node, rows);
    }
    return rows;
  }

  /** A mention in its words: its line around it, from the workspace index. */
  private snippetOf(node: AnnotationNode): string | undefined {
    const m = this.corpus.index.document(node.doc.key)?.mentions.find((x) => x.id === node.annotation.id);
    return m ? `${m.before}${m.text}${m.after}`.trim() : undefined;
  }

  // ------------------------------------------------------------ state

  /**
   * A store change (one per keystroke inside an annotation): rebuilds shortly after, unless the view
   * is hidden (it rebuilds when shown) or the change is to a document the view does not show.
   */
  private scheduleRefresh(changed?: vscode.Uri): void {
    if (!this.view.visible) return;
    if (this.scope === 'document' && changed?.toString() !== this.documentUri?.toString()) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 50);
  }

  /** Rebuilds the model (cheap: a few milliseconds for 10,000 annotations) and the title. */
  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const docs = this.documents();
    this.model = buildTree(docs, {
      grouping: this.grouping,
      filter: { text: this.workflow.filter.state.text, types: this.workflow.filter.state.types },
      title: (t) => this.workflow.labels.title(t),
      typeOrder: this.workflow.labels.labels.map((l) => l.name),
      entity: (id) => this.corpus.index.entity(id),
    });
    if (this.showSuggestions) {
      const open = suggestionsGroup(this.suggestionsOf(docs), { text: this.workflow.filter.state.text, types: this.workflow.filter.state.types });
      if (open) this.model = new TreeModel([...this.model.roots, open], this.model.totals);
    }
    const { facts, entities, documents } = this.model.totals;
    // The view filters by text and type only; a date range set in a picture does not narrow it.
    const { text, types } = this.workflow.filter.state;
    const filterWords = describeQuery({ text: text || undefined, types: types.map((t) => (t === FACT_TYPE ? 'facts' : this.workflow.labels.title(t))) });
    const filtered = filterWords ? ` · filtered: ${filterWords}` : '';
    const grouped = this.grouping === 'type' ? '' : ` · by ${this.grouping}`;
    const where = this.scope === 'workspace' ? `whole workspace, ${documents} documents${grouped}` : `${docs[0]?.name ?? 'no article'}${grouped}`;
    this.view.title = `Facts (${facts}) · Entities (${entities})`;
    this.view.description = `${facts} facts · ${entities} entities — ${where}${filtered}`;
    const trusted = vscode.workspace.isTrusted;
    this.view.message = trusted
      ? undefined
      : 'Restricted Mode: factmark.patterns from this workspace are not run; annotation changes are kept in memory and written when you trust the folder.';
    void vscode.commands.executeCommand('setContext', 'factmark.view.state', this.state(docs));
    void vscode.commands.executeCommand('setContext', 'factmark.view.scope', this.scope);
    void vscode.commands.executeCommand('setContext', 'factmark.view.filtered', !!filtered);
    void vscode.commands.executeCommand('setContext', 'factmark.view.suggestions', this.showSuggestions);
    this.changed.fire(undefined);
  }

  private state(docs: readonly TreeDocument[]): string {
    if (this.scope === 'document' && docs.length === 0) return 'noDocument';
    if ((this.model?.roots.length ?? 0) > 0) return 'items';
    return this.workflow.filter.state.text || this.workflow.filter.state.types.length ? 'filteredOut' : 'empty';
  }

  private documents(): TreeDocument[] {
    // The whole workspace: from the workspace index (no sidecar is read here).
    if (this.scope === 'workspace') return this.corpus.current().documents().map(treeDocumentOf);
    const entries = [this.documentUri && this.workflow.store.get(this.documentUri)].filter((e) => !!e);
    // Orphans (their text is gone) have no place in the text to reveal: left out, as everywhere else.
    return entries.map((e) => ({ key: e!.uri.toString(), name: vscode.workspace.asRelativePath(e!.uri), model: withoutOrphans(e!) }));
  }

  /** The undecided suggestions of the shown documents that are open (recognition runs on open documents only). */
  private suggestionsOf(docs: readonly TreeDocument[]): Array<{ doc: TreeDocument; mentions: ReturnType<Workflow['undecided']> }> {
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    // An article with no annotations yet has no entry in the store, but may have suggestions.
    const shown: TreeDocument[] = docs.length || !this.documentUri ? [...docs] : [{ key: this.documentUri.toString(), name: vscode.workspace.asRelativePath(this.documentUri), model: { path: '', annotations: [], facts: [] } }];
    return shown.flatMap((doc) => {
      const document = open.get(doc.key);
      return document ? [{ doc, mentions: this.workflow.undecided(document) }] : [];
    });
  }

  /** Shows or hides the "Open suggestions" group. */
  setShowSuggestions(show: boolean): void {
    this.showSuggestions = show;
    this.refresh();
  }

  private scheduleReveal(editor: vscode.TextEditor): void {
    if (!this.view.visible) return;
    if (this.revealTimer) clearTimeout(this.revealTimer);
    this.revealTimer = setTimeout(() => void this.revealAt(editor), 150);
  }

  /** Selects the tree row of the innermost fact or annotation at the cursor. */
  async revealAt(editor: vscode.TextEditor): Promise<TreeNode | undefined> {
    const entry = this.workflow.store.get(editor.document.uri);
    if (!entry || !this.model) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    const model = withoutOrphans(entry);
    const item = innermostAt([...model.annotations.filter((a) => a.status !== 'rejected'), ...model.facts], offset);
    const node = item && this.model.nodeFor(entry.uri.toString(), item.id);
    if (node && this.view.visible) await this.view.reveal(node, { select: true, focus: false, expand: true });
    return node;
  }

  // ------------------------------------------------------------ commands

  async groupBy(grouping?: Grouping): Promise<void> {
    const names: Record<Grouping, string> = { type: 'Type', entity: 'Entity', date: 'Date', document: 'Document' };
    const chosen =
      grouping ??
      (await vscode.window.showQuickPick(GROUPINGS.map((g) => ({ label: names[g], description: g === this.grouping ? 'current' : undefined, g })), { placeHolder: 'Group the Factmark view by…' }))?.g;
    if (!chosen) return;
    this.grouping = chosen;
    this.refresh();
  }

  /** Sets the view's text and type filter, which the timeline and the map share (the refresh follows from the change). */
  async filter(arg?: { text?: string; types?: string[] }): Promise<void> {
    const shared = this.workflow.filter;
    if (arg) {
      shared.set({ text: arg.text ?? '', types: arg.types ?? [] });
      return;
    }
    const current = shared.state;
    const text = await vscode.window.showInputBox({ title: 'Filter the Factmark view', value: current.text, placeHolder: 'Text to look for (empty: everything)' });
    if (text === undefined) return;
    const items = [
      { label: 'Facts', type: FACT_TYPE, picked: current.types.length === 0 || current.types.includes(FACT_TYPE) },
      ...this.workflow.labels.labels.map((l) => ({ label: l.title, type: l.name, picked: current.types.length === 0 || current.types.includes(l.name) })),
    ];
    const types = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: 'Types to show' });
    if (!types) return;
    shared.set({ text, types: types.length === items.length ? [] : types.map((t) => t.type) });
  }

  async setScope(scope: 'document' | 'workspace'): Promise<void> {
    this.scope = scope;
    if (scope === 'workspace') await this.corpus.ready('always');
    this.refresh();
  }

  /** The tree as plain rows (for tests). */
  rows(): { title: string; rows: TreeRow[] } {
    const row = (n: TreeNode): TreeRow => {
      const item = this.getTreeItem(n);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const children = n.kind === 'annotation' ? [] : this.getChildren(n);
      return { label, description: typeof item.description === 'string' ? item.description : undefined, children: n.kind === 'group' || children.length ? children.map(row) : undefined };
    };
    return { title: this.view.description ?? '', rows: this.getChildren().map(row) };
  }

  override dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.revealTimer) clearTimeout(this.revealTimer);
    super.dispose();
  }
}

/** Tree documents made from the index's entries, once per entry (an entry is replaced when its document changes). */
const treeDocuments = new WeakMap<IndexedDocument, TreeDocument>();
function treeDocumentOf(d: IndexedDocument): TreeDocument {
  let doc = treeDocuments.get(d);
  if (!doc) {
    const annotations: Annotation[] = d.mentions.map((m) => ({ id: m.id, type: m.type, status: m.status, start: m.start, end: m.end, text: m.text, ...(m.value !== undefined ? { value: m.value } : {}), ...(m.kb !== undefined ? { kb: m.kb } : {}), ...(m.entity !== undefined ? { entity: m.entity } : {}) }));
    const facts = d.facts.map((f) => ({ id: f.id, label: f.label, start: f.start, end: f.end, text: f.text, entities: f.mentions, ...(f.date !== undefined ? { date: f.date } : {}) }));
    doc = { key: d.key, name: d.name, model: { path: d.name, annotations, facts, ...(d.date !== undefined ? { documentDate: d.date } : {}) } };
    treeDocuments.set(d, doc);
  }
  return doc;
}

/** The entry's model without its orphans (the model itself when it has none). */
function withoutOrphans(entry: { model: AnnotatedDocument; orphans: ReadonlySet<string> }): AnnotatedDocument {
  const { model, orphans } = entry;
  if (orphans.size === 0) return model;
  return { ...model, annotations: model.annotations.filter((a) => !orphans.has(a.id)), facts: model.facts.filter((f) => !orphans.has(f.id)) };
}

function themeColourOf(workflow: Workflow, type: string): vscode.ThemeColor | undefined {
  const label = workflow.labels.find(type);
  return label?.themeColour ? new vscode.ThemeColor(`${label.themeColour}Border`) : undefined;
}
