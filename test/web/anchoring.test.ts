import * as assert from 'assert';
import * as vscode from 'vscode';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../src/core/sidecar';
import type { AnnotationsSnapshot } from '../../src/features/sidecar';
import { movedParagraphs } from '../fixtures/movedParagraphs';
import { eventually } from '../integration/helpers';
import { suiteFolder } from './env';

// Issue 11 on the web: a long article whose paragraphs moved since its sidecar was written is anchored
// in a Web Worker (there is no worker thread), as on the desktop, and places what the host would.

describe('Re-anchoring a long changed article on the web', function () {
  this.timeout(120_000);
  const { write } = suiteFolder('web-anchoring');

  it('anchors the sidecar of a 44 KB article whose paragraphs moved in a Web Worker, each name where the host itself would place it', async () => {
    const article = movedParagraphs(13);
    const sidecar = updateSidecar(undefined, { text: article.old, document: { path: 'moved.txt', annotations: article.annotations, facts: [] } });
    await write('moved.txt.factmark.yaml', sidecar);
    const uri = await write('moved.txt', article.text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const snap = await eventually(async () => {
      const s = await vscode.commands.executeCommand<AnnotationsSnapshot | undefined>('factmark.internal.getAnnotations', uri);
      return s?.anchoredIn ? s : undefined;
    }, 'the sidecar was not anchored', 60_000);
    assert.equal(snap.anchoredIn, 'worker', 'the changed article was anchored in the web extension host, not in a Web Worker');
    const here = loadAnnotations(parseSidecar(sidecar).doc!, article.text);
    const spans = (list: { id: string; start: number; end: number }[]) => list.map((a) => `${a.id} ${a.start}-${a.end}`).sort();
    assert.deepEqual(spans(snap.model.annotations), spans(here.document.annotations));
    assert.deepEqual([...snap.orphans].sort(), [...here.orphans.keys()].sort());
  });
});
