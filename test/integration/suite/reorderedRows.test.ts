import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AnnotationsSnapshot } from '../../../src/features/sidecar';
import { closeAllEditors, eventually, openInEditor, writeWorkspaceFile } from '../helpers';

// Issue 11: a table's rows alike but for their numbers, sorted by another tool while the article is
// open. VS Code reloads the document from disk as one coarse change; Factmark re-anchors from the
// text it last saw on disk. The character diff took one row's words for another's: most annotations
// were orphaned and some put on other rows. Each line that stands once in each text now carries its
// annotations (src/core/anchor/wholelines.ts).

const rows = Array.from({ length: 60 }, (_, i) => `Record ${String(i).padStart(5, '0')} of the ledger: the company reported its figures ${i % 7} times.`);

describe('Rows sorted on disk by another tool while the article is open (issue 11)', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('every annotation stays on its own row, none orphaned', async () => {
    const text = `${rows.join('\n')}\n`;
    const uri = writeWorkspaceFile('reordered-rows/ledger.txt', text);
    await openInEditor(uri);
    const add = rows.map((row) => ({ type: 'ORGANIZATION', start: text.indexOf(row) + row.indexOf('company'), end: text.indexOf(row) + row.indexOf('company') + 7, status: 'confirmed' as const }));
    const made = await vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.editAnnotations', uri, { add });
    // Which row each annotation is on: the record number at the start of its line.
    const rowOf = (t: string, at: number) => t.slice(t.lastIndexOf('\n', at - 1) + 1, t.lastIndexOf('\n', at - 1) + 13);
    const before = new Map(made.model.annotations.map((a) => [a.id, rowOf(text, a.start)]));
    assert.equal(before.size, 60);
    await eventually(() => fs.existsSync(`${uri.fsPath}.factmark.yaml`), 'the sidecar was not written');
    const sorted = `${[...rows].reverse().join('\n')}\n`;
    fs.writeFileSync(uri.fsPath, sorted);
    const doc = await vscode.workspace.openTextDocument(uri);
    await eventually(() => doc.getText() === sorted, 'VS Code did not reload the sorted text');
    const snapshot = () => vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.getAnnotations', uri);
    // Re-anchored once the reload is seen (the coarse change orphans them all until then): wait for every
    // annotation on "company" again, and if that never comes, say where they are.
    const live = await eventually(async () => {
      const r = await snapshot();
      return r && r.orphans.length === 0 && r.model.annotations.every((a) => sorted.startsWith('company', a.start)) ? r : undefined;
    }, 'not re-anchored').catch(snapshot);
    assert.deepEqual(live.orphans, [], 'annotations were orphaned');
    const moved = live.model.annotations.filter((a) => rowOf(sorted, a.start) !== before.get(a.id));
    assert.deepEqual(moved.map((a) => `${before.get(a.id)} -> ${rowOf(sorted, a.start)}`), [], 'annotations went to other rows');
  });
});
