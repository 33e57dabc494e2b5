import * as vscode from 'vscode';
import { isArticle, toRange } from '../../adapter';
import { customColours, type Label } from '../../core/labels';
import type { AnnotationStore } from '../sidecar/store';
import type { LabelService } from './labels';
import type { Workflow } from './workflow';
import { Disposable } from '../dispose';

/**
 * Draws what the user owns: confirmed annotations (a filled background and a solid underline in
 * the type's colour, unlike the dotted suggestions) and facts (a gutter mark and a subtle
 * whole-line background), and suggestions of the user's own labels (the built-in types' suggestions
 * are drawn by ../highlights.ts). Decoration types are created once per label and re-created only
 * when the label set changes.
 */
export class AnnotationDecorations extends Disposable {
  private confirmed = new Map<string, vscode.TextEditorDecorationType>();
  private suggested = new Map<string, vscode.TextEditorDecorationType>();
  private readonly fact: vscode.TextEditorDecorationType;
  private readonly store: AnnotationStore;
  private readonly labels: LabelService;

  constructor(
    private readonly workflow: Workflow,
    extensionUri: vscode.Uri,
  ) {
    super();
    this.store = workflow.store;
    this.labels = workflow.labels;
    const { store, labels } = this;
    this.fact = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      backgroundColor: new vscode.ThemeColor('factmark.factLine'),
      overviewRulerColor: new vscode.ThemeColor('factmark.factLine'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      light: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'fact-light.svg') },
      dark: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'fact-dark.svg') },
      gutterIconSize: '70%',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.createTypes();
    this._registerAll(
      labels.onDidChange(() => {
        this.confirmed.forEach((t) => t.dispose());
        this.suggested.forEach((t) => t.dispose());
        this.createTypes();
        this.decorateAll();
      }),
      store.onDidChange((d) => this.decorateUri(d.uri)),
      workflow.recognition.onDidChange((d) => this.suggested.size > 0 && this.decorateUri(d.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.ensure(e))),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.ensure(e));
  }

  private createTypes(): void {
    this.confirmed = new Map(this.labels.labels.map((l) => [l.name, createConfirmedType(l)]));
    this.suggested = new Map(this.labels.labels.filter((l) => !l.themeColour).map((l) => [l.name, createSuggestionType(l)]));
  }

  private decorateUri(uri: vscode.Uri): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri.toString()) this.decorate(e);
  }

  /** Loads the document's annotations if needed, then draws them. */
  private ensure(editor: vscode.TextEditor): void {
    if (!isArticle(editor.document)) return;
    if (this.store.get(editor.document.uri)) this.decorate(editor);
    else void this.store.open(editor.document).then(() => this.decorate(editor), () => undefined);
  }

  private decorateAll(): void {
    vscode.window.visibleTextEditors.forEach((e) => this.decorate(e));
  }

  private decorate(editor: vscode.TextEditor): void {
    const entry = this.store.get(editor.document.uri);
    if (!entry || !isArticle(editor.document)) return;
    const byType = new Map<string, vscode.Range[]>();
    for (const a of entry.model.annotations) {
      if (a.status !== 'confirmed' || entry.orphans.has(a.id)) continue;
      const list = byType.get(a.type);
      if (list) list.push(toRange(editor.document, a));
      else byType.set(a.type, [toRange(editor.document, a)]);
    }
    for (const [type, decorationType] of this.confirmed) editor.setDecorations(decorationType, byType.get(type) ?? []);
    // Stale suggestions (an edit since the last recognition) would be none: keep what VS Code has
    // shifted until a fresh result arrives, as ../highlights.ts does for the built-in types.
    const result = this.workflow.recognition.get(editor.document.uri);
    if (this.suggested.size > 0 && (!result || result.version === editor.document.version)) {
      const suggestions = new Map<string, vscode.Range[]>();
      for (const m of this.workflow.undecided(editor.document)) {
        if (!this.suggested.has(m.type)) continue;
        const list = suggestions.get(m.type);
        if (list) list.push(toRange(editor.document, m));
        else suggestions.set(m.type, [toRange(editor.document, m)]);
      }
      for (const [type, decorationType] of this.suggested) editor.setDecorations(decorationType, suggestions.get(type) ?? []);
    }
    const facts = entry.model.facts.filter((f) => !entry.orphans.has(f.id)).map((f) => toRange(editor.document, f));
    editor.setDecorations(this.fact, facts);
  }

  override dispose(): void {
    super.dispose();
    this.confirmed.forEach((t) => t.dispose());
    this.suggested.forEach((t) => t.dispose());
    this.fact.dispose();
  }
}

function createConfirmedType(label: Label): vscode.TextEditorDecorationType {
  const solid = { borderStyle: 'none none solid none', borderWidth: '0 0 2px 0' };
  if (label.themeColour) {
    return vscode.window.createTextEditorDecorationType({
      ...solid,
      backgroundColor: new vscode.ThemeColor(`${label.themeColour}Confirmed`),
      borderColor: new vscode.ThemeColor(`${label.themeColour}Border`),
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }
  const light = customColours(label.colour, false);
  const dark = customColours(label.colour, true);
  return vscode.window.createTextEditorDecorationType({
    ...solid,
    light: { backgroundColor: `${label.colour}59`, borderColor: light.border },
    dark: { backgroundColor: `${label.colour}66`, borderColor: dark.border },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** A suggestion of a label of the user's own: its colour, lighter, with a dotted underline. */
function createSuggestionType(label: Label): vscode.TextEditorDecorationType {
  const light = customColours(label.colour, false);
  const dark = customColours(label.colour, true);
  return vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 2px 0',
    light: { backgroundColor: light.background, borderColor: light.border },
    dark: { backgroundColor: dark.background, borderColor: dark.border },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}
