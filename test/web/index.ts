// Mocha's browser build defines the `mocha` global: Node's mocha cannot run in a web worker.
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { besideWorkspace, readEnv } from './env';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
}

/**
 * Entry point VS Code calls inside the web worker extension host (extensionTestsPath of the web
 * scenario, bundled by test/host/web.mjs). Runs the suites of test/web and writes the outcome to
 * `results.json` beside the workspace folder, through `vscode.workspace.fs`, for the driver.
 */
export async function run(): Promise<void> {
  const { grep } = await readEnv();
  mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: 'spec', color: false });
  if (grep) mocha.grep(grep);
  // After setup, which defines describe/it for the suites.
  await import('./web.test');
  await import('./import.test');
  await import('./pictures.test');
  await import('./copies.test');
  await import('./anchoring.test');
  const tests: TestOutcome[] = [];
  const failures: Array<{ title: string; error: string }> = [];
  await new Promise<void>((resolve) => {
    // Mocha's own prototype run: the browser build's `mocha.run` reads `location.search`, and the
    // extension host's worker has no `location`.
    const runner = Mocha.prototype.run.call(mocha, () => resolve());
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) => {
      tests.push({ title: t.fullTitle(), state: 'failed' });
      failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
  const counts = {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: failures.length,
    pending: tests.filter((t) => t.state === 'pending').length,
  };
  const bytes = new TextEncoder().encode(JSON.stringify({ ...counts, tests, failures }, null, 2));
  // Written under another name, then renamed: the driver never reads half a file.
  const tmp = besideWorkspace('results.json.tmp');
  await vscode.workspace.fs.writeFile(tmp, bytes);
  await vscode.workspace.fs.rename(tmp, besideWorkspace('results.json'), { overwrite: true });
  if (counts.failed > 0) throw new Error(`${counts.failed} web tests failed`);
}
