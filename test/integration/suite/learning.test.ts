import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, copySampleArticle, eventually, openInEditor, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';

describe('Suggestions learn from the workspace lexicon and the user patterns', () => {
  let uri: vscode.Uri;
  const lexiconFile = () => path.join(workspaceDir(), 'factmark.lexicon.yaml');

  before(async function () {
    // The host turns learning off for the other suites (test/host/run.mjs); this one is about it.
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', true, vscode.ConfigurationTarget.Global);
    uri = copySampleArticle(this);
    await openInEditor(uri);
  });

  after(async () => {
    // Leave no annotated document behind for later suites (navigation across documents would find it).
    const annotated = await vscode.commands.executeCommand<{ model: { annotations: Array<{ id: string }> } }>('factmark.internal.getAnnotations', uri);
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, { remove: annotated.model.annotations.map((a) => a.id) });
    fs.rmSync(lexiconFile(), { force: true });
    fs.rmSync(path.join(workspaceDir(), 'dispatch.txt'), { force: true });
    await vscode.workspace.getConfiguration('factmark').update('suggestions.learn', false, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('factmark').update('patterns', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('suggests a confirmed text with its confirmed type and drops a rejected suggestion', async () => {
    const before = await suggestionsFor(uri);
    assert.ok(before.mentions.some((m) => m.text === 'Ukraine' && m.type === 'PLACE'), 'precondition: Ukraine is suggested as a place');
    fs.writeFileSync(
      lexiconFile(),
      [
        'factmark-lexicon: 1',
        'confirmed:',
        '  - { text: "Demilitarized Zone", type: PLACE }',
        '  - { text: "Weapons of Mass Destruction", type: MISC }',
        'rejected:',
        '  - { text: Ukraine, type: PLACE }',
        '',
      ].join('\n'),
    );
    const after = await eventually(async () => {
      const r = await suggestionsFor(uri);
      return r.mentions.some((m) => m.text === 'Demilitarized Zone' && m.type === 'PLACE') ? r : undefined;
    }, 'the confirmed text is not suggested with its type');
    assert.ok(!after.mentions.some((m) => m.text === 'Ukraine' && m.type === 'PLACE'), 'the rejected suggestion is still offered');
    assert.ok(after.mentions.some((m) => m.text === 'Weapons of Mass Destruction' && m.type === 'MISC'));
    assert.ok(!after.mentions.some((m) => m.text === 'Mass' && m.type === 'PLACE'), 'the model suggestion inside a confirmed text survived');
  });

  it('learns a confirmed annotation and suggests it in another document of the workspace', async () => {
    const document = (await openInEditor(uri)).document;
    const start = document.getText().indexOf('Panmunjeom');
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, {
      add: [{ start, end: start + 'Panmunjeom'.length, type: 'PLACE', status: 'confirmed' }],
    });
    await eventually(
      () => fs.existsSync(lexiconFile()) && /text: "Panmunjeom", type: "PLACE"/.test(fs.readFileSync(lexiconFile(), 'utf8')),
      'the confirmed annotation did not reach factmark.lexicon.yaml',
    );
    const other = writeWorkspaceFile('dispatch.txt', 'Officers met again at Panmunjeom on Friday.\n');
    await openInEditor(other);
    const result = await eventually(async () => {
      const r = await suggestionsFor(other);
      return r.mentions.some((m) => m.text === 'Panmunjeom' && m.type === 'PLACE') ? r : undefined;
    }, 'Panmunjeom is not suggested as a place in the other document');
    assert.ok(result);
  });

  it('suggests the matches of a pattern from the settings', async () => {
    await vscode.workspace.getConfiguration('factmark').update('patterns', [{ pattern: 'armistice', type: 'MISC' }], vscode.ConfigurationTarget.Workspace);
    const result = await eventually(async () => {
      const r = await suggestionsFor(uri);
      return r.mentions.filter((m) => m.text === 'armistice').length >= 3 ? r : undefined;
    }, 'the pattern matches are not suggested');
    assert.ok(result.mentions.filter((m) => m.text === 'armistice').every((m) => m.type === 'MISC'));
  });
});
