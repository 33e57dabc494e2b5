import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import { pendingReply, type PendingReply } from '../../core/reply';
import { listQueryOf, type ListPage, type ListQuery } from '../../core/timeline';
import { FACT_TYPE } from '../../core/tree';
import type { Workflow } from '../annotate/workflow';
import type { FilterState, SharedFilter } from '../sharedFilter';
import { webviewHtml, webviewOptions } from './html';
import { type Scope, scopeTitle } from './sources';
import { Disposable } from '../dispose';

/** What a picture panel is: its view type, title, script and how it computes its data for a scope. */
export interface PictureKind<T> {
  readonly viewType: string;
  readonly title: string;
  /** The bundled script in dist/webview. */
  readonly script: string;
  compute(scope: Scope): Promise<T>;
  /**
   * What the page is sent of the data: what it draws (the axis's items, the map's dots summed up)
   * and the first page of each list under the picture as the page last asked for it (`queries`,
   * by list name); the lists' other entries stay here (see src/core/timeline/lists.ts).
   */
  view(data: T, queries: ReadonlyMap<string, ListQuery>): unknown;
  /** A page of one of the lists under the picture, as the page asks for it. */
  list(data: T, query: ListQuery): ListPage<unknown> | undefined;
}

/** The filter shared with the Factmark view, and the types it offers (entity types and facts). */
export interface PictureFilter {
  readonly filter: SharedFilter;
  types(): Array<{ name: string; title: string }>;
}

/** The workflow's shared filter, with the Factmark view's types: facts, then each label. */
export function pictureFilter(workflow: Workflow): PictureFilter {
  return { filter: workflow.filter, types: () => [{ name: FACT_TYPE, title: 'Facts' }, ...workflow.labels.labels.map((l) => ({ name: l.name, title: l.title }))] };
}

/** The change a picture is told of when the workspace index changed (a sidecar of a closed article, on disk): only the whole workspace's picture shows it. */
export const INDEX_CHANGED = Object.freeze({ index: true });

/** Messages from the webview. */
type FromWebview =
  | { type: 'ready'; filter?: unknown }
  | { type: 'filter'; filter: unknown }
  | { type: 'reveal' | 'link'; uri: string; start: number; end: number }
  | { type: 'scope'; workspace: boolean }
  | { type: 'list'; query: unknown }
  | { type: 'save'; format: 'svg' | 'png'; data: string | null; request?: number };

/** The picture panels open now, the one active last first: the picture commands act on the first. */
const openPanels: Array<PicturePanel<unknown>> = [];

/** The picture panel the picture commands act on: the active one, else the one active last (of `viewType` if given). */
export function activePicture(viewType?: string): PicturePanel<unknown> | undefined {
  const fits = (p: PicturePanel<unknown>) => !viewType || p.kind.viewType === viewType;
  return openPanels.find((p) => p.panel.active && fits(p)) ?? openPanels.find(fits);
}

/**
 * One picture panel (the timeline or the map) over a scope of articles: sends the data, redraws
 * when annotations or suggestions change, and turns clicks into reveals through the one reveal
 * command. The webview keeps its own view state (filters, zoom) with `setState`; the scope is part
 * of it, so the serializer can restore the panel after a reload.
 */
