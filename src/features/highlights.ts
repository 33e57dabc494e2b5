import * as vscode from 'vscode';
import { isArticle, toRange } from '../adapter';
import { undecidedSuggestions } from '../core/facts';
import type { Annotation, Mention } from '../core/model';
import type { DocumentSuggestions, RecognitionService } from './recognition';
import { Disposable } from './dispose';

/** The user's decisions on a document's suggestions (the annotation store), when there is one. */
export interface Decisions {
  annotationsOf(uri: vscode.Uri): readonly Annotation[] | undefined;
  readonly onDidChange: vscode.Event<{ readonly uri: vscode.Uri }>;
}

/** Entity types with a colour of their own (`factmark.<key>` in contributes.colors). */
const STYLED_TYPES: Record<string, string> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  PLACE: 'place',
  DATE: 'date',
};

/**
 * Decorates suggestions in every visible editor: one decoration type per entity type, created once,
 * coloured by theme colours so light, dark and high-contrast themes each get their own.
 * Suggestions are drawn with a tinted background and a dotted underline; confirmed annotations
 * have a solid style of their own (annotate/decorations.ts). A suggestion the user accepted,
 * retyped or rejected (`decisions`) is not drawn.
 */
export class Highlights extends Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();

  constructor(
    private readonly recognition: RecognitionService,
    private readonly decisions?: Decisions,
  ) {
    super();
    for (const [type, key] of Object.entries(STYLED_TYPES)) {
      this.types.set(
        type,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(`factmark.${key}`),
          borderColor: new vscode.ThemeColor(`factmark.${key}Border`),
          borderStyle: 'none none dotted none',
          borderWidth: '0 0 2px 0',
          // typing at either edge of a suggestion must not stretch it over the new text
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this._registerAll(
      recognition.onDidChange((result) => this.applyTo(result)),
      ...(decisions ? [decisions.onDidChange((d) => this.applyTo(d))] : []),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.decorate(e));
  }

  private applyTo(result: Pick<DocumentSuggestions, 'uri'>): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === result.uri.toString()) this.decorate(editor);
    }
  }

  private decorate(editor: vscode.TextEditor): void {
    if (!isArticle(editor.document)) return;
    const result = this.recognition.get(editor.document.uri);
    // Stale offsets would land on the wrong words: keep what VS Code has shifted until a fresh result arrives.
    if (result && result.version !== editor.document.version) return;
    const byType = new Map<string, vscode.DecorationOptions[]>();
    const decided = this.decisions?.annotationsOf(editor.document.uri);
    const mentions = decided ? undecidedSuggestions(result?.mentions ?? [], decided) : (result?.mentions ?? []);
    for (const m of mentions) {
      if (!this.types.has(m.type)) continue;
      const list = byType.get(m.type) ?? [];
      list.push({ range: toRange(editor.document, m) });
      byType.set(m.type, list);
    }
    for (const [type, decorationType] of this.types) editor.setDecorations(decorationType, byType.get(type) ?? []);
  }

  override dispose(): void {
    super.dispose();
    this.types.forEach((t) => t.dispose());
  }
}

/** Human-readable name of an entity type, for hovers and the status bar. */
export function typeLabel(type: string): string {
  const names: Record<string, string> = {
    PERSON: 'Person',
    ORGANIZATION: 'Organisation',
    PLACE: 'Place',
    DATE: 'Date',
    MISC: 'Miscellaneous',
  };
  return names[type] ?? type;
}

/** The mention covering `offset`, by binary search over mentions sorted by start. */
export function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = mentions[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}
