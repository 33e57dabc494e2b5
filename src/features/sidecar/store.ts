import * as vscode from 'vscode';
import { AnchorTracker, placeInReplacements, prefixBefore, reanchor, suffixAfter, type AnchorQuery, type Orphan, type TextChange } from '../../core/anchor';
import { IdMaker } from '../../core/ids';
import type { AnnotatedDocument, Annotation, Fact } from '../../core/model';
import {
  buildSidecarData,
  buildSidecarDataSteps,
  contentHash,
  emitSidecarSteps,
  fingerprintDataSteps,
  fingerprintMatches,
  loadAnnotations,
  mergeSidecars,
  parseSidecar,
  writeSidecar,
  type MergeConflict,
  type SidecarData,
  type SidecarDiagnostic,
  type SidecarInput,
} from '../../core/sidecar';
import { isChangedOnDisk } from '../../core/sidecar/atomicWrite';
import { writeConflictCopy } from './conflictCopy';
import { baseName, readSidecarFile, sidecarUriOf, writeTextAtomic, type ReadResult } from './files';
import { OldTexts } from './oldText';
import { stripBom } from '../../core/documents';
import { STEP, nextTask, runAll, runInSlices, type Steps } from '../../core/slices';

/** The annotations of one document, as the store keeps them. */
export interface DocumentAnnotations {
  /** The document. */
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Live: UTF-16 offsets into the document's current text. Read-only for callers (use `edit`). */
  readonly model: AnnotatedDocument;
  /** Ids of orphaned annotations and facts (their text is gone; start = end = a hint). */
  readonly orphans: ReadonlySet<string>;
  /** False while the sidecar on disk is malformed or of an unknown version: nothing is written. */
  readonly writable: boolean;
  /** The content hash of the sidecar as last read from disk, or 'missing' / 'undecodable'. */
  readonly lastRead: string | undefined;
}

/** How an orphan came about and its best candidate, for diagnostics and quick fixes. */
export type OrphanInfo = Omit<Orphan, 'at'>;

/** One orphan as `orphansOf` returns it and `restore` takes it back. */
export interface OrphanRecord {
  id: string;
  context: { prefix?: string; suffix?: string };
  info?: OrphanInfo;
}

/** Reports problems with a sidecar file (they go to the Problems panel). */
export interface SidecarProblems {
  report(sidecar: vscode.Uri, diagnostics: readonly SidecarDiagnostic[]): void;
}

type Span = Annotation | Fact;
/** Annotations and facts above which an edit's listeners run a turn after it (see `edit`). */
const LARGE_MODEL = 2000;
type Kind = 'annotation' | 'fact';
const trackId = (kind: Kind, id: string) => (kind === 'annotation' ? 'a:' : 'f:') + id;

/** Per-document state. Implements the public view; everything else is the store's business. */
class Entry implements DocumentAnnotations {
  model: AnnotatedDocument = { path: '', annotations: [], facts: [] };
  readonly orphans = new Set<string>();
  /** Stored context of orphans (written back with them). */
  readonly orphanContext = new Map<string, { prefix?: string; suffix?: string }>();
  readonly orphanInfo = new Map<string, OrphanInfo>();
  writable = true;
  readonly tracker = new AnchorTracker();
  private readonly byTrackId = new Map<string, Span>();
  /** Spans whose offsets a caller assigned inside `edit`. */
  readonly touched = new Set<string>();
  /** The sidecar text as Factmark last read or wrote it; undefined when there is no file. */
  diskText: string | undefined;
  /** The parsed `diskText`: the base of a three-way merge. */
  base: SidecarData | undefined;
  /** The document text on disk, as last read or saved: what the sidecar describes. */
  savedText: string | undefined;
  /** Offsets (UTF-16, in `savedText`) of every span when the text was last in sync with the disk. */
  savedSpans = new Map<string, { start: number; end: number }>();
  /** Annotation changes not yet on disk. */
  pending = false;
  /** Where changes go while the sidecar cannot be read (D10), once one was written. */
  conflictCopy: vscode.Uri | undefined;
  /** Counts model changes made through the store's edit(): a write that began before one must not undo it. */
  edits = 0;
  /** Ids that were orphans when the text was last in sync with the disk. */
  savedOrphans = new Set<string>();
  /** The text changed since it was last in sync with the disk. */
  editedSinceSave = false;
  /** Pending check whether recent changes were a reload from disk. */
  reloadCheck: ReturnType<typeof setTimeout> | undefined;
  /** Orphans changed while a reload check was pending; reported when it is done. */
  orphansUntold = false;
  /** A merge conflict waiting for the user: nothing is written meanwhile. */
  conflict: MergeConflict[] | undefined;
  /** Makes ids for new entries: random, never one this sidecar had (see core/ids.ts). */
  readonly ids = new IdMaker();
  queue: Promise<void> = Promise.resolve();
  queued = false;
  /** Last text of a closed untitled document (for adoption by the file it was saved as). */
  closedText: string | undefined;
  /** A sidecar reload deferred until the document's own reload event arrives. */
  reloadAfterDocument = false;
  /**
   * What the last read of the sidecar found (its content hash, 'missing' or 'undecodable'), whatever
   * was done with it: tests wait on it to know an external change has been seen.
   */
  lastRead: string | undefined;

