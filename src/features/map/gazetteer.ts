import * as vscode from 'vscode';
import { Gazetteer } from '../../core/places';

let loading: Promise<Gazetteer> | undefined;

/**
 * The offline gazetteer shipped beside the bundle (dist/gazetteer.tsv, built by scripts/gazetteer.mjs),
 * read once on first use with vscode.workspace.fs (so it works in the web extension host too).
 */
export function loadGazetteer(extensionUri: vscode.Uri): Promise<Gazetteer> {
  loading ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'gazetteer.tsv'))).then(
    (bytes) => Gazetteer.parse(new TextDecoder().decode(bytes)),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
