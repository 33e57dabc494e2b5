/**
 * Entry of dist/worker.js: a worker thread that runs the core's long jobs one at a time (`core/jobs.ts`:
 * a large import, the anchoring of a sidecar on a changed text), so that they do not hold the extension
 * host's main thread. Only core code runs here; this file is the Node wrapper around {@link answerCoreJob}.
 */
import { parentPort } from 'node:worker_threads';
import { answerCoreJob, type CoreJob } from '../core/jobs';

parentPort?.on('message', (job: CoreJob) => parentPort?.postMessage(answerCoreJob(job)));
