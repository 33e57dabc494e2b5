import * as vscode from 'vscode';
import { occurrences } from '../../core/facts';
import type { LexiconEntry } from '../../core/learning';
import { withChangeNotice } from './notice';
import type { Workflow } from './workflow';

/**
 * Accept Everywhere (of a suggestion, or Tag Every Occurrence with that scope): every mention of the
 * text in this document is confirmed (the user is reading it); in other articles the text becomes a
 * suggestion of this type, a rule of the workspace lexicon that wins over the model's type, never a
 * confirmation nobody made. One step for undo: the annotations and the rule. Returns the number of
 * mentions confirmed here.
 */
export async function confirmEverywhere(workflow: Workflow, document: vscode.TextDocument, text: string, type: string): Promise<number> {
  const entry: LexiconEntry = { text, type, rule: true };
  let count = 0;
  await withChangeNotice(workflow, document, async () => {
    const { step } = await workflow.history.recorded(document, `Accept "${text}" everywhere`, async () => {
      // The mentions as the text is when this action's turn comes (it may wait behind a large import).
      count = await workflow.tagNow(document, occurrences(document.getText(), text), type);
      await workflow.recognition.lexicon.record(document.uri, [entry], []);
    });
    return step ? Math.max(count, 1) : 0;
  });
  return count;
}

/** Asks where Tag Every Occurrence reaches: this document (first, the default) or everywhere. */
export async function pickTagScope(text: string, title: string): Promise<'document' | 'everywhere' | undefined> {
  const items: Array<vscode.QuickPickItem & { scope: 'document' | 'everywhere' }> = [
    { label: 'In this document', description: `tag every "${text}" here as ${title}`, scope: 'document' },
    { label: 'Everywhere', description: `tag every "${text}" here and suggest it as ${title} in every article, over the model's type`, scope: 'everywhere' },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: `Tag every "${text}" as ${title}: where?` }))?.scope;
}
