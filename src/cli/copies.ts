/** Copies of a sidecar beside it (sync conflicts, merge leftovers, file-manager copies), for `factmark check`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_SIDECAR_LENGTH, sidecarCopiedAs } from '../core/sidecar';
import { readBytes, realPath } from './files';

/** A file named like a copy of a sidecar, beside it. */
export interface SidecarCopy {
  /** Its file name. */
  name: string;
  /**
   * True when it is the same as the sidecar, byte for byte: it holds nothing the sidecar does not
   * (a conflict that came out the same on both sides, a hard link), so nothing is lost, only clutter.
   */
  same: boolean;
}

/** Finds the copies of sidecars, reading each folder once. */
export class SidecarCopies {
  private readonly folders = new Map<string, string[]>();

  /**
   * The files beside `sidecar` that are copies of it, in name order. A link to the sidecar itself,
   * named like a copy, is none: it is the sidecar, and always holds what it holds.
   */
  of(sidecar: string): SidecarCopy[] {
    const folder = path.dirname(sidecar);
    let names = this.folders.get(folder);
    if (!names) {
      try {
        // Files only, as in VS Code: a folder named like a copy holds no annotations (a link to one is followed).
        names = fs
          .readdirSync(folder, { withFileTypes: true })
          .filter((e) => !e.isDirectory() && !(e.isSymbolicLink() && isFolder(path.join(folder, e.name))))
          .map((e) => e.name)
          .sort();
      } catch {
        names = []; // the folder is unreadable or gone: the sidecar's own check says so
      }
      this.folders.set(folder, names);
    }
    const own = path.basename(sidecar);
    // A sidecar that cannot be resolved is its own path, which no other file resolves to.
    const real = realPath(sidecar);
    return names
      .filter((name) => sidecarCopiedAs(name) === own && realPath(path.join(folder, name)) !== real)
      .map((name) => ({ name, same: sameBytes(path.join(folder, name), sidecar) }));
  }
}

/**
 * True when both are regular files of the same bytes. Sizes are compared first, and neither is read
 * past the sidecar limit (a huge file named like a copy is not read, and stays a copy to look at).
 */
function sameBytes(copy: string, sidecar: string): boolean {
  try {
    const [a, b] = [fs.statSync(copy), fs.statSync(sidecar)];
    if (!a.isFile() || !b.isFile() || a.size !== b.size || a.size > MAX_SIDECAR_LENGTH) return false;
    const [x, y] = [readBytes(copy, MAX_SIDECAR_LENGTH, 'the copy'), readBytes(sidecar, MAX_SIDECAR_LENGTH, 'the sidecar')];
    return x !== undefined && y !== undefined && Buffer.from(x).equals(y);
  } catch {
    return false; // unreadable, gone, or grown past the limit since: a copy, as before
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // a dangling link: listed, reading it says what is wrong
  }
}
