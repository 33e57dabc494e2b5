import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, findNotification, openInEditor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { workbench } from '../workbench';
import type { AnnotationsSnapshot } from '../../../src/features/sidecar';
import { KOREA, KOREA_SIDECAR } from '../../fixtures/articles';

const DIR = 'sidecar-copies';
const withoutFacts = (sidecar: string) => sidecar.replace(/^facts:\n[\s\S]*$/m, 'facts: []\n');

/**
 * RELIABILITY-CASES D8: a copy of a sidecar beside it (a sync tool's conflict copy, a merge's
 * leftover) is told of, never loaded as a second sidecar, and can be compared with the sidecar.
 */
describe('Copies of a sidecar beside it (D8)', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** What the copies hold: the sidecar's annotations with a3 (Panmunjom) confirmed where the sidecar has it rejected. */
  const differing = () => withoutFacts(KOREA_SIDECAR).replace('status: rejected', 'status: confirmed');

  /** An article with its sidecar (KOREA's, four annotations) and `copy` beside it holding one more. */
  function articleWithCopy(name: string, copy?: string): { uri: vscode.Uri; copyPath: string } {
    const uri = writeWorkspaceFile(`${DIR}/${name}`, KOREA);
    // Without the fixture's fact: these articles are not about facts, and other suites list the workspace's.
    writeWorkspaceFile(`${DIR}/${name}.factmark.yaml`, withoutFacts(KOREA_SIDECAR).replace('path: korea.txt', `path: ${name}`));
    const copyPath = path.join(workspaceDir(), DIR, copy ?? '');
    if (copy) fs.writeFileSync(copyPath, differing());
    return { uri, copyPath };
  }

  const annotations = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.getAnnotations', uri)).model.annotations;

  it('tells of a copy when the article opens (Factmark\'s own conflict copy of an earlier session), shows only the sidecar\'s annotations, and compares the two on request', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    // A copy the file watcher does not tell of (the writer that makes it does): only the open can.
    const copy = 'synced.txt.factmark.yaml.conflict-20261206T101010';
    const { uri, copyPath } = articleWithCopy('synced.txt', copy);
    await openInEditor(uri);
    const told = await findNotification(wb, copy, /Factmark reads only synced\.txt\.factmark\.yaml/, 30_000);
    assert.ok(told, `no notification told of ${copy}`);
    assert.match(told.message, /compare the two, merge by hand, then delete the copy/);
    // The copy has Panmunjom confirmed; the sidecar, which alone is read, has it rejected.
    assert.equal((await annotations(uri)).find((a) => a.id === 'a3')?.status, 'rejected', 'the copy was read');
    await wb.click(`${told.selector} .monaco-button:text-is("Compare with the Sidecar")`);
    const diff = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'no diff editor opened');
    assert.equal(diff.original.fsPath, copyPath);
    assert.equal(diff.modified.fsPath, uri.fsPath + '.factmark.yaml');
    assert.ok(fs.existsSync(copyPath), 'the copy was touched');
  });

  it('tells of a copy that appears beside the sidecar while the article is open', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    // A merge's leftover, told of at the open: once it is, the open's look at the folder is over, and
    // only the watcher can tell of the copy that comes next.
    const { uri } = articleWithCopy('open.txt', 'open.txt.factmark.yaml.orig');
    await openInEditor(uri);
    assert.ok(await findNotification(wb, 'open.txt.factmark.yaml.orig', /looks like a copy/, 30_000), 'no notification told of the .orig file');
    const copy = "open.txt.factmark (Jane's conflicted copy 2026-12-06).yaml";
    fs.writeFileSync(path.join(workspaceDir(), DIR, copy), KOREA_SIDECAR);
    const told = await findNotification(wb, "Jane's conflicted copy", /beside open\.txt looks like a copy of its annotations/, 30_000);
    assert.ok(told, `no notification told of ${copy}`);
  });

  it('tells of several copies of one sidecar in one notification naming them all, and compares the one picked', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    // Three conflict copies of Factmark's own (which the file watcher leaves to the writer that makes
    // them): only the open tells of them. A sync tool keeps up to ten such copies of a busy sidecar.
    const copies = ['alpha', 'bravo', 'charlie'].map((n) => `many.txt.factmark.yaml.conflict-${n}`);
    const { uri } = articleWithCopy('many.txt');
    for (const copy of copies) fs.writeFileSync(path.join(workspaceDir(), DIR, copy), KOREA_SIDECAR);
    await openInEditor(uri);
    const told = await findNotification(wb, '3 files beside many.txt', /look like copies of its annotations/, 30_000);
    assert.ok(told, 'no notification told of the three copies');
    for (const copy of copies) assert.ok(told.message.includes(copy), `${copy} is not named`);
    await vscode.commands.executeCommand('notifications.showList');
    const count = async () =>
      wb.evaluate(() => Array.from(document.querySelectorAll('.notifications-center .notification-list-item')).filter((e) => (e.textContent ?? '').includes('many.txt.factmark.yaml.conflict-')).length);
    await eventually(async () => (await count()) >= 1, 'the notification is not in the notification centre');
    assert.equal(await count(), 1, 'one notification per copy');
    await vscode.commands.executeCommand('notifications.hideList');
    const again = await findNotification(wb, '3 files beside many.txt', /look like copies of its annotations/);
    assert.ok(again, 'the notification is gone');
    await wb.click(`${again.selector} .monaco-button:text-is("Compare with the Sidecar")`);
    await wb.typeInQuickInput('bravo');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const diff = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'no diff editor opened');
    assert.equal(path.basename(diff.original.fsPath), copies[1]);
    assert.equal(diff.modified.fsPath, uri.fsPath + '.factmark.yaml');
  });

  it('does not look beside an article opened in the background (as the timeline and relinking open them), only once it is shown', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    const conflict = (name: string) => `${name}.factmark.yaml.conflict-20261206T101010`;
    const hidden = articleWithCopy('hidden.txt', conflict('hidden.txt'));
    const background = await vscode.workspace.openTextDocument(hidden.uri);
    await eventually(async () => (await annotations(hidden.uri)).length > 0, 'the background article was not loaded');
    // An article shown after it: its notification comes, the background one's does not come before it.
    const shown = articleWithCopy('shown.txt', conflict('shown.txt'));
    await openInEditor(shown.uri);
    assert.ok(await findNotification(wb, conflict('shown.txt'), /looks like a copy/, 30_000), 'no notification told of the shown article\'s copy');
    const messages = await wb.evaluate(() => Array.from(document.querySelectorAll('.notification-list-item-message')).map((m) => m.textContent ?? ''));
    assert.ok(!messages.some((m) => m.includes(conflict('hidden.txt'))), `told of a copy beside an article never shown: ${JSON.stringify(messages)}`);
    await vscode.window.showTextDocument(background);
    assert.ok(await findNotification(wb, conflict('hidden.txt'), /looks like a copy/, 30_000), 'not told of the copy once the article was shown');
  });
  it('tells again of a copy deleted and made again under the same name (the next sync conflict)', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    const { uri } = articleWithCopy('again.txt');
    await openInEditor(uri);
    const copy = 'again.txt.factmark.sync-conflict-20261206-101010-ABCD123.yaml';
    const copyPath = path.join(workspaceDir(), DIR, copy);
    fs.writeFileSync(copyPath, differing());
    assert.ok(await findNotification(wb, copy, /looks like a copy/, 30_000), `no notification told of ${copy}`);
    await vscode.commands.executeCommand('notifications.clearAll');
    // The user merged it and deleted it. The extension hears of the delete through the same file events
    // as a watcher of the test's own, and in the same dispatch: once this one has it, so has Factmark.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.factmark*', true, true, false);
    let heard = false;
    const listener = watcher.onDidDelete((deleted) => (heard ||= deleted.fsPath === copyPath));
    try {
      fs.rmSync(copyPath);
      await eventually(() => heard, 'the delete of the copy was not heard');
    } finally {
      listener.dispose();
      watcher.dispose();
    }
    // A later conflict leaves a copy of the same name.
    fs.writeFileSync(copyPath, differing());
    assert.ok(await findNotification(wb, copy, /looks like a copy/, 30_000), `not told of ${copy} made again after it was deleted`);
  });

  it('says nothing of a copy that holds nothing the sidecar does not (a link to the sidecar, a byte-for-byte copy), at the open and when one appears', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    const { uri } = articleWithCopy('same.txt', 'same.txt.factmark.yaml.orig');
    const sidecarPath = uri.fsPath + '.factmark.yaml';
    const folder = path.dirname(sidecarPath);
    const link = 'same.txt.factmark (1).yaml';
    fs.symlinkSync('same.txt.factmark.yaml', path.join(folder, link));
    const identical = 'same.txt.factmark.sync-conflict-20261206-101010-ABCD123.yaml';
    fs.copyFileSync(sidecarPath, path.join(folder, identical));
    await openInEditor(uri);
    // Only the .orig, which differs, is told of: alone, not as one of three.
    const told = await findNotification(wb, 'same.txt.factmark.yaml.orig', /beside same\.txt looks like a copy of its annotations/, 30_000);
    assert.ok(told, 'no notification told of the .orig file alone');
    const messages = async () => wb.evaluate(() => Array.from(document.querySelectorAll('.notification-list-item-message')).map((m) => m.textContent ?? ''));
    const named = (ms: string[], name: string) => ms.filter((m) => m.includes(name));
    assert.deepEqual([...named(await messages(), link), ...named(await messages(), identical)], [], 'told of a copy that holds what the sidecar does');
    // While the article is shown: a byte-for-byte copy appears, then one that differs, each written
    // whole under another name and renamed, as sync tools do (a copy heard of half-written differs).
    await vscode.commands.executeCommand('notifications.clearAll');
    const appear = (name: string, content: string) => {
      fs.writeFileSync(path.join(folder, '.incoming.tmp'), content);
      fs.renameSync(path.join(folder, '.incoming.tmp'), path.join(folder, name));
    };
    const laterSame = 'same.txt.factmark (2).yaml';
    appear(laterSame, fs.readFileSync(sidecarPath, 'utf8'));
    const laterDiffering = 'same.txt.factmark (3).yaml';
    appear(laterDiffering, differing());
    assert.ok(await findNotification(wb, laterDiffering, /looks like a copy/, 30_000), `no notification told of ${laterDiffering}`);
    assert.deepEqual(named(await messages(), laterSame), [], `told of ${laterSame}, the same as the sidecar`);
  });
});
