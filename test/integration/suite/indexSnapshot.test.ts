import * as vscode from 'vscode';
import { ClosedWindowChanges } from '../indexSnapshotSteps';

/**
 * Issue 15, item 6: the workspace index is kept in the workspace's storage, so a reopened
 * workspace takes it instead of reading every sidecar, yet never trusts it blindly. The reopening
 * is driven through an internal command (it forgets the index and builds it as a new window does):
 * the reload scenario's window reload is not used here.
 */
describe('The workspace index kept between sessions (issue 15)', function () {
  this.timeout(120_000);
  const changes = new ClosedWindowChanges('warm-start', '');

  after(() => changes.remove());

  it('a reopened workspace takes the saved index, and shows a sidecar changed, an article removed and one added while it was closed', async () => {
    await changes.saveThenChange();
    const { start } = await vscode.commands.executeCommand<{ start?: { kept: number; reread: number; gone: number } }>('factmark.internal.indexSnapshot', { action: 'reopen' });
    await changes.assertReflected(start);
  });
});
