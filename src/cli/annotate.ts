/**
 * `factmark annotate`: recognisers over many files. Large folders are spread over this thread and
 * worker threads (the CLI's own bundle, started again as a worker), all fed in small batches from one
 * queue so that a slow file never leaves the other cores idle.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { annotateFile, type AnnotateOutcome } from './annotateFile';
import type { DocumentFile } from './files';

/** Marker in `workerData` that tells the bundle it runs as an annotate worker. */
export const WORKER_ROLE = 'factmark-annotate-worker';
/** Files per message between the main thread and a worker. */
const BATCH = 4;
/** With --jobs, a thread gets at least this many files. */
const MIN_FILES_PER_THREAD = 8;
/**
 * Without --jobs, at least this many files per extra thread: a worker spends about a second (one
 * core) loading the bundle and the model before its first file, the time of ~200 articles here.
 */
const AUTO_FILES_PER_WORKER = 200;

interface Job {
  file: string;
  sidecar: string;
}

/** Cores available to this process. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * How many worker threads to start for `files` files. This thread works too (it has loaded
 * everything already), so `jobs` threads means `jobs - 1` workers. `explicit`: the user asked for
 * `jobs` threads; otherwise workers are started only when the folder is large enough to repay them.
 */
export function workerCount(files: number, jobs: number, explicit: boolean): number {
  if (jobs <= 1) return 0;
  const affordable = explicit ? Math.floor(files / MIN_FILES_PER_THREAD) - 1 : Math.floor(files / AUTO_FILES_PER_WORKER);
  return Math.max(0, Math.min(jobs - 1, affordable));
}

/** Annotates every document, calling `progress` after each, here and in `workers` worker threads. */
export async function annotateAll(docs: readonly DocumentFile[], workers: number, progress: (o: AnnotateOutcome) => void, entry: string): Promise<AnnotateOutcome[]> {
  const queue: Job[] = docs.map((d) => ({ file: d.path, sidecar: d.sidecar }));
  const outcomes: AnnotateOutcome[] = [];
  if (workers === 0) {
    for (const job of queue) {
      const o = await annotateFile(job.file, job.sidecar);
      outcomes.push(o);
      progress(o);
      // Lets a progress bar repaint and Ctrl+C act between files.
      await new Promise<void>((r) => setImmediate(r));
    }
    return outcomes;
  }
  let next = 0;
  const take = (size = BATCH) => {
    const batch = queue.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  // One file at a time here, so that a worker waiting for its next batch is answered quickly.
  const here = async () => {
    for (let batch = take(1); batch.length > 0; batch = take(1)) {
      for (const job of batch) {
        const o = await annotateFile(job.file, job.sidecar);
        outcomes.push(o);
        progress(o);
      }
      // Answers the workers' messages between batches.
      await new Promise<void>((r) => setImmediate(r));
    }
  };
  await Promise.all([
    ...Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(entry, { workerData: { role: WORKER_ROLE } });
        let pending: Job[] = take();
        worker.on('message', (done: AnnotateOutcome[]) => {
          for (const o of done) {
            outcomes.push(o);
            progress(o);
          }
          pending = take();
          if (pending.length > 0) worker.postMessage(pending);
          else void worker.terminate().then(() => resolve());
        });
        worker.on('error', (err) => {
          // The files of this batch fail; the rest of the queue is left to the other workers.
          for (const job of pending) {
            const o: AnnotateOutcome = { file: job.file, added: 0, status: 'failed', reason: `worker error: ${err.message}` };
            outcomes.push(o);
            progress(o);
          }
          resolve();
        });
        worker.on('exit', (code) => {
          if (code !== 0 && code !== 1) reject(new Error(`an annotate worker exited with code ${code}`));
        });
        if (pending.length > 0) worker.postMessage(pending);
        else void worker.terminate().then(() => resolve());
      }),
    ),
    here(),
  ]);
  // Queue left by a worker that died before taking its share.
  while (next < queue.length) {
    for (const job of take()) {
      const o = await annotateFile(job.file, job.sidecar);
      outcomes.push(o);
      progress(o);
    }
  }
  return outcomes;
}

/** True when this thread was started by {@link annotateAll}. */
export function isAnnotateWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE;
}

/** The worker side: annotate each batch it is sent, answer with the outcomes. */
export function serveAnnotateWorker(): void {
  parentPort?.on('message', async (jobs: Job[]) => {
    const outcomes: AnnotateOutcome[] = [];
    for (const j of jobs) outcomes.push(await annotateFile(j.file, j.sidecar));
    parentPort?.postMessage(outcomes);
  });
}
