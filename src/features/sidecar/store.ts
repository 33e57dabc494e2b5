import * as vscode from 'vscode';
import { IdMaker } from '../../core/ids';
import type { AnnotatedDocument } from '../../core/model';
import { contentHash, parseSidecar, type SidecarData } from '../../core/sidecar';
import { nextTask } from '../../core/slices';
import { Anchoring } from './anchoring';
import { Entry, type DocumentAnnotations, type RecordedChange, type OrphanInfo, type OrphanRecord, type SidecarProblems } from './entry';
import { baseName, sidecarUriOf } from './files';
import { LiveEdits } from './liveEdits';
import { OldTexts } from './oldText';
import { SidecarReader, invalidIds } from './reading';
import { SidecarReloads } from './reloads';
import type { StoreCore } from './shared';
import { SidecarWriter, queueDrained } from './writer';

export type { DocumentAnnotations, OrphanInfo, OrphanRecord, SidecarProblems } from './entry';

/** Annotations and facts above which an edit's listeners run a turn after it (see `edit`). */
const LARGE_MODEL = 2000;

/**
 * Keeps every open article's annotations in memory, in step with its text, and in its sidecar
 * file on disk. One store per extension; features read it (`get`, `onDidChange`) and change it
 * through `edit`, which persists.
 *
 * When it writes: at once when the document has no unsaved edits, otherwise when the document is
 * saved (the sidecar's offsets and fingerprint describe the text on disk); untitled documents keep
 * annotations in memory until their first save. Before each write the sidecar is read again: if
 * its content changed since Factmark read it, the change is merged (three-way, by id); a conflict
 * is put to the user and nothing is written until it is settled. A malformed sidecar is never
 * written.
 *
 * This file is the façade: the documents it tracks, loading, the public operations and the events.
 * The jobs are parts of their own, each working on the tracked document (`entry.ts`): reading
 * (`reading.ts`), live edits and reload detection (`liveEdits.ts`), writing and merging
 * (`writer.ts`), external reloads (`reloads.ts`).
 */
export class AnnotationStore implements vscode.Disposable, StoreCore {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly bySidecar = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<DocumentAnnotations>();
  private readonly orphanChanged = new vscode.EventEmitter<DocumentAnnotations>();
  private readonly decided = new vscode.EventEmitter<DocumentAnnotations>();
  readonly oldTexts = new OldTexts();
  private readonly limbo = new Map<string, { entry: Entry; timer: ReturnType<typeof setTimeout> }>();
  /**
   * Closed documents whose annotation changes are not written yet (Restricted Mode, a failed write):
   * kept until they can be written, and taken up again if the document is reopened meanwhile.
   */
  private readonly unwritten = new Map<string, Entry>();

  /** Fires after a document's annotations changed (edit, load, reload, orphaning), not on every keystroke. */
  readonly onDidChange = this.changed.event;
  /** Fires when a document's orphans change (for diagnostics). */
  readonly onDidChangeOrphans = this.orphanChanged.event;
  /**
   * Fires when annotations may have been decided: made, confirmed, rejected or retyped, or read from
   * the sidecar. Not when typing only changed their text ("Kim Yo…" is no decision to learn from).
   */
  readonly onDidChangeDecisions = this.decided.event;

  private readonly reader: SidecarReader;
  private readonly writer: SidecarWriter;
  private readonly reloads: SidecarReloads;
  private readonly live: LiveEdits;

  /** `anchoring`: where a changed text's entries are anchored (default: here, on the extension host). */
  constructor(problems: SidecarProblems, readonly anchoring = new Anchoring(undefined)) {
    this.reader = new SidecarReader(problems, this.oldTexts);
    this.writer = new SidecarWriter(this, this.reader);
    this.reloads = new SidecarReloads(this, this.reader);
    this.live = new LiveEdits(this);
  }

  dispose(): void {
    for (const l of this.limbo.values()) clearTimeout(l.timer);
    for (const e of this.entries.values()) e.cancelCheck();
    this.changed.dispose();
    this.orphanChanged.dispose();
    this.decided.dispose();
  }

  get(uri: vscode.Uri): DocumentAnnotations | undefined {
    return this.entries.get(uri.toString());
  }

  /** All loaded documents. */
  all(): DocumentAnnotations[] {
    return [...this.entries.values()];
  }

