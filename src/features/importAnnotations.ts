/**
 * The "Import Annotations…" command: a brat, W3C or doccano file into the open document's sidecar, through
 * the annotation store (merged, written atomically, nothing in Restricted Mode). The same importers and
 * merge as `factmark import`. What is not imported is named: the notification gives the top reasons, the
 * output channel lists every item.
 */
import * as vscode from 'vscode';
import { isArticle } from '../adapter';
import { mergeImported, mergeImportedSteps, type MergedImport } from '../core/documents';
import { renamedColumns } from '../core/export/doccanoImport';
import { findImportFormat, importFormats, problemLine, topReasons, type ImportFormat, type ImportOptions, type ImportProblem, type ImportResult } from '../core/export';
import { runImportJob, type ImportJob } from '../core/export/importJob';
import { MAX_IMPORT_BYTES } from '../core/export/limits';
import { runInSlices, type SliceCount } from '../core/slices';
import type { LiveAnnotations } from './exportImport';
import { runOffThread, type WorkerScripts } from './worker';

/** Arguments of the import command from a script or a test. */
export interface ImportRequest {
  file?: vscode.Uri;
  format?: string;
  /** The document to import into (default: the active editor's). */
  document?: vscode.Uri;
  /** doccano: the unit of the offsets (default: what the file says, else the unit its spans fit, else asked). */
  offsetUnit?: ImportOptions['offsetUnit'];
  /** doccano: renamed text and label columns (default `text` and `label`, else asked). */
  textColumn?: string;
  labelColumn?: string;
  /** Run the importer in a worker thread (default: for files over 1 M characters); false keeps it in the extension host. For tests and the benchmark. */
  offThread?: boolean;
}

/** What the import command did. */
export interface ImportOutcome {
  sidecar: vscode.Uri;
  addedAnnotations: number;
  addedFacts: number;
  /** The document date the import set (the file gave one, and none was set). */
  documentDate?: string;
  problems: ImportProblem[];
  /** Where the importer ran: in a worker thread (large files) or in the extension host. */
  ranIn: RanIn;
  /**
   * How many times merging and writing the annotations handed the extension host back to other work
   * (thousands of annotations: several times; for tests and the benchmark): the import's own slices,
   * not those of other work meanwhile (the undo history's comparison of its snapshots, say).
   */
  pauses: { merge: number; write: number };
}

/** Where the importer ran: a worker (a Node worker thread on the desktop, a Web Worker on the web) or the extension host. */
type RanIn = 'worker' | 'extension host';

const decoder = new TextDecoder('utf-8');

/** Runs an annotation change as one undoable step (the annotating workflow's History.record). */
export type RecordAction = <T>(document: vscode.TextDocument, label: string, action: () => Promise<T>) => Promise<T>;

