/** Naming of sidecar files: `article.txt` → `article.txt.factmark.yaml`, next to the document. */

/** The suffix appended to a document's file name to name its sidecar. */
export const SIDECAR_SUFFIX = '.factmark.yaml';

/** Path of the sidecar of a document (same folder, so it sorts right beside it). */
export function sidecarPathFor(docPath: string): string {
  return docPath + SIDECAR_SUFFIX;
}

/** True when a path names a Factmark sidecar. */
export function isSidecarPath(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX) && path.length > SIDECAR_SUFFIX.length;
}

/** Path of the document a sidecar belongs to, or undefined when the path is not a sidecar. */
export function documentPathFor(sidecarPath: string): string | undefined {
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/**
 * Names that sync tools, merges and file managers give a copy of a sidecar beside it, by the part
 * before `.yaml` (`story.txt.factmark` + what the tool inserts): Syncthing's
 * `.sync-conflict-20261206-101010-ABCD123`, Dropbox's and Nextcloud's ` (Jane's conflicted copy
 * 2026-12-06)`, ownCloud's `_conflict-20261206-101010`, OneDrive's `-LAPTOP`, git mergetool's
 * `_LOCAL_1234`, and copies (` (1)`, `(1)`, ` copy`, ` - Copy`). Any name `<document>.factmark<sep>….yaml`
 * that is not itself a sidecar is taken for one: such a file holds annotations of that document that
 * Factmark does not read, which the user must hear of rather than lose.
 */
const COPY_INSIDE = /^(.+\.factmark)[ _.~([-].*\.yaml$/;
/**
 * … and after the whole name: git's `.orig`, Subversion's `.mine` and `.r<revision>`, Factmark's own
 * `.conflict-<time>`. Not an editor's backup (`~`, `.bak`): the user's own earlier version, not work
 * done elsewhere, and a hand edit in Emacs would otherwise fail `factmark check`.
 */
const COPY_AFTER = /^(.+\.factmark\.yaml)(?:\.orig|\.mine|\.r\d+|\.conflict-.+|\.sync-conflict-.+)$/;

/**
 * The file name of the sidecar that a file named `name` (a base name) is a copy of, or undefined.
 * Factmark's own lock and temporary files (`.<sidecar>.lock`, `.<sidecar>.<pid>-….tmp`) are no copies.
 */
export function sidecarCopiedAs(name: string): string | undefined {
  if (isSidecarPath(name) || (name.startsWith('.') && /\.(?:lock|tmp)$/.test(name))) return undefined;
  const after = COPY_AFTER.exec(name);
  if (after) return after[1];
  const inside = COPY_INSIDE.exec(name);
  return inside ? `${inside[1]}.yaml` : undefined;
}