  /** Why each orphan of a document is one, and its best candidate. */
  orphanInfo(uri: vscode.Uri, id: string): OrphanInfo | undefined {
    return this.entries.get(uri.toString())?.orphanInfo.get(id);
  }

  /** Loads a document's annotations (or starts empty) once; later calls return the same object. */
  open(document: vscode.TextDocument): Promise<DocumentAnnotations> {
    return this.entry(document);
  }

  /**
   * Changes a document's annotations: `change` mutates the model (push, splice, assign fields;
   * offsets are UTF-16 into the current text). Then the change is persisted (see the class
   * comment for when) and `onDidChange` fires.
   */
  async edit(document: vscode.TextDocument, change: (model: AnnotatedDocument) => void): Promise<DocumentAnnotations> {
    // Offsets the caller took before the text moved while its spans were anchored again (a long load
    // or reload in a worker, typed into meanwhile) would land elsewhere: refused instead.
    const version = document.version;
    const anchorings = this.entries.get(document.uri.toString())?.anchorings ?? 0;
    const entry = await this.entry(document);
    // Settle a possible reload first: the change applies to the text as it is now.
    await entry.settled();
    if (document.version !== version && entry.anchorings !== anchorings) throw new Error(`${baseName(document.uri)} changed while Factmark was placing its annotations again; nothing was changed, try again.`);
    entry.touched.clear();
    change(entry.model);
    const plain = entry.installEdited(entry.document.getText());
    entry.edits++;
    entry.pending = true;
    // With thousands of annotations (a large import) the listeners (highlights, the view, learning)
    // run a turn later, apart from the edit and the write, so that no piece holds the host long.
    if (plain.annotations.length + plain.facts.length > LARGE_MODEL) await nextTask();
    this.fire(entry, true);
    this.schedule(entry);
    await queueDrained(entry);
    return entry;
  }

  /**
   * A fresh id (`a-7kq2mxp4`, `f-x3c9tawe`) that the document's sidecar has never had in this session,
   * including ids of entries left out because they are invalid; random, so that annotations made on two
   * git branches do not clash when merged.
   */
  newId(uri: vscode.Uri, kind: 'annotation' | 'fact'): string {
    const entry = this.entries.get(uri.toString());
    if (!entry) return new IdMaker().next(kind);
    entry.ids.reserve(entry.model.annotations.map((a) => a.id));
    entry.ids.reserve(entry.model.facts.map((f) => f.id));
    return entry.ids.next(kind);
  }

  /** Anchors an orphan on a span of the current text. */
  async resolveOrphan(document: vscode.TextDocument, id: string, start: number, end: number): Promise<DocumentAnnotations> {
    return this.edit(document, (model) => {
      for (const s of [...model.annotations, ...model.facts]) {
        if (s.id === id) {
          s.start = start;
          s.end = end;
        }
      }
    });
  }

  /** Deletes an annotation or fact (and its links from facts). */
  async remove(document: vscode.TextDocument, id: string): Promise<DocumentAnnotations> {
    return this.edit(document, (model) => {
      model.annotations = model.annotations.filter((a) => a.id !== id);
      model.facts = model.facts.filter((f) => f.id !== id);
      for (const f of model.facts) if (f.entities.includes(id)) f.entities = f.entities.filter((e) => e !== id);
    });
  }

  /**
   * A document's orphans with their stored context and why each is one: what `restore` needs to put
   * them back as orphans (an orphan's quote is not in the text, so its annotation alone cannot say it).
   */
  orphansOf(uri: vscode.Uri): OrphanRecord[] {
    const entry = this.entries.get(uri.toString());
    if (!entry) return [];
    return [...entry.orphans].map((id) => structuredClone({ id, context: entry.orphanContext.get(id) ?? {}, info: entry.orphanInfo.get(id) }));
  }

  /**
   * Replaces a document's annotations, facts and date as they were at some moment (undo and redo):
   * the orphans listed stay orphans, with their quote and context, instead of being anchored on the
   * empty span their offsets hint at.
   */
  async restore(document: vscode.TextDocument, model: Pick<AnnotatedDocument, 'annotations' | 'facts' | 'documentDate'>, orphans: readonly OrphanRecord[]): Promise<DocumentAnnotations> {
    const entry = await this.entry(document);
    return this.edit(document, (m) => {
      m.annotations = structuredClone(model.annotations);
      m.facts = structuredClone(model.facts);
      if (model.documentDate !== undefined) m.documentDate = model.documentDate;
      else delete m.documentDate;
      for (const id of [...entry.orphans]) entry.unorphan(id);
      for (const o of orphans) entry.orphan(o.id, o.context, o.info);
    });
  }

