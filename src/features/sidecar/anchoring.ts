/**
 * Anchoring a sidecar's entries on a text that changed since it was written (opened after a `git
 * pull`, reloaded after another tool rewrote it): off the extension host's thread when it could hold
 * it. The character diff under re-anchoring costs its texts' length times their differences: paragraphs
 * moved and edited held the host for 0.3 s at 5 KB and for the diff's 4 s limit from about 20 KB
 * (docs/MEASUREMENTS.md, stop 42). A worker costs its start instead (tens of milliseconds, on another
 * thread), so short texts, and texts the sidecar describes as they are, are anchored here.
 */
import * as vscode from 'vscode';
import { runCoreJob, type CoreJob, type CoreResults, type ReanchorRun } from '../../core/jobs';
import { fingerprintMatches, type LoadedAnnotations, type SidecarData } from '../../core/sidecar';
import type { ReanchorResult } from '../../core/anchor';
import { runOffThread, type WorkerScripts } from '../worker';
import type { AnchoredIn, Entry, RecordedChange } from './entry';

/** Texts shorter than this (UTF-16 units) are re-anchored on the extension host: a worker's start costs about what their diff does. */
const OFF_THREAD_FROM = 4096;

/** Longest a worker may take before it is ended (the diff in it stops at 4 s; the rest grows as n log n). */
const JOB_LIMIT_MS = 120_000;

/** Workers at once (each a thread and an isolate of some 20 MB). */
const MAX_WORKERS = 2;

/** What a test may change (`factmark.internal.anchoringWorkers`); the defaults where absent. */
export interface AnchoringTestSettings {
  /** The longest a worker may take, in ms: a test cannot wait JOB_LIMIT_MS. */
  limitMs?: number;
  /** Other worker scripts (one that never answers, one that fails). */
  node?: vscode.Uri;
  web?: vscode.Uri;
}

export class Anchoring {
  /** The line the log was told when a job meant for a worker first ran here (told once, not per job). */
  private told: string | undefined;
  private limitMs = JOB_LIMIT_MS;
  private scripts: WorkerScripts | undefined;
  /** Entries being loaded (by document URI). */
  private readonly arriving = new Map<string, Entry>();
  /** Documents (by URI) with a job in a worker now. */
  private readonly running = new Map<string, number>();
  /** Workers running now, and the jobs waiting for one. */
  private busy = 0;
  private readonly turns: (() => void)[] = [];
  /** Resolved when the last background job (`loadText`) queued is done. */
  private backgroundTurn = Promise.resolve();

  constructor(
    private readonly defaultScripts: WorkerScripts | undefined,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.scripts = defaultScripts;
  }

  /**
   * For tests: `settings` hold from now on for the jobs that start (none: the defaults again), and the
   * log is told again of the next job run here. Answers the line it was told under the settings replaced,
   * so that a test sees why its job ran here, whatever ran before it.
   */
  testWith(settings: AnchoringTestSettings = {}): string | undefined {
    const told = this.told;
    this.limitMs = settings.limitMs ?? JOB_LIMIT_MS;
    const defaults = this.defaultScripts;
    this.scripts = defaults && { node: settings.node ?? defaults.node, web: settings.web ?? defaults.web };
    this.told = undefined;
    return told;
  }

  /**
   * A sidecar's entries anchored on the document's text as it is now (with `oldText`, the text they
   * were made on, when known), for the entry being loaded. The answer is for that text, which it
   * returns with whether the document was saved then: the document may change before a worker
   * answers, and those changes are recorded (`entry.record`, `recorded`) for the caller to follow.
   */
  async load(entry: Entry, data: SidecarData, oldText: string | undefined): Promise<{ text: string; clean: boolean; loaded: LoadedAnnotations; ranIn?: AnchoredIn; recorded: RecordedChange[] }> {
    const document = entry.document;
    const text = document.getText();
    const clean = !document.isDirty;
    const job = { kind: 'load', job: { data, text, oldText } } as const;
    if (fingerprintMatches(data.document.gitBlob, text)) return { text, clean, loaded: runCoreJob(job), recorded: [] };
    const recorded: RecordedChange[] = [];
    const key = document.uri.toString();
    entry.anchorings++;
    entry.recorders.add(recorded);
    this.arriving.set(key, entry);
    try {
      const off = this.worthAWorker(text) ? await this.offThread(document, job) : undefined;
      return off ? { text, clean, loaded: off, ranIn: 'worker', recorded } : { text, clean, loaded: runCoreJob(job), ranIn: 'extension host', recorded };
    } finally {
      if (this.arriving.get(key) === entry) this.arriving.delete(key);
      entry.recorders.delete(recorded);
    }
  }

