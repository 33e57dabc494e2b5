/**
 * Entry of dist/importWorker.js: a worker thread that runs one import at a time with the core's
 * importers, so that parsing and anchoring a large file does not hold the extension host's main thread.
 * Only core code runs here; this file is the Node wrapper around {@link runImportJob}.
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from '../core/export/importJob';
import type { WorkerAnswer } from './importThread';

parentPort?.on('message', (job: ImportJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { result: runImportJob(job) };
  } catch (err) {
    answer = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(answer);
});
