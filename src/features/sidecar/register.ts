import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import type { Annotation, AnnotatedDocument, Fact } from '../../core/model';
import { isSidecarPath } from '../../core/sidecar';
import { SidecarProblemsPanel, registerOrphanDiagnostics } from './diagnostics';
import { baseName, exists, sidecarUriOf } from './files';
import { registerOrphanQuickFixes } from './quickFixes';
import { Anchoring, type AnchoringTestSettings } from './anchoring';
import type { AnchoredIn } from './entry';
import { AnnotationStore, type DocumentAnnotations } from './store';
import { offerStraySidecar } from './strays';
import { watchSidecarCopies } from './copies';
import { RecentSet } from '../../core/recent';
import { workerScripts } from '../worker';

export { AnnotationStore, type DocumentAnnotations } from './store';

/** A plain copy of a document's annotations (what `factmark.internal.getAnnotations` returns). */
export interface AnnotationsSnapshot {
  uri: string;
  sidecarUri: string;
  model: AnnotatedDocument;
  orphans: string[];
  writable: boolean;
  /** The content hash of the sidecar as last read from disk ('missing' when it was not there). */
  lastRead: string | undefined;
  /** Where the last re-anchoring on a changed text ran. */
  anchoredIn: AnchoredIn | undefined;
}

/** What `factmark.internal.editAnnotations` accepts (offsets are UTF-16 into the current text). */
export interface AnnotationsEdit {
  add?: Array<Omit<Annotation, 'id' | 'text' | 'status'> & { status?: Annotation['status'] }>;
  addFacts?: Array<Omit<Fact, 'id' | 'text' | 'entities'> & { entities?: string[] }>;
  update?: Array<Partial<Annotation> & { id: string }>;
  remove?: string[];
  documentDate?: string;
}

/** Creates the annotation store and everything that keeps it in step with VS Code; owned by `context`. */
export function registerSidecar(context: vscode.ExtensionContext, commands: CommandManager): AnnotationStore {
  const problems = new SidecarProblemsPanel();
  const log = (line: string) => console.warn(`Factmark: ${line}`);
  const store = new AnnotationStore(problems, new Anchoring(workerScripts(context.extensionUri), log));
  const wanted = (d: vscode.TextDocument) => isArticle(d) && !isSidecarPath(d.uri.path);
  const load = (d: vscode.TextDocument) => {
    if (!wanted(d)) return;
    store
      .open(d)
      .then(() => offerStraySidecar(store, d))
      .catch((e) => console.error('[factmark] loading annotations failed', e));
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*' + '.factmark.yaml');
  const documentWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Bursts (a branch switch) are coalesced per file.
  const changed = (uri: vscode.Uri) => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      void store.reloadSidecar(uri);
    }, 150));
  };

  context.subscriptions.push(
    problems,
    store,
    watcher,
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidOpenTextDocument(load),
    vscode.workspace.onDidChangeTextDocument((e) => store.onDidChangeDocument(e)),
    vscode.workspace.onDidSaveTextDocument((d) => wanted(d) && store.onDidSaveDocument(d)),
    vscode.workspace.onDidCloseTextDocument((d) => store.onDidCloseDocument(d)),
    vscode.workspace.onDidRenameFiles((e) => void followRenames(store, e.files)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => store.flushPending()),
    vscode.workspace.onDidDeleteFiles((e) => void tellAboutDeletes(e.files)),
    // Deleted outside VS Code (rm, git): only loaded documents are of interest.
    documentWatcher,
    documentWatcher.onDidDelete((uri) => {
      if (store.get(uri)) void tellAboutDeletes([uri]);
    }),
    watchSidecarCopies(),
    registerOrphanDiagnostics(store),
    registerOrphanQuickFixes(commands, store),
    commands.register({ id: CommandId.GetAnnotations, execute: async (uri: vscode.Uri | string) => {
      const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
      const entry = await store.open(document);
      await store.flushed(document.uri);
      return snapshot(entry);
    } }),
    commands.register({ id: CommandId.GetHandledDeletes, execute: () => handledDeletes.toArray() }),
    commands.register({ id: CommandId.AnchoringInWorker, execute: (uri: vscode.Uri) => store.anchoring.inWorker(uri) }),
    commands.register({ id: CommandId.AnchoringWorkers, execute: (settings?: TestSettingsArgument) => store.anchoring.testWith(testSettings(settings)) }),
    commands.register({ id: CommandId.EditAnnotations, execute: async (uri: vscode.Uri | string, edit: AnnotationsEdit) => {
      const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
      await store.open(document);
      const entry = await store.edit(document, (model) => applyEdit(store, document.uri, model, edit));
      return snapshot(entry);
    } }),
  );
  vscode.workspace.textDocuments.forEach(load);
  return store;
}

/** What `factmark.internal.anchoringWorkers` accepts: scripts as URIs or URI strings. */
type TestSettingsArgument = { limitMs?: number; node?: vscode.Uri | string; web?: vscode.Uri | string } | undefined;

