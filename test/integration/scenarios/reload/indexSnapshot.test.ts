import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, workspaceDir, writeWorkspaceFile } from '../../helpers';
import { inReloadedWindow, reloadAfterTheTests } from './reloadOnce';

/**
 * Issue 15, item 6: a reopened window starts from the workspace index saved in the workspace's
 * storage, yet never trusts it blindly. Before the reload the index is saved (and held: no more
 * saves), then files change as if the window were closed; after the reload (reloadOnce.ts) the
 * window must have used the saved index and show what the files hold now.
 */
describe('The workspace index after a window reload (issue 15)', function () {
  this.timeout(120_000);
  const DIR = 'warm-reload';
  const marker = () => path.join(workspaceDir(), '.factmark-index-reload-phase');
  const sidecar = (doc: string, label: string) => `factmark: 1\ndocument:\n  path: ${doc}\noffsets: codepoints\nfacts:\n  - id: f1\n    label: ${label}\n    start: 0\n    end: 16\n    quote: The talks ended.\n    entities: []\n`;
  const article = (doc: string, label: string) => {
    writeWorkspaceFile(`${DIR}/${doc}`, 'The talks ended.\n');
    writeWorkspaceFile(`${DIR}/${doc}.factmark.yaml`, sidecar(doc, label));
  };
  const found = async (label: string) => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', label)).some((x) => x.name.startsWith(`${label}:`));

  it('takes the saved index, and shows a sidecar changed, an article removed and one added while the window was closed', async () => {
    // A reloaded window runs the suite as soon as it can: Factmark may not have started yet.
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    if (!inReloadedWindow()) {
      article('steady.txt', 'steadyreloadtalks');
      article('changed.txt', 'oldreloadtalks');
      article('gone.txt', 'leftreloadtalks');
      await eventually(async () => (await found('steadyreloadtalks')) && (await found('oldreloadtalks')) && (await found('leftreloadtalks')), 'Ctrl+T does not find the three facts', 30_000);
      const saved = await vscode.commands.executeCommand<{ saved?: number }>('factmark.internal.indexSnapshot', { action: 'save' });
      assert.ok((saved.saved ?? 0) >= 3, `the index was saved with its documents: ${JSON.stringify(saved)}`);
      // The saved index is held from here on: these changes are for the next window to find on disk.
      writeWorkspaceFile(`${DIR}/changed.txt.factmark.yaml`, sidecar('changed.txt', 'renewedreloadtalks'));
      fs.rmSync(path.join(workspaceDir(), DIR, 'gone.txt'));
      fs.rmSync(path.join(workspaceDir(), DIR, 'gone.txt.factmark.yaml'));
      article('added.txt', 'addedreloadtalks');
      fs.writeFileSync(marker(), 'saved');
      reloadAfterTheTests();
      return;
    }
    assert.ok(fs.existsSync(marker()), 'the window reloaded, but this suite did not save its index before the reload (its first part failed or did not run)');
    fs.rmSync(marker());
    try {
      const { start } = await vscode.commands.executeCommand<{ start?: { kept: number; reread: number; gone: number } }>('factmark.internal.indexSnapshot', { action: 'start' });
      // What the user sees: Ctrl+T finds what the files hold now, not what the saved index held.
      assert.ok(await found('steadyreloadtalks'), 'the unchanged article is missing after the reload');
      assert.ok(await found('renewedreloadtalks'), 'the sidecar changed while the window was closed is not reflected');
      assert.ok(!(await found('oldreloadtalks')), 'Ctrl+T still finds the fact as it was before the sidecar changed');
      assert.ok(!(await found('leftreloadtalks')), 'Ctrl+T still finds the fact of the deleted article');
      assert.ok(await found('addedreloadtalks'), 'the article added while the window was closed is missing');
      assert.ok(start, 'the reloaded window built its index without the saved one');
      assert.ok(start.kept >= 1 && start.reread >= 2 && start.gone >= 1, `kept the unchanged, read the changed and the new, dropped the gone: ${JSON.stringify(start)}`);
    } finally {
      fs.rmSync(path.join(workspaceDir(), DIR), { recursive: true, force: true });
    }
  });
});
