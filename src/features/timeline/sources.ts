import * as vscode from 'vscode';
import { isArticle } from '../../adapter';
import type { PlaceDocument } from '../../core/places';
import { isSidecarPath } from '../../core/sidecar';
import { nextTask } from '../../core/slices';
import { pictureDocumentOf, type TimelineDocument } from '../../core/timeline';
import type { Workflow } from '../annotate/workflow';
import type { CorpusIndex } from '../entities/corpusIndex';

/** Which articles a picture (timeline or map) shows. */
export interface Scope {
  /** The whole workspace: every article with a sidecar, and the open ones. */
  workspace?: boolean;
  /** These documents (URIs as strings): the active article, or a selection in the Explorer. */
  uris?: string[];
}

/**
 * One article as the pictures take it: the timeline's and the map's document in one. An article open
 * in an editor comes with its text and undecided suggestions; one that is not comes from the
 * workspace index, with the words kept around each annotation instead of its text.
 */
export type PictureDocument = TimelineDocument & PlaceDocument;

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

/**
 * The articles of a scope. Chosen articles are read (and recognised first, so their suggestions are
 * current). The whole workspace is what the Factmark view's workspace mode shows: every article of
 * the workspace index (built in the background at start-up, so nothing is read from disk here), and
 * the articles open in editors with their text and undecided suggestions. Articles not open have
 * their annotations and facts on the pictures, not their undecided suggestions: recognising
 * thousands of articles to draw a picture would take many seconds.
 */
export async function readScope(workflow: Workflow, corpus: CorpusIndex, scope: Scope): Promise<PictureDocument[]> {
  if (!scope.workspace) return readArticles(workflow, (scope.uris ?? []).map((u) => vscode.Uri.parse(u)), false);
  const index = await corpus.ready();
  const open = await readArticles(workflow, openArticleUris(), true);
  const shown = new Set(open.map((d) => d.uri));
  const out = open;
  const docs = index.documents();
  // In slices, as the pictures are computed (see SLICES): thousands of articles' first reading take a while.
  let until = Date.now() + SLICES.sliceMs;
  for (let i = 0; i < docs.length; i++) {
    if (!shown.has(docs[i].key)) out.push(pictureDocumentOf(docs[i]));
    if (i % 64 === 63 && Date.now() >= until) {
      await nextTask();
      until = Date.now() + SLICES.sliceMs;
    }
  }
  return out;
}

/**
 * How the pictures of the whole workspace are computed in the extension host: in slices of about
 * 15 ms (each step is a few dozen articles), handing the event loop back in between so that typing,
 * other commands and the webviews' messages are not held for the second thousands of articles take.
 */
export const SLICES = { sliceMs: 15, maxSteps: 1000 };

/**
 * The plain-text articles in editor tabs (shown or not) whose documents VS Code has loaded, not the
 * documents other features loaded unseen. A tab whose document is not loaded (a background tab after
 * a reload) is not opened for this, nor is a tab of another kind of file (JSON, a log): the index
 * has what its sidecar holds. This runs on every redraw of the workspace pictures.
 */
function openArticleUris(): vscode.Uri[] {
  const loaded = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
    const document = uri && loaded.get(uri.toString());
    if (uri && document && isArticle(document) && !isSidecarPath(uri.path) && !seen.has(uri.toString())) {
      seen.add(uri.toString());
      uris.push(uri);
    }
  }
  return uris;
}

/** Reads articles with their text, recognising each first so its suggestions are current. */
async function readArticles(workflow: Workflow, uris: readonly vscode.Uri[], articlesOnly: boolean): Promise<PictureDocument[]> {
  const out: PictureDocument[] = [];
  for (const [i, uri] of uris.entries()) {
    // A selection can hold hundreds of articles: give the extension host's other work a turn now and then.
    if (i > 0 && i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      continue; // gone since: nothing to draw
    }
    if (articlesOnly && !isArticle(document)) continue;
    const entry = await workflow.open(document);
    await workflow.freshen(document);
    out.push({
      uri: uri.toString(),
      name: uri.path.replace(/^.*\//, ''),
      text: document.getText(),
      documentDate: entry.model.documentDate ?? workflow.recognition.get(uri)?.documentDate,
      annotations: entry.model.annotations,
      facts: entry.model.facts,
      orphans: entry.orphans,
      suggestions: workflow.undecided(document),
    });
  }
  return out;
}
