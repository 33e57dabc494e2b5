/**
 * The tracked document: one open article's annotations as the store keeps them, live (offsets follow
 * the text through the tracker), with what the parts of the store need to know about its sidecar.
 * Every part of the store works on this type; none of them imports another.
 */
import * as vscode from 'vscode';
import { AnchorTracker, type Orphan, type TextChange } from '../../core/anchor';
import { IdMaker } from '../../core/ids';
import type { AnnotatedDocument, Annotation, Fact } from '../../core/model';
import type { MergeConflict, SidecarData, SidecarDiagnostic } from '../../core/sidecar';
import { STEP, runAll, type SliceCount, type Steps } from '../../core/slices';

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
  /** How often the sidecar's writes handed the extension host back (thousands of entries are written in slices). */
  readonly writeSlices: Readonly<SliceCount>;
  /** Where the last re-anchoring on a changed text ran (a load, a reload from disk); undefined before one. */
  readonly anchoredIn: AnchoredIn | undefined;
}

/** Where a re-anchoring ran: in a worker (a long, changed text) or on the extension host. */
export type AnchoredIn = 'worker' | 'extension host';

/** A change of the document's text, kept while a worker anchors its spans on the text before it. */
export interface RecordedChange {
  changes: readonly TextChange[];
  reason: 'undo' | 'redo' | undefined;
}

