/**
 * Runs one of the core's long jobs (`core/jobs.ts`) in a worker thread (dist/worker.js): the extension
 * host's main thread only copies the job to the worker and the result back. One worker per job, ended
 * when it answers or when the job is cancelled.
 */
import { Worker } from 'node:worker_threads';
import type { CoreAnswer, CoreJob, CoreResults } from '../core/jobs';

/** The job was cancelled (the worker was ended). */
export class JobCancelled extends Error {
  constructor() {
    super('the job was cancelled');
  }
}

/** Runs `job` in a new worker thread started from `script`; rejects with JobCancelled when `signal` aborts. */
export function runInWorkerThread<J extends CoreJob>(script: string, job: J, signal?: AbortSignal): Promise<CoreResults[J['kind']]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new JobCancelled());
    const worker = new Worker(script);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      done();
    };
    const onAbort = () => settle(() => reject(new JobCancelled()));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (answer: CoreAnswer<J['kind']>) => settle(() => ('result' in answer ? resolve(answer.result) : reject(new Error(answer.error)))));
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the worker stopped (exit code ${code}) before answering`))));
    worker.postMessage(job);
  });
}
