/** The core's long jobs off the extension host's thread (a worker thread, or a Web Worker on the web). */

export { runOffThread, workerScripts, type OffThread, type WorkerScripts } from './offThread';
