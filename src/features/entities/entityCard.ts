import * as vscode from 'vscode';
import type { Entity } from '../../core/entities';
import type { Workflow } from '../annotate/workflow';
import type { WorkspaceIndex } from '../../core/index';
import type { CorpusIndex } from './corpusIndex';
import { mentionsIn } from './folders';
import { linkedMentionAt } from './mentions';

/** An entity's figures across the articles of its folder, as its card shows them. */
export interface EntityFigures {
  mentions: number;
  documents: number;
  /** The earliest and latest document dates among the articles that mention it. */
  first?: string;
  last?: string;
}

/**
 * The entity's card on a mention linked to it (hover; VS Code shows it beside Factmark's
 * annotation card): its canonical name, type, aliases, knowledge-base ids, how often and where it is
 * mentioned, and the first and last dates it is seen. Go to Definition (F12) and Peek Definition
 * (Alt+F12) open its entry in the entities file.
 */
export function registerEntityCard(workflow: Workflow, corpus: CorpusIndex): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'plaintext' },
    {
      async provideHover(document, position, token) {
        const mention = linkedMentionAt(workflow, document, position);
        if (mention?.entity === undefined) return undefined;
        const found = await corpus.files.find(mention.entity, document.uri);
        if (!found || token.isCancellationRequested) return undefined;
        // The index as it is now: a hover never waits for the entities files to be read again, a
        // look at the disk or the first build. Until that is done the card says it is counting.
        let figures: EntityFigures | undefined;
        if (corpus.isBuilt) figures = figuresOf(corpus.current(), found.entity.id, found.file.uri);
        else corpus.warm();
        const range = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
        return new vscode.Hover(entityCard(found.entity, figures, workflow.labels.title(found.entity.type)), range);
      },
    },
  );
}

/** The entity's figures among the articles of the folder of its entities `file`. */
function figuresOf(index: WorkspaceIndex, entity: string, file: vscode.Uri): EntityFigures {
  const linked = mentionsIn(index, entity, file);
  const docs = new Set(linked.map((m) => m.doc));
  const dates = [...docs].map((d) => index.document(d)?.date).filter((d): d is string => !!d && /^\d{4}/.test(d)).sort();
  const figures: EntityFigures = { mentions: linked.length, documents: docs.size };
  if (dates.length) {
    figures.first = dates[0];
    figures.last = dates[dates.length - 1];
  }
  return figures;
}

/** The card's Markdown; without `figures` (the workspace index not built yet), it says they are being counted. */
export function entityCard(entity: Entity, figures: EntityFigures | undefined, typeTitle: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportThemeIcons = true;
  md.appendMarkdown(`$(symbol-class) **${escape(entity.name)}** · ${escape(typeTitle)} · entity \`${entity.id}\`\n\n`);
  const rows: string[] = [];
  if (entity.aliases?.length) rows.push(`Also: ${entity.aliases.map(escape).join(', ')}`);
  for (const id of entity.kb ?? []) {
    const geonames = /^geonames:(\d+)$/.exec(id);
    if (/^Q\d+$/.test(id)) rows.push(`Wikidata: [${id}](https://www.wikidata.org/wiki/${id})`);
    else if (geonames) rows.push(`GeoNames: [${geonames[1]}](https://www.geonames.org/${geonames[1]})`);
    else rows.push(`Id: \`${id}\``);
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (!figures) rows.push('Mentions: counting… (the workspace index is being built)');
  else rows.push(`${n(figures.mentions, 'mention')} in ${n(figures.documents, 'article')}`);
  if (figures?.first) rows.push(figures.first === figures.last ? `Seen on ${figures.first}` : `First seen ${figures.first}, last seen ${figures.last}`);
  md.appendMarkdown(rows.join('  \n'));
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
