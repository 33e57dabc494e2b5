/**
 * The import's Web Worker in VS Code for the Web (issue 12): the core importers (one `JSON.parse` and
 * the anchoring of thousands of annotations) run here, off the web extension host's thread, as
 * dist/importWorker.js runs them in a worker thread on the desktop. A browser script bundled apart
 * (dist/webview/importWorker.js), like the webview scripts: core only, no `vscode`, no Node.
 */
import { runImportJob, type ImportAnswer, type ImportJob } from '../../../core/export/importJob';

/** The worker's own global scope (the DOM typings describe a window). */
const scope = globalThis as unknown as { onmessage: ((e: { data: ImportJob }) => void) | null; postMessage(answer: ImportAnswer): void };

scope.onmessage = (e) => {
  let answer: ImportAnswer;
  try {
    answer = { result: runImportJob(e.data) };
  } catch (err) {
    answer = { error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(answer);
};
