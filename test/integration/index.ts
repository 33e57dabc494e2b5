import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { ranWithoutWorkbench, testStarted } from './workbench';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
}

/**
 * Entry point VS Code calls inside the extension host (extensionTestsPath). Runs every suite in
 * ./suite, or in the folder FACTMARK_SUITES names (a host scenario's own suites, e.g.
 * scenarios/multi-root), and, when FACTMARK_TEST_RESULTS is set (the offline host), writes the
 * outcome to that file for the driver, which cannot see the extension host's exit code.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const dir = path.join(__dirname, process.env.FACTMARK_SUITES ?? 'suite');
  const only = process.env.FACTMARK_TEST_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  const tests: TestOutcome[] = [];
  const failures: Array<{ title: string; error: string }> = [];
  const counts = await new Promise<{ passed: number; failed: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => undefined);
    runner.on('test', (t) => testStarted(t.fullTitle()));
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed' }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) => {
      tests.push({ title: t.fullTitle(), state: 'failed' });
      failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
    });
    runner.on('end', () =>
      resolve({
        passed: tests.filter((t) => t.state === 'passed').length,
        failed: failures.length,
        pending: tests.filter((t) => t.state === 'pending').length,
      }),
    );
  });
  if (ranWithoutWorkbench.size > 0) {
    // Not silent: these passed without the part that looks at the rendered workbench.
    console.log(`\n${ranWithoutWorkbench.size} test(s) ran without their workbench part (no workbench page in this host):`);
    for (const title of ranWithoutWorkbench) console.log(`  - ${title}`);
  }
  const resultsFile = process.env.FACTMARK_TEST_RESULTS;
  if (resultsFile) {
    const tmp = `${resultsFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ...counts, tests, failures }, null, 2));
    fs.renameSync(tmp, resultsFile);
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} integration tests failed`);
}