  /** The entry of a document being loaded now, if any: its changes are recorded meanwhile. */
  loading(uri: vscode.Uri): Entry | undefined {
    return this.arriving.get(uri.toString());
  }

  /** A sidecar changed on disk: a document loading it reads it again once loaded. */
  sidecarChanged(sidecarUri: vscode.Uri): void {
    for (const entry of this.arriving.values()) if (entry.sidecarUri.toString() === sidecarUri.toString()) entry.sidecarChanged = true;
  }

  /** Re-anchoring runs (a reload from disk), off the thread when long; the answer is for the runs' text. */
  async reanchor(document: vscode.TextDocument, runs: ReanchorRun[]): Promise<{ results: ReanchorResult[]; ranIn: AnchoredIn }> {
    const long = runs.some((r) => this.worthAWorker(r.text) && r.old !== r.text && r.queries.length > 0);
    const off = long ? await this.offThread(document, { kind: 'reanchor', job: runs }) : undefined;
    return off ? { results: off, ranIn: 'worker' } : { results: runCoreJob({ kind: 'reanchor', job: runs }), ranIn: 'extension host' };
  }

  /**
   * A sidecar's entries anchored on a text that is not an editor's now (with `oldText` when known),
   * off the thread when long and changed: the workspace index reading the sidecar of an article no
   * editor holds (`background`: one such job at a time, so that building the index after a `git pull`
   * neither starts a worker per article nor makes an open wait), or a merge with a sidecar another
   * writer changed.
   */
  async loadText(data: SidecarData, text: string, oldText?: string, background = true): Promise<LoadedAnnotations> {
    const job = { kind: 'load', job: { data, text, oldText } } as const;
    if (fingerprintMatches(data.document.gitBlob, text) || !this.worthAWorker(text)) return runCoreJob(job);
    const turn = background ? this.backgroundTurn : undefined;
    let done = () => undefined as void;
    if (background) this.backgroundTurn = new Promise<void>((resolve) => (done = resolve));
    try {
      await turn;
      return (await this.offThread(undefined, job)) ?? runCoreJob(job);
    } finally {
      done();
    }
  }

  private worthAWorker(text: string): boolean {
    return this.scripts !== undefined && text.length >= OFF_THREAD_FROM;
  }

  /** Whether a job of this document is in a worker now (for tests: what an edit meanwhile meets). */
  inWorker(uri: vscode.Uri): boolean {
    return this.running.has(uri.toString());
  }

  /** The job's answer from a worker; undefined when none could run it (said once in the log). */
  private async offThread<J extends CoreJob>(document: vscode.TextDocument | undefined, job: J): Promise<CoreResults[J['kind']] | undefined> {
    const key = document?.uri.toString() ?? '';
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    // Editors restored at start may each want a worker: a few threads at a time, the rest wait their turn.
    while (this.busy >= MAX_WORKERS) await new Promise<void>((resolve) => this.turns.push(resolve));
    this.busy++;
    // A worker that never answers (one that died without a word) must not hold the document's writes
    // and edits for ever: past the limit it is ended and the job done here.
    const limit = new vscode.CancellationTokenSource();
    const limitMs = this.limitMs;
    const timer = setTimeout(() => limit.cancel(), limitMs);
    try {
      const run = await runOffThread(this.scripts!, job, limit.token);
      if ('result' in run) return run.result;
      const why = 'noWorker' in run ? run.noWorker : `the worker did not answer within ${limitMs / 1000} s`;
      if (this.told === undefined) {
        this.told = `Re-anchoring runs on the extension host: ${why}.`;
        this.log(this.told);
      }
      return undefined;
    } finally {
      clearTimeout(timer);
      limit.dispose();
      this.busy--;
      this.turns.shift()?.();
      const left = this.running.get(key)! - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    }
  }
}
