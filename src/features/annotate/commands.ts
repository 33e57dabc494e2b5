import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle, toSpan } from '../../adapter';
import { CommandId } from '../../commands';
import { occurrences } from '../../core/facts';
import type { Mention, Span } from '../../core/model';
import { confirmEverywhere, pickTagScope } from './everywhere';
import { withChangeNotice } from './notice';
import { activeArticle, type Workflow } from './workflow';

/** Arguments the annotation commands accept from hovers, code actions, the view and tests. */
export interface AnnotationArgs {
  /** Document URI (string); the active editor's document when absent. */
  uri?: string;
  /** Annotation or fact id; the one under the cursor when absent. */
  id?: string;
  type?: string;
  /** New field value (note, normalised value, kb id); asked for when absent. */
  value?: string;
  /** A suggestion's span, for accept / reject from a hover or a code action. */
  start?: number;
  end?: number;
}

/** The document an argument names, or the active article. */
export async function documentOf(arg: AnnotationArgs | undefined): Promise<vscode.TextDocument | undefined> {
  if (arg?.uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.uri);
    return open ?? vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
  }
  return activeArticle()?.document;
}

/** Spans to tag: each non-empty selection (trimmed), or the word at each empty cursor. */
export function selectedSpans(editor: vscode.TextEditor): Span[] {
  const doc = editor.document;
  const spans: Span[] = [];
  for (const sel of editor.selections) {
    const range = sel.isEmpty ? doc.getWordRangeAtPosition(sel.active, /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/u) : sel;
    if (!range) continue;
    const span = toSpan(doc, range);
    const text = doc.getText(range);
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    if (span.end - trail > span.start + lead) spans.push({ start: span.start + lead, end: span.end - trail });
  }
  return spans;
}

