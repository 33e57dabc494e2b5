import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle, toRange, toSpan } from '../../adapter';
import { CommandId } from '../../commands';
import { preview, visibleAnnotations } from '../../core/facts';
import type { AnnotatedDocument, Span } from '../../core/model';
import { sortSpans } from '../../core/tree/navigate';
import type { Workflow } from '../annotate/workflow';
import { exists } from '../sidecar/files';
import { loadWorkspaceSidecars } from '../tree';
import { step } from '../../core/tree/step';

/** Where a reveal goes: a document and a span of it. */
export interface RevealTarget {
  uri: string;
  start: number;
  end: number;
}

/** The one reveal every jump goes through: opens the document, selects the span, scrolls to it. */
export async function reveal(target: RevealTarget): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(target.uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.uri);
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false, preview: false });
  const range = toRange(document, target);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

type Kind = 'annotation' | 'fact';

/** Next / previous annotation and fact, "Go to Fact…", the reveal command. */
export function registerNavigation(commands: CommandManager, workflow: Workflow): vscode.Disposable {
  // Sorted once per model change: the store replaces the arrays on every edit.
  const sorted = new WeakMap<object, Span[]>();
  const spansOf = (entry: { model: AnnotatedDocument; orphans: ReadonlySet<string> }, kind: Kind): Span[] => {
    const list = kind === 'fact' ? entry.model.facts : entry.model.annotations;
    let s = sorted.get(list);
    if (!s) {
      const items: Array<Span & { id: string }> = kind === 'fact' ? entry.model.facts : visibleAnnotations(entry.model.annotations);
      s = sortSpans(items.filter((x) => !entry.orphans.has(x.id)));
      sorted.set(list, s);
    }
    return s;
  };

  const go = async (kind: Kind, direction: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return undefined;
    const entry = await workflow.open(editor.document);
    const config = vscode.workspace.getConfiguration('factmark.navigation');
    const wrap = config.get<boolean>('wrap', true);
    const across = config.get<boolean>('acrossDocuments', false);
    const here = step(spansOf(entry, kind), toSpan(editor.document, editor.selection), direction, wrap && !across);
    if (here) return reveal({ uri: editor.document.uri.toString(), start: here.item.start, end: here.item.end });
    if (across) {
      // On to the next (or previous) document, by path, that has any.
      await loadWorkspaceSidecars(workflow);
      const docs = workflow.store
        .all()
        .filter((e) => spansOf(e, kind).length > 0)
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
      const key = editor.document.uri.toString();
      const after = direction === 1 ? docs.filter((d) => d.uri.toString() > key) : docs.filter((d) => d.uri.toString() < key).reverse();
      const pool = wrap ? [...after, ...(direction === 1 ? docs : [...docs].reverse())] : after;
      // The store may still hold a document whose file is gone (deleted outside VS Code): skip it.
      let next: (typeof pool)[number] | undefined;
      for (const candidate of pool) {
        if (await stillExists(candidate.uri)) {
          next = candidate;
          break;
        }
      }
      if (next) {
        const spans = spansOf(next, kind);
        const s = direction === 1 ? spans[0] : spans[spans.length - 1];
        return reveal({ uri: next.uri.toString(), start: s.start, end: s.end });
      }
    }
    void vscode.window.setStatusBarMessage(`Factmark: no ${direction === 1 ? 'next' : 'previous'} ${kind}`, 3000);
    return undefined;
  };

  /** Next / previous undecided suggestion in the active article: the walk through what is left to decide. */
  const goSuggestion = async (direction: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return undefined;
    await Promise.all([workflow.open(editor.document), workflow.freshen(editor.document)]);
    const wrap = vscode.workspace.getConfiguration('factmark.navigation').get<boolean>('wrap', true);
    const here = step(sortSpans(workflow.undecided(editor.document)), toSpan(editor.document, editor.selection), direction, wrap);
    if (here) return reveal({ uri: editor.document.uri.toString(), start: here.item.start, end: here.item.end });
    void vscode.window.setStatusBarMessage(`Factmark: no ${direction === 1 ? 'next' : 'previous'} suggestion`, 3000);
    return undefined;
  };

  return vscode.Disposable.from(
    commands.register({ id: CommandId.NextSuggestion, execute: () => goSuggestion(1) }),
    commands.register({ id: CommandId.PreviousSuggestion, execute: () => goSuggestion(-1) }),
    commands.register({ id: CommandId.Reveal, execute: (target: RevealTarget) => reveal(target) }),
    commands.register({ id: CommandId.NextAnnotation, execute: () => go('annotation', 1) }),
    commands.register({ id: CommandId.PreviousAnnotation, execute: () => go('annotation', -1) }),
    commands.register({ id: CommandId.NextFact, execute: () => go('fact', 1) }),
    commands.register({ id: CommandId.PreviousFact, execute: () => go('fact', -1) }),
    commands.register({ id: CommandId.GoToFact, execute: async () => {
      await loadWorkspaceSidecars(workflow);
      const items = workflow.store.all().flatMap((e) =>
        e.model.facts
          .filter((f) => !e.orphans.has(f.id))
          .map((f) => ({
            label: `$(note) ${f.label}: ${preview(f.text, 70)}`,
            description: f.date,
            detail: `${vscode.workspace.asRelativePath(e.uri)} · ${f.entities.length} linked`,
            target: { uri: e.uri.toString(), start: f.start, end: f.end },
          })),
      );
      items.sort((a, b) => (a.description ?? '~').localeCompare(b.description ?? '~') || a.detail.localeCompare(b.detail));
      const picked = await vscode.window.showQuickPick(items, { placeHolder: items.length ? 'Go to fact…' : 'No facts in this workspace yet', matchOnDescription: true, matchOnDetail: true });
      if (picked) await reveal(picked.target);
    } }),
    commands.register({ id: CommandId.ShowView, execute: () => vscode.commands.executeCommand('factmark.facts.focus') }),
    commands.register({ id: CommandId.ShowLegend, execute: async () => {
      await vscode.window.showQuickPick(
        workflow.labels.labels.map((l) => ({
          label: `$(tag) ${l.title}`,
          description: `${l.name}${l.key ? ` · key ${l.key}` : ''}`,
          detail: l.themeColour ? `Colours ${l.themeColour}, ${l.themeColour}Confirmed, ${l.themeColour}Border` : `Colour ${l.colour}`,
        })),
        { placeHolder: 'Factmark labels: suggestions have a dotted underline, confirmed annotations a filled background and a solid underline' },
      );
    } }),
  );
}

/** Whether a document the store holds is still there (an untitled one has no file to look for). */
function stillExists(uri: vscode.Uri): Promise<boolean> {
  return uri.scheme === 'untitled' ? Promise.resolve(true) : exists(uri);
}
