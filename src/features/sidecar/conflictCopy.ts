import * as vscode from 'vscode';
import { writeTextAtomic } from './files';

/**
 * RELIABILITY-CASES D10: when the sidecar on disk cannot be read (a syntax error, bad bytes) and the
 * user changes annotations anyway, the changes go to a copy beside it,
 * `<name>.factmark.yaml.conflict-<time>`, instead of living in memory only; the broken file is
 * never touched. One copy per document and session, rewritten with each change.
 */
export async function writeConflictCopy(sidecar: vscode.Uri, existing: vscode.Uri | undefined, content: string): Promise<vscode.Uri> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const target = existing ?? sidecar.with({ path: `${sidecar.path}.conflict-${stamp}` });
  await writeTextAtomic(target, content);
  return target;
}
