import * as vscode from 'vscode';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from './corpusIndex';
import { mentionsIn, rangeOf } from './folders';
import { entryLine } from './entitiesFiles';
import { linkedMentionAt } from './mentions';

/**
 * Find All References (Shift+F12, Shift+Alt+F12) and Go to Definition (F12) on a mention linked to
 * an entity: every mention of that entity in every article, and the entity's entry in the
 * entities file.
 */
export function registerReferences(workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  const files = corpus.files;
  const selector: vscode.DocumentSelector = { language: 'plaintext' };
  const definition = async (document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> => {
    const mention = linkedMentionAt(workflow, document, position);
    const found = mention?.entity !== undefined ? await files.find(mention.entity, document.uri) : undefined;
    if (!found) return undefined;
    const line = entryLine(found.file.text, found.entity.id);
    return new vscode.Location(found.file.uri, new vscode.Range(line, 0, line, 0));
  };
  return vscode.Disposable.from(
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position, context, token) {
        const mention = linkedMentionAt(workflow, document, position);
        if (mention?.entity === undefined) return [];
        // From the workspace index: no sidecar or article is read per question.
        const index = await corpus.ready('always');
        if (token.isCancellationRequested) return [];
        // The article's own folder only: entities are kept per workspace folder.
        const file = await files.forDocument(document.uri);
        const out = (file ? mentionsIn(index, mention.entity, file.uri) : index.mentionsOf(mention.entity)).map((m) => new vscode.Location(vscode.Uri.parse(m.doc), rangeOf(m)));
        const entry = context.includeDeclaration ? await definition(document, position) : undefined;
        return entry ? [entry, ...out] : out;
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, { provideDefinition: definition }),
  );
}
