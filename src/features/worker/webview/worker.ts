/**
 * The core's Web Worker in VS Code for the Web (issues 11, 12): long jobs (`core/jobs.ts`: a large
 * import, the anchoring of a sidecar on a changed text) run here, off the web extension host's thread,
 * as dist/worker.js runs them in a worker thread on the desktop. A browser script bundled apart
 * (dist/webview/worker.js), like the webview scripts: core only, no `vscode`, no Node.
 */
import { answerCoreJob, type CoreAnswer, type CoreJob } from '../../../core/jobs';

/** The worker's own global scope (the DOM typings describe a window). */
const scope = globalThis as unknown as { onmessage: ((e: { data: CoreJob }) => void) | null; postMessage(answer: CoreAnswer): void };

scope.onmessage = (e) => scope.postMessage(answerCoreJob(e.data));