  /** Writes every document's pending changes that can be written now (e.g. after trust was granted). */
  flushPending(): void {
    for (const entry of this.entries.values()) if (entry.pending) this.schedule(entry);
    for (const [key, entry] of this.unwritten) {
      this.schedule(entry);
      void entry.queue.then(() => {
        if (!entry.pending && this.unwritten.get(key) === entry) this.unwritten.delete(key);
      });
    }
  }

  /** Waits until a pending reload check and every queued write of a document are done (for tests and shutdown). */
  async flushed(uri: vscode.Uri): Promise<void> {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    await entry.settled();
    await queueDrained(entry);
  }

  // ---------------------------------------------------------------- loading

  private entry(document: vscode.TextDocument): Promise<Entry> {
    const key = document.uri.toString();
    const ready = this.entries.get(key);
    if (ready) return Promise.resolve(ready);
    let p = this.loading.get(key);
    if (!p) {
      p = this.load(document).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  private async load(document: vscode.TextDocument): Promise<Entry> {
    const uri = document.uri;
    const held = this.unwritten.get(uri.toString());
    if (held && !document.isDirty && document.getText() === held.savedText) return this.resume(held, document);
    const sidecarUri = sidecarUriOf(uri);
    const entry = new Entry(uri, sidecarUri, document);
    const read = entry.untitled ? ({ kind: 'missing' } as const) : await this.reader.readFor(entry);
    let data: SidecarData | undefined;
    if (read.kind === 'text') {
      const parsed = parseSidecar(read.text);
      entry.ids.reserve(invalidIds(parsed));
      this.reader.reportProblems(entry, parsed.diagnostics, contentHash(read.text), !parsed.writable);
      entry.writable = parsed.writable;
      entry.diskText = read.text;
      if (parsed.doc) data = parsed.doc;
      if (parsed.writable) entry.base = parsed.doc;
    } else {
      this.reader.problems.report(sidecarUri, []);
    }
    const oldText = data && !document.isDirty ? await this.reader.oldTextFor(data, document) : undefined;
    const dirtyBase = data && document.isDirty ? await this.reader.diskTextOf(document) : undefined;

    // A long text that changed since the sidecar was written is anchored off the thread (anchoring.ts);
    // the changes made meanwhile are recorded, and followed once the spans are on the text it saw.
    const anchored = data && (await this.anchoring.load(entry, data, oldText ?? dirtyBase));
    // Synchronous from here: no change event can slip in between reading the text and tracking it.
    const existing = this.entries.get(uri.toString());
    if (existing) return existing;
    // Closed meanwhile: not tracked; reopened meanwhile (a language mode changed), loaded for the new one.
    const reopened = document.isClosed ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
    if (document.isClosed) return reopened ? this.load(reopened) : entry;
    const text = anchored?.text ?? document.getText();
    const expectedPath = baseName(uri);
    if (data && anchored) {
      const loaded = anchored.loaded;
      entry.anchoredIn = anchored.ranIn;
      this.reader.reportRelocated(entry, data, loaded, text);
      entry.install(loaded.document);
      for (const [id, ctx] of loaded.orphans) entry.orphan(id, ctx, loaded.orphanDetails.find((o) => o.id === id));
      if (!entry.untitled && entry.model.path !== expectedPath && entry.writable) {
        // The document was renamed or moved: its sidecar now names it.
        entry.model.path = expectedPath;
        entry.pending = true;
      }
    } else {
      entry.install({ path: expectedPath, annotations: [], facts: [] });
    }
    if (anchored ? anchored.clean : !document.isDirty) {
      entry.markSaved(text);
      this.oldTexts.remember(text);
    }
    this.entries.set(uri.toString(), entry);
    this.bySidecar.set(sidecarUri.toString(), entry);
    if (anchored) this.live.replay(entry, text, anchored.recorded);
    if (!data && !entry.untitled) this.adoptUntitled(entry, text);
    this.fire(entry, true);
    if (entry.pending) this.schedule(entry);
    // The sidecar changed on disk while it was being anchored: read again.
    if (entry.sidecarChanged) void this.reloadSidecar(sidecarUri);
    entry.sidecarChanged = false;
    return entry;
  }

  // ---------------------------------------------------------------- the document's own events

  /** Feeds one change event to the document's tracker (or re-anchors, when it was a reload from disk). */
  onDidChangeDocument(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (entry) this.live.onDidChangeDocument(entry, e);
    // Being anchored in a worker: recorded, and followed once its spans are on the text the worker saw.
    else this.anchoring.loading(e.document.uri)?.record(e);
  }

  onDidSaveDocument(document: vscode.TextDocument): void {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) {
      // An untitled document saved under a name arrives as a new file: load it (it adopts its annotations).
      if (this.limbo.size > 0 || [...this.entries.values()].some((e) => e.untitled)) void this.entry(document);
      return;
    }
    entry.document = document;
    const text = document.getText();
    entry.markSaved(text);
    this.oldTexts.remember(text);
    this.schedule(entry);
  }

  onDidCloseDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.cancelCheck();
    this.entries.delete(key);
    if (this.bySidecar.get(entry.sidecarUri.toString()) === entry) this.bySidecar.delete(entry.sidecarUri.toString());
    // Changes not written yet outlive the editor: Restricted Mode promises to write them on trust.
    // (Only on the saved text: changes made with unsaved edits went with those edits.)
    const keep = !entry.untitled && entry.pending && document.getText() === entry.savedText;
    if (keep) this.unwritten.set(key, entry);
    else entry.orphans.clear();
    this.orphanChanged.fire(entry);
    if (entry.untitled && (entry.model.annotations.length > 0 || entry.model.facts.length > 0)) {
      // Save As closes the untitled document; the file it became adopts these annotations.
      entry.closedText = document.getText();
      const timer = setTimeout(() => this.limbo.delete(key), 30_000);
      this.limbo.set(key, { entry, timer });
    } else {
      this.reader.problems.report(entry.sidecarUri, []);
    }
  }

