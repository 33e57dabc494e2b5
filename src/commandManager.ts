import * as vscode from 'vscode';
import type { CommandId } from './commands';

/** A Factmark command: its id, declared once in `commands.ts`, and what running it does. */
export interface Command {
  readonly id: CommandId;
  // The arguments are whatever a menu, a keybinding or executeCommand passes: each command checks them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  execute(...args: any[]): unknown;
}

/**
 * The one way Factmark registers its commands (as markdown-language-features' `CommandManager`): only
 * ids of `CommandId`, each once, all disposed with the manager, which `activate()` gives the context.
 * test/integration/suite/commands.test.ts checks that what is registered is what package.json declares.
 */
export class CommandManager implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable>();

  /** Registers `command`; the returned disposable unregisters it early (the manager's dispose does too). */
  register(command: Command): vscode.Disposable {
    if (this.registered.has(command.id)) throw new Error(`command ${command.id} is registered twice`);
    const registration = vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args));
    this.registered.set(command.id, registration);
    return new vscode.Disposable(() => {
      if (this.registered.get(command.id) !== registration) return;
      this.registered.delete(command.id);
      registration.dispose();
    });
  }

  dispose(): void {
    for (const registration of this.registered.values()) registration.dispose();
    this.registered.clear();
  }
}
