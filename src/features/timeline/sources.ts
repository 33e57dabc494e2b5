import * as vscode from 'vscode';
import { isArticle } from '../../adapter';
import type { AnnotatedDocument } from '../../core/model';
import { isSidecarPath } from '../../core/sidecar';
import type { Workflow } from '../annotate/workflow';
import { loadWorkspaceSidecars } from '../tree';

/** Which articles a picture (timeline or map) shows. */
export interface Scope {
  /** The whole workspace: every article with a sidecar, and the open ones. */
  workspace?: boolean;
  /** These documents (URIs as strings): the active article, or a selection in the Explorer. */
  uris?: string[];
}

/** One article's annotations, text and undecided suggestions, as the pictures need them. */
export interface ArticleData {
  uri: string;
  name: string;
  text: string;
  documentDate?: string;
  model: AnnotatedDocument;
  orphans: ReadonlySet<string>;
  suggestions: ReturnType<Workflow['undecided']>;
}

/** The scope of a command run from the palette (active article), the editor title or the Explorer (a selection). */
export function scopeOfCommand(uri?: unknown, uris?: unknown): Scope | undefined {
  const list = Array.isArray(uris) && uris.length ? uris : uri instanceof vscode.Uri ? [uri] : [];
  const picked = list.filter((u): u is vscode.Uri => u instanceof vscode.Uri).map((u) => u.toString());
  if (picked.length) return { uris: picked };
  // With a panel focused there is no active editor: the article beside it is meant.
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && isArticle(e.document));
  return editor ? { uris: [editor.document.uri.toString()] } : undefined;
}

/** A short title for a scope. */
export function scopeTitle(scope: Scope): string {
  if (scope.workspace) return 'workspace';
  const uris = scope.uris ?? [];
  return uris.length === 1 ? decodeURIComponent(uris[0].replace(/^.*\//, '')) : `${uris.length} articles`;
}

/** Reads the articles of a scope, recognising each first so its suggestions are current. */
export async function readScope(workflow: Workflow, scope: Scope): Promise<ArticleData[]> {
  let uris = (scope.uris ?? []).map((u) => vscode.Uri.parse(u));
  if (scope.workspace) {
    await loadWorkspaceSidecars(workflow);
    const open = vscode.workspace.textDocuments.filter((d) => isArticle(d) && !isSidecarPath(d.uri.path)).map((d) => d.uri);
    const seen = new Set<string>();
    uris = [...workflow.store.all().map((e) => e.uri), ...open].filter((u) => !seen.has(u.toString()) && !!seen.add(u.toString()));
  }
  const out: ArticleData[] = [];
  for (const [i, uri] of uris.entries()) {
    // A workspace can hold thousands of articles: give the extension host's other work a turn now and then.
    if (i > 0 && i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      continue; // gone since: nothing to draw
    }
    const entry = await workflow.open(document);
    await workflow.freshen(document);
    out.push({
      uri: uri.toString(),
      name: uri.path.replace(/^.*\//, ''),
      text: document.getText(),
      documentDate: entry.model.documentDate ?? workflow.recognition.get(uri)?.documentDate,
      model: entry.model,
      orphans: entry.orphans,
      suggestions: workflow.undecided(document),
    });
  }
  return out;
}