export class PicturePanel<T> extends Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /** The articles shown before "Whole workspace", to go back to. */
  private lastArticles: Scope | undefined;
  /** The data last sent (what tests and the user see). */
  data: T | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** An export asked for by a command, waiting for the page to send the picture. */
  private pendingSave: { format: 'svg' | 'png'; target?: vscode.Uri; reply: PendingReply<vscode.Uri | undefined>; request: number } | undefined;
  /** The id of the last export request sent to the page. */
  private requests = 0;
  /** The lists under the picture as the page last asked for them (by list name): a redraw sends their first pages. */
  private readonly queries = new Map<string, ListQuery>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly kind: PictureKind<T>,
    private scope: Scope,
    extensionUri: vscode.Uri,
    changes: vscode.Event<unknown>,
    private readonly shared: PictureFilter,
  ) {
    super();
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, kind.script, kind.title);
    this.touch();
    this._registerAll(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => e.webviewPanel.active && this.touch()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.guard(this.onMessage(m))),
      changes((d) => this.concerns(d) && this.schedule()),
      // A filter set in the view or the other picture narrows this one; its own changes are not sent back.
      shared.filter.onDidChange((c) => c.source !== this && this.ready && this.guard(Promise.resolve(this.panel.webview.postMessage({ type: 'filter', filter: c.state })))),
    );
    this.setScope(scope);
  }

  setScope(scope: Scope): void {
    this.scope = scope;
    if (!scope.workspace) this.lastArticles = scope;
    this.panel.title = `${this.kind.title}: ${scopeTitle(scope)}`;
    this.guard(this.refresh());
  }

  /** Makes this the panel the picture commands act on (it was shown or focused last). */
  touch(): void {
    const i = openPanels.indexOf(this as PicturePanel<unknown>);
    if (i >= 0) openPanels.splice(i, 1);
    openPanels.unshift(this as PicturePanel<unknown>);
  }

  /** Whether it shows the whole workspace (else chosen articles). */
  get workspace(): boolean {
    return !!this.scope.workspace;
  }

  /** "Whole workspace" / "Active article", as the button in the page's header. */
  showWorkspace(workspace: boolean): Promise<void> {
    return this.onMessage({ type: 'scope', workspace });
  }

  /** Runs one of the page's own actions (the buttons and boxes of its header), for the picture commands. */
  async act(action: { type: 'fit' } | { type: 'group'; grouping: string }): Promise<void> {
    if (!this.ready) throw new Error('the picture is not drawn yet');
    await this.panel.webview.postMessage(action);
  }

  /**
   * Saves the picture as it is drawn now, as the SVG and PNG buttons do: to `target`, or where the
   * user says. Resolves with the file written (undefined if the user cancelled).
   */
  export(format: 'svg' | 'png', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.ready) return Promise.reject(new Error('the picture is not drawn yet'));
    this.pendingSave?.reply.failed(new Error('another export was asked for'));
    // The page answers at once (a PNG takes an image load); a page that never answers must not hold
    // the command. Once it has answered, the Save dialog may stay open as long as the user likes.
    const reply = pendingReply<vscode.Uri | undefined>(30_000, 'the picture did not answer', () => {
      if (this.pendingSave === pending) this.pendingSave = undefined;
    });
    const request = ++this.requests;
    const pending = { format, target, reply, request };
    this.pendingSave = pending;
    // A page that cannot be reached fails the command at once, not after the deadline.
    this.guard(
      Promise.resolve(this.panel.webview.postMessage({ type: 'export', format, request })).then((delivered) => {
        if (!delivered) reply.failed(new Error('the picture could not be reached'));
      }),
    );
    return reply.promise;
  }

  /** Recomputes and sends the data (once the webview has said it is ready). */
  async refresh(): Promise<T> {
    const data = await this.kind.compute(this.scope);
    this.data = data;
    if (this.ready) {
      const { filter, types } = this.shared;
      // As JSON bytes: VS Code hands a byte array to the page as it is, where a tree of tens of
      // thousands of objects is serialised by VS Code, parsed by the workbench and copied again into
      // the page's frame. The page parses it once (readData in webview/common.ts).
      const bytes = new TextEncoder().encode(JSON.stringify(this.kind.view(data, this.queries)));
      await this.panel.webview.postMessage({ type: 'data', scope: this.scope, title: scopeTitle(this.scope), bytes, filter: filter.state, types: types() });
    }
    return data;
  }

  /** Whether a change (of annotations or suggestions, which carry the document's `uri`) is of a shown article. */
  private concerns(change: unknown): boolean {
    if (change === INDEX_CHANGED) return !!this.scope.workspace;
    const uri = (change as { uri?: vscode.Uri } | undefined)?.uri?.toString();
    return this.scope.workspace || !uri || !!this.scope.uris?.includes(uri);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // Edits come in bursts (typing, a recognition pass): redraw once they settle.
    // The whole workspace is read again on a redraw: wait for a longer lull there.
    this.timer = setTimeout(() => this.guard(this.refresh()), this.scope.workspace ? 2000 : 400);
  }

  /** Reports a failure of work started from an event (a message, a change), which nobody else awaits. */
  private guard(work: Promise<unknown>): void {
    work.catch((err: unknown) => void vscode.window.showWarningMessage(`Factmark: ${this.kind.title}: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** A reveal asked for by the page: only of a workspace document, with offsets that are numbers. */
  private revealable(m: { uri: unknown; start: unknown; end: unknown }): boolean {
    if (typeof m.uri !== 'string' || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return false;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === m.uri)) return true;
    try {
      return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(m.uri, true)) !== undefined;
    } catch {
      return false;
    }
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if ((m.type === 'reveal' || m.type === 'link') && !this.revealable(m)) return;
    if (m.type === 'ready') {
      // A panel restored after a reload brings back the filter it had, unless one is set already.
      const saved = filterOf(m.filter);
      if (saved && !this.shared.filter.active) this.shared.filter.set(saved, this);
      this.ready = true;
      await this.refresh();
    } else if (m.type === 'list') {
      // A page of a list under the picture (its first for a new filter, or the next for "Show more").
      const query = listQueryOf(m.query);
      if (!query || this.data === undefined) return;
      this.queries.set(query.list, { ...query, offset: 0 });
      const page = this.kind.list(this.data, query);
      if (page) await this.panel.webview.postMessage({ type: 'list', page });
    } else if (m.type === 'filter') {
      const filter = filterOf(m.filter);
      if (filter) this.shared.filter.set(filter, this);
    } else if (m.type === 'reveal') {
      await vscode.commands.executeCommand(CommandId.Reveal, { uri: m.uri, start: m.start, end: m.end });
    } else if (m.type === 'scope') {
      // "Whole workspace" / "Active article" in the panel's header.
      // The panel has focus, so there is no active editor: back to the articles shown before, else a visible one.
      const visible = vscode.window.visibleTextEditors.find((e) => isArticle(e.document));
      const articles = this.lastArticles ?? (visible && { uris: [visible.document.uri.toString()] });
      if (m.workspace) this.setScope({ workspace: true });
      else if (articles) this.setScope(articles);
    } else if (m.type === 'link') {
      // Pick the place meant for an ambiguous name: select it, then the same quick pick as the command.
      await vscode.commands.executeCommand(CommandId.Reveal, { uri: m.uri, start: m.start, end: m.end });
      await vscode.commands.executeCommand(CommandId.LinkPlace);
    } else if (m.type === 'save') {
      // An answer names the request it answers: one that comes too late, or for a request another
      // replaced, is dropped rather than taken for a click on the page's own button.
      if (m.request !== undefined && this.pendingSave?.request !== m.request) return;
      const pending = m.request !== undefined ? this.pendingSave : undefined;
      if (typeof m.data !== 'string') {
        // Nothing drawn (nothing in scope, or everything filtered out).
        pending?.reply.failed(new Error('there is no picture to save'));
        if (!pending) void vscode.window.showInformationMessage(`Factmark: the ${this.kind.title.toLowerCase()} has nothing drawn to save.`);
        return;
      }
      pending?.reply.answered();
      // Answered: the save is now this message's to finish. Another export asked for while the Save
      // dialog is open, or closing the picture, must not report this one failed once it is written.
      if (pending && this.pendingSave === pending) this.pendingSave = undefined;
      try {
        // Not `pending?.done(await …)`: with no command waiting (the page's own button) that would skip the save too.
        const saved = await this.save(m.format, m.data, pending?.target);
        pending?.reply.done(saved);
      } catch (e) {
        if (!pending) throw e;
        pending.reply.failed(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  /** Saves the picture the webview exported (SVG text or a PNG data URL) to `target`, else where the user says. */
  private async save(format: 'svg' | 'png', data: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    target ??= await vscode.window.showSaveDialog({
      defaultUri: base && vscode.Uri.joinPath(base, `${this.kind.viewType.replace(/^factmark\./, '')}.${format}`),
      filters: { [format.toUpperCase()]: [format] },
    });
    if (!target) return undefined;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data.replace(/^data:image\/png;base64,/, '')), (c) => c.charCodeAt(0));
    await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  }

  override dispose(): void {
    clearTimeout(this.timer);
    const i = openPanels.indexOf(this as PicturePanel<unknown>);
    if (i >= 0) openPanels.splice(i, 1);
    this.pendingSave?.reply.failed(new Error('the picture was closed'));
    this.disposed.fire();
    this.disposed.dispose();
    super.dispose();
    this.panel.dispose();
  }
}

/** A filter sent by the page, if it is one: strings and a list of strings only. */
function filterOf(value: unknown): Partial<FilterState> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' ? x.slice(0, 500) : '');
  const types = Array.isArray(v.types) ? v.types.filter((t): t is string => typeof t === 'string') : [];
  return { text: text(v.text), types, from: text(v.from), to: text(v.to) };
}

/** Registers a picture kind: its command (reusing an open panel), its serializer and its test command. */
export function registerPicture<T>(
  commands: CommandManager,
  kind: PictureKind<T>,
  extensionUri: vscode.Uri,
  changes: vscode.Event<unknown>,
  commandId: CommandId,
  dataCommandId: CommandId,
  defaultScope: (uri?: unknown, uris?: unknown) => Scope | undefined,
  shared: PictureFilter,
): vscode.Disposable {
  let current: PicturePanel<T> | undefined;
  const adopt = (panel: vscode.WebviewPanel, scope: Scope) => {
    current = new PicturePanel(panel, kind, scope, extensionUri, changes, shared);
    const mine = current;
    mine.onDidDispose(() => {
      if (current === mine) current = undefined;
    });
    return mine;
  };
  return vscode.Disposable.from(
    { dispose: () => current?.dispose() },
    commands.register({ id: commandId, execute: async (uri?: unknown, uris?: unknown) => {
      const scope = (uri as Scope | undefined)?.workspace ? { workspace: true } : defaultScope(uri, uris);
      if (!scope) {
        void vscode.window.showInformationMessage(`Factmark: open a plain-text article, or select articles in the Explorer, to see its ${kind.title.toLowerCase()}.`);
        return;
      }
      if (current) {
        current.setScope(scope);
        current.panel.reveal(undefined, true);
        current.touch();
      } else {
        adopt(vscode.window.createWebviewPanel(kind.viewType, kind.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(extensionUri)), scope);
      }
    } }),
    commands.register({ id: dataCommandId, execute: () => current?.refresh() }),
    vscode.window.registerWebviewPanelSerializer(kind.viewType, {
      deserializeWebviewPanel: async (panel, state: { scope?: Scope } | undefined) => {
        current?.dispose();
        adopt(panel, state?.scope ?? { workspace: true });
      },
    }),
  );
}
