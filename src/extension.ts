import * as vscode from 'vscode';
import { isArticle } from './adapter';
import { CommandManager } from './commandManager';
import { CommandId } from './commands';
import { onConfigChange, readConfig } from './config';
import { registerDocumentDate } from './features/documentDate';
import { registerEntities } from './features/entities';
import { registerExportImport } from './features/exportImport';
import { registerWorkflow } from './features/annotate/register';
import { Highlights } from './features/highlights';
import { registerHover } from './features/hover';
import { LexiconService, learnFromAnnotations } from './features/lexicon';
import { RecognitionService, type RecognitionTimes } from './features/recognition';
import { registerSidecar } from './features/sidecar';
import { registerStatusBar } from './features/statusBar';
import { registerTimeline } from './features/timeline';
import { registerMap } from './features/map';

/** What activate() returns (the extension's `exports`): timings for benchmarks. */
export interface FactmarkExports {
  /** Milliseconds activate() took. */
  readonly activationMs: number;
  /** The times of the last recognition run (see RecognitionTimes). */
  readonly recognitionTimes: () => RecognitionTimes | undefined;
}

/** Composition root: builds the services and registers each feature; every disposable is owned by the context. */
export function activate(context: vscode.ExtensionContext): FactmarkExports {
  const started = performance.now();
  // The annotation store (sidecar files): the annotating workflow reads and edits it.
  const commands = new CommandManager();
  context.subscriptions.push(commands);
  const store = registerSidecar(context, commands);
  const lexicon = new LexiconService(context.storageUri);
  const recognition = new RecognitionService(readConfig(), lexicon);
  // Awaited by the internal command that says where the corrections are: tests then see them read.
  const loaded = lexicon.loadAll();
  const workflow = registerWorkflow(context, commands, store, recognition);
  context.subscriptions.push(
    lexicon,
    learnFromAnnotations(store, lexicon),
    // Setting the date is undoable too: undo compares and restores it with the annotations.
    registerDocumentDate(commands, store, recognition, (document, label, action) => workflow.workflow.history.record(document, label, action)),
    recognition,
    new Highlights(recognition, workflow.decisions),
    registerHover(recognition, workflow.hover),
    registerStatusBar(recognition, workflow.counts),
    // An import is one undoable annotation action, as a tag or a reject is.
    registerExportImport(commands, store, (document, label, action) => workflow.workflow.history.record(document, label, action), context.extensionUri),
    registerTimeline(context, commands, workflow.workflow, workflow.corpus),
    registerMap(context, commands, workflow.workflow, workflow.corpus),
    registerEntities(commands, workflow.workflow, workflow.corpus),
    onConfigChange((config) => recognition.updateConfig(config)),
    commands.register({ id: CommandId.ToggleSuggestions, execute: async () => {
      const c = vscode.workspace.getConfiguration('factmark');
      await c.update('suggestions.enabled', !c.get<boolean>('suggestions.enabled', true), vscode.ConfigurationTarget.Global);
    } }),
    commands.register({ id: CommandId.RecognizeNow, execute: async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && isArticle(editor.document)) await recognition.recognizeNow(editor.document);
      else void vscode.window.showInformationMessage('Factmark: open a plain-text article to recognise names and dates in it.');
    } }),
    // { force: true } resets without asking, as the dialog's Reset does (scripts, and tests: the test host refuses modal dialogs).
    commands.register({ id: CommandId.ResetModelCorrections, execute: async (arg?: { force?: boolean }) => {
      // Corrections read after a reset would come back: the reset waits for them.
      await loaded;
      return lexicon.resetModel(arg?.force !== true);
    } }),
    commands.register({ id: CommandId.GetModelCorrectionsFile, execute: async () => {
      await loaded;
      return lexicon.adjustmentsFile()?.toString();
    } }),
    commands.register({ id: CommandId.GetSuggestions, execute: async (uri?: vscode.Uri) => {
      const document = uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      return document ? recognition.recognizeNow(document) : undefined;
    } }),
  );
  return { activationMs: performance.now() - started, recognitionTimes: () => recognition.lastTimes };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