/** A change event as the tracker takes it. */
export function recordOf(e: vscode.TextDocumentChangeEvent): RecordedChange {
  const reason = e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
  return { changes: e.contentChanges as readonly TextChange[], reason };
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

export type Span = Annotation | Fact;
export type Kind = 'annotation' | 'fact';
/** The tracker's key of an annotation or fact. */
export const trackId = (kind: Kind, id: string) => (kind === 'annotation' ? 'a:' : 'f:') + id;

/** Per-document state. Implements the public view; everything else is the store's business. */
export class Entry implements DocumentAnnotations {
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
  /** Reload checks running now. */
  private checking = 0;
  /** Resolved when the pending reload check is done (see `settled`). */
  private checked: { promise: Promise<void>; resolve: () => void } | undefined;
  /** Orphans changed while a reload check was pending; reported when it is done. */
  orphansUntold = false;
  /** A merge conflict waiting for the user: nothing is written meanwhile. */
  conflict: MergeConflict[] | undefined;
  /** Makes ids for new entries: random, never one this sidecar had (see core/ids.ts). */
  readonly ids = new IdMaker();
  queue: Promise<void> = Promise.resolve();
  queued = false;
  /** How often this document's sidecar writes handed the extension host back (an import reports its own share). */
  readonly writeSlices: SliceCount = { pauses: 0 };
  /** Last text of a closed untitled document (for adoption by the file it was saved as). */
  closedText: string | undefined;
  /** A sidecar reload deferred until the document's own reload event arrives. */
  reloadAfterDocument = false;
  /**
   * What the last read of the sidecar found (its content hash, 'missing' or 'undecodable'), whatever
   * was done with it: tests wait on it to know an external change has been seen.
   */
  lastRead: string | undefined;
  anchoredIn: AnchoredIn | undefined;
  /** Lists that record the document's changes while a worker anchors its spans (see `RecordedChange`). */
  readonly recorders = new Set<RecordedChange[]>();
  /** Re-anchorings of the spans begun (a load or reload, on the host or in a worker): an edit waiting meanwhile may be stale. */
  anchorings = 0;
  /** The sidecar changed on disk while the document was being loaded: read it again once loaded. */
  sidecarChanged = false;
  /** Counts models taken from the sidecar on disk (a reload of it, a merge): a re-anchoring begun before one is not wanted. */
  replaced = 0;

  constructor(
    readonly uri: vscode.Uri,
    readonly sidecarUri: vscode.Uri,
    public document: vscode.TextDocument,
  ) {}

  get untitled(): boolean {
    return this.uri.scheme === 'untitled';
  }

  /** Keeps a change of the text in each list recording them (see `recorders`). */
  record(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || this.recorders.size === 0) return;
    // The changes alone: the text after each is rebuilt from the text the worker saw (a copy per keystroke would not be small).
    const change = recordOf(e);
    for (const list of this.recorders) list.push(change);
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

  /**
   * After a change made through the store's `edit` (on the model, offsets into `text`): spans kept in
   * the text, an orphan given a new span anchored again, orphans dropped with their entries; the
   * result installed. Returns the plain model.
   */
  installEdited(text: string): AnnotatedDocument {
    const plain = this.plain();
    const ids = new Set<string>();
    const fix = <T extends Span>(kind: Kind, s: T) => {
      const key = trackId(kind, s.id);
      ids.add(s.id);
      s.start = Math.max(0, Math.min(text.length, s.start));
      s.end = Math.max(s.start, Math.min(text.length, s.end));
      // An orphan given a new, non-empty span by the caller is anchored again.
      if (this.orphans.has(s.id) && s.end > s.start && this.touched.has(key)) this.unorphan(s.id);
      if (!this.orphans.has(s.id)) s.text = text.slice(s.start, s.end);
    };
    plain.annotations.forEach((a) => fix('annotation', a));
    plain.facts.forEach((f) => fix('fact', f));
    for (const id of [...this.orphans]) if (!ids.has(id)) this.unorphan(id);
    this.touched.clear();
    this.install(plain);
    return plain;
  }

  span(kind: Kind, id: string): Span | undefined {
    return this.byTrackId.get(trackId(kind, id));
  }

  /** The span of a tracker key (`a:ID`, `f:ID`). */
  byKey(key: string): Span | undefined {
    return this.span(key.startsWith('a:') ? 'annotation' : 'fact', key.slice(2));
  }

  /** Makes an annotation or fact an orphan, with its stored context and why. */
  orphan(id: string, ctx: { prefix?: string; suffix?: string }, info?: Orphan | OrphanInfo): void {
    this.orphans.add(id);
    if (!this.orphanContext.has(id)) this.orphanContext.set(id, ctx);
    this.orphanInfo.set(id, info ? { id, reason: info.reason, ...(info.best ? { best: info.best } : {}) } : { id, reason: 'deleted' });
  }

  unorphan(id: string): void {
    this.orphans.delete(id);
    this.orphanContext.delete(id);
    this.orphanInfo.delete(id);
  }

  /**
   * Runs `check` after `ms` of quiet: a later call before then starts the wait again. A check may
   * take a while (a re-anchoring in a worker): it counts as pending until it is done.
   */
  checkLater(ms: number, check: () => void | Promise<void>): void {
    clearTimeout(this.reloadCheck);
    this.checked ??= withResolvers();
    this.reloadCheck = setTimeout(() => {
      this.reloadCheck = undefined;
      this.checking++;
      void (async () => check())()
        .catch((err: unknown) => console.error('Factmark: a reload check failed', err))
        .finally(() => {
          this.checking--;
          if (this.checking === 0 && this.reloadCheck === undefined) this.endCheck();
        });
    }, ms);
  }

  /** A reload check is waiting or running. */
  get checkPending(): boolean {
    return this.reloadCheck !== undefined || this.checking > 0;
  }

  /** Drops a pending check (the document closed). */
  cancelCheck(): void {
    clearTimeout(this.reloadCheck);
    this.reloadCheck = undefined;
    this.endCheck();
  }

  /** Resolves once no reload check is pending (one that starts meanwhile is waited for too). */
  async settled(): Promise<void> {
    while (this.checked) await this.checked.promise;
  }

  private endCheck(): void {
    const done = this.checked;
    this.checked = undefined;
    done?.resolve();
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

  /**
   * A model read from the sidecar on disk while the document has unsaved edits: the offsets on disk
   * are its entries' places in `savedText` (`onDisk`: the sidecar anchored there), or, when it was
   * written on another text, unknown (a later reload then places its entries by their text).
   */
  savedModelIs(onDisk: { document: AnnotatedDocument; orphans: ReadonlyMap<string, unknown> } | undefined): void {
    const spans = onDisk ? [...onDisk.document.annotations.map((a) => ['annotation', a] as const), ...onDisk.document.facts.map((f) => ['fact', f] as const)] : [];
    this.savedSpans = new Map(spans.map(([kind, s]) => [trackId(kind, s.id), { start: s.start, end: s.end }]));
    this.savedOrphans = new Set(onDisk?.orphans.keys());
  }
}


function withResolvers(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
