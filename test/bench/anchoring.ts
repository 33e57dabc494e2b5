import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../src/core/sidecar';
import type { AnnotationsSnapshot } from '../../src/features/sidecar';
import { movedParagraphs } from '../fixtures/movedParagraphs';
import { longestBlock } from './longestBlock';

/**
 * Issue 11: an article whose paragraphs moved since its sidecar was written (moved: twenty of them to
 * the end; reversed: all), opened in the editor. The anchoring alone, as the extension host ran it
 * before it went to a worker, then the open with Factmark: the longest main-thread block and the time
 * until the sidecar is anchored.
 */
export async function anchoringFigures(): Promise<Record<string, string>> {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const figures: Record<string, string> = {};
  const dir = path.join(root, 'bench-anchoring');
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const [count, reversed] of [[200, false], [400, false], [200, true]] as const) {
      const article = movedParagraphs(100 + count + (reversed ? 1 : 0), count, reversed);
      const name = `${reversed ? 'reversed' : 'moved'}-${count}.txt`;
      const sidecar = updateSidecar(undefined, { text: article.old, document: { path: name, annotations: article.annotations, facts: [] } });
      const label = `${(article.text.length / 1024).toFixed(0)} KB article, paragraphs ${reversed ? 'reversed' : 'moved'} since its sidecar (${article.annotations.length} names; by the sentence fingerprints)`;
      const here = await longestBlock(async () => loadAnnotations(parseSidecar(sidecar).doc!, article.text));
      figures[`${label}: anchoring on the extension host, as before: longest main-thread block (ms)`] = here.blockedMs.toFixed(0);
      const file = path.join(dir, name);
      fs.writeFileSync(file, article.text);
      fs.writeFileSync(`${file}.factmark.yaml`, sidecar);
      const uri = vscode.Uri.file(file);
      const opened = await longestBlock(async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
        const deadline = performance.now() + 120_000;
        for (;;) {
          const snap = await vscode.commands.executeCommand<AnnotationsSnapshot | undefined>('factmark.internal.getAnnotations', uri);
          if (snap?.anchoredIn) return snap;
          if (performance.now() > deadline) throw new Error(`${name}: not anchored within 2 minutes`);
          await new Promise((r) => setTimeout(r, 5));
        }
      });
      figures[`${label}: opened with Factmark (anchored in: ${opened.value.anchoredIn}): longest main-thread block (ms)`] = opened.blockedMs.toFixed(0);
      figures[`${label}: opened with Factmark: until anchored (ms)`] = opened.totalMs.toFixed(0);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