function testSettings(arg: TestSettingsArgument): AnchoringTestSettings {
  const uri = (u: vscode.Uri | string | undefined) => (typeof u === 'string' ? vscode.Uri.parse(u) : u);
  const limitMs = typeof arg?.limitMs === 'number' && arg.limitMs > 0 ? arg.limitMs : undefined;
  return { limitMs, node: uri(arg?.node), web: uri(arg?.web) };
}

function applyEdit(store: AnnotationStore, uri: vscode.Uri, model: AnnotatedDocument, edit: AnnotationsEdit): void {
  if (edit.remove?.length) {
    const gone = new Set(edit.remove);
    model.annotations = model.annotations.filter((a) => !gone.has(a.id));
    model.facts = model.facts.filter((f) => !gone.has(f.id));
  }
  for (const u of edit.update ?? []) {
    const a = model.annotations.find((x) => x.id === u.id);
    if (a) Object.assign(a, u);
  }
  for (const a of edit.add ?? []) {
    model.annotations.push({ ...a, id: store.newId(uri, 'annotation'), text: '', status: a.status ?? 'confirmed' });
  }
  for (const f of edit.addFacts ?? []) {
    model.facts.push({ ...f, id: store.newId(uri, 'fact'), text: '', entities: f.entities ?? [] });
  }
  if (edit.documentDate !== undefined) model.documentDate = edit.documentDate;
}

function snapshot(entry: DocumentAnnotations): AnnotationsSnapshot {
  const m = entry.model;
  const model: AnnotatedDocument = {
    path: m.path,
    annotations: m.annotations.map((a) => ({ ...a, start: a.start, end: a.end })),
    facts: m.facts.map((f) => ({ ...f, start: f.start, end: f.end, entities: [...f.entities] })),
  };
  if (m.documentDate !== undefined) model.documentDate = m.documentDate;
  return { uri: entry.uri.toString(), sidecarUri: entry.sidecarUri.toString(), model, orphans: [...entry.orphans], writable: entry.writable, lastRead: entry.lastRead, anchoredIn: entry.anchoredIn };
}


/** A document renamed or moved in VS Code takes its sidecar along (its `document.path` is updated on load). */
async function followRenames(store: AnnotationStore, files: ReadonlyArray<{ oldUri: vscode.Uri; newUri: vscode.Uri }>): Promise<void> {
  for (const { oldUri, newUri } of files) {
    if (isSidecarPath(oldUri.path)) continue;
    const from = sidecarUriOf(oldUri);
    const to = sidecarUriOf(newUri);
    if (!(await exists(from))) continue;
    if (await exists(to)) {
      void vscode.window.showWarningMessage(`${baseName(newUri)} already has annotations (${baseName(to)}); the annotations of ${baseName(oldUri)} stay in ${baseName(from)}.`);
      continue;
    }
    try {
      await vscode.workspace.fs.rename(from, to, { overwrite: false });
    } catch (e) {
      void vscode.window.showErrorMessage(`Factmark could not move ${baseName(from)} along with its document: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    await store.reloadSidecar(to);
  }
}

/** Documents whose deletion was reported lately (VS Code's own delete also reaches the watcher). */
const toldDeleted = new Map<string, number>();

/**
 * Documents whose deletion has been handled lately: a barrier for tests that check what a deletion
 * leaves. Only the last ones are kept, so that a long session's deletions do not pile up.
 */
const handledDeletes = new RecentSet<string>(200);

/** Deleting a document never deletes its annotations silently: the sidecar stays, and the user is told. */
async function tellAboutDeletes(files: readonly vscode.Uri[]): Promise<void> {
  for (const uri of files) {
    try {
      await tellAboutDelete(uri);
    } finally {
      handledDeletes.add(uri.toString());
    }
  }
}

async function tellAboutDelete(uri: vscode.Uri): Promise<void> {
  if (isSidecarPath(uri.path)) return;
  const key = uri.toString();
  const now = Date.now();
  const last = toldDeleted.get(key);
  if (last !== undefined && now - last < 10_000) return;
  // Older reports no longer hold anything back: forgotten, so the map does not grow all session.
  for (const [k, at] of toldDeleted) if (now - at >= 10_000) toldDeleted.delete(k);
  toldDeleted.set(key, now);
  const sidecar = sidecarUriOf(uri);
  if (!(await exists(sidecar))) return;
  const remove = 'Delete Annotations Too';
  const show = 'Show Annotations';
  // Not awaited: an unanswered message must not hold back the next one.
  void vscode.window
    .showInformationMessage(`${baseName(uri)} was deleted. Its annotations are kept in ${baseName(sidecar)}.`, show, remove)
    .then(async (answer) => {
      if (answer === remove) await vscode.workspace.fs.delete(sidecar, { useTrash: true }).then(undefined, () => vscode.workspace.fs.delete(sidecar));
      else if (answer === show) await vscode.window.showTextDocument(sidecar);
    })
    .then(undefined, (e) => vscode.window.showErrorMessage(`Factmark: ${baseName(sidecar)}: ${e instanceof Error ? e.message : String(e)}`));
}