  constructor(
    readonly uri: vscode.Uri,
    readonly sidecarUri: vscode.Uri,
    public document: vscode.TextDocument,
  ) {}

  get untitled(): boolean {
    return this.uri.scheme === 'untitled';
  }

  /** Installs plain annotations and facts (UTF-16 offsets into the current text) as the live model. */
  install(model: AnnotatedDocument): void {
    const spans: { id: string; start: number; end: number }[] = [];
    for (const a of model.annotations) spans.push({ id: trackId('annotation', a.id), start: a.start, end: a.end });
    for (const f of model.facts) spans.push({ id: trackId('fact', f.id), start: f.start, end: f.end });
    this.tracker.reset(spans);
    this.byTrackId.clear();
    const live = <T extends Span>(kind: Kind, plain: T): T => {
      const key = trackId(kind, plain.id);
      const out = { ...plain };
      let start: number | undefined;
      let end: number | undefined;
      const startNow = () => start ?? this.tracker.get(key)?.start ?? plain.start;
      // Offsets read through the tracker: the model stays live without touching every span per edit.
      // An orphan's span is empty, at the place its text was.
      Object.defineProperty(out, 'start', {
        enumerable: true,
        configurable: true,
        get: startNow,
        set: (v: number) => {
          start = v;
          this.touched.add(key);
        },
      });
      Object.defineProperty(out, 'end', {
        enumerable: true,
        configurable: true,
        get: () => end ?? (this.orphans.has(plain.id) ? startNow() : this.tracker.get(key)?.end ?? plain.end),
        set: (v: number) => {
          end = v;
          this.touched.add(key);
        },
      });
      this.byTrackId.set(key, out);
      return out;
    };
    const next: AnnotatedDocument = {
      path: model.path,
      annotations: model.annotations.map((a) => live('annotation', a)),
      facts: model.facts.map((f) => live('fact', f)),
    };
    if (model.documentDate !== undefined) next.documentDate = model.documentDate;
    this.model = next;
    this.ids.reserve(model.annotations.map((a) => a.id));
    this.ids.reserve(model.facts.map((f) => f.id));
  }

  span(kind: Kind, id: string): Span | undefined {
    return this.byTrackId.get(trackId(kind, id));
  }

  /** The model as plain data (a copy). */
  plain(): AnnotatedDocument {
    return runAll(this.plainSteps());
  }

  /**
   * {@link plain} in steps. Run in slices, the copy is consistent only if the text and the model did
   * not change meanwhile: the caller checks.
   */
  *plainSteps(): Steps<AnnotatedDocument> {
    const model = this.model;
    const out: AnnotatedDocument = { path: model.path, annotations: [], facts: [] };
    for (const a of model.annotations) if (out.annotations.push({ ...a, start: a.start, end: a.end }) % STEP === 0) yield;
    for (const f of model.facts) if (out.facts.push({ ...f, start: f.start, end: f.end, entities: [...f.entities] }) % STEP === 0) yield;
    if (model.documentDate !== undefined) out.documentDate = model.documentDate;
    return out;
  }

  /** Remembers the current offsets as the ones on disk. */
  markSaved(text: string): void {
    this.savedText = text;
    this.savedSpans = new Map(this.tracker.all().map((s) => [s.id, { start: s.start, end: s.end }]));
    this.savedOrphans = new Set(this.orphans);
    this.editedSinceSave = false;
  }
}

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
 */
