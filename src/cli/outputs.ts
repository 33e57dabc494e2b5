/**
 * Where an export writes, checked before anything is written (issue 11: `export -o story.txt` used to
 * replace the article with CSV). An output may never be a document or sidecar being read, nor any
 * sidecar, nor an annotated document unless it holds what would be written; an existing file is replaced only with `--force`. Each file is then written atomically, so an
 * interrupted export leaves the old file or the new one, never half of one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { neverWritten, type ExportFile } from '../core/export';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar';
import { writeFileAtomic } from '../node/fs';
import { realPathSync as realish } from '../node/realPath';
import { saysWaiting, shown } from './files';

/** An output that may not be written, with the reason in the user's words. */
export class OutputRefused extends Error {}

/** One file to write: its absolute path and content. */
export interface PlannedFile {
  path: string;
  content: string;
}

/**
 * Checks every planned file against the inputs (absolute paths of documents and sidecars read) and the
 * disk; throws OutputRefused naming the first problem, before any file is written.
 */
export function checkOutputs(files: readonly PlannedFile[], inputs: readonly string[], force: boolean, cwd: string): void {
  const protectedPaths = new Set(inputs.map(realish));
  const seen = new Set<string>();
  for (const f of files) {
    const real = realish(f.path);
    const name = shown(f.path, cwd);
    // The files never written, even with --force: the same decision as the extension's (core/export/targets.ts).
    const never = neverWritten(name, {
      input: protectedPaths.has(real),
      sidecar: isSidecarPath(f.path) || isSidecarPath(real),
      // By either name: a symlinked article's sidecar sits beside the link (or beside the file it points to).
      annotated: fs.existsSync(sidecarPathFor(f.path)) || fs.existsSync(sidecarPathFor(real)),
      sameContent: () => sameContent(f),
      twice: seen.has(real),
    }, 'choose another --out');
    if (never) throw new OutputRefused(never);
    seen.add(real);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(f.path);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) throw new OutputRefused(`${name} is a folder; give a file name with --out`);
    if (stat && !stat.isFile()) throw new OutputRefused(`${name} is not a regular file; refusing to write to it`);
    if (stat && !force) throw new OutputRefused(`${name} exists; refusing to replace it (add --force to replace existing files)`);
  }
}

/** Whether the file on disk holds exactly what would be written. */
function sameContent(f: PlannedFile): boolean {
  try {
    return fs.readFileSync(f.path).equals(Buffer.from(f.content, 'utf8'));
  } catch {
    return false;
  }
}

/** Writes the checked files, each atomically (temporary file, then rename). */
export async function writeOutputs(files: readonly PlannedFile[]): Promise<void> {
  for (const f of files) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    await writeFileAtomic(f.path, f.content, { onWait: saysWaiting });
  }
}

/** The absolute paths of an export's files under `folder`; throws OutputRefused for a name that leaves it. */
export function inFolder(folder: string, files: readonly ExportFile[], given: string): PlannedFile[] {
  return files.map((f) => {
    const file = path.resolve(folder, f.name);
    if (path.relative(folder, file).startsWith('..')) throw new OutputRefused(`refusing to write outside ${given}: ${f.name}`);
    return { path: file, content: f.content };
  });
}
