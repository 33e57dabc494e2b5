/**
 * Runs one of the core's long jobs in a Web Worker, where the extension host is itself a web worker
 * (VS Code for the Web) and has no Node worker threads. The web extension host lets an extension start
 * workers, but not from a `vscode-remote:` script (an extension installed on a server, as in
 * code-server): so the script (dist/webview/worker.js) is read through the file system and started from
 * a `blob:` URL.
 */
import * as vscode from 'vscode';
import type { CoreAnswer, CoreJob, CoreResults } from '../../core/jobs';

/** Whether this host can start a Web Worker at all. */
export function canStartWebWorker(): boolean {
  return typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
}

/** Runs `job` in a new Web Worker started from `script`; undefined when cancelled; rejects when the worker fails. */
export async function runInWebWorker<J extends CoreJob>(script: vscode.Uri, job: J, token?: vscode.CancellationToken): Promise<CoreResults[J['kind']] | undefined> {
  const code = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' }));
  try {
    return await new Promise<CoreResults[J['kind']] | undefined>((resolve, reject) => {
      const worker = new Worker(url, { name: `Factmark ${job.kind}` });
      const end = () => {
        cancelling?.dispose();
        worker.terminate();
      };
      const cancelling = token?.onCancellationRequested(() => {
        end();
        resolve(undefined);
      });
      worker.onmessage = (e: MessageEvent<CoreAnswer<J['kind']>>) => {
        end();
        if ('result' in e.data) resolve(e.data.result);
        else reject(new Error(e.data.error));
      };
      worker.onerror = (e: ErrorEvent) => {
        end();
        reject(new Error(e.message || 'the worker could not start'));
      };
      worker.postMessage(job);
    });
  } finally {
    // Only now: the host's Worker may load the script from this URL after the constructor returned.
    URL.revokeObjectURL(url);
  }
}
