import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_LEARNING, Learner } from '../../../../src/core/learning';
import { EXTENSION_ID, closeAllEditors, eventually, findNotification, openInEditor, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../../helpers';
import { workbench } from '../../workbench';
import { inReloadedWindow, reloadAfterTheTests } from './reloadOnce';

/**
 * Corrections learnt on an earlier entity model (the trust follow-up of issue 14). The saved corrections
 * are read once, when Factmark starts: the first window puts a corrections file saved before Factmark
 * recorded the model (no `model` field, as every file saved until now) in the workspace storage; the
 * reloaded window starts with learning off (the scenario's setting), where the corrections are not
 * used: it must say nothing and leave the file as it is. Once learning is on, it must say so, keep a
 * copy of the file as it was, keep using the corrections (measured: they still help on the new model,
 * README "Learning from you"), and reset them on request.
 */
describe('Corrections learnt on an earlier entity model, after an update', function () {
  this.timeout(120_000);
  const marker = () => path.join(workspaceDir(), '.factmark-stale-corrections-phase');
  // A made-up company confirmed where the shipped model reads it as one; elsewhere the model reads it as a person.
  const taught = 'Shares of Velmora rose after the report.';
  const elsewhere = 'The talks with Velmora ended.\n';
  const velmora = async (uri: vscode.Uri) => (await suggestionsFor(uri)).mentions.find((m) => m.text === 'Velmora')?.type;

  it('says nothing while learning is off; once on, says the model was updated, keeps the corrections and a copy of the file, and resets them on request', async function () {
    const wb = workbench();
    if (!wb) this.skip(); // the message is read from the real workbench page
    // A reloaded window runs the suite as soon as it can: Factmark may not have started yet.
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    // Answered once the saved corrections were read.
    const where = await vscode.commands.executeCommand<string | undefined>('factmark.internal.getModelCorrectionsFile');
    if (!where) this.skip(); // no workspace storage: the corrections last for the session only
    const file = vscode.Uri.parse(where!).fsPath;
    const backup = path.join(path.dirname(file), 'ner-adjustments.earlier.json');
    if (!inReloadedWindow()) {
      // Corrections as the extension saved them before they carried their model's identity.
      const learner = new Learner({ ...DEFAULT_LEARNING, names: false });
      learner.decide('taught', taught, [{ start: 10, end: 17, text: 'Velmora', type: 'ORGANIZATION', status: 'confirmed' }]);
      const { model: _, ...unstamped } = learner.model.adjustments.toJSON();
      assert.ok(unstamped.rows.length > 0, 'precondition: the decision corrects the model');
      const saved = JSON.stringify(unstamped);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.rmSync(backup, { force: true });
      fs.writeFileSync(file, saved);
      fs.writeFileSync(marker(), saved);
      reloadAfterTheTests();
      return;
    }
    assert.ok(fs.existsSync(marker()), 'the window reloaded, but this suite did not write its corrections before the reload (its first part failed or did not run)');
    const saved = fs.readFileSync(marker(), 'utf8');
    fs.rmSync(marker());
    const other = writeWorkspaceFile('stale-corrections.txt', elsewhere);
    try {
      // Learning is off (the scenario's user setting): the corrections are not used, so an update of the
      // model is no news, and the file is left as it was (told about once learning is on).
      assert.equal(vscode.workspace.getConfiguration('factmark').get('suggestions.learn'), false, 'precondition: learning is off in the reloaded window');
      assert.equal(fs.readFileSync(file, 'utf8'), saved, 'with learning off, the corrections file was changed');
      assert.ok(!fs.existsSync(backup), 'with learning off, the corrections file was copied aside');
      const shown = await wb!.evaluate(() => Array.from(document.querySelectorAll('.notification-toast, .notification-list-item')).map((e) => e.textContent ?? ''));
      assert.ok(!shown.some((m) => m.includes('entity model was updated')), `with learning off, a message says the model was updated: ${shown.join(' | ')}`);
      await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', true, vscode.ConfigurationTarget.Global);
      const notice = await findNotification(wb!, 'entity model was updated', /learnt from your decisions .* kept/, 30_000);
      assert.ok(notice, 'no message says that the corrections were learnt on an earlier model');
      assert.ok(notice.message.includes('ner-adjustments.earlier.json'), `the message does not say where the copy is: ${notice.message}`);
      // The user's file is kept as it was, beside the corrections now in use (saved with this model's identity).
      assert.equal(fs.readFileSync(backup, 'utf8'), saved, 'the copy of the earlier corrections is not the file as it was');
      const current = await eventually(() => {
        const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { model?: string; rows: unknown[] };
        return typeof data.model === 'string' ? data : undefined;
      }, 'the corrections were not saved with the model they are now used with');
      assert.deepEqual(current.rows, (JSON.parse(saved) as { rows: unknown[] }).rows, 'the corrections in use are not the ones learnt');
      // Kept: the confirmed company is read as one in another article (there is no lexicon: the model's correction does it).
      await openInEditor(other);
      assert.equal(await eventually(async () => (await velmora(other)) === 'ORGANIZATION' && 'ORGANIZATION', 'the kept corrections do not apply'), 'ORGANIZATION');
      await wb!.click(`${notice.selector} .monaco-button:text-is("Reset Learnt Corrections")`);
      await vscode.commands.executeCommand('notifications.hideList');
      await eventually(async () => (await velmora(other)) === 'PERSON', 'after the reset, the shipped model does not read the name as before');
      await eventually(() => (JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: unknown[] }).rows.length === 0, 'the reset corrections were not saved');
      assert.equal(fs.readFileSync(backup, 'utf8'), saved, 'the reset touched the copy of the earlier corrections');
      // The message's button is the Command Palette's reset: it says so, with its copy, and offers Undo.
      const done = await findNotification(wb!, 'were reset', /learnt from your decisions were reset \(a copy is kept as ner-adjustments\.[0-9a-f]+\.json\)/, 20_000);
      await vscode.commands.executeCommand('notifications.hideList');
      assert.ok(done, 'the reset from the message does not say it was done, nor where its copy is');
    } finally {
      await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
      await closeAllEditors();
      fs.rmSync(other.fsPath, { force: true });
      // The copies: the one of the update, and the one the reset keeps.
      for (const name of fs.readdirSync(path.dirname(file))) if (/^ner-adjustments\..+\.json$/.test(name)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
      fs.rmSync(file, { force: true });
    }
  });
});
