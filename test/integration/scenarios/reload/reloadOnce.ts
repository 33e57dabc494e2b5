import * as vscode from 'vscode';

/**
 * One window reload shared by the suites of the reload scenario: a test that needs one asks for it
 * before the reload (and checks after it, when its own marker file says so); after the last test
 * the window reloads once, which ends this extension host, and the reloaded window runs the suites
 * again. Each suite still passes alone (the reload happens whichever of them asked).
 */
let asked = false;

export function reloadAfterTheTests(): void {
  asked = true;
}

after(async function () {
  if (!asked) return;
  this.timeout(0);
  // The reload ends this extension host (its pending command is then cancelled: not a failure);
  // the reloaded window runs the suites again. Nothing is reported from this window.
  void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined);
  await new Promise(() => undefined);
});
