import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, findNotification } from '../helpers';
import { workbench } from '../workbench';

/** The tests' own way to a notification: it must click the one meant, not another with the same words. */
describe('Notifications as the tests find them (findNotification)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('clicks the button of the notification its pattern names, when another shares its text', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.commands.executeCommand('notifications.clearAll');
    const answers: string[] = [];
    // The older one is meant; the newer shows first.
    void vscode.window.showInformationMessage('Factmark test: one of two notices, the older', 'Pick').then((a) => a && answers.push(`older: ${a}`));
    void vscode.window.showInformationMessage('Factmark test: one of two notices, the newer', 'Pick').then((a) => a && answers.push(`newer: ${a}`));
    await eventually(async () => (await wb.evaluate(() => document.querySelectorAll('.notification-toast').length)) >= 2, 'the two notices do not show', 30_000);
    const older = await findNotification(wb, 'one of two notices', /the older/);
    assert.ok(older, 'the older notice is not found');
    assert.match(older.message, /the older/);
    await wb.click(`${older.selector} .monaco-button:text-is("Pick")`);
    await eventually(() => answers.length > 0, 'no notice was answered', 30_000);
    assert.deepEqual(answers, ['older: Pick'], 'the click answered another notice');
  });
});
