import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { buildTimeline, type Timeline } from '../../core/timeline';
import type { Workflow } from '../annotate/workflow';
import { registerPictureActions } from './actions';
import { pictureFilter, registerPicture } from './panel';
import { readScope, scopeOfCommand } from './sources';

/** "Factmark: Show Timeline": the dated facts and mentions of the active article, a selection or the workspace; and the picture commands. */
export function registerTimeline(context: vscode.ExtensionContext, commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const changes = new vscode.EventEmitter<unknown>();
  return vscode.Disposable.from(
    changes,
    registerPictureActions(commands),
    workflow.store.onDidChange((d) => changes.fire(d)),
    workflow.recognition.onDidChange((d) => changes.fire(d)),
    registerPicture<Timeline>(
      commands,
      {
        viewType: 'factmark.timeline',
        title: 'Timeline',
        script: 'timeline.js',
        compute: async (scope) =>
          buildTimeline(
            (await readScope(workflow, scope)).map((a) => ({
              uri: a.uri,
              name: a.name,
              documentDate: a.documentDate,
              text: a.text,
              annotations: a.model.annotations,
              facts: a.model.facts,
              suggestions: a.suggestions,
              orphans: a.orphans,
            })),
          ),
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
