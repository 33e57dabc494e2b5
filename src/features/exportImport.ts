import * as vscode from 'vscode';
import type { CommandManager } from '../commandManager';
import { isArticle } from '../adapter';
import { exportInputOf, isError, readSidecar, stripBom } from '../core/documents';
import { CommandId } from '../commands';
import { exportFormats, findExportFormat, type ExportFormat, type ExportInput } from '../core/export';
import type { AnnotatedDocument } from '../core/model';
import { documentPathFor, isSidecarPath, SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar';
import { plannedUris, refusal, writeAll } from './exportWrite';
import { importCommand, type ImportRequest, type RecordAction } from './importAnnotations';
import type { DocumentAnnotations } from './sidecar';
import { workerScripts } from './worker';

export type { ImportOutcome, ImportRequest } from './importAnnotations';

/** Which documents an export covers. */
export type ExportScope = 'current' | 'selected' | 'workspace';

/**
 * Arguments of the export command when run from a script or a test; whatever is given is not asked.
 * From the Explorer's context menu the command gets (clicked uri, selected uris) instead.
 */
export interface ExportRequest {
  format?: string;
  scope?: ExportScope;
  /** Documents, sidecars or folders for the `selected` scope. */
  uris?: vscode.Uri[];
  /** File (single-file formats) or folder (brat, markdown) to write to. */
  target?: vscode.Uri;
  includeSuggested?: boolean;
  /** Replace existing files without asking (never a document or sidecar being exported). */
  force?: boolean;
}

/** What the export command did (its return value, for scripts and tests). */
export interface ExportOutcome {
  files: vscode.Uri[];
  documents: number;
  annotations: number;
  warnings: string[];
}

/** Exports of more documents than this show a progress notification (always for the whole workspace). */
const PROGRESS_FROM = 20;

const decoder = new TextDecoder('utf-8');

/**
 * The part of the annotation store export needs: the live annotations of the documents it has loaded.
 * They are newer than the sidecar on disk while the document has unsaved edits, a write is queued, or
 * the workspace is in Restricted Mode (nothing is written there).
 */
export interface LiveAnnotations {
  get(uri: vscode.Uri): DocumentAnnotations | undefined;
  all(): DocumentAnnotations[];
  /** Import goes through the store's own editing (see AnnotationStore). */
  open(document: vscode.TextDocument): Promise<DocumentAnnotations>;
  edit(document: vscode.TextDocument, change: (model: AnnotatedDocument) => void): Promise<DocumentAnnotations>;
}

/** The "Export Annotations…" and "Import Annotations…" commands. */
/** `extensionUri`: where the worker scripts are, for large imports off the main thread. */
export function registerExportImport(commands: CommandManager, store: LiveAnnotations, record?: RecordAction, extensionUri?: vscode.Uri): vscode.Disposable {
  const worker = extensionUri && workerScripts(extensionUri);
  const log = vscode.window.createOutputChannel('Factmark Export & Import');
  return vscode.Disposable.from(
    log,
    commands.register({ id: CommandId.ExportAnnotations, execute: (arg?: vscode.Uri | ExportRequest, selection?: vscode.Uri[]) =>
      exportCommand(toRequest(arg, selection), store, log) }),
    commands.register({ id: CommandId.ImportAnnotations, execute: (arg?: vscode.Uri | ImportRequest) =>
      importCommand(store, arg instanceof vscode.Uri ? { file: arg } : (arg ?? {}), log, record, worker) }),
  );
}

function toRequest(arg: vscode.Uri | ExportRequest | undefined, selection: vscode.Uri[] | undefined): ExportRequest {
  if (arg instanceof vscode.Uri) return { uris: selection && selection.length > 0 ? selection : [arg] };
  return arg ?? {};
}

async function exportCommand(request: ExportRequest, store: LiveAnnotations, log: vscode.OutputChannel): Promise<ExportOutcome | undefined> {
  const format = request.format !== undefined ? findExportFormat(request.format) : await pickFormat();
  if (!format) {
    if (request.format !== undefined) void vscode.window.showErrorMessage(`Factmark: unknown export format "${request.format}".`);
    return undefined;
  }
  const scope = request.scope ?? (await pickScope(request.uris));
  if (!scope) return undefined;

  const documents = await documentsOf(scope, request.uris, store);
  if (documents.length === 0) {
    void vscode.window.showWarningMessage(
      scope === 'current' ? 'Factmark: open a plain-text article to export its annotations.' : 'Factmark: no annotated documents (no .factmark.yaml sidecars) to export.',
    );
    return undefined;
  }
  const loaded = await loadForExport(documents, store, scope === 'workspace' || documents.length > PROGRESS_FROM);
  if (!loaded) return undefined;
  if (loaded.malformed.length > 0) {
    const first = loaded.malformed[0];
    void vscode.window
      .showErrorMessage(`Factmark: nothing exported: ${loaded.malformed.length} sidecar(s) cannot be read (${vscode.workspace.asRelativePath(first.uri)}: ${first.reason}).`, 'Open Sidecar')
      .then((choice) => choice && vscode.window.showTextDocument(first.uri));
    return undefined;
  }
  let includeSuggested = request.includeSuggested;
  if (includeSuggested === undefined) {
    const hasSuggested = loaded.inputs.some((i) => i.doc.annotations.some((a) => a.status === 'suggested'));
    includeSuggested = hasSuggested && request.format === undefined ? await pickIncludeSuggested() : false;
    if (includeSuggested === undefined) return undefined;
  }

  const result = format.export(loaded.inputs, { includeSuggested });
  const warnings = [...loaded.warnings, ...result.warnings];
  const target = request.target ?? (await pickTarget(format, result.files.length, loaded.inputs));
  if (!target) return undefined;
  const asFolder = result.files.length !== 1 || (await isFolder(target));
  const files = plannedUris(target, result.files, asFolder);
  // The save dialog has already asked before replacing its one file; a folder's files are asked about here.
  const agreed = request.force === true || (request.target === undefined && !asFolder);
  const refused = await refusal(files, result.files.map((f) => f.content), loaded.inputs.map((i) => i.uri).filter((u): u is string => u !== undefined), agreed);
  if (refused) {
    if (refused !== 'existing files kept') void vscode.window.showErrorMessage(`Factmark: nothing exported: ${refused}.`);
    return undefined;
  }
  await writeAll(files, result.files);

  const annotations = loaded.inputs.reduce((n, i) => n + i.doc.annotations.filter((a) => a.status === 'confirmed' || (includeSuggested && a.status === 'suggested')).length, 0);
  if (warnings.length > 0) {
    log.appendLine(`Export to ${target.toString(true)} (${format.label}):`);
    for (const w of warnings) log.appendLine(`  ${w}`);
  }
  const where = files.length === 1 ? vscode.workspace.asRelativePath(files[0]) : `${vscode.workspace.asRelativePath(target)} (${files.length} files)`;
  const message = `Factmark: exported ${annotations} annotation${annotations === 1 ? '' : 's'} from ${loaded.inputs.length} document${loaded.inputs.length === 1 ? '' : 's'} to ${where}.${warnings.length ? ` ${warnings.length} warning(s).` : ''}`;
  // Not awaited: the command finishes when the files are written, not when the notification is closed.
  const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
  const actions = ['Open', ...(files.length > 1 && inWorkspace ? ['Reveal in Explorer'] : []), ...(warnings.length ? ['Show Warnings'] : [])];
  void vscode.window.showInformationMessage(message, ...actions).then(async (choice) => {
    if (choice === 'Open') await vscode.window.showTextDocument(files[0], { preview: false });
    else if (choice === 'Reveal in Explorer') await vscode.commands.executeCommand('revealInExplorer', files[0]);
    else if (choice === 'Show Warnings') log.show(true);
  });
  return { files, documents: loaded.inputs.length, annotations, warnings };
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    exportFormats.map((f) => ({ label: f.label, description: `.${f.extension}`, format: f })),
    { title: 'Export Annotations', placeHolder: 'Export format', matchOnDescription: true },
  );
  return picked?.format;
}

