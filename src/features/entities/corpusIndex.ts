import * as vscode from 'vscode';
import { detectDocumentDate, detectDocumentDateFromName } from '../../core/dates';
import { indexModel, indexSidecar, offsetsHold, PathKeys, planWarmStart, WorkspaceIndex, type FoundSidecar, type SnapshotEntry } from '../../core/index';
import { documentPathFor, parseSidecar, SIDECAR_SUFFIX } from '../../core/sidecar';
import { Disposable } from '../dispose';
import { exists, readText } from '../sidecar/files';
import type { AnnotationStore, DocumentAnnotations } from '../sidecar/store';
import { EntitiesFiles } from './entitiesFiles';
import { IndexKeeper, IndexSnapshots, stampOf } from './indexSnapshot';

/** Sidecars being read at once while the index is built: enough to keep the disk busy, few enough to stay responsive. */
const BATCH = 32;

/** A question this long after the last look at the workspace's list of sidecars looks again. */
const RECONCILE_MS = 3000;

/** What the last build did with the saved index (for the output channel and tests). */
export interface WarmStart {
  /** Entries taken from the snapshot, their sidecar and article unchanged. */
  kept: number;
  /** Sidecars read again: changed, new, or their article changed. */
  reread: number;
  /** Entries dropped: their sidecar is gone. */
  gone: number;
  ms: number;
}

/** Where the index is kept between sessions: `context.storageUri` and the extension's version. */
export interface KeepIndex {
  storage: vscode.Uri;
  version: string;
}

/**
 * The workspace index (src/core/index) kept current in the extension: built once from every
 * sidecar and its article on disk, then one document at a time: from the annotation store for the
 * documents it holds (so unsaved decisions count), from disk when a sidecar of another document
 * changes, appears or goes (git, another editor), and from the entities files when they change.
 * References, Ctrl+T, search and the view's workspace mode ask it instead of reading every sidecar.
 */
export class CorpusIndex extends Disposable {
  readonly index = new WorkspaceIndex();
  readonly files: EntitiesFiles;
  private building: Promise<void> | undefined;
  private reconciling: Promise<void> | undefined;
  private lastLook = 0;
  /** Documents of the store changed since they were last indexed. */
  private readonly pending = new Map<string, vscode.Uri>();
  private readonly diskTimers = new Map<string, { timer: ReturnType<typeof setTimeout>; uri: vscode.Uri }>();
  /** Counts reads from disk per document: a read that a later one overtook (a worker's anchoring takes a while) writes nothing. */
  private readonly reads = new Map<string, number>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Articles deleted on disk that VS Code may still hold as documents (an editor left open, or not
   * yet let go): left out of the index unless they have unsaved edits, as a user expects of a file
   * they deleted. Forgotten when the file comes back.
   */
  private readonly gone = new PathKeys();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires (coalesced) after the index changed. */
  readonly onDidChange = this.changed.event;
  /** Saves and loads the index between sessions; none without workspace storage (no folder open). */
  private readonly keeper: IndexKeeper | undefined;
  private built = false;
  /** Counts `forget()`s: a build (and its reads) started before one writes nothing after it. */
  private generation = 0;
  /**
   * While a warm start checks the saved entries: the documents read meanwhile (a file event's read,
   * the store), whose saved entry is older than what the index now holds and must not replace it.
   */
  private readMeanwhile: Set<string> | undefined;
  /** What the last build took from the saved index; undefined after a cold build. */
  lastStart: WarmStart | undefined;

