import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { placeMap, type PlaceMap } from '../../core/places';
import type { Workflow } from '../annotate/workflow';
import { pictureFilter, registerPicture } from '../timeline/panel';
import { readScope, scopeOfCommand } from '../timeline/sources';
import { loadGazetteer } from './gazetteer';
import { registerLinkPlace } from './link';

/** "Factmark: Show Map" (linked places as dots on country outlines) and "Link Place to Gazetteer…". */
export function registerMap(context: vscode.ExtensionContext, commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const changes = new vscode.EventEmitter<unknown>();
  return vscode.Disposable.from(
    changes,
    workflow.store.onDidChange((d) => changes.fire(d)),
    workflow.recognition.onDidChange((d) => changes.fire(d)),
    registerLinkPlace(commands, workflow, context.extensionUri),
    registerPicture<PlaceMap>(
      commands,
      {
        viewType: 'factmark.map',
        title: 'Map',
        script: 'map.js',
        compute: async (scope) => {
          const [gazetteer, articles] = await Promise.all([loadGazetteer(context.extensionUri), readScope(workflow, scope)]);
          return placeMap(
            articles.map((a) => ({ uri: a.uri, name: a.name, text: a.text, documentDate: a.documentDate, annotations: a.model.annotations, suggestions: a.suggestions, orphans: a.orphans })),
            gazetteer,
          );
        },
      },
      context.extensionUri,
      changes.event,
      CommandId.ShowMap,
      CommandId.GetMap,
      scopeOfCommand,
      pictureFilter(workflow),
    ),
  );
}
