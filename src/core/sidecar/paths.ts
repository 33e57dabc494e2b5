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