export class AnnotationStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly bySidecar = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<DocumentAnnotations>();
  private readonly orphanChanged = new vscode.EventEmitter<DocumentAnnotations>();
  private readonly decided = new vscode.EventEmitter<DocumentAnnotations>();
  readonly oldTexts = new OldTexts();
  /** Sidecars already complained about (by content hash), so a message shows once. */
  private readonly told = new Set<string>();
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

  constructor(private readonly problems: SidecarProblems) {}

  dispose(): void {
    for (const l of this.limbo.values()) clearTimeout(l.timer);
    for (const e of this.entries.values()) clearTimeout(e.reloadCheck);
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
    const entry = await this.entry(document);
    // Settle a possible reload first: the change applies to the text as it is now.
    while (entry.reloadCheck !== undefined) await new Promise((r) => setTimeout(r, 25));
    entry.touched.clear();
    change(entry.model);
    const plain = entry.plain();
    const ids = new Set<string>();
    const text = entry.document.getText();
    const fix = <T extends Span>(kind: Kind, s: T) => {
      const key = trackId(kind, s.id);
      ids.add(s.id);
      s.start = Math.max(0, Math.min(text.length, s.start));
      s.end = Math.max(s.start, Math.min(text.length, s.end));
      // An orphan given a new, non-empty span by the caller is anchored again.
      if (entry.orphans.has(s.id) && s.end > s.start && entry.touched.has(key)) this.unorphan(entry, s.id);
      if (!entry.orphans.has(s.id)) s.text = text.slice(s.start, s.end);
    };
    plain.annotations.forEach((a) => fix('annotation', a));
    plain.facts.forEach((f) => fix('fact', f));
    for (const id of [...entry.orphans]) if (!ids.has(id)) this.unorphan(entry, id);
    entry.touched.clear();
    entry.install(plain);
    entry.edits++;
    entry.pending = true;
    // With thousands of annotations (a large import) the listeners (highlights, the view, learning)
    // run a turn later, apart from the edit and the write, so that no piece holds the host long.
    if (plain.annotations.length + plain.facts.length > LARGE_MODEL) await nextTask();
    this.fire(entry, true);
    this.schedule(entry);
    await entry.queue;
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
   * Replaces a document's annotations and facts as they were at some moment (undo and redo):
   * the orphans listed stay orphans, with their quote and context, instead of being anchored on the
   * empty span their offsets hint at.
   */
  async restore(document: vscode.TextDocument, model: Pick<AnnotatedDocument, 'annotations' | 'facts'>, orphans: readonly OrphanRecord[]): Promise<DocumentAnnotations> {
    const entry = await this.entry(document);
    return this.edit(document, (m) => {
      m.annotations = structuredClone(model.annotations);
      m.facts = structuredClone(model.facts);
      for (const id of [...entry.orphans]) this.unorphan(entry, id);
      for (const o of orphans) this.orphan(entry, o.id, o.context, o.info);
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
    while (entry.reloadCheck !== undefined) await new Promise((r) => setTimeout(r, 25));
    await entry.queue;
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
    const read = entry.untitled ? ({ kind: 'missing' } as const) : await this.readFor(entry);
    let data: SidecarData | undefined;
    if (read.kind === 'text') {
      const parsed = parseSidecar(read.text);
      entry.ids.reserve(invalidIds(parsed));
      this.reportProblems(entry, parsed.diagnostics, contentHash(read.text), !parsed.writable);
      entry.writable = parsed.writable;
      entry.diskText = read.text;
      if (parsed.doc) data = parsed.doc;
      if (parsed.writable) entry.base = parsed.doc;
    } else {
      this.problems.report(sidecarUri, []);
    }
    const oldText = data && !document.isDirty ? await this.oldTextFor(data, document) : undefined;
    const dirtyBase = data && document.isDirty ? await this.diskTextOf(document) : undefined;

    // Synchronous from here: no change event can slip in between reading the text and tracking it.
    const existing = this.entries.get(uri.toString());
    if (existing) return existing;
    const text = document.getText();
    const expectedPath = baseName(uri);
    if (data) {
      const loaded = loadAnnotations(data, text, oldText ?? dirtyBase);
      entry.install(loaded.document);
      for (const [id, ctx] of loaded.orphans) this.orphan(entry, id, ctx, loaded.orphanDetails.find((o) => o.id === id));
      if (!entry.untitled && entry.model.path !== expectedPath && entry.writable) {
        // The document was renamed or moved: its sidecar now names it.
        entry.model.path = expectedPath;
        entry.pending = true;
      }
    } else {
      entry.install({ path: expectedPath, annotations: [], facts: [] });
    }
    if (!document.isDirty) {
      entry.markSaved(text);
      this.oldTexts.remember(text);
    }
    this.entries.set(uri.toString(), entry);
    this.bySidecar.set(sidecarUri.toString(), entry);
    if (!data && !entry.untitled) this.adoptUntitled(entry, text);
    this.fire(entry, true);
    if (entry.pending) this.schedule(entry);
    return entry;
  }

  private async oldTextFor(data: SidecarData, document: vscode.TextDocument): Promise<string | undefined> {
    const hash = data.document.gitBlob;
    if (!hash || fingerprintMatches(hash, document.getText())) return undefined;
    return this.oldTexts.find(hash, document.uri);
  }

  /**
   * Reads an entry's sidecar, notes what was found (`lastRead`) and, when its bytes are not UTF-8,
   * makes the entry read-only and says so in Problems.
   */
  private async readFor(entry: Entry): Promise<ReadResult> {
    const read = await readSidecarFile(entry.sidecarUri);
    entry.lastRead = read.kind === 'text' ? contentHash(read.text) : read.kind;
    if (read.kind === 'undecodable') {
      entry.writable = false;
      this.reportProblems(entry, [{ message: read.message, severity: 'error', line: 0, column: 0, endLine: 0, endColumn: 0, code: 'ENCODING' }], 'undecodable');
    }
    return read;
  }

  /** The document's text on disk, when it has unsaved edits (the sidecar describes the disk text). */
  private async diskTextOf(document: vscode.TextDocument): Promise<string | undefined> {
    if (document.isUntitled) return undefined;
    const read = await readSidecarFile(document.uri).catch(() => undefined);
    return read?.kind === 'text' ? stripBom(read.text) : undefined;
  }

  // ---------------------------------------------------------------- live edits

  /** Feeds one change event to the document's tracker (or re-anchors, when it was a reload from disk). */
  onDidChangeDocument(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry) return;
    if (e.contentChanges.length === 0) {
      // A dirty-state change: a revert shows up here, after its content change.
      if (!e.document.isDirty && entry.editedSinceSave && entry.reloadCheck === undefined) this.checkForReload(entry);
      return;
    }
    entry.document = e.document;
    entry.editedSinceSave = true;
    if (e.reason === undefined) this.checkForReload(entry);
    const reason = e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
    const summary = entry.tracker.applyChanges(e.contentChanges as readonly TextChange[], reason);
    if (summary.changed.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0) return;
    const doc = e.document;
    // A coarse change (a formatter, a moved line, a merged Replace All) swallows spans whose text
    // it puts back: those are placed on it again instead of being orphaned.
    const back = placeInReplacements(
      doc.getText(),
      e.contentChanges as readonly TextChange[],
      summary.orphaned.flatMap((key) => {
        const s = this.byKey(entry, key);
        return s ? [{ id: key, quote: s.text, at: s.start }] : [];
      }),
    );
    if (back.size > 0) this.replace(entry, back);
    summary.orphaned = summary.orphaned.filter((key) => !back.has(key));
    for (const key of summary.changed) {
      const s = this.byKey(entry, key);
      if (s && !entry.orphans.has(s.id)) s.text = doc.getText(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    for (const key of summary.orphaned) {
      const s = this.byKey(entry, key);
      if (!s) continue;
      const around = (from: number, to: number) => doc.getText(new vscode.Range(doc.positionAt(from), doc.positionAt(to)));
      const before = around(Math.max(0, s.start - 80), s.start);
      const after = around(s.start, s.start + 80);
      this.orphan(entry, s.id, { prefix: prefixBefore(before, before.length), suffix: suffixAfter(after, 0) }, { id: s.id, reason: 'deleted', at: s.start });
    }
    for (const key of summary.restored) {
      const s = this.byKey(entry, key);
      if (s) this.unorphan(entry, s.id);
    }
    // Typing on inside an already modified span changes only its text: listeners (decorations, the
    // view) are told when a span is first modified, orphaned or restored, not on every keystroke.
    if (summary.modified.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0 && back.size === 0) return;
    // While a reload check is pending the coarse change may be undone by re-anchoring: tell then.
    const orphansChanged = summary.orphaned.length > 0 || summary.restored.length > 0;
    this.fire(entry, orphansChanged && entry.reloadCheck === undefined, false);
    if (orphansChanged && entry.reloadCheck !== undefined) entry.orphansUntold = true;
  }

  /** Puts spans (by tracker key) at new places of the current text; the tracker starts afresh. */
  private replace(entry: Entry, places: ReadonlyMap<string, { start: number; end: number }>): void {
    const plain = entry.plain();
    const move = (kind: Kind, s: Span) => {
      const p = places.get(trackId(kind, s.id));
      if (!p) return;
      s.start = p.start;
      s.end = p.end;
    };
    plain.annotations.forEach((s) => move('annotation', s));
    plain.facts.forEach((s) => move('fact', s));
    entry.install(plain);
  }

  private byKey(entry: Entry, key: string): Span | undefined {
    return entry.span(key.startsWith('a:') ? 'annotation' : 'fact', key.slice(2));
  }

  /**
   * VS Code reports a reload from disk (an external change, a revert) as an ordinary change event,
   * one coarse replacement, and the event's dirty flag is the state from before it. So once the
   * changes settle: if the document has no unsaved edits yet its text changed since it was last in
   * sync with the disk, it was reloaded; re-anchor from the last known disk text by diff instead of
   * trusting the coarse event.
   */
  private checkForReload(entry: Entry): void {
    clearTimeout(entry.reloadCheck);
    entry.reloadCheck = setTimeout(() => {
      entry.reloadCheck = undefined;
      const doc = entry.document;
      if (doc.isClosed || this.entries.get(entry.uri.toString()) !== entry) return;
      if (!doc.isDirty && entry.editedSinceSave) this.reloaded(entry);
      else if (entry.orphansUntold) this.orphanChanged.fire(entry);
      entry.orphansUntold = false;
    }, 150);
  }

  /** The document was reloaded from disk: re-anchor every span from the last known disk text. */
  private reloaded(entry: Entry): void {
    const text = entry.document.getText();
    const old = entry.savedText;
    if (old !== undefined) this.oldTexts.remember(old);
    const known: AnchorQuery[] = [];
    const unknown: AnchorQuery[] = [];
    const plain = entry.plain();
    const all = [...plain.annotations.map((a) => ['annotation', a] as const), ...plain.facts.map((f) => ['fact', f] as const)];
    for (const [kind, s] of all) {
      const key = trackId(kind, s.id);
      if (entry.savedOrphans.has(s.id)) continue;
      const at = entry.savedSpans.get(key);
      if (old !== undefined && at) known.push({ id: key, start: at.start, end: at.end, quote: old.slice(at.start, at.end), prefix: prefixBefore(old, at.start), suffix: suffixAfter(old, at.end) });
      else unknown.push({ id: key, start: s.start, end: s.end, quote: s.text });
    }
    const a = reanchor(old, text, known, { units: 'utf16' });
    const b = reanchor(undefined, text, unknown, { units: 'utf16' });
    const placed = new Map([...a.placed, ...b.placed].map((p) => [p.id, p]));
    const orphaned = new Map([...a.orphans, ...b.orphans].map((o) => [o.id, o]));
    const apply = (kind: Kind, s: Span) => {
      const key = trackId(kind, s.id);
      if (entry.savedOrphans.has(s.id)) {
        // Already an orphan before: its hint stays inside the text.
        s.start = s.end = Math.min(entry.savedSpans.get(key)?.start ?? s.start, text.length);
        return;
      }
      const p = placed.get(key);
      if (p) {
        this.unorphan(entry, s.id);
        s.start = p.start;
        s.end = p.end;
        s.text = text.slice(p.start, p.end);
        return;
      }
      const o = orphaned.get(key);
      if (!o) return;
      s.start = s.end = o.at;
      // Its context as it was in the old text, where the quote still stood.
      const was = entry.savedSpans.get(key);
      entry.orphanContext.delete(s.id);
      const ctx = old !== undefined && was ? { prefix: prefixBefore(old, was.start), suffix: suffixAfter(old, was.end) } : {};
      this.orphan(entry, s.id, ctx, o);
    };
    plain.annotations.forEach((s) => apply('annotation', s));
    plain.facts.forEach((s) => apply('fact', s));
    entry.install(plain);
    entry.markSaved(text);
    this.oldTexts.remember(text);
    this.fire(entry, true, false);
    // The sidecar is not rewritten for an external change: that happens on the next save or edit.
    if (entry.reloadAfterDocument) {
      entry.reloadAfterDocument = false;
      void this.reloadSidecar(entry.sidecarUri);
    }
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
    clearTimeout(entry.reloadCheck);
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
      this.problems.report(entry.sidecarUri, []);
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
    for (const id of from.orphans) this.orphan(entry, id, from.orphanContext.get(id) ?? {}, from.orphanInfo.get(id));
    entry.pending = true;
    const key = from.uri.toString();
    const l = this.limbo.get(key);
    if (l) {
      clearTimeout(l.timer);
      this.limbo.delete(key);
    }
  }

  // ---------------------------------------------------------------- orphans

  private orphan(entry: Entry, id: string, ctx: { prefix?: string; suffix?: string }, info?: Orphan | OrphanInfo): void {
    entry.orphans.add(id);
    if (!entry.orphanContext.has(id)) entry.orphanContext.set(id, ctx);
    entry.orphanInfo.set(id, info ? { id, reason: info.reason, ...(info.best ? { best: info.best } : {}) } : { id, reason: 'deleted' });
  }

  private unorphan(entry: Entry, id: string): void {
    entry.orphans.delete(id);
    entry.orphanContext.delete(id);
    entry.orphanInfo.delete(id);
  }

  /** `decided`: false when only the text moved under the annotations (typing, a reload of the document). */
  private fire(entry: Entry, orphansMayHaveChanged: boolean, decided = true): void {
    this.changed.fire(entry);
    if (orphansMayHaveChanged) this.orphanChanged.fire(entry);
    if (decided) this.decided.fire(entry);
  }

  // ---------------------------------------------------------------- writing

  /** Queues a write of the entry's sidecar; writes are serialized per document and coalesced. */
  private schedule(entry: Entry): void {
    if (entry.queued) return;
    entry.queued = true;
    entry.queue = entry.queue.then(async () => {
      entry.queued = false;
      try {
        // Another writer (a CLI run, a second window) replaced the file between our read and our
        // write: read it again and merge, a few times, rather than overwrite its change.
        for (let attempt = 0; ; attempt++) {
          try {
            await this.flush(entry);
            break;
          } catch (e) {
            if (!isChangedOnDisk(e) || attempt >= 4) throw e;
          }
        }
      } catch (e) {
        entry.pending = true;
        void vscode.window.showErrorMessage(`Factmark could not write ${baseName(entry.sidecarUri)}: ${e instanceof Error ? e.message : String(e)}. The annotations are kept in memory and written on the next save.`);
      }
    });
  }

  private async flush(entry: Entry): Promise<void> {
    const doc = entry.document;
    if (entry.untitled || entry.conflict) return;
    if (!entry.writable) {
      await this.flushToConflictCopy(entry);
      return;
    }
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode is read-only: changes wait in memory until the folder is trusted.
      this.tellOnce('untrusted', 'Factmark does not write annotation files in Restricted Mode; your changes are kept in memory and written once you trust this folder.');
      return;
    }
    // Offsets must describe the text on disk: with unsaved edits, wait for the save.
    if (!doc.isClosed && doc.isDirty) return;
    const text = doc.isClosed ? entry.savedText : doc.getText();
    if (text === undefined) return;
    // What is written is taken now, with the text it describes: annotating or typing during the
    // awaits below must not slip into this write with offsets for another text (a later write
    // carries it), nor be undone by adopting a merge made without it. Thousands of annotations (a
    // large import) are copied in slices, so the extension host keeps answering; if the text or the
    // model changed between two slices, the copy is not one moment's and is taken again later.
    const edits = entry.edits;
    const stale = () => entry.edits !== edits || (!doc.isClosed && doc.getText() !== text);
    const orphans = new Map(entry.orphanContext);
    const model = await runInSlices(entry.plainSteps());
    if (stale()) {
      this.schedule(entry);
      return;
    }
    // Never write behind a sidecar the user is editing by hand.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.sidecarUri.toString());
    if (open?.isDirty) {
      this.tellOnce(`dirty:${entry.sidecarUri}`, `Factmark did not update ${baseName(entry.sidecarUri)} because it has unsaved edits in an editor; save or revert it first.`);
      return;
    }
    const read = await this.readFor(entry);
    if (read.kind === 'undecodable') return;
    const disk = read.kind === 'text' ? read.text : undefined;
    // A document date set by hand is worth a sidecar of its own; nothing at all is not.
    const empty = model.annotations.length === 0 && model.facts.length === 0 && model.documentDate === undefined;
    if (disk === undefined && empty) {
      entry.pending = false;
      return;
    }
    // The file's bytes give the fingerprint git has for it (with a byte-order mark or invalid UTF-8
    // the text alone would not): used only if they still read as `text`.
    const fileBytes = entry.untitled ? undefined : await vscode.workspace.fs.readFile(entry.uri).then((b) => b, () => undefined);
    const input: SidecarInput = fileBytes ? { document: model, text, orphans, fileBytes } : { document: model, text, orphans };
    let output: string;
    // What `output` holds, when known without parsing it again; `unchanged`: the file, already `base`.
    let holds: SidecarData | undefined;
    let unchanged = false;
    if (disk === undefined) {
      // A new file in the canonical layout, built and written in slices (a large import's first write).
      holds = withLabels(await runInSlices(buildSidecarDataSteps(input)), entry.base);
      output = await runInSlices(emitSidecarSteps(holds));
    } else if (disk === entry.diskText) {
      const data = withLabels(await runInSlices(buildSidecarDataSteps(input)), entry.base);
      // The file is the one last read or written (`base` is its parse): when it already holds the
      // same data (a re-import that adds nothing) there is nothing to write, found out in slices
      // rather than by the writer's parse of the whole file in one piece.
      const same = entry.base !== undefined && (await runInSlices(fingerprintDataSteps(data))) === (await runInSlices(fingerprintDataSteps(entry.base)));
      unchanged = same;
      output = same ? disk : writeSidecar(disk, data);
    } else {
      // Changed on disk since Factmark read it (another editor, git): merge, never overwrite blindly.
      const theirs = parseSidecar(disk);
      if (!theirs.writable || !theirs.doc) {
        entry.writable = false;
        this.reportProblems(entry, theirs.diagnostics, contentHash(disk), true);
        return;
      }
      // All three on the current text, so that offsets compare.
      const norm = async (data: SidecarData) => {
        const hash = data.document.gitBlob;
        const old = fingerprintMatches(hash, text) ? undefined : await this.oldTexts.find(hash, entry.uri);
        const loaded = loadAnnotations(data, text, old);
        return withLabels(buildSidecarData({ document: loaded.document, text, orphans: loaded.orphans }), data);
      };
      const theirsData = await norm(theirs.doc);
      const base = entry.base ? await norm(entry.base) : { ...theirsData, annotations: [], facts: [] };
      const result = mergeSidecars(base, withLabels(buildSidecarData(input), entry.base), theirsData);
      if (result.conflicts.length > 0) {
        entry.conflict = result.conflicts;
        void this.askAboutConflict(entry, disk, result.merged, result.conflicts);
        return;
      }
      output = writeSidecar(disk, result.merged);
      if (stale()) return; // merged again, with the newer changes, by the write that follows them
      this.adopt(entry, result.merged, text);
    }
    // The snapshot is consistent with `text`, the text on disk: written even if the editor moved on.
    if (output !== disk) await writeTextAtomic(entry.sidecarUri, output, { ifUnchanged: disk ?? null });
    if (!unchanged) entry.base = holds ?? parseSidecar(output).doc;
    entry.diskText = output;
    if (stale()) return; // changed during the write: still pending, for the next write
    entry.pending = false;
    entry.markSaved(text);
  }

  /** The sidecar cannot be read: the changes go to a `.conflict-*` copy beside it (D10), never over it. */
  private async flushToConflictCopy(entry: Entry): Promise<void> {
    const doc = entry.document;
    if (!entry.pending || !vscode.workspace.isTrusted || (!doc.isClosed && doc.isDirty)) return;
    const text = doc.isClosed ? entry.savedText : doc.getText();
    const model = entry.plain();
    if (text === undefined || (model.annotations.length === 0 && model.facts.length === 0)) return;
    const output = writeSidecar(undefined, buildSidecarData({ document: model, text, orphans: new Map(entry.orphanContext) }));
    entry.conflictCopy = await writeConflictCopy(entry.sidecarUri, entry.conflictCopy, output);
    entry.pending = false;
    this.tellOnce(
      `conflict-copy:${entry.sidecarUri}`,
      `${baseName(entry.sidecarUri)} cannot be read, so it is left as it is; your annotation changes were written to ${baseName(entry.conflictCopy)} beside it. Fix the file, then take what you need from the copy.`,
    );
  }

  /** Takes merged data (on `text`) as the model. */
  private adopt(entry: Entry, data: SidecarData, text: string): void {
    const loaded = loadAnnotations(data, text);
    for (const id of [...entry.orphans]) this.unorphan(entry, id);
    entry.install(loaded.document);
    for (const [id, ctx] of loaded.orphans) this.orphan(entry, id, ctx, loaded.orphanDetails.find((o) => o.id === id));
    this.fire(entry, true);
  }

  private async askAboutConflict(entry: Entry, disk: string, merged: SidecarData, conflicts: MergeConflict[]): Promise<void> {
    const what = conflicts.map((c) => `${c.id} (${c.fields.join(', ')})`).join('; ');
    const mine = 'Keep My Changes';
    const theirs = 'Use the File on Disk';
    const answer = await vscode.window.showWarningMessage(
      `${baseName(entry.sidecarUri)} was changed on disk while you changed the same annotations: ${what}. Nothing is written until you choose.`,
      mine,
      theirs,
    );
    entry.conflict = undefined;
    if (answer === theirs) {
      entry.pending = false;
      entry.diskText = undefined;
      await this.reloadSidecar(entry.sidecarUri);
    } else if (answer === mine) {
      const text = entry.document.getText();
      const resolved = preferMine(merged, conflicts);
      entry.queue = entry.queue.then(async () => {
        const output = writeSidecar(disk, resolved);
        if (output !== disk) {
          try {
            await writeTextAtomic(entry.sidecarUri, output, { ifUnchanged: disk });
          } catch (e) {
            // Changed again meanwhile (or not writable): my side becomes the model, and the next
            // write merges it with the newer file (asking again if the same annotations changed).
            this.adopt(entry, resolved, text);
            entry.pending = true;
            if (isChangedOnDisk(e)) this.schedule(entry);
            else void vscode.window.showErrorMessage(`Factmark could not write ${baseName(entry.sidecarUri)}: ${e instanceof Error ? e.message : String(e)}.`);
            return;
          }
        }
        entry.diskText = output;
        entry.base = parseSidecar(output).doc;
        entry.pending = false;
        this.adopt(entry, resolved, text);
        entry.markSaved(text);
      });
    } else {
      entry.conflict = conflicts;
    }
  }

  // ---------------------------------------------------------------- external changes of the sidecar

  /** The sidecar changed, appeared or vanished on disk. */
  async reloadSidecar(sidecarUri: vscode.Uri): Promise<void> {
    const entry = this.bySidecar.get(sidecarUri.toString());
    if (!entry) return;
    await (entry.queue = entry.queue.then(() => this.reloadNow(entry)).catch(() => undefined));
  }

  private async reloadNow(entry: Entry): Promise<void> {
    const read = await this.readFor(entry);
    if (read.kind === 'undecodable') {
      this.fire(entry, false);
      return;
    }
    if (read.kind === 'missing') {
      if (entry.diskText === undefined) return;
      // Deleted behind Factmark's back: keep everything in memory; the next save writes it again.
      entry.diskText = undefined;
      entry.pending = true;
      this.problems.report(entry.sidecarUri, []);
      void vscode.window.showWarningMessage(`${baseName(entry.sidecarUri)} was deleted. Factmark keeps its annotations in memory and writes the file again when ${baseName(entry.uri)} is saved.`);
      return;
    }
    const text = read.text;
    // Our own write coming back through the watcher (compared by content, never by time or size).
    if (text === entry.diskText && entry.writable) return;
    const parsed = parseSidecar(text);
    entry.ids.reserve(invalidIds(parsed));
    this.reportProblems(entry, parsed.diagnostics, contentHash(text), !parsed.writable);
    const wasWritable = entry.writable;
    entry.writable = parsed.writable;
    if (!parsed.writable || !parsed.doc) {
      this.fire(entry, false);
      return;
    }
    if (entry.pending && wasWritable) {
      // Unsaved annotation changes: they are merged with the file's on the next write.
      this.fire(entry, false);
      if (!entry.document.isDirty) this.schedule(entry);
      return;
    }
    const doc = entry.document;
    const current = doc.getText();
    if (!doc.isDirty && !fingerprintMatches(parsed.doc.document.gitBlob, current)) {
      // The document may be changing on disk too (git pull): wait for its reload event.
      const onDisk = await this.diskTextOf(doc);
      if (onDisk !== undefined && onDisk !== current && fingerprintMatches(parsed.doc.document.gitBlob, onDisk)) {
        entry.reloadAfterDocument = true;
        return;
      }
    }
    const oldText = doc.isDirty ? entry.savedText : await this.oldTextFor(parsed.doc, doc);
    const now = doc.getText();
    const loaded = loadAnnotations(parsed.doc, now, oldText);
    for (const id of [...entry.orphans]) this.unorphan(entry, id);
    entry.install(loaded.document);
    for (const [id, ctx] of loaded.orphans) this.orphan(entry, id, ctx, loaded.orphanDetails.find((o) => o.id === id));
    entry.diskText = text;
    entry.base = parsed.doc;
    entry.pending = false;
    if (!doc.isDirty) entry.markSaved(now);
    const expectedPath = baseName(entry.uri);
    if (entry.model.path !== expectedPath) {
      entry.model.path = expectedPath;
      entry.pending = true;
      this.schedule(entry);
    } else if (!wasWritable) {
      // Fixed by hand: changes made meanwhile were kept in memory and were lost by this reload only
      // if the file holds none of them; the user fixed the file, so the file wins.
    }
    this.fire(entry, true);
  }

  // ---------------------------------------------------------------- problems

  private reportProblems(entry: Entry, diagnostics: readonly SidecarDiagnostic[], hash: string, refused = false): void {
    this.problems.report(entry.sidecarUri, diagnostics);
    if (!refused) return;
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    this.tellOnce(
      `bad:${entry.sidecarUri}:${hash}`,
      `Factmark will not write ${baseName(entry.sidecarUri)} until it is fixed${first ? ` (line ${first.line + 1}: ${first.message})` : ''}. Until then, annotation changes are not saved.`,
    );
  }

  private tellOnce(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    void vscode.window.showWarningMessage(message);
  }
}

/** buildSidecarData leaves the label set out; keep the one the file had. */
function withLabels(data: SidecarData, from: SidecarData | undefined): SidecarData {
  if (from?.labels && !data.labels) data.labels = [...from.labels];
  return data;
}

/** The merged data with every conflicting field taken from my side. */
function preferMine(merged: SidecarData, conflicts: MergeConflict[]): SidecarData {
  const out: SidecarData = JSON.parse(JSON.stringify(merged));
  for (const c of conflicts) {
    if (c.list === 'document') {
      if (c.id === 'labels') out.labels = c.mine as string[] | undefined;
      else if (c.mine) out.document = c.mine as SidecarData['document'];
      continue;
    }
    const list = out[c.list] as { id: string }[];
    const i = list.findIndex((e) => e.id === c.id);
    if (c.mine === undefined) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) list[i] = JSON.parse(JSON.stringify(c.mine));
    else list.push(JSON.parse(JSON.stringify(c.mine)));
  }
  return out;
}

/** Ids of the entries a parse left out as invalid: they stay in the file, so new ids must not repeat them. */
function invalidIds(parsed: { doc?: { invalid: readonly { id?: string }[] } }): string[] {
  return (parsed.doc?.invalid ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id]));
}
