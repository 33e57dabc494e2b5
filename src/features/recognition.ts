import * as vscode from 'vscode';
import { isArticle } from '../adapter';
import type { FactmarkConfig } from '../config';
import { detectDocumentDate } from '../core/dates';
import type { Mention } from '../core/model';
import type { EntityModel } from '../core/ner';
import { createDefaultPipeline, warmUpSteps, type RecognitionPipeline } from '../core/recognition';
import { unsuitableReason } from '../core/text';
import type { LexiconService } from './lexicon';
import { Disposable } from './dispose';

/** What Factmark knows about one document's suggestions. */
export interface DocumentSuggestions {
  readonly uri: vscode.Uri;
  /** The document version the mentions were computed on. */
  readonly version: number;
  readonly mentions: readonly Mention[];
  readonly documentDate?: string;
  /** The date set in the sidecar that `documentDate` is, when it is not detected from the text. */
  readonly setDate?: string;
  /** Set when the document was not recognised (too large, binary, suggestions off). */
  readonly skipped?: string;
}

/** When the last recognition of a document ran, in the extension host's clock (performance.now()), for the benchmarks. */
export interface RecognitionTimes {
  readonly uri: string;
  /** The run began (its text read). */
  readonly startedAt: number;
  /** The document date was read, and the pipeline started. */
  readonly dateAt: number;
  /** The recognisers were done (before what was learnt is applied). */
  readonly recognizedAt: number;
  /** What was learnt (lexicon, patterns) was applied. */
  readonly appliedAt: number;
  /** Its suggestions were published (the highlights are drawn from this event), every listener run. */
  readonly publishedAt: number;
  /** Of the time from dateAt to recognizedAt, how much the recognisers ran (the rest was other work between slices). */
  readonly workMs: number;
  /** How many times the run let other work go first. */
  readonly yields: number;
  /** When the activation warm-up finished or stopped, if it ran. */
  readonly warmUpEndedAt?: number;
  /** When what the editor showed was recognised and handed to the highlights, before the rest (see VISIBLE_FIRST_LENGTH). */
  readonly drawnAt?: number;
}

/** Longest stretch of recognition work before yielding to the extension host's event loop. */
const SLICE_MS = 8;

const WARM_UP_DELAY_MS = 50;

/**
 * Documents longer than this (UTF-16 units) have what their editor shows recognised and drawn
 * first, before the rest: a whole 1 MB article takes seconds, the screenful a few milliseconds.
 */
const VISIBLE_FIRST_LENGTH = 64 * 1024;
/** How much text around the visible lines is recognised in that first pass. */
const VISIBLE_MARGIN = 4000;

/**
 * Recognises entities and dates in open plain-text documents, off the hot path: visible documents
 * are recognised at once when shown and after a debounce when edited; the work runs in short
 * slices so typing never waits for it, and a newer edit cancels older work.
 */
export class RecognitionService extends Disposable {
  private readonly results = new Map<string, DocumentSuggestions>();
  // Of a large document being recognised: the suggestions of what its editor shows, until the whole is done.
  private readonly visibleFirst = new Map<string, DocumentSuggestions>();
  private readonly drawableChanged = this._register(new vscode.EventEmitter<DocumentSuggestions>());
  private readonly running = new Map<string, { cancelled: boolean; version: number }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = this._register(new vscode.EventEmitter<DocumentSuggestions>());
  private readonly pipeline: RecognitionPipeline = createDefaultPipeline();
  // A pipeline over the entity model with the corrections learnt in this workspace, for the model it was made for.
  private adjusted: { model: EntityModel; pipeline: RecognitionPipeline } | undefined;
  private documentDateSource: (uri: vscode.Uri) => string | undefined = () => undefined;
  /** The times of the last run that published suggestions (see RecognitionTimes). */
  lastTimes: RecognitionTimes | undefined;
  private warmUpEndedAt: number | undefined;

  /** Fires when a document's suggestions are (re)computed or cleared. */
  readonly onDidChange = this.changed.event;
  /**
   * Fires with `drawable(uri)` whenever it changes: as onDidChange, and also when the suggestions of
   * the visible part of a large document are ready before the rest (for the highlights only).
   */
  readonly onDidChangeDrawable = this.drawableChanged.event;