  constructor(
    private readonly store: AnnotationStore,
    keep?: KeepIndex,
  ) {
    super();
    this.files = this._register(new EntitiesFiles());
    if (keep) this.keeper = this._register(new IndexKeeper(new IndexSnapshots(keep.storage, keep.version), (key) => this.index.document(key), () => this.built));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    const onDisk = (uri: vscode.Uri) => this.onDisk(uri);
    // Deletions and creations of anything (an article, or the folder holding it); VS Code already watches the workspace.
    const articles = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this._registerAll(
      articles.onDidDelete((uri) => this.deleted(uri)),
      articles.onDidCreate((uri) => this.cameBack(uri)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.deleted(uri))),
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
      // An article closed without saving takes its unsaved annotations with it: read what its sidecar holds.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.index.document(d.uri.toString())) onDisk(d.uri.with({ path: d.uri.path + SIDECAR_SUFFIX }));
      }),
      store.onDidChange((entry) => {
        this.pending.set(entry.uri.toString(), entry.uri);
        this.scheduleFlush();
      }),
      this.files.onDidChange(() => void this.loadEntities().then(() => this.changed.fire())),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        // Folders added or removed: built again from scratch on the next question.
        this.forget();
        this.changed.fire();
      }),
      this.onDidChange(() => this.keeper?.schedule()),
    );
  }

  override dispose(): void {
    clearTimeout(this.flushTimer);
    this.diskTimers.forEach((t) => clearTimeout(t.timer));
    super.dispose();
  }

  /**
   * The index, complete and current: built on the first question, store changes applied. `look`
   * looks at the list of sidecars again first (a question per keystroke, Ctrl+T, does so at most
   * every few seconds).
   */
  async ready(look: 'always' | 'lately' = 'lately'): Promise<WorkspaceIndex> {
    // A failed build is tried again on the next question, not kept as the answer for the session.
    this.building ??= this.build().catch((err: unknown) => {
      this.building = undefined;
      throw err;
    });
    await this.building;
    // File events can come late or not at all (a folder deleted at once, a loaded machine): the list
    // of sidecars is looked at again when it was not lately.
    if (look === 'always' || Date.now() - this.lastLook > RECONCILE_MS) await (this.reconciling ??= this.reconcile().finally(() => (this.reconciling = undefined)));
    else {
      // The entities files are few and small: read again on every question (parsed only when changed).
      await this.files.reread();
      await this.loadEntities();
    }
    // Sidecars changed on disk and not read yet (their pause running): read now, not after.
    const waiting = [...this.diskTimers.values()];
    this.diskTimers.clear();
    waiting.forEach((t) => clearTimeout(t.timer));
    await Promise.all(waiting.map((t) => this.readFromDisk(t.uri)));
    this.flush();
    return this.index;
  }

  /** The index as it is now (possibly still being built), with the store's changes applied. */
  current(): WorkspaceIndex {
    this.flush();
    return this.index;
  }

  /** Whether the index has been built (since the workspace folders last changed): `current()` is then complete. */
  get isBuilt(): boolean {
    return this.built;
  }

  /** Starts building in the background (so the first Ctrl+T finds it ready). */
  warm(): void {
    void this.ready().then(
      () => this.changed.fire(),
      (err: unknown) => console.warn(`[factmark] the workspace index could not be built: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  private async build(): Promise<void> {
    const started = Date.now();
    const generation = this.generation;
    await this.loadEntities();
    const sidecars = await this.sidecars();
    const saved = await this.keeper?.snapshots.load();
    if (saved) await this.warmStart(saved, sidecars, started, generation);
    else await this.readAll(sidecars, generation);
    // Folders changed meanwhile (forget): this build's list is out of date; the next question builds again.
    if (this.isDisposed || generation !== this.generation) return;
    this.built = true;
    this.keeper?.schedule();
    console.log(`[factmark] indexed ${this.index.size} documents in ${Date.now() - started} ms`);
  }

  /** Takes the saved entries whose files are unchanged, and reads the others (src/core/index/snapshot.ts). */
  private async warmStart(saved: readonly SnapshotEntry[], sidecars: readonly vscode.Uri[], started: number, generation: number): Promise<void> {
    const found: FoundSidecar[] = [];
    for (const s of sidecars) {
      const path = documentPathFor(s.path);
      if (path) found.push({ sidecar: s.toString(), article: s.with({ path }).toString() });
    }
    const meanwhile = (this.readMeanwhile = new Set());
    let plan: Awaited<ReturnType<typeof planWarmStart>>;
    try {
      plan = await planWarmStart(saved, found, (key) => stampOf(vscode.Uri.parse(key)), BATCH);
    } finally {
      this.readMeanwhile = undefined;
    }
    if (generation !== this.generation) return;
    for (const e of plan.kept) {
      // Read while the files were being looked at (a change on disk, the store): newer than the saved entry.
      if (meanwhile.has(e.doc.key)) continue;
      // A document VS Code holds counts as the store has it (unsaved decisions included).
      if (this.fromStore(this.store.get(vscode.Uri.parse(e.doc.key)))) continue;
      this.index.setDocument(e.doc);
      this.keeper?.stamp(e.doc.key, { sidecar: e.sidecar, sidecarStamp: e.sidecarStamp, articleStamp: e.articleStamp });
    }
    await this.readAll(plan.reread.map((f) => vscode.Uri.parse(f.sidecar)), generation);
    this.lastStart = { kept: plan.kept.length, reread: plan.reread.length, gone: plan.gone.length, ms: Date.now() - started };
    this.keeper?.snapshots.log(`Workspace index from the saved one: ${plan.kept.length} documents unchanged, ${plan.reread.length} read again, ${plan.gone.length} gone, in ${this.lastStart.ms} ms.`);
  }

  /** Drops every entry: the next question builds the index again (from the saved one when there is one). */
  private forget(): void {
    this.generation++;
    this.building = undefined;
    this.built = false;
    for (const d of [...this.index.documents()]) this.index.removeDocument(d.key);
    this.keeper?.clear();
  }

  /**
   * For tests: `save` writes the index for the next session now and holds it (no more saves), so a
   * test can change files as if the window were closed; `reopen` forgets the index and builds it
   * as a reopened workspace does, returning what it took from the saved one; `start` tells what
   * this window's first build took from it.
   */
  async forTests(action: 'save' | 'reopen' | 'start'): Promise<{ saved?: number; start?: WarmStart; file?: string }> {
    await this.ready('always');
    if (action === 'start') return { start: this.lastStart };
    if (action === 'save') return { saved: await this.keeper?.saveAndHold(), file: this.keeper?.snapshots.uri.toString() };
    this.forget();
    this.lastStart = undefined;
    this.keeper?.release();
    await this.ready('always');
    this.changed.fire();
    return { start: this.lastStart };
  }

  private async sidecars(): Promise<vscode.Uri[]> {
    this.lastLook = Date.now();
    return vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**');
  }

  private async readAll(sidecars: readonly vscode.Uri[], generation = this.generation): Promise<void> {
    // A pool, not batches: a batch waits for its slowest read while the disk and the parser idle.
    let next = 0;
    const reader = async () => {
      while (next < sidecars.length && !this.isDisposed && generation === this.generation) await this.readFromDisk(sidecars[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(BATCH, sidecars.length) }, reader));
  }

  /** Adds the documents whose sidecar appeared, drops those whose sidecar is gone, and reads the entities files again. */
  private async reconcile(): Promise<void> {
    const sidecars = await this.sidecars();
    const found = new Set<string>();
    const added: vscode.Uri[] = [];
    for (const s of sidecars) {
      const path = documentPathFor(s.path);
      if (!path) continue;
      const key = s.with({ path }).toString();
      found.add(key);
      if (!this.index.document(key)) added.push(s);
    }
    // Creation events can come late or not at all: an article marked gone whose file is there again is back.
    for (const key of [...this.gone.values()]) if (await exists(vscode.Uri.parse(key))) this.gone.delete(key);
    // A document the store holds stays (an unsaved article has no sidecar yet), unless its file is gone too.
    for (const d of [...this.index.documents()]) {
      const uri = vscode.Uri.parse(d.key);
      if (found.has(d.key) || this.unsaved(uri)) continue;
      const there = uri.scheme === 'untitled' || (await exists(uri));
      if (there && this.store.get(uri)) continue;
      if (!there) this.gone.add(d.key);
      this.index.removeDocument(d.key);
    }
    await this.readAll(added);
    await this.files.reread();
    await this.loadEntities();
  }

  private async loadEntities(): Promise<void> {
    for (const file of await this.files.all()) this.index.setEntities(file.uri.toString(), file.result.data?.entities ?? []);
  }

  /**
   * A file or folder was deleted: the articles at or under it leave the index (see `gone`). Each
   * event (one per file of a deleted folder) costs a lookup, not a pass over the workspace.
   */
  private deleted(uri: vscode.Uri): void {
    let changed = false;
    for (const key of this.index.documentsUnder(uri.toString())) {
      if (this.unsaved(vscode.Uri.parse(key))) continue;
      this.gone.add(key);
      changed = this.index.removeDocument(key) || changed;
    }
    if (changed) this.changed.fire();
  }

  /** A file or folder was created: the articles at or under it are no longer gone (a folder restored is one event). */
  private cameBack(uri: vscode.Uri): void {
    for (const key of this.gone.under(uri.toString())) this.gone.delete(key);
  }

  /** Whether VS Code holds the document with edits not saved (then it stays, whatever the disk says). */
  private unsaved(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && (d.isDirty || d.isUntitled));
  }

  /** A sidecar changed on disk: the store reloads the documents it holds (and tells us); others are read here. */
  private onDisk(sidecar: vscode.Uri): void {
    const key = sidecar.toString();
    clearTimeout(this.diskTimers.get(key)?.timer);
    // Bursts (a checkout) are coalesced per file.
    const timer = setTimeout(() => {
      this.diskTimers.delete(key);
      void this.readFromDisk(sidecar).then(() => this.changed.fire());
    }, 100);
    this.diskTimers.set(key, { timer, uri: sidecar });
  }

  private async readFromDisk(sidecar: vscode.Uri): Promise<void> {
    const path = documentPathFor(sidecar.path);
    if (!path) return;
    const uri = sidecar.with({ path });
    const key = uri.toString();
    if (this.fromStore(this.store.get(uri))) return;
    const read = (this.reads.get(key) ?? 0) + 1;
    this.reads.set(key, read);
    // Stamped before reading: a file changed while it is read then looks changed at the next start (read again), never the reverse.
    const [sidecarStamp, articleStamp] = this.keeper ? await Promise.all([stampOf(sidecar), stampOf(uri)]) : [];
    const [sidecarText, text] = await Promise.all([readText(sidecar), readText(uri)]);
    if (this.fromStore(this.store.get(uri))) return;
    this.keeper?.unstamp(key);
    this.readMeanwhile?.add(key);
    try {
      const data = sidecarText === undefined ? undefined : parseSidecar(sidecarText).doc;
      // Gone, or unreadable: left out (the sidecar feature reports malformed files).
      if (!data || text === undefined) {
        this.index.removeDocument(key);
        return;
      }
      // Offsets that no longer hold are anchored as the store does (a worker when long), unless the store is at it.
      const holds = offsetsHold(data, text);
      if (!holds && this.store.anchoring.loading(uri)) return;
      const loaded = holds ? undefined : await this.store.anchoring.loadText(data, text);
      if (this.fromStore(this.store.get(uri)) || this.reads.get(key) !== read) return;
      this.index.setDocument(indexSidecar(key, vscode.workspace.asRelativePath(uri), data, text, loaded));
      if (sidecarStamp && articleStamp) this.keeper?.stamp(key, { sidecar: sidecar.toString(), sidecarStamp, articleStamp });
    } catch (err) {
      // One sidecar the index cannot take must not cost the others (search, References, Ctrl+T).
      console.warn(`[factmark] not indexed: ${key}: ${err instanceof Error ? err.message : String(err)}`);
      this.index.removeDocument(key);
    }
  }

  private scheduleFlush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flush();
      this.changed.fire();
    }, 100);
  }

  /** Indexes the store's changed documents now. */
  private flush(): void {
    clearTimeout(this.flushTimer);
    for (const uri of this.pending.values()) {
      const entry = this.store.get(uri);
      if (entry && !this.fromStore(entry)) this.onDisk(entry.sidecarUri);
    }
    this.pending.clear();
  }

  /** Indexes a document the store holds, from the store; false when its document is closed (then the disk counts). */
  private fromStore(entry: DocumentAnnotations | undefined): boolean {
    if (!entry) return false;
    const key = entry.uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return false;
    // Taken from the editor, not from the files: not saved for the next session (read from disk then).
    this.keeper?.unstamp(key);
    this.readMeanwhile?.add(key);
    if (this.gone.has(key) && !document.isDirty) {
      // Deleted on disk, held by VS Code without unsaved edits: not part of the workspace any more.
      this.index.removeDocument(key);
      return true;
    }
    const name = vscode.workspace.asRelativePath(entry.uri);
    // The dateline is read once (the date parser is slow); a document's date rarely changes.
    const text = document.getText();
    const before = this.index.document(key);
    const date = entry.model.documentDate ?? detectDocumentDateFromName(name) ?? (before ? before.date : detectDocumentDate(text));
    this.index.setDocument(indexModel(key, name, entry.model, text, entry.orphans, date));
    return true;
  }
}