async function pickScope(selected: vscode.Uri[] | undefined): Promise<ExportScope | undefined> {
  const editor = vscode.window.activeTextEditor;
  const items: Array<vscode.QuickPickItem & { scope: ExportScope }> = [];
  // Run from the Explorer's context menu, the selection comes first.
  if (selected && selected.length > 0) items.push({ label: 'Selected in the Explorer', description: `${selected.length} item${selected.length === 1 ? '' : 's'}`, scope: 'selected' });
  if (editor && isArticle(editor.document)) items.push({ label: 'Current Document', description: vscode.workspace.asRelativePath(editor.document.uri), scope: 'current' });
  if (vscode.workspace.workspaceFolders?.length) items.push({ label: 'Whole Workspace', description: 'every document with a sidecar', scope: 'workspace' });
  if (items.length <= 1) return items[0]?.scope;
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Annotations', placeHolder: 'Which documents?' });
  return picked?.scope;
}

async function pickIncludeSuggested(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Confirmed Annotations Only', include: false },
      { label: 'Confirmed and Suggested Annotations', include: true },
    ],
    { title: 'Export Annotations', placeHolder: 'Some annotations are still suggestions' },
  );
  return picked?.include;
}

async function pickTarget(format: ExportFormat, fileCount: number, inputs: ExportInput[]): Promise<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? (inputs[0]?.uri ? vscode.Uri.joinPath(vscode.Uri.parse(inputs[0].uri), '..') : undefined);
  if (fileCount === 1) {
    const name = format.id === 'markdown' && inputs.length === 1 ? inputs[0].name.replace(/\.[^./]*$/, '').split('/').pop() + '.md' : `annotations.${format.extension}`;
    return vscode.window.showSaveDialog({
      title: 'Export Annotations',
      saveLabel: 'Export',
      ...(base ? { defaultUri: vscode.Uri.joinPath(base, name) } : {}),
      filters: { [format.label]: [format.extension] },
    });
  }
  const folder = await vscode.window.showOpenDialog({
    title: `Export Annotations: folder for the ${fileCount} ${format.id} files`,
    openLabel: 'Export Here',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    ...(base ? { defaultUri: base } : {}),
  });
  return folder?.[0];
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * The document URIs of a scope (documents, not sidecars), in a stable order: those with a sidecar on
 * disk, and those whose annotations are only in the store so far (no sidecar written yet).
 */
