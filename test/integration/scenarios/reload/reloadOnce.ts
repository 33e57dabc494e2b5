import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Suite } from 'mocha';

/**
 * One window reload shared by the suites of the reload scenario: a test that needs one does its
 * first part and asks for it (in the first window); after the last test the window reloads once,
 * which ends this extension host, and the reloaded window runs the suites again, where each checks
 * what came back. Each suite still passes alone (the reload happens whichever of them asked).
 *
 * The reload happens only when every test of this window passed: otherwise mocha ends here and the
 * failure is reported (a reloaded window would run the failed suite's first part again and ask for
 * another reload, window after window). Which window this is, is told by the scenario's own marker,
 * written just before the reload: in the second window a suite never asks again, and one whose first
 * part did not finish fails saying so.
 */
const MARKER = '.factmark-reload-second-window';
const markerFile = (): string | undefined => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && path.join(folder.uri.fsPath, MARKER);
};

// Read (and removed) once, when the suites load: a later run of the scenario starts as a first window.
const second = ((): boolean => {
  const file = markerFile();
  if (!file || !fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
})();
let asked = false;

/** Whether this is the window reloaded by the scenario, where the suites check what came back. */
export function inReloadedWindow(): boolean {
  return second;
}

export function reloadAfterTheTests(): void {
  if (second) throw new Error('a test asked for a second window reload; each asks once, in the first window');
  asked = true;
}

/** Whether a test or a hook failed anywhere under `suite`. */
function anyFailed(suite: Suite): boolean {
  // Mocha keeps a suite's hooks in these (untyped) lists, and marks a failed hook as it marks a test.
  const lists = suite as unknown as Record<string, Array<{ state?: string }> | undefined>;
  const hooks = ['_beforeAll', '_beforeEach', '_afterEach', '_afterAll'].flatMap((k) => lists[k] ?? []);
  return [...suite.tests, ...hooks].some((t) => t.state === 'failed') || suite.suites.some(anyFailed);
}

after(async function () {
  if (!asked || second) return;
  let root = this.test?.parent;
  while (root?.parent) root = root.parent;
  // A failure here is reported from this window; the other suites' checks after the reload are not run.
  if (root && anyFailed(root)) return;
  this.timeout(120_000);
  const file = markerFile();
  if (!file) throw new Error('the reload scenario needs a workspace folder');
  fs.writeFileSync(file, 'reloaded by the reload scenario\n');
  // The reload ends this extension host; whether the command settles first (or is cancelled by the
  // reload) does not matter. If this host is still alive a minute after it settled, the window did
  // not reload: a failure, reported from here, rather than a wait until the host's results timeout.
  const reason = await vscode.commands.executeCommand('workbench.action.reloadWindow').then(
    () => 'the reload command returned, but the window did not reload',
    (e: unknown) => `the reload command failed: ${String(e)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  fs.rmSync(file, { force: true });
  throw new Error(`${reason}; the window had not reloaded a minute later`);
});
