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
 * Documents with more suggestions than this are decorated near what their editor shows only
 * (WINDOW_LINES above and below), and again as it scrolls: the renderer then handles a few hundred
 * decorations on each update instead of tens of thousands, which stalled typing in a 1 MB article.
 */
const WINDOWED_ABOVE = 2000;
const WINDOW_LINES = 100;

/**
 * Decorates suggestions in every visible editor: one decoration type per entity type, created once,
 * coloured by theme colours so light, dark and high-contrast themes each get their own.
 * Suggestions are drawn with a tinted background and a dotted underline; confirmed annotations
 * have a solid style of their own (annotate/decorations.ts). A suggestion the user accepted,
 * retyped or rejected (`decisions`) is not drawn.
 */
export class Highlights extends Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  // The lines decorated in each windowed editor (see WINDOWED_ABOVE).
  private readonly windows = new WeakMap<vscode.TextEditor, { first: number; last: number }>();

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
      recognition.onDidChangeDrawable((result) => this.applyTo(result)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor)),
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

  /** Decorates a windowed editor again when it scrolled near the edge of its decorated lines. */
  private scrolled(editor: vscode.TextEditor): void {
    const window = this.windows.get(editor);
    const shown = editor.visibleRanges;
    if (!window || !shown.length) return;
    const margin = WINDOW_LINES / 3;
    if (shown[0].start.line - margin < window.first && window.first > 0) this.decorate(editor);
    else if (shown[shown.length - 1].end.line + margin > window.last && window.last < editor.document.lineCount - 1) this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    if (!isArticle(editor.document)) return;
    const result = this.recognition.drawable(editor.document.uri);
    // Stale offsets would land on the wrong words: keep what VS Code has shifted until a fresh result arrives.
    if (result && result.version !== editor.document.version) return;
    const byType = new Map<string, vscode.DecorationOptions[]>();
    const decided = this.decisions?.annotationsOf(editor.document.uri);
    let mentions = result?.mentions ?? [];
    const shown = editor.visibleRanges;
    if (mentions.length > WINDOWED_ABOVE && shown.length) {
      const doc = editor.document;
      const first = Math.max(0, shown[0].start.line - WINDOW_LINES);
      const last = Math.min(doc.lineCount - 1, shown[shown.length - 1].end.line + WINDOW_LINES);
      this.windows.set(editor, { first, last });
      mentions = within(mentions, doc.offsetAt(new vscode.Position(first, 0)), doc.offsetAt(doc.lineAt(last).range.end));
    } else this.windows.delete(editor);
    if (decided) mentions = undecidedSuggestions(mentions, decided);
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

/** The mentions (sorted by start) that overlap `from`–`to`. */
function within(mentions: readonly Mention[], from: number, to: number): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  // mentions never overlap one another, so their ends are sorted too
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i].start <= to; i++) out.push(mentions[i]);
  return out;
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
