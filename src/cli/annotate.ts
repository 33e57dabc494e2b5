/**
 * `factmark annotate`: recognisers over many files. Large folders are spread over worker threads
 * (the CLI's own bundle, started again as a worker), fed in small batches from one queue so that a
 * slow file never leaves the other cores idle.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { annotateFile, type AnnotateOutcome } from './annotateFile';
import type { DocumentFile } from './files';

/** Marker in `workerData` that tells the bundle it runs as an annotate worker. */
export const WORKER_ROLE = 'factmark-annotate-worker';
/** Files per message between the main thread and a worker. */
const BATCH = 4;
/** Below this many files per worker, starting workers costs more than it saves (each loads the model). */
const MIN_FILES_PER_WORKER = 8;

interface Job {
  file: string;
  sidecar: string;
}

/** Cores available to this process. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** How many worker threads to use for `files` files with at most `jobs` in parallel (0: this thread). */
export function workerCount(files: number, jobs: number): number {
  if (jobs <= 1) return 0;
  return Math.max(0, Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** Annotates every document, calling `progress` after each; in worker threads when it pays off. */
export async function annotateAll(docs: readonly DocumentFile[], jobs: number, progress: (o: AnnotateOutcome) => void, entry: string): Promise<AnnotateOutcome[]> {
  const queue: Job[] = docs.map((d) => ({ file: d.path, sidecar: d.sidecar }));
  const workers = workerCount(queue.length, jobs);
  const outcomes: AnnotateOutcome[] = [];
  if (workers < 2) {
    for (const job of queue) {
      const o = annotateFile(job.file, job.sidecar);
      outcomes.push(o);
      progress(o);
      // Lets a progress bar repaint and Ctrl+C act between files.
      await new Promise<void>((r) => setImmediate(r));
    }
    return outcomes;
  }
  let next = 0;
  const take = () => {
    const batch = queue.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  await Promise.all(
    Array.from({ length: workers }, () =>
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
  );
  // Queue left by a worker that died before taking its share.
  while (next < queue.length) {
    for (const job of take()) {
      const o = annotateFile(job.file, job.sidecar);
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
  parentPort?.on('message', (jobs: Job[]) => {
    parentPort?.postMessage(jobs.map((j) => annotateFile(j.file, j.sidecar)));
  });
}
