import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import { visibleAnnotations } from '../../core/facts';
import type { Decisions } from '../highlights';
import type { HoverSource } from '../hover';
import { registerNavigation } from '../navigation';
import type { RecognitionService } from '../recognition';
import type { AnnotationStore } from '../sidecar/store';
import type { DocumentCounts } from '../statusBar';
import { registerFactsTree } from '../tree';
import { CorpusIndex } from '../entities/corpusIndex';
import { AnnotationDecorations } from './decorations';
import { registerFacts } from './facts';
import { registerAnnotate } from './commands';
import { LabelService } from './labels';
import { registerScopedDecisions } from './scope';
import { registerLearnedView } from '../learnedView';
import { Workflow } from './workflow';

/** What the suggestion features (highlights, hover, status bar) take from the annotating workflow. */
export interface WorkflowHooks {
  readonly workflow: Workflow;
  readonly decisions: Decisions;
  readonly hover: HoverSource;
  readonly counts: DocumentCounts;
  readonly corpus: CorpusIndex;
}

/**
 * Registers the annotating workflow: labels, tagging, accept / reject, facts, decorations of
 * confirmed annotations and facts, the Factmark view and navigation. Everything is owned by `context`.
 */
export function registerWorkflow(context: vscode.ExtensionContext, commands: CommandManager, store: AnnotationStore, recognition: RecognitionService): WorkflowHooks {
  const labels = new LabelService();
  const workflow = new Workflow(store, recognition, labels);
  // The workspace index (issue 15): references, Ctrl+T, search and the view's workspace mode ask it.
  // Kept in the workspace's storage between sessions, so a reopened workspace is ready at once.
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  const corpus = new CorpusIndex(store, context.storageUri && { storage: context.storageUri, version });
  const tree = registerFactsTree(commands, workflow, corpus);
  context.subscriptions.push(
    labels,
    workflow.filter,
    corpus,
    new AnnotationDecorations(workflow, context.extensionUri),
    registerAnnotate(commands, workflow),
    registerScopedDecisions(commands, workflow),
    registerLearnedView(
      commands,
      recognition.lexicon,
      (type) => labels.title(type),
      { annotationsOf: (uri) => store.get(uri)?.model.annotations, onDidChange: store.onDidChange },
      async (uri, id) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) await workflow.remove(document, id);
      },
    ),
    registerFacts(commands, workflow),
    tree.disposable,
    registerNavigation(commands, workflow),
  );
  const changes = new vscode.EventEmitter<unknown>();
  context.subscriptions.push(changes, store.onDidChange((d) => changes.fire(d)), recognition.onDidChange((d) => changes.fire(d)));
  return {
    workflow,
    corpus,
    decisions: {
      annotationsOf: (uri) => store.get(uri)?.model.annotations,
      onDidChange: store.onDidChange,
    },
    hover: {
      entry: (uri) => store.get(uri),
      title: (type) => labels.title(type),
    },
    counts: {
      counts: (document) => {
        const entry = isArticle(document) ? store.get(document.uri) : undefined;
        if (!entry) return undefined;
        return {
          facts: entry.model.facts.length,
          entities: visibleAnnotations(entry.model.annotations).filter((a) => a.status === 'confirmed').length,
          suggestions: workflow.undecided(document).length,
        };
      },
      onDidChange: changes.event,
      command: CommandId.ShowView,
    },
  };
}
