/** Copies of a sidecar beside it (sync conflicts, merge leftovers, file-manager copies), for `factmark check`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sidecarCopiedAs } from '../core/sidecar';

/** Finds the copies of sidecars, reading each folder once. */
export class SidecarCopies {
  private readonly folders = new Map<string, string[]>();

  /** Names of the files beside `sidecar` that are copies of it, in name order. */
  of(sidecar: string): string[] {
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
    return names.filter((name) => sidecarCopiedAs(name) === own);
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // a dangling link: listed, reading it says what is wrong
  }
}
