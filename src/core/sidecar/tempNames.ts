/**
 * Names of the writers' temporary files, shared by the atomic writer and the lock file's creation
 * (which writes the lock's content aside under such a name first): a killed writer's leftovers are
 * then all found and removed by one pattern.
 */
import { escapeRegExp } from '../text';

let counter = 0;

/** The end of a writer's temporary file name after `.<name>.`: `<pid>-<time>-<n>.tmp` (see {@link tempNamePattern}). */
export function tempSuffix(pid: number): string {
  return `${pid}-${Date.now().toString(36)}-${counter++}.tmp`;
}

/** Temporary files of `name`: `.<name>.<pid>-<time>-<n>.tmp` (not `*.factmark.yaml`, so no watcher takes it for a sidecar). */
export function tempNamePattern(name: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(name)}\\.(\\d+)-[0-9a-z]+-\\d+\\.tmp$`);
}
