/**
 * Runs one of the core's long jobs (`core/jobs.ts`) off the extension host's thread, so that it keeps
 * answering: a worker thread on the desktop (dist/worker.js), a Web Worker in VS Code for the Web
 * (dist/webview/worker.js). The caller runs the job itself when no worker can be had.
 */
import * as vscode from 'vscode';
import type { CoreJob, CoreResults } from '../../core/jobs';
import { inNodeHost, onNodeDisk } from '../host';
import { canStartWebWorker, runInWebWorker } from './webWorker';

/** The worker scripts of the extension. */
export interface WorkerScripts {
  node: vscode.Uri;
  web: vscode.Uri;
}

export function workerScripts(extensionUri: vscode.Uri): WorkerScripts {
  return { node: vscode.Uri.joinPath(extensionUri, 'dist', 'worker.js'), web: vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'worker.js') };
}

/** How a job off the thread went: its result; cancelled; or no worker (none in this host, or it failed, and why). */
export type OffThread<T> = { result: T } | { cancelled: true } | { noWorker: string };

export async function runOffThread<J extends CoreJob>(scripts: WorkerScripts, job: J, token?: vscode.CancellationToken): Promise<OffThread<CoreResults[J['kind']]>> {
  if (onNodeDisk(scripts.node)) {
    const { runInWorkerThread, JobCancelled } = await import('../../node/workerThread');
    const abort = new AbortController();
    const cancelling = token?.onCancellationRequested(() => abort.abort());
    try {
      return { result: await runInWorkerThread(scripts.node.fsPath, job, abort.signal) };
    } catch (err) {
      if (err instanceof JobCancelled) return { cancelled: true };
      return { noWorker: `the worker thread failed: ${err instanceof Error ? err.message : String(err)}` };
    } finally {
      cancelling?.dispose();
    }
  }
  if (inNodeHost() || !canStartWebWorker()) return { noWorker: 'this extension host cannot start a worker' };
  try {
    const result = await runInWebWorker(scripts.web, job, token);
    return result === undefined ? { cancelled: true } : { result };
  } catch (err) {
    return { noWorker: `the Web Worker failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
