import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, findNotification, openInEditor, suggestionsFor, workspaceDir } from '../../helpers';
import { readRenderedDecorations, workbench } from '../../workbench';

// The host scenario "restricted" (test/host/run.mjs) opens test/fixtures/restricted with Workspace
// Trust on and the folder not trusted (RELIABILITY-CASES I1, I2). Its .vscode/settings.json sets a
// factmark.patterns entry (Resolution \d+ → MISC) and turns learning on (the lexicon is a workspace file
// too); the user settings set another pattern (Harbour Board → BODY).

const lexiconFile = () => path.join(workspaceDir(), 'factmark.lexicon.yaml');

type Snapshot = { model: { annotations: Array<{ id: string; text: string; type: string }> } };
const annotations = (uri: vscode.Uri) => vscode.commands.executeCommand<Snapshot>('factmark.internal.getAnnotations', uri);

describe('Restricted Mode: an untrusted workspace', function () {
  let notice: vscode.Uri;
  let sidecar: string;
  let sidecarOnDisk: string;

  before(() => {
    notice = vscode.Uri.file(path.join(workspaceDir(), 'notice.txt'));
    sidecar = `${notice.fsPath}.factmark.yaml`;
    sidecarOnDisk = fs.readFileSync(sidecar, 'utf8');
  });

  after(() => closeAllEditors());

  it('runs untrusted, with a regular-expression pattern in the workspace settings', () => {
    // Guards the scenario itself: a trusted run would make every test below prove nothing.
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted: the scenario did not set up Restricted Mode');
    const settings = fs.readFileSync(path.join(workspaceDir(), '.vscode', 'settings.json'), 'utf8');
    assert.match(settings, /Resolution/, 'the fixture lost its workspace pattern');
    const inspected = vscode.workspace.getConfiguration('factmark').inspect<Array<{ type: string }>>('patterns');
    assert.deepEqual(inspected?.globalValue?.map((p) => p.type), ['BODY'], "the user's own pattern is missing");
  });

  it("highlights still work and the user's own pattern applies, but the workspace's pattern is not run", async () => {
    await openInEditor(notice);
    const result = await suggestionsFor(notice);
    const found = result.mentions.map((m) => `${m.type}:${m.text}`);
    assert.ok(found.includes('DATE:Tuesday') && found.includes('PERSON:Elena Vassallo'), `the recognisers did not run: ${found.join(', ')}`);
    assert.ok(found.includes('BODY:Harbour Board'), `the user pattern was not applied: ${found.join(', ')}`);
    assert.ok(!result.mentions.some((m) => m.type === 'MISC' || m.text === 'Resolution 12'), `the workspace pattern ran in Restricted Mode: ${found.join(', ')}`);
    const wb = workbench();
    if (wb) {
      const drawn = await eventually(async () => {
        const r = await wb.evaluate(readRenderedDecorations);
        return r.some((d) => d.text === 'Tuesday') ? r : undefined;
      }, 'the editor did not paint the suggestions');
      assert.ok(!drawn.some((d) => d.text === 'Resolution 12'), 'Resolution 12 is highlighted');
    }
    // The sidecar is read: its confirmed annotation is there.
    assert.ok((await annotations(notice)).model.annotations.some((a) => a.text === 'Elena Vassallo'));
  });

  it('the Factmark view tells what Restricted Mode limits, without a notification', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.commands.executeCommand('factmark.facts.focus');
    const message = await eventually(
      () =>
        wb.evaluate(() => {
          const pane = Array.from(document.querySelectorAll('.pane')).find((p) => /Facts/.test(p.querySelector('.pane-header')?.textContent ?? ''));
          return Array.from(pane?.querySelectorAll('.message, .tree-explorer-viewlet-tree-view-message') ?? []).map((m) => m.textContent ?? '').join(' ');
        }),
      'the Factmark view shows no message',
    );
    assert.match(message, /Restricted Mode/);
    assert.match(message, /factmark\.patterns/);
    assert.match(message, /kept in memory/, 'the view does not say that changes wait for trust');
    await wb.screenshot('restricted-mode-view');
    const toasts = await wb.evaluate(() => Array.from(document.querySelectorAll('.notification-toast')).map((t) => t.textContent ?? ''));
    assert.ok(!toasts.some((t) => /Factmark/.test(t)), `a notification nags at start-up: ${toasts.join(' | ')}`);
  });

  it('annotating keeps the change in memory, writes no file, and says so once', async () => {
    const editor = await openInEditor(notice);
    const text = editor.document.getText();
    const at = text.indexOf('Valletta');
    const after = await vscode.commands.executeCommand<Snapshot>('factmark.internal.editAnnotations', notice, { add: [{ type: 'PLACE', start: at, end: at + 8 }] });
    assert.ok(after.model.annotations.some((a) => a.text === 'Valletta' && a.type === 'PLACE'), 'the annotation was not kept in memory');
    // A barrier: getAnnotations returns once the store has done with the change (written it, or not).
    await vscode.commands.executeCommand('factmark.internal.getAnnotations', notice);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), sidecarOnDisk, 'the sidecar was written in Restricted Mode');
    assert.ok(!fs.existsSync(lexiconFile()), 'the workspace lexicon was written in Restricted Mode');
    const wb = workbench();
    if (wb) {
      const told = await findNotification(wb, 'does not write annotation files in Restricted Mode');
      await vscode.commands.executeCommand('notifications.hideList');
      assert.ok(told, 'no notification says that nothing is written in Restricted Mode');
    }
  });

  it('importing annotations keeps them in memory too, and writes no file', async () => {
    // The brat file comes from outside the workspace, as a download would.
    const ann = path.join(os.tmpdir(), `factmark-restricted-${process.pid}.ann`);
    fs.writeFileSync(ann, 'T1\tORGANIZATION 41 54\tHarbour Board\n');
    try {
      const outcome = await vscode.commands.executeCommand<{ addedAnnotations: number }>('factmark.importAnnotations', { file: vscode.Uri.file(ann), format: 'brat', document: notice });
      assert.equal(outcome?.addedAnnotations, 1);
      // A barrier, not a pause: getAnnotations returns once the store has done with the change (written it, or not).
      assert.ok((await annotations(notice)).model.annotations.some((a) => a.text === 'Harbour Board' && a.type === 'ORGANIZATION'), 'the import is not in memory');
      assert.equal(fs.readFileSync(sidecar, 'utf8'), sidecarOnDisk, 'the import wrote the sidecar in Restricted Mode');
    } finally {
      fs.rmSync(ann, { force: true });
    }
  });

  it('granting trust (Manage Workspace Trust → Trust) writes the kept annotation, even with its document closed, and runs the workspace pattern', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    // The document is closed first: the changes kept in memory must outlive it. Closing its editor
    // closes the document only minutes later, when VS Code lets the model go; a change of language
    // closes it at once (and reopens it as another document), through the very same close event.
    await closeAllEditors();
    const doc = await vscode.workspace.openTextDocument(notice);
    const closed = new Promise<void>((done) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.fsPath === notice.fsPath && d.languageId === 'plaintext') done(sub.dispose());
      });
    });
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await closed;
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.trust.manage');
    const trust = '.workspace-trust-editor .workspace-trust-buttons .monaco-button';
    assert.ok(await wb.waitFor(trust), 'the Workspace Trust editor shows no Trust button');
    await wb.click(trust);
    await eventually(() => vscode.workspace.isTrusted, 'the workspace did not become trusted');
    await eventually(() => /quote: Valletta/.test(fs.readFileSync(sidecar, 'utf8')), 'the annotation kept in memory was not written once trusted, with its document closed');
    assert.match(fs.readFileSync(sidecar, 'utf8'), /quote: Harbour Board/, 'the imported annotation was not written once trusted');
    await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(notice), 'plaintext');
    await openInEditor(notice);
    await eventually(async () => (await suggestionsFor(notice)).mentions.some((m) => m.type === 'MISC' && m.text === 'Resolution 12'), 'the workspace pattern does not run once trusted');
    await eventually(() => /quote: Valletta/.test(fs.readFileSync(sidecar, 'utf8')), 'the annotation kept in memory was not written once trusted');
    await eventually(() => fs.existsSync(lexiconFile()) && /Valletta/.test(fs.readFileSync(lexiconFile(), 'utf8')), 'the lexicon learnt in Restricted Mode was not written once trusted');
  });
});
