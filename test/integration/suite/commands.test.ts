import * as assert from 'assert';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/commands';
import { EXTENSION_ID } from '../helpers';

/**
 * What the command palette, menus and keybindings can run is what Factmark registers (issue 13): a
 * command declared in package.json but not registered fails with "command not found" when a user picks it.
 */
describe('Commands: declared and registered agree', () => {
  let registered: Set<string>;
  let manifest: { contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string }>> } };

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'Factmark is not installed');
    await ext.activate();
    manifest = ext.packageJSON;
    registered = new Set((await vscode.commands.getCommands(true)).filter((id) => id.startsWith('factmark.')));
  });

  it('registers every command package.json declares, and every id of CommandId', () => {
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'declared but not registered');
    assert.deepEqual(Object.values(CommandId).filter((id) => !registered.has(id)), [], 'in CommandId but not registered');
  });

  it('declares every command it registers, unless the command is internal', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    // VS Code adds commands of its own for each view (factmark.facts.focus, …).
    const views = Object.values(manifest.contributes.views).flat().map((v) => `${v.id}.`);
    const undeclared = [...registered].filter((id) => !declared.has(id) && !id.includes('.internal.') && !views.some((v) => id.startsWith(v)));
    assert.deepEqual(undeclared, [], 'registered but neither declared in package.json nor internal');
  });
});