/** Runs the import command. `worker`: the worker scripts, for large imports off the extension host's thread. */
export async function importCommand(
  store: LiveAnnotations,
  request: ImportRequest,
  log: vscode.OutputChannel,
  record: RecordAction = (_document, _label, action) => action(),
  worker?: WorkerScripts,
): Promise<ImportOutcome | undefined> {
  const documentUri = request.document ?? (vscode.window.activeTextEditor && isArticle(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor.document.uri : undefined);
  if (!documentUri) {
    void vscode.window.showWarningMessage('Factmark: open the plain-text article to import annotations into.');
    return undefined;
  }
  const file =
    request.file ??
    (
      await vscode.window.showOpenDialog({
        title: `Import Annotations into ${vscode.workspace.asRelativePath(documentUri)}`,
        openLabel: 'Import',
        canSelectMany: false,
        filters: { 'Annotations (brat, W3C, doccano)': [...new Set(importFormats.map((f) => f.extension)), 'json'], 'All Files': ['*'] },
      })
    )?.[0];
  if (!file) return undefined;
  const format = request.format !== undefined ? findImportFormat(request.format) : await pickImportFormat(file);
  if (!format) {
    if (request.format !== undefined) void vscode.window.showErrorMessage(`Factmark: unknown import format "${request.format}".`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(documentUri);
  // The sidecar's offsets must match the saved text; unsaved edits would make them wrong.
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage('Factmark: save the document before importing annotations into it.');
    return undefined;
  }
  const text = document.getText();
  const version = document.version;
  // Refused before it is read, as by `factmark import`: reading and decoding it would hold the extension host.
  const size = (await vscode.workspace.fs.stat(file)).size;
  if (size > MAX_IMPORT_BYTES) {
    void vscode.window.showErrorMessage(`Factmark: ${vscode.workspace.asRelativePath(file)} is too large to import (${(size / 1024 / 1024).toFixed(0)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    return undefined;
  }
  const content = decoder.decode(await vscode.workspace.fs.readFile(file));
  const options: ImportOptions = { documentUri: documentUri.toString(), documentName: vscode.workspace.asRelativePath(documentUri) };
  if (request.offsetUnit) options.offsetUnit = request.offsetUnit;
  if (request.textColumn) options.textColumn = request.textColumn;
  if (request.labelColumn) options.labelColumn = request.labelColumn;
  // doccano's importer lets a project rename its text and label columns: ask which ones this file uses
  const renamed = format.id === 'doccano' ? renamedColumns(content, options) : undefined;
  if (renamed?.text?.length) options.textColumn = (await askColumn('text', renamed.text)) ?? options.textColumn;
  if (renamed?.label?.length) options.labelColumn = (await askColumn('labels', renamed.label)) ?? options.labelColumn;
  const run = (o: ImportOptions) => runImport({ format: format.id, content, text, options: o }, file, request.offThread, worker, log);
  const first = await run(options);
  if (!first) return undefined; // cancelled
  let { result: imported, ranIn } = first;
  // doccano offsets that fit both units: ask rather than guess (a script gives `offsetUnit` instead)
  if (request.offsetUnit === undefined && imported.problems.some((p) => p.kind === 'ambiguous' && p.line !== undefined)) {
    const unit = await askOffsetUnit();
    const again = unit && (await run({ ...options, offsetUnit: unit }));
    if (unit && !again) return undefined;
    if (again) ({ result: imported, ranIn } = again);
  }

  // Through the store, as any other change: it merges with what it holds, writes atomically and in
  // turn with its other writes, and writes nothing in Restricted Mode until the folder is trusted.
  const entry = await store.open(document);
  const sidecar = entry.sidecarUri;
  if (!entry.writable) {
    void vscode.window
      .showErrorMessage(`Factmark: ${vscode.workspace.asRelativePath(sidecar)} cannot be updated safely; fix it first.`, 'Open Sidecar')
      .then((choice) => choice && vscode.window.showTextDocument(sidecar));
    return undefined;
  }
  // The spans were placed on the text read above; edited while the questions were open, it would
  // take them at the wrong places.
  const changedMeanwhile = () => {
    void vscode.window.showWarningMessage(`Factmark: ${vscode.workspace.asRelativePath(documentUri)} changed during the import; nothing was imported. Run the import again.`);
    return undefined;
  };
  if (document.version !== version) return changedMeanwhile();
  let merged: MergedImport | undefined;
  let changed = false;
  const mergeSlices: SliceCount = { pauses: 0 };
  const writesBefore = entry.writeSlices.pauses;
  await record(document, `Import from ${file.path.split('/').pop()}`, async () => {
    // Thousands of entries are merged in slices, so that the extension host keeps answering; the
    // edit then only takes the result. Annotations changed meanwhile (another command, a reload of
    // the sidecar) replace the model: the merge is then done again inside the edit, on the new one.
    const before = entry.model;
    const ahead = await runInSlices(mergeImportedSteps(before, imported), { count: mergeSlices });
    if (document.version !== version) return;
    return store.edit(document, (model) => {
      if (document.version !== version) return;
      merged = model === before ? ahead : mergeImported(model, imported);
      model.annotations = merged.document.annotations;
      model.facts = merged.document.facts;
      if (merged.documentDate !== undefined) model.documentDate = merged.documentDate;
      changed = true;
    });
  });
  if (!changed || !merged) return changedMeanwhile();
  // The document's writes while the import ran: the import's own (and, at most, those of an
  // annotation made meanwhile, which a write of the import then carries too).
  const pauses = { merge: mergeSlices.pauses, write: entry.writeSlices.pauses - writesBefore };

  // What the file says otherwise than an entry already there is not imported either: listed with the rest.
  const problems = merged.kept.length ? [...imported.problems, ...merged.kept] : imported.problems;
  const notImported = problems.filter((p) => !p.imported);
  if (problems.length > 0) {
    log.appendLine(`Import of ${file.toString(true)} (${format.label}) into ${vscode.workspace.asRelativePath(documentUri)}:`);
    for (const p of problems) log.appendLine(`  ${problemLine(p)} [${p.kind}]`);
  }
  const dated = merged.documentDate !== undefined ? ` The document date is now ${merged.documentDate}.` : '';
  const summary = `Factmark: imported ${merged.addedAnnotations} annotation${merged.addedAnnotations === 1 ? '' : 's'} and ${merged.addedFacts} fact${merged.addedFacts === 1 ? '' : 's'}${merged.updated > 0 ? ` (and completed ${merged.updated} already there)` : ''} into ${vscode.workspace.asRelativePath(sidecar)}.${dated}`;
  if (notImported.length > 0) {
    void vscode.window.showWarningMessage(`${summary} ${notImported.length} not imported: ${topReasons(notImported)}.`, 'Show Details').then((c) => c && log.show(true));
  } else {
    void vscode.window.showInformationMessage(summary, ...(problems.length ? ['Show Details'] : [])).then((c) => c && log.show(true));
  }
  return { sidecar, addedAnnotations: merged.addedAnnotations, addedFacts: merged.addedFacts, ...(merged.documentDate !== undefined ? { documentDate: merged.documentDate } : {}), problems, ranIn, pauses };
}

/** Imports larger than this (characters) run in a worker thread, under a cancellable progress notification. */
const LARGE_IMPORT = 1024 * 1024;

/**
 * Runs the importer: small files here, large ones in a worker so that the extension host keeps
 * answering (8.8 MB of W3C JSON holds it for about half a second, mostly JSON.parse): a worker thread
 * on the desktop, a Web Worker on the web. Undefined when the user cancels. Without a worker (one that
 * fails to start) the import runs here in one piece, after a pause that lets the notification show.
 */
async function runImport(
  job: ImportJob,
  file: vscode.Uri,
  offThread: boolean | undefined,
  workers: WorkerScripts | undefined,
  log: vscode.OutputChannel,
): Promise<{ result: ImportResult; ranIn: RanIn } | undefined> {
  if (!(offThread ?? job.content.length > LARGE_IMPORT)) return { result: runImportJob(job), ranIn: 'extension host' };
  const title = `Factmark: reading ${vscode.workspace.asRelativePath(file)}`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    if (workers && offThread !== false) {
      const run = await runOffThread(workers, { kind: 'import', job }, token);
      if ('result' in run) return { result: run.result, ranIn: 'worker' };
      if ('cancelled' in run) return undefined;
      log.appendLine(`The import ran in the extension host: ${run.noWorker}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    return token.isCancellationRequested ? undefined : { result: runImportJob(job), ranIn: 'extension host' };
  });
}

async function askColumn(what: string, candidates: string[]): Promise<string | undefined> {
  return vscode.window.showQuickPick(candidates, { title: 'Import Annotations', placeHolder: `This doccano file has no "${what === 'text' ? 'text' : 'label'}" column: which column holds the ${what}?` });
}

async function askOffsetUnit(): Promise<ImportOptions['offsetUnit']> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Code points', description: 'doccano’s backend, Python, Factmark’s default', unit: 'codepoints' as const },
      { label: 'UTF-16 units', description: 'doccano’s web UI, JavaScript tools', unit: 'utf16' as const },
    ],
    { title: 'Import Annotations', placeHolder: 'The offsets of this doccano file fit both units: which does it count?' },
  );
  return picked?.unit;
}

async function pickImportFormat(file: vscode.Uri): Promise<ImportFormat | undefined> {
  const extension = file.path.split('.').pop()?.toLowerCase() ?? '';
  const guess = importFormats.find((f) => f.extension === extension) ?? (extension === 'json' ? findImportFormat('w3c') : undefined);
  const ordered = guess ? [guess, ...importFormats.filter((f) => f !== guess)] : importFormats;
  const picked = await vscode.window.showQuickPick(
    ordered.map((f) => ({ label: f.label, description: f === guess ? 'matches the file name' : `.${f.extension}`, format: f })),
    { title: 'Import Annotations', placeHolder: 'Format of the file' },
  );
  return picked?.format;
}
