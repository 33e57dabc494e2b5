import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, workspaceDir, writeWorkspaceFile } from '../helpers';

/**
 * Issue 15, item 6: the workspace index is kept in the workspace's storage, so a reopened
 * workspace takes it instead of reading every sidecar, yet never trusts it blindly. The reopening
 * is driven through an internal command (it forgets the index and builds it as a new window does):
 * the reload scenario's window reload is not used here.
 */
describe('The workspace index kept between sessions (issue 15)', function () {
  this.timeout(120_000);
  const DIR = 'warm-start';
  const sidecar = (doc: string, label: string) => `factmark: 1\ndocument:\n  path: ${doc}\noffsets: codepoints\nfacts:\n  - id: f1\n    label: ${label}\n    start: 0\n    end: 16\n    quote: The talks ended.\n    entities: []\n`;
  const article = (doc: string, label: string) => {
    writeWorkspaceFile(`${DIR}/${doc}`, 'The talks ended.\n');
    writeWorkspaceFile(`${DIR}/${doc}.factmark.yaml`, sidecar(doc, label));
  };
  const found = async (label: string) => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', label)).some((x) => x.name.startsWith(`${label}:`));

  after(() => fs.rmSync(path.join(workspaceDir(), DIR), { recursive: true, force: true }));

  it('a reopened workspace takes the saved index, and shows a sidecar changed, an article removed and one added while it was closed', async () => {
    article('steady.txt', 'steadytalks');
    article('changed.txt', 'oldtalks');
    article('gone.txt', 'lefttalks');
    await eventually(async () => (await found('steadytalks')) && (await found('oldtalks')) && (await found('lefttalks')), 'Ctrl+T does not find the three facts', 30_000);
    const saved = await vscode.commands.executeCommand<{ saved?: number }>('factmark.internal.indexSnapshot', { action: 'save' });
    assert.ok((saved.saved ?? 0) >= 3, `the index was saved with its documents: ${JSON.stringify(saved)}`);

    // While the window is "closed": a sidecar edited (git, another editor), an article deleted, one added.
    writeWorkspaceFile(`${DIR}/changed.txt.factmark.yaml`, sidecar('changed.txt', 'renewedtalks'));
    fs.rmSync(path.join(workspaceDir(), DIR, 'gone.txt'));
    fs.rmSync(path.join(workspaceDir(), DIR, 'gone.txt.factmark.yaml'));
    article('added.txt', 'addedtalks');

    const { start } = await vscode.commands.executeCommand<{ start?: { kept: number; reread: number; gone: number } }>('factmark.internal.indexSnapshot', { action: 'reopen' });
    assert.ok(start, 'the reopened workspace built its index without the saved one');
    // What the user sees: Ctrl+T finds what the files hold now, not what the saved index held.
    assert.ok(await found('steadytalks'), 'the unchanged article is missing from the reopened index');
    assert.ok(await found('renewedtalks'), 'the sidecar changed while the window was closed is not reflected');
    assert.ok(!(await found('oldtalks')), 'Ctrl+T still finds the fact as it was before the sidecar changed');
    assert.ok(!(await found('lefttalks')), 'Ctrl+T still finds the fact of the deleted article');
    assert.ok(await found('addedtalks'), 'the article added while the window was closed is missing');
    assert.ok(start.kept >= 1 && start.reread >= 2 && start.gone >= 1, `kept the unchanged, read the changed and the new, dropped the gone: ${JSON.stringify(start)}`);
  });
});
