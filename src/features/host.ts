import * as vscode from 'vscode';

/**
 * Which extension host runs Factmark. On the desktop and in remotes it is Node's; in VS Code for the
 * Web (vscode.dev, github.dev) it is a browser web worker with no `process`, no disk and no child
 * processes, where the web bundle (dist/web/extension.js) replaces the Node-only modules with stubs
 * that throw. Code that reaches `src/node` or a Node built-in asks here first.
 */
export function inNodeHost(): boolean {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

/**
 * Whether Node's fs can reach `uri`: a `file:` URI in a Node host. In the browser a `file:` URI can
 * exist too (a local folder opened in vscode.dev through the browser's File System Access), but only
 * `vscode.workspace.fs` reaches it.
 */
export function onNodeDisk(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && inNodeHost();
}
