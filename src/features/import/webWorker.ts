/**
 * Runs an import in a Web Worker, where the extension host is itself a web worker (VS Code for the Web)
 * and has no Node worker threads. The web extension host lets an extension start workers, but not from
 * a `vscode-remote:` script (an extension installed on a server, as in code-server): so the script
 * (dist/webview/importWorker.js) is read through the file system and started from a `blob:` URL.
 */
import * as vscode from 'vscode';
import type { ImportAnswer, ImportJob } from '../../core/export/importJob';
import type { ImportResult } from '../../core/export/types';

/** Whether this host can start a Web Worker at all. */
export function canStartWebWorker(): boolean {
  return typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
}

/** Imports `job` in a new Web Worker started from `script`; undefined when cancelled; rejects when the worker fails. */
export async function importInWebWorker(script: vscode.Uri, job: ImportJob, token: vscode.CancellationToken): Promise<ImportResult | undefined> {
  const code = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' }));
  try {
    return await new Promise<ImportResult | undefined>((resolve, reject) => {
      const worker = new Worker(url, { name: 'Factmark import' });
      const end = () => {
        cancelling.dispose();
        worker.terminate();
      };
      const cancelling = token.onCancellationRequested(() => {
        end();
        resolve(undefined);
      });
      worker.onmessage = (e: MessageEvent<ImportAnswer>) => {
        end();
        if ('result' in e.data) resolve(e.data.result);
        else reject(new Error(e.data.error));
      };
      worker.onerror = (e: ErrorEvent) => {
        end();
        reject(new Error(e.message || 'the import worker could not start'));
      };
      worker.postMessage(job);
    });
  } finally {
    // Only now: the host's Worker may load the script from this URL after the constructor returned.
    URL.revokeObjectURL(url);
  }
}
