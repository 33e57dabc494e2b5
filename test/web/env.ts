import * as vscode from 'vscode';
import { closeAllEditors } from '../integration/helpers';
import { Workbench } from '../integration/workbench';

/**
 * What the driver (test/host/run.mjs) tells the web suite. The web worker has no `process.env`, so
 * the driver writes `web-env.json` beside the workspace folder and the suite reads it through
 * `vscode.workspace.fs` (a `vscode-remote:` URI reaches the server's disk).
 */
export interface WebEnv {
  /** The probe server that looks at and acts on the workbench page (test/host/probe.mjs). */
  probeUrl: string;
  /** FACTMARK_TEST_GREP, when set. */
  grep?: string;
  /** The folder of the Factmark under test on the server's disk: this checkout, or the copy installed from the .vsix. */
  extensionPath: string;
}

/** A file beside the workspace folder (the run's own folder). */
export function besideWorkspace(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, '..', name);
}

let env: WebEnv | undefined;

export async function readEnv(): Promise<WebEnv> {
  env ??= JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(besideWorkspace('web-env.json')))) as WebEnv;
  return env;
}

/** The workbench page; the web scenario always has one. */
export async function page(): Promise<Workbench> {
  return new Workbench((await readEnv()).probeUrl);
}

/**
 * A folder of the workspace for one suite (call it inside `describe`): made before the suite and
 * deleted after it, editors closed; `uri` names a file in it, `write`
 * writes one through `vscode.workspace.fs`.
 */
export function suiteFolder(name: string): { uri(file: string): vscode.Uri; write(file: string, text: string): Promise<vscode.Uri> } {
  let folder: vscode.Uri | undefined;
  before(async () => {
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root) throw new Error('the web scenario opens a workspace folder');
    folder = vscode.Uri.joinPath(root.uri, name);
    await vscode.workspace.fs.createDirectory(folder);
  });
  after(async () => {
    await closeAllEditors();
    if (folder) await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  });
  const uri = (file: string) => {
    if (!folder) throw new Error(`${name} is made before the suite runs`);
    return vscode.Uri.joinPath(folder, file);
  };
  return {
    uri,
    async write(file, text) {
      await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(text));
      return uri(file);
    },
  };
}
