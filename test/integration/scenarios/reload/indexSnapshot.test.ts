import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceDir } from '../../helpers';
import { ClosedWindowChanges } from '../../indexSnapshotSteps';
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
  const changes = new ClosedWindowChanges(DIR, 'reload');

  it('takes the saved index, and shows a sidecar changed, an article removed and one added while the window was closed', async () => {
    // A reloaded window runs the suite as soon as it can: Factmark may not have started yet.
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    if (!inReloadedWindow()) {
      // The saved index is held from here on: the changes are for the next window to find on disk.
      await changes.saveThenChange();
      fs.writeFileSync(marker(), 'saved');
      reloadAfterTheTests();
      return;
    }
    assert.ok(fs.existsSync(marker()), 'the window reloaded, but this suite did not save its index before the reload (its first part failed or did not run)');
    fs.rmSync(marker());
    try {
      const { start } = await vscode.commands.executeCommand<{ start?: { kept: number; reread: number; gone: number } }>('factmark.internal.indexSnapshot', { action: 'start' });
      await changes.assertReflected(start);
    } finally {
      changes.remove();
    }
  });
});
