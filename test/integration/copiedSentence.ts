import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { gitBlobSha1 } from '../../src/core/sidecar';
import type { AnnotationsSnapshot } from '../../src/features/sidecar';
import { openInEditor } from './helpers';

// Issue 11's case of one sentence twice: the second mention annotated, then the article edited
// outside VS Code (a paragraph added on top, words put in front of the second copy). Quote and
// context agree with both mentions; only the old text (git, a kept copy, the sentence fingerprints)
// tells which one was annotated. Shared by the tests of each way of knowing it.

const LINE = 'Ben Salah said Tunisia would ask for funding.';
/** The article the sidecar was written on. */
export const OLD = `Talks\n\n${LINE}\n\n${LINE}\n`;
/** The article as edited outside VS Code. */
export const CHANGED = OLD.replace('Talks\n', 'Talks resume\n\nA new first paragraph.\n').replace(`${LINE}\n\n${LINE}`, `${LINE}\n\nIn Brussels, ${LINE}`);

/** A sidecar of {@link OLD} named for `name`, the second mention annotated; `documentLines` go under `gitBlob`. */
export function sidecarOnSecond(name: string, documentLines: string[] = []): string {
  const second = OLD.lastIndexOf('Ben Salah');
  return ['factmark: 1', 'document:', `  path: ${name}`, `  gitBlob: ${gitBlobSha1(OLD)}`, ...documentLines, 'offsets: codepoints', 'annotations:', '  - id: a1', '    type: PERSON', `    start: ${second}`, `    end: ${second + 9}`, '    quote: Ben Salah', '    status: confirmed', ''].join('\n');
}

/** Writes {@link CHANGED} to `file`, opens it, and checks the annotation stands on the second mention. */
export async function expectOnSecondAfterEdit(file: string): Promise<void> {
  fs.writeFileSync(file, CHANGED);
  const uri = vscode.Uri.file(file);
  await openInEditor(uri);
  const live = await vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.getAnnotations', uri);
  assert.ok(live, 'no annotations returned');
  assert.deepEqual(live.orphans, [], 'the annotation was orphaned');
  assert.equal(live.model.annotations[0].start, CHANGED.lastIndexOf('Ben Salah'), 'the annotation moved to the other mention');
}
