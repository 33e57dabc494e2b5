/**
 * The real path of a file that may not exist yet: the real path of the nearest folder above it that
 * exists, joined with the rest. Two paths of one file (`a/../b`, a symlink to it, a symlinked folder)
 * give one answer, so that an export target can be compared with the files it must never replace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** {@link realPath}, for the CLI's synchronous checks. */
export function realPathSync(file: string): string {
  const missing: string[] = [];
  for (let at = path.resolve(file); ; ) {
    try {
      return path.join(fs.realpathSync(at), ...missing.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(file);
      missing.push(path.basename(at));
      at = up;
    }
  }
}

/** The real path of `file`, or of the nearest existing folder above it joined with the rest. */
export async function realPath(file: string): Promise<string> {
  const missing: string[] = [];
  for (let at = path.resolve(file); ; ) {
    try {
      return path.join(await fs.promises.realpath(at), ...missing.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(file);
      missing.push(path.basename(at));
      at = up;
    }
  }
}