  constructor(
    private config: FactmarkConfig,
    readonly lexicon: LexiconService,
  ) {
    super();
    this._registerAll(
      // What the user taught changed: recompute (the model's own results stay cached per paragraph).
      lexicon.onDidChange(() => this.refreshAll(true)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document, 0))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isVisible(e.document)) this.schedule(e.document, this.config.debounceMs);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.schedule(e.document, 0));
    // Activated before any article is shown: get the model and the recognisers ready now, while
    // nothing waits, rather than when the first article opens (that took most of its first paint).
    if (!vscode.window.visibleTextEditors.some((e) => isArticle(e.document))) this.warmUp();
  }

  /**
   * Runs the recognisers' warm-up (see warmUpSteps: model, regular expressions, compiled hot paths)
   * one short step per timer tick, and stops as soon as an article is being recognised: the open it
   * prepares for must never wait for it. Its pipelines are its own, so nothing is cached from it.
   */
  private warmUp(): void {
    const steps = warmUpSteps();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (): void => {
      timer = undefined;
      if (this.results.size > 0 || this.running.size > 0 || steps.next().done) this.warmUpEndedAt = performance.now();
      else timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, WARM_UP_DELAY_MS);
    this._register({ dispose: () => { if (timer) clearTimeout(timer); } });
  }

  /**
   * Where a document's own date may be set by hand (its sidecar's `document.date`); that date wins
   * over the one detected in the text.
   */
  setDocumentDateSource(source: (uri: vscode.Uri) => string | undefined): void {
    this.documentDateSource = source;
  }

  /** Recognises one document again, now, when it is visible (its date or what applies to it changed). */
  refresh(uri: vscode.Uri): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (editor) this.schedule(editor.document, 0, true);
  }

  get(uri: vscode.Uri): DocumentSuggestions | undefined {
    return this.results.get(uri.toString());
  }

  /**
   * What the highlights may draw now: the document's suggestions, or, while a large document is
   * recognised, those of the part its editor showed, when they are of a newer version.
   */
  drawable(uri: vscode.Uri): DocumentSuggestions | undefined {
    const whole = this.results.get(uri.toString());
    const early = this.visibleFirst.get(uri.toString());
    return early && (!whole || early.version > whole.version) ? early : whole;
  }

  updateConfig(config: FactmarkConfig): void {
    this.config = config;
    this.refreshAll(true);
  }

  /** Recognises every visible article again, now; `force` even when its text did not change. */
  refreshAll(force = false): void {
    vscode.window.visibleTextEditors.forEach((e) => this.schedule(e.document, 0, force));
  }

  /** Recognises a document now and resolves when its suggestions are current. */
  async recognizeNow(document: vscode.TextDocument): Promise<DocumentSuggestions | undefined> {
    this.clearTimer(document.uri);
    await this.run(document);
    return this.get(document.uri);
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  private schedule(document: vscode.TextDocument, delay: number, force = false): void {
    if (!isArticle(document)) return;
    const key = document.uri.toString();
    this.clearTimer(document.uri);
    const current = this.results.get(key);
    if (!force && delay === 0 && current?.version === document.version && !this.running.has(key)) return;
    // A run of this very version is under way (paused after drawing the shown part): it publishes;
    // another would only redraw and refresh every view a second time.
    if (!force && delay === 0 && this.running.get(key)?.version === document.version) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, delay),
    );
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const previous = this.running.get(key);
    if (previous) previous.cancelled = true;
    const version = document.version;
    const token = { cancelled: false, version };
    this.running.set(key, token);
    const startedAt = performance.now();
    const text = document.getText();
    try {
      const skipped = this.config.suggestionsEnabled
        ? unsuitableReason(text, this.config.maxFileSizeKB * 1024)
        : 'suggestions are turned off (factmark.suggestions.enabled)';
      if (skipped) {
        this.publish({ uri: document.uri, version, mentions: [], skipped });
        return;
      }
      const setDate = this.documentDateSource(document.uri);
      const documentDate = setDate ?? detectDocumentDate(text);
      const dated = setDate !== undefined ? { setDate } : {};
      const dateAt = performance.now();
      const pipeline = this.pipelineFor(document.uri);
      // A large document, and any document shown for the first time: the chunks its editor shows are
      // recognised and drawn first. On a first open the rest of even a 5 KB article (a second chunk)
      // and the pause between chunks, in which VS Code and other extensions do their own work on the
      // new editor, then come after its highlights, not before them.
      const large = text.length > VISIBLE_FIRST_LENGTH;
      const firstShown = !large && !this.results.has(key) && !this.visibleFirst.has(key);
      const shown = large || firstShown ? this.shownSpan(document) : undefined;
      let drawnAt: number | undefined;
      if (shown) {
        const [from, to] = shown;
        const margin = large ? VISIBLE_MARGIN : 0;
        const base = pipeline.recognizeRange(text, { documentDate }, from - margin, to + margin);
        const mentions = this.lexicon.learnedFor(document.uri).apply(text, base, { documentDate }, this.lexicon.documentKey(document.uri));
        const early = { uri: document.uri, version, mentions, documentDate, ...dated };
        this.visibleFirst.set(key, early);
        this.drawableChanged.fire(early);
        drawnAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (token.cancelled || document.isClosed) return;
      }
      const steps = pipeline.steps(text, { documentDate });
      let sliceStart = Date.now();
      let workMs = 0;
      let yields = 0;
      let sliceAt = performance.now();
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          // A newer edit makes these offsets stale; its own (debounced) run publishes instead.
          if (document.version !== version) return;
          const recognizedAt = performance.now();
          workMs += recognizedAt - sliceAt;
          const mentions = this.lexicon.learnedFor(document.uri).apply(text, r.value, { documentDate }, this.lexicon.documentKey(document.uri));
          const appliedAt = performance.now();
          this.publish({ uri: document.uri, version, mentions, documentDate, ...dated });
          this.lastTimes = { uri: key, startedAt, dateAt, recognizedAt, appliedAt, publishedAt: performance.now(), workMs, yields, warmUpEndedAt: this.warmUpEndedAt, drawnAt };
          return;
        }
        if (Date.now() - sliceStart >= SLICE_MS) {
          workMs += performance.now() - sliceAt;
          yields++;
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceAt = performance.now();
          if (token.cancelled || document.isClosed) return;
          sliceStart = Date.now();
        }
      }
    } finally {
      if (this.running.get(key) === token) this.running.delete(key);
    }
  }

  /** The offsets of what the document's first visible editor shows, if it is visible. */
  private shownSpan(document: vscode.TextDocument): [number, number] | undefined {
    const ranges = vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges;
    if (!ranges?.length) return undefined;
    return [document.offsetAt(ranges[0].start), document.offsetAt(ranges[ranges.length - 1].end)];
  }

  /** The shipped pipeline, or one over the entity model the user's decisions corrected (see LexiconService.learnModel). */
  private pipelineFor(uri: vscode.Uri): RecognitionPipeline {
    const model = this.lexicon.entityModelFor(uri);
    if (!model) return this.pipeline;
    // The model object changes whenever something is learnt: a new pipeline, so no cached paragraph is stale.
    if (this.adjusted?.model !== model) this.adjusted = { model, pipeline: createDefaultPipeline({ entityModel: model }) };
    return this.adjusted.pipeline;
  }

  private publish(result: DocumentSuggestions): void {
    this.results.set(result.uri.toString(), result);
    this.visibleFirst.delete(result.uri.toString());
    // The highlights first: VS Code sends their decorations to the window once this task ends, so
    // the other listeners' work (status bar, view, timeline) does not come before them.
    this.drawableChanged.fire(result);
    this.changed.fire(result);
  }

  private clearTimer(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.clearTimer(uri);
    const running = this.running.get(key);
    if (running) running.cancelled = true;
    this.results.delete(key);
    this.visibleFirst.delete(key);
  }

  override dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const run of this.running.values()) run.cancelled = true;
    super.dispose();
  }
}
