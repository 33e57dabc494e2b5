import * as vscode from 'vscode';
import { toRange } from '../adapter';
import type { Mention } from '../core/model';
import { mentionAt, typeLabel } from './highlights';
import type { RecognitionService } from './recognition';

/** Hover on a suggestion: its type and, for dates, the normalised value. */
export function registerHover(recognition: RecognitionService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'plaintext' },
    {
      provideHover(document, position) {
        const result = recognition.get(document.uri);
        if (!result || result.version !== document.version) return undefined;
        const mention = mentionAt(result.mentions, document.offsetAt(position));
        if (!mention) return undefined;
        return new vscode.Hover(hoverText(mention, result.documentDate), toRange(document, mention));
      },
    },
  );
}

function hoverText(m: Mention, documentDate: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${typeLabel(m.type)}** · suggested\n\n`);
  if (m.type === 'DATE') {
    if (m.value && !m.value.includes('X')) md.appendMarkdown(`Normalised: \`${m.value}\``);
    else md.appendMarkdown(`Not resolved: ${documentDate ? 'ambiguous' : 'the document has no date of its own'}`);
    if (documentDate) md.appendMarkdown(`\n\nDocument date: \`${documentDate}\``);
  }
  return md;
}