  /** A closed document with unwritten changes, reopened on the same text: its entry is taken up again. */
  private resume(entry: Entry, document: vscode.TextDocument): Entry {
    this.unwritten.delete(document.uri.toString());
    entry.document = document;
    this.entries.set(document.uri.toString(), entry);
    this.bySidecar.set(entry.sidecarUri.toString(), entry);
    this.fire(entry, true);
    if (entry.pending) this.schedule(entry);
    return entry;
  }

  /** A new file with no sidecar whose text equals an untitled document's takes over its annotations. */
  private adoptUntitled(entry: Entry, text: string): void {
    const candidates = [...this.limbo.values()].map((l) => l.entry).concat([...this.entries.values()].filter((e) => e.untitled));
    const from = candidates.find((c) => (c.closedText ?? c.document.getText()) === text && (c.model.annotations.length > 0 || c.model.facts.length > 0));
    if (!from) return;
    const plain = from.plain();
    plain.path = baseName(entry.uri);
    entry.install(plain);
    for (const id of from.orphans) entry.orphan(id, from.orphanContext.get(id) ?? {}, from.orphanInfo.get(id));
    entry.pending = true;
    const key = from.uri.toString();
    const l = this.limbo.get(key);
    if (l) {
      clearTimeout(l.timer);
      this.limbo.delete(key);
    }
  }

  // ---------------------------------------------------------------- shared with the parts (StoreCore)

  isCurrent(entry: Entry): boolean {
    return this.entries.get(entry.uri.toString()) === entry;
  }

  /** `decided`: false when only the text moved under the annotations (typing, a reload of the document). */
  fire(entry: Entry, orphansMayHaveChanged: boolean, decided = true): void {
    this.changed.fire(entry);
    if (orphansMayHaveChanged) this.orphanChanged.fire(entry);
    if (decided) this.decided.fire(entry);
  }

  fireOrphans(entry: Entry): void {
    this.orphanChanged.fire(entry);
  }

  schedule(entry: Entry): void {
    this.writer.schedule(entry);
  }

  replay(entry: Entry, from: string, recorded: readonly RecordedChange[]): void {
    this.live.replay(entry, from, recorded);
  }

  /** The sidecar changed, appeared or vanished on disk. */
  async reloadSidecar(sidecarUri: vscode.Uri): Promise<void> {
    const entry = this.bySidecar.get(sidecarUri.toString());
    this.anchoring.sidecarChanged(sidecarUri);
    if (!entry) return;
    // After a pending reload check of the document: its re-anchoring may be running in a worker.
    await (entry.queue = entry.queue.then(() => entry.settled()).then(() => this.reloads.reloadNow(entry)).catch(() => undefined));
  }
}
