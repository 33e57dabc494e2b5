import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { runInSlices } from '../../core/slices';
import { timelineList, timelineSteps, timelineView, type Timeline } from '../../core/timeline';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';
import { registerPictureActions } from './actions';
import { INDEX_CHANGED, pictureFilter, registerPicture } from './panel';
import { readScope, scopeOfCommand, SLICES } from './sources';

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
        // In slices: the timeline of thousands of articles must not hold the extension host in one piece.
        compute: async (scope) => runInSlices(timelineSteps(await readScope(workflow, corpus, scope)), SLICES),
        view: timelineView,
        list: timelineList,
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
