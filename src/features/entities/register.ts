import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from './corpusIndex';
import { registerDocumentSymbols } from './documentSymbols';
import { registerEntityCard } from './entityCard';
import { registerLinking } from './linking';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerSearch } from './search';
import { registerUnknownLinks } from './unknownLinks';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** VS Code's language features on articles, over the workspace's entities files (issue 15). */
export function registerEntities(commands: CommandManager, workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  const files = corpus.files;
  corpus.warm();
  return vscode.Disposable.from(
    registerDocumentSymbols(workflow.store),
    registerReferences(workflow, corpus),
    registerEntityCard(workflow, corpus),
    registerRename(workflow, files),
    registerWorkspaceSymbols(corpus),
    registerSearch(commands, corpus, workflow.labels),
    registerUnknownLinks(commands, workflow, files),
    registerLinking(commands, workflow, corpus),
    commands.register({ id: CommandId.IndexSnapshot, execute: (arg: { action: 'save' | 'reopen' | 'start' }) => corpus.forTests(arg.action) }),
  );
}