async function documentsOf(scope: ExportScope, selected: vscode.Uri[] | undefined, store: LiveAnnotations): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const add = (uri: vscode.Uri) => found.set(uri.toString(), uri);
  const sidecarsUnder = async (base: vscode.Uri | undefined) => {
    const pattern = base ? new vscode.RelativePattern(base, `**/*${SIDECAR_SUFFIX}`) : `**/*${SIDECAR_SUFFIX}`;
    for (const s of await vscode.workspace.findFiles(pattern, '**/node_modules/**')) add(s.with({ path: documentPathFor(s.path)! }));
    const prefix = base && `${base.toString().replace(/\/$/, '')}/`;
    for (const e of store.all()) {
      const annotated = e.model.annotations.length > 0 || e.model.facts.length > 0;
      const inScope = prefix ? e.uri.toString().startsWith(prefix) : vscode.workspace.getWorkspaceFolder(e.uri) !== undefined;
      if (annotated && inScope) add(e.uri);
    }
  };
  if (scope === 'current') {
    const editor = vscode.window.activeTextEditor;
    if (editor && isArticle(editor.document)) add(editor.document.uri);
  } else if (scope === 'selected') {
    for (const uri of selected ?? []) {
      if (await isFolder(uri)) await sidecarsUnder(uri);
      else add(isSidecarPath(uri.path) ? uri.with({ path: documentPathFor(uri.path)! }) : uri);
    }
  } else {
    await sidecarsUnder(undefined);
  }
  return [...found.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** The text of a document: the editor's when it is open (unsaved edits included), else the file's. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return stripBom(decoder.decode(await vscode.workspace.fs.readFile(uri)));
}

