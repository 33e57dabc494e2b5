import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { mapList, mapView, placeMapSteps, type PlaceMap } from '../../core/places';
import { runInSlices } from '../../core/slices';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';
import { INDEX_CHANGED, pictureFilter, registerPicture } from '../timeline/panel';
import { readScope, scopeOfCommand, SLICES } from '../timeline/sources';
import { loadGazetteer } from './gazetteer';
import { registerLinkPlace } from './link';

/** "Factmark: Show Map" (linked places as dots on country outlines) and "Link Place to Gazetteer…". */
export function registerMap(context: vscode.ExtensionContext, commands: CommandManager, workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  const changes = new vscode.EventEmitter<unknown>();
  return vscode.Disposable.from(
    changes,
    workflow.store.onDidChange((d) => changes.fire(d)),
    workflow.recognition.onDidChange((d) => changes.fire(d)),
    corpus.onDidChange(() => changes.fire(INDEX_CHANGED)),
    registerLinkPlace(commands, workflow, context.extensionUri),
    registerPicture<PlaceMap>(
      commands,
      {
        viewType: 'factmark.map',
        title: 'Map',
        script: 'map.js',
        compute: async (scope) => {
          const [gazetteer, articles] = await Promise.all([loadGazetteer(context.extensionUri), readScope(workflow, corpus, scope)]);
          return runInSlices(placeMapSteps(articles, gazetteer), SLICES);
        },
        view: mapView,
        list: mapList,
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
