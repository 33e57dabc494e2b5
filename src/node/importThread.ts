/**
 * Runs an import in a worker thread (dist/importWorker.js): the extension host's main thread only
 * copies the job to the worker and the result back. One worker per import, ended when it answers or
 * when the import is cancelled.
 */
import { Worker } from 'node:worker_threads';
import type { ImportAnswer, ImportJob } from '../core/export/importJob';
import type { ImportResult } from '../core/export/types';

/** What the worker posts back. */
export type WorkerAnswer = ImportAnswer;

/** The import was cancelled (the worker was ended). */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
  }
}

/** Imports `job` in a new worker thread started from `script`; rejects with ImportCancelled when `signal` aborts. */
export function importInWorker(script: string, job: ImportJob, signal?: AbortSignal): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportCancelled());
    const worker = new Worker(script);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      done();
    };
    const onAbort = () => settle(() => reject(new ImportCancelled()));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (answer: WorkerAnswer) => settle(() => ('result' in answer ? resolve(answer.result) : reject(new Error(answer.error)))));
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before answering`))));
    worker.postMessage(job);
  });
}