async function readOptional(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
}

interface LoadedExport {
  inputs: ExportInput[];
  warnings: string[];
  malformed: Array<{ uri: vscode.Uri; reason: string }>;
}

/**
 * Each document's annotations: from the store when it has the document loaded and open (what the
 * user sees, including changes not yet written), otherwise its sidecar read against its text. With a
 * cancellable progress notification for large scopes.
 */
async function loadForExport(documents: vscode.Uri[], store: LiveAnnotations, withProgress: boolean): Promise<LoadedExport | undefined> {
  const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<LoadedExport | undefined> => {
    const out: LoadedExport = { inputs: [], warnings: [], malformed: [] };
    for (const uri of documents) {
      if (token?.isCancellationRequested) return undefined;
      // With several workspace folders the name starts with the folder's: same-named documents of two
      // folders stay apart (one .ann each in brat, told apart in CSV).
      const name = vscode.workspace.asRelativePath(uri);
      progress?.report({ message: name, increment: 100 / documents.length });
      const live = store.get(uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      // A store entry that is not writable stands for a malformed sidecar: the disk path reports it.
      if (live && live.writable && open) {
        const { input, warnings } = liveExportInput(live, open.getText(), name);
        out.inputs.push(input);
        for (const w of warnings) out.warnings.push(w); // not push(...): 100,000s of orphans overflow the stack
        continue;
      }
      const sidecarUri = uri.with({ path: sidecarPathFor(uri.path) });
      const sidecarText = await readOptional(sidecarUri);
      if (sidecarText === undefined) {
        out.warnings.push(`${name}: no sidecar, nothing to export`);
        continue;
      }
      let text: string;
      try {
        text = await textOf(uri);
      } catch {
        out.malformed.push({ uri: sidecarUri, reason: 'its document is missing' });
        continue;
      }
      const reading = readSidecar(sidecarText, text);
      if (!reading.document) {
        const first = reading.diagnostics.find(isError);
        out.malformed.push({ uri: sidecarUri, reason: first ? `line ${first.line + 1}: ${first.message}` : 'unreadable' });
        continue;
      }
      const { input, warnings } = exportInputOf(reading, text, name, uri.toString());
      out.inputs.push(input);
      for (const w of warnings) out.warnings.push(w); // not push(...): 100,000s of orphans overflow the stack
    }
    return out;
  };
  if (!withProgress) return work();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Factmark: exporting annotations', cancellable: true },
    (progress, token) => work(progress, token),
  );
}

/** The export input of a document from the store's live model (offsets into `text`, the editor's text); orphans left out and named. */
function liveExportInput(live: DocumentAnnotations, text: string, name: string): { input: ExportInput; warnings: string[] } {
  const gone = live.orphans;
  const m = live.model;
  const warnings = [...m.annotations, ...m.facts].filter((s) => gone.has(s.id)).map((s) => `${name}: ${s.id} “${s.text}” does not anchor on the text (orphaned); not exported`);
  const doc: AnnotatedDocument = {
    ...m,
    annotations: m.annotations.filter((a) => !gone.has(a.id)).map((a) => ({ ...a })),
    facts: m.facts.filter((f) => !gone.has(f.id)).map((f) => ({ ...f, entities: f.entities.filter((id) => !gone.has(id)) })),
  };
  return { input: { text, name, doc, uri: live.uri.toString() }, warnings };
}