/** Registers tagging, accept / reject, retype, remove and field commands, and the code actions. */
export function registerAnnotate(commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const { labels } = workflow;

  const tagSelection = async (type: string | undefined) => {
    const editor = activeArticle();
    if (!editor) return 0;
    const spans = selectedSpans(editor);
    if (spans.length === 0) {
      void vscode.window.showInformationMessage('Factmark: select the text to tag.');
      return 0;
    }
    const chosen = type ?? (await labels.pick('Tag the selection as…'))?.name;
    if (!chosen) return 0;
    return withChangeNotice(workflow, editor.document, () => workflow.tag(editor.document, spans, chosen));
  };

  /** The annotation an argument names, or the one under the cursor. */
  const target = async (arg: AnnotationArgs | undefined) => {
    const document = await documentOf(arg);
    if (!document) return undefined;
    const entry = await workflow.open(document);
    let annotation = arg?.id ? entry.model.annotations.find((a) => a.id === arg.id) : undefined;
    if (!arg?.id) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document === document) annotation = workflow.annotationSelected(document, editor.selection);
    }
    if (!annotation) void vscode.window.showInformationMessage('Factmark: there is no annotation under the cursor.');
    return annotation && { document, annotation };
  };

  const editField = (field: 'note' | 'value' | 'kb', prompt: string, placeHolder: string) => async (arg?: AnnotationArgs) => {
    const t = await target(arg);
    if (!t) return;
    const value =
      arg?.value ??
      (await vscode.window.showInputBox({
        title: `${prompt}: ${t.annotation.text}`,
        value: t.annotation[field] ?? '',
        placeHolder,
        prompt: 'Leave empty to remove it.',
        validateInput: (v) =>
          field === 'kb' && v.trim() && !/^[A-Za-z][\w-]*:?\S*$/.test(v.trim()) ? 'A knowledge-base id has no spaces (e.g. Q423).' : undefined,
      }));
    if (value === undefined) return;
    await workflow.update(t.document, t.annotation.id, { [field]: value.trim() });
  };

  /** Suggestions an accept / reject command acts on: the one given, or those under every cursor / in every selection. */
  const suggestionsFor = async (arg: AnnotationArgs | undefined): Promise<{ document: vscode.TextDocument; mentions: Mention[] } | undefined> => {
    if (arg?.start !== undefined && arg.end !== undefined) {
      const document = await documentOf(arg);
      if (!document) return undefined;
      const mentions = workflow.undecided(document).filter((m) => m.start === arg.start && m.end === arg.end && (!arg.type || m.type === arg.type));
      return { document, mentions };
    }
    const editor = activeArticle();
    if (!editor) return undefined;
    await workflow.freshen(editor.document);
    const seen = new Set<Mention>();
    for (const sel of editor.selections) workflow.suggestionsIn(editor.document, sel).forEach((m) => seen.add(m));
    if (seen.size === 0) void vscode.window.showInformationMessage('Factmark: there is no suggestion under the cursor or in the selection.');
    return { document: editor.document, mentions: [...seen] };
  };

  /**
   * The undecided suggestion Change Type acts on: the one the selection is exactly, or the one under
   * an empty cursor when no annotation is there.
   */
  const suggestionToRetype = async (): Promise<{ document: vscode.TextDocument; mention: Mention } | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return undefined;
    const { document, selection } = editor;
    await workflow.freshen(document);
    const span = toSpan(document, selection);
    const undecided = workflow.undecided(document);
    const exact = undecided.find((m) => m.start === span.start && m.end === span.end);
    if (exact) return { document, mention: exact };
    if (!selection.isEmpty || workflow.annotationAt(document, span.start)) return undefined;
    const under = workflow.suggestionsIn(document, selection)[0];
    return under && { document, mention: under };
  };

  const allOfType = (accept: boolean) => async (arg?: AnnotationArgs) => {
    const editor = activeArticle();
    if (!editor) return 0;
    await workflow.freshen(editor.document);
    const undecided = workflow.undecided(editor.document);
    let type = arg?.type;
    if (!type) {
      const counts = new Map<string, number>();
      undecided.forEach((m) => counts.set(m.type, (counts.get(m.type) ?? 0) + 1));
      const picked = await vscode.window.showQuickPick(
        [...counts].map(([t, n]) => ({ label: labels.title(t), description: `${n} suggestions`, type: t })),
        { placeHolder: accept ? 'Accept every suggestion of this type' : 'Reject every suggestion of this type' },
      );
      type = picked?.type;
    }
    if (!type) return 0;
    const mentions = undecided.filter((m) => m.type === type);
    return accept ? workflow.accept(editor.document, mentions) : workflow.reject(editor.document, mentions);
  };

  return vscode.Disposable.from(
    commands.register({ id: CommandId.TagAs, execute: (arg?: AnnotationArgs) => tagSelection(arg?.type) }),
    commands.register({ id: CommandId.TagPerson, execute: () => tagSelection('PERSON') }),
    commands.register({ id: CommandId.TagOrganization, execute: () => tagSelection('ORGANIZATION') }),
    commands.register({ id: CommandId.TagPlace, execute: () => tagSelection('PLACE') }),
    commands.register({ id: CommandId.TagDate, execute: () => tagSelection('DATE') }),
    commands.register({ id: CommandId.TagWithLabelKey, execute: (arg?: { key?: string }) => tagSelection(labels.byKey(arg?.key)?.name) }),
    commands.register({ id: CommandId.TagAllOccurrences, execute: async (arg?: AnnotationArgs & { scope?: 'document' | 'everywhere' }) => {
      const editor = activeArticle();
      if (!editor) return 0;
      const [span] = selectedSpans(editor);
      if (!span) return 0;
      const document = editor.document;
      const existing = workflow.annotationAt(document, span.start);
      const sameSpan = existing && existing.start === span.start && existing.end === span.end ? existing.type : undefined;
      const text = document.getText().slice(span.start, span.end);
      const type = arg?.type ?? sameSpan ?? (await labels.pick(`Tag every "${text}" as…`))?.name;
      if (!type) return 0;
      // The scope is the user's choice (issue 10): this document unless they say everywhere.
      const scope = arg?.scope ?? (arg?.type ? 'document' : await pickTagScope(text, labels.title(type)));
      if (!scope) return 0;
      if (scope === 'everywhere') return confirmEverywhere(workflow, document, text, type);
      const found = occurrences(document.getText(), text);
      const added = await workflow.tag(document, found, type);
      void vscode.window.setStatusBarMessage(`Factmark: tagged ${added} more occurrence${added === 1 ? '' : 's'} as ${labels.title(type)}`, 4000);
      return added;
    } }),
    commands.register({ id: CommandId.RemoveAnnotation, execute: async (arg?: AnnotationArgs) => {
      const t = await target(arg);
      if (t) await workflow.remove(t.document, t.annotation.id);
    } }),
    commands.register({ id: CommandId.RetypeAnnotation, execute: async (arg?: AnnotationArgs) => {
      const suggestion = arg?.id ? undefined : await suggestionToRetype();
      if (suggestion) {
        // A suggestion of the wrong type: tagging its span with the right type decides it (retyped).
        const type = arg?.type ?? (await labels.pick(`Change the type of "${suggestion.mention.text}" to…`, suggestion.mention.type))?.name;
        if (type) await workflow.tag(suggestion.document, [suggestion.mention], type);
        return;
      }
      const t = await target(arg);
      if (!t) return;
      const type = arg?.type ?? (await labels.pick(`Change the type of "${t.annotation.text}" to…`, t.annotation.type))?.name;
      if (type) await workflow.update(t.document, t.annotation.id, { type });
    } }),
    commands.register({ id: CommandId.EditNote, execute: editField('note', 'Note', 'A note on this annotation') }),
    commands.register({ id: CommandId.EditValue, execute: editField('value', 'Normalised value', 'e.g. 2006-03-02') }),
    commands.register({ id: CommandId.EditKb, execute: editField('kb', 'Knowledge-base id', 'e.g. a Wikidata QID such as Q423') }),
    commands.register({ id: CommandId.AcceptSuggestion, execute: async (arg?: AnnotationArgs) => {
      const s = await suggestionsFor(arg);
      return s ? withChangeNotice(workflow, s.document, () => workflow.accept(s.document, s.mentions)) : 0;
    } }),
    commands.register({ id: CommandId.RejectSuggestion, execute: async (arg?: AnnotationArgs) => {
      const s = await suggestionsFor(arg);
      return s ? workflow.reject(s.document, s.mentions) : 0;
    } }),
    commands.register({ id: CommandId.AcceptAllOfType, execute: allOfType(true) }),
    commands.register({ id: CommandId.RejectAllOfType, execute: allOfType(false) }),
    vscode.languages.registerCodeActionsProvider({ language: 'plaintext' }, new SuggestionActions(workflow), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

/** The light bulb: accept or reject the suggestion(s) at the cursor or in the selection, or all of their type. */
class SuggestionActions implements vscode.CodeActionProvider {
  constructor(private readonly workflow: Workflow) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const mentions = this.workflow.suggestionsIn(document, range);
    if (mentions.length === 0) return [];
    const title = (t: string) => this.workflow.labels.title(t);
    const actions: vscode.CodeAction[] = [];
    const action = (label: string, command: CommandId, args: object) => {
      const a = new vscode.CodeAction(label, vscode.CodeActionKind.QuickFix);
      a.command = { title: label, command, arguments: [args] };
      actions.push(a);
    };
    const uri = document.uri.toString();
    if (mentions.length === 1) {
      const m = mentions[0];
      const args = { uri, start: m.start, end: m.end, type: m.type };
      action(`Accept "${m.text}" as ${title(m.type)}`, CommandId.AcceptSuggestion, args);
      action(`Reject "${m.text}" as ${title(m.type)}`, CommandId.RejectSuggestion, args);
      // Wider scopes are explicit choices (issue 10): never implied by a plain reject.
      const same = this.workflow.undecided(document).filter((x) => x.text === m.text && x.type === m.type).length;
      if (same > 1) action(`Accept all ${same} "${m.text}" in this document as ${title(m.type)}`, CommandId.AcceptScoped, { ...args, scope: 'document' });
      action(`Accept "${m.text}" as ${title(m.type)} everywhere (a rule in every article)`, CommandId.AcceptScoped, { ...args, scope: 'everywhere' });
      action(`Reject "${m.text}" as ${title(m.type)} in this document`, CommandId.RejectScoped, { ...args, scope: 'document' });
      action(`Reject "${m.text}" as ${title(m.type)} everywhere`, CommandId.RejectScoped, { ...args, scope: 'everywhere' });
    } else {
      action(`Accept the ${mentions.length} suggestions in the selection`, CommandId.AcceptSuggestion, {});
      action(`Reject the ${mentions.length} suggestions in the selection`, CommandId.RejectSuggestion, {});
    }
    const all = this.workflow.undecided(document);
    for (const type of new Set(mentions.map((m) => m.type))) {
      const n = all.filter((m) => m.type === type).length;
      if (n > 1) {
        action(`Accept all ${n} ${title(type)} suggestions in the document`, CommandId.AcceptAllOfType, { type });
        action(`Reject all ${n} ${title(type)} suggestions in the document`, CommandId.RejectAllOfType, { type });
      }
    }
    return actions;
  }
}
