/**
 * The core's long jobs as plain data, so that a host can post them to a worker (Node's
 * `worker_threads` on the desktop, a Web Worker in a browser) and have the same core code run them
 * there, off the thread that must keep answering: an import, the load of a sidecar on a text that
 * changed since it was written, a re-anchoring after the text was reloaded from disk.
 */
import { runImportJob, type ImportJob } from './export/importJob';
import type { ImportResult } from './export/types';
import { reanchor } from './anchor/reanchor';
import type { AnchorQuery, ReanchorOptions, ReanchorResult } from './anchor/types';
import { loadAnnotations, type LoadedAnnotations } from './sidecar/load';
import type { SidecarData } from './sidecar/types';

/** One re-anchoring: queries made on `old` (undefined: not known) placed on `text`. */
export interface ReanchorRun {
  old?: string;
  text: string;
  queries: AnchorQuery[];
  options?: ReanchorOptions;
}

/** A sidecar's entries anchored on a document's text (see {@link loadAnnotations}). */
export interface LoadJob {
  data: SidecarData;
  text: string;
  oldText?: string;
  options?: ReanchorOptions;
}

export type CoreJob = { kind: 'import'; job: ImportJob } | { kind: 'load'; job: LoadJob } | { kind: 'reanchor'; job: ReanchorRun[] };

/** What each kind of job answers. */
export interface CoreResults {
  import: ImportResult;
  load: LoadedAnnotations;
  reanchor: ReanchorResult[];
}

/** What a worker running a job posts back: the result, or why it failed. */
export type CoreAnswer<K extends CoreJob['kind'] = CoreJob['kind']> = { result: CoreResults[K] } | { error: string };

/** Runs a job here, as a worker runs it. */
export function runCoreJob<J extends CoreJob>(job: J): CoreResults[J['kind']];
export function runCoreJob(job: CoreJob): CoreResults[CoreJob['kind']] {
  switch (job.kind) {
    case 'import':
      return runImportJob(job.job);
    case 'load':
      return loadAnnotations(job.job.data, job.job.text, job.job.oldText, job.job.options);
    case 'reanchor':
      return job.job.map((run) => reanchor(run.old, run.text, run.queries, run.options));
  }
}

/** Runs a job and says how it went, as a worker posts it: a failure is an answer too, never a throw. */
export function answerCoreJob(job: CoreJob): CoreAnswer {
  try {
    return { result: runCoreJob(job) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
