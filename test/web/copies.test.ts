import * as assert from 'assert';
import * as vscode from 'vscode';
import { KOREA, KOREA_SIDECAR } from '../fixtures/articles';
import { findNotification } from '../integration/helpers';
import { page, suiteFolder } from './env';

// Copies of a sidecar (RELIABILITY-CASES D8) on the web: the folder is listed, and the copy watched,
// through `vscode.workspace.fs` (`vscode-remote:` URIs), with no Node in the extension host.

describe('Copies of a sidecar on the web (D8)', function () {
  this.timeout(120_000);
  const { write } = suiteFolder('web-copies');

  it('tells of a copy beside an article that has no sidecar of its own when the article opens (the folder listed through workspace.fs)', async () => {
    const article = await write('synced.txt', KOREA);
    // Factmark's own conflict copy of an earlier session, which the file watcher leaves to the writer
    // that makes it: only the open's listing of the folder can tell of it.
    const copy = 'synced.txt.factmark.yaml.conflict-20261206T101010';
    await write(copy, KOREA_SIDECAR.replace('path: korea.txt', 'path: synced.txt'));
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.window.showTextDocument(article);
    const told = await findNotification(await page(), copy, /Factmark reads only synced\.txt\.factmark\.yaml/, 30_000);
    assert.ok(told, `no notification told of ${copy}`);
    assert.match(told.message, /synced\.txt\.factmark\.yaml itself is missing; rename the copy to it/);
  });

  it('tells of the copy that differs from the sidecar and not of one the same, byte for byte (both read through workspace.fs)', async () => {
    const sidecar = KOREA_SIDECAR.replace(/^facts:\n[\s\S]*$/m, 'facts: []\n').replace('path: korea.txt', 'path: same.txt');
    const article = await write('same.txt', KOREA);
    await write('same.txt.factmark.yaml', sidecar);
    await write('same.txt.factmark (1).yaml', sidecar);
    await write('same.txt.factmark.yaml.orig', sidecar.replace('status: rejected', 'status: confirmed'));
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.window.showTextDocument(article);
    const wb = await page();
    // Alone, not as one of two.
    const told = await findNotification(wb, 'same.txt.factmark.yaml.orig', /beside same\.txt looks like a copy of its annotations/, 30_000);
    assert.ok(told, 'no notification told of the .orig file alone');
    const messages = await wb.evaluate(() => Array.from(document.querySelectorAll('.notification-list-item-message')).map((m) => m.textContent ?? ''));
    assert.deepEqual(messages.filter((m) => m.includes('same.txt.factmark (1).yaml')), [], 'told of the copy the same as the sidecar');
  });
});
