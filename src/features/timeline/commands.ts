import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { buildTimeline, type Timeline } from '../../core/timeline';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';
import { registerPictureActions } from './actions';
import { INDEX_CHANGED, pictureFilter, registerPicture } from './panel';
import { readScope, scopeOfCommand } from './sources';

/** "Factmark: Show Timeline": the dated facts and mentions of the active article, a selection or the workspace; and the picture commands. */
export function registerTimeline(context: vscode.ExtensionContext, commands: CommandManager, workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  const changes = new vscode.EventEmitter<unknown>();
  return vscode.Disposable.from(
    changes,
    registerPictureActions(commands),
    workflow.store.onDidChange((d) => changes.fire(d)),
    workflow.recognition.onDidChange((d) => changes.fire(d)),
    corpus.onDidChange(() => changes.fire(INDEX_CHANGED)),
    registerPicture<Timeline>(
      commands,
      {
        viewType: 'factmark.timeline',
        title: 'Timeline',
        script: 'timeline.js',
        compute: async (scope) => buildTimeline(await readScope(workflow, corpus, scope)),
      },
      context.extensionUri,
      changes.event,
      CommandId.ShowTimeline,
      CommandId.GetTimeline,
      scopeOfCommand,
      pictureFilter(workflow),
    ),
  );
}
