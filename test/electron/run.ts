import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:electron`: the same integration suite under @vscode/test-electron, which downloads
 * desktop VS Code (where the network allows). Tests that look at the workbench DOM skip here.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-electron-'));
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  const userData = path.join(workspace, '..', `${path.basename(workspace)}-user`);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'git.openRepositoryInParentFolders': 'never' }),
  );
  await runTests({
    version: process.env.FACTMARK_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`],
    // Texts kept for re-anchoring (src/node/textStore.ts): a store of this run's own, as test/host/run.mjs
    // gives its runs; unset, the extension under test would read and fill the user's cache folder.
    extensionTestsEnv: { FACTMARK_SHARED: path.resolve(root, '../shared'), FACTMARK_TEXT_STORE: `${workspace}-texts` },
  });
}

main().catch((err) => {
  console.error(`test:electron failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
