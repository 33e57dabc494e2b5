import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import type { Workflow } from '../annotate/workflow';
import { EntitiesFiles } from './entitiesFiles';
import { registerDocumentSymbols } from './documentSymbols';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerUnknownLinks } from './unknownLinks';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** VS Code's language features on articles, over the workspace's entities files (issue 15). */
export function registerEntities(commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const files = new EntitiesFiles();
  return vscode.Disposable.from(
    files,
    registerDocumentSymbols(workflow.store),
    registerReferences(workflow, files),
    registerRename(workflow, files),
    registerWorkspaceSymbols(workflow, files),
    registerUnknownLinks(commands, workflow, files),
  );
}
