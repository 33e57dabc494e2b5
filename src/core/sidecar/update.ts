import { buildSidecarData, type SidecarInput } from './build';
import { writeSidecar } from './write';

/**
 * The sidecar text for a model: `originalText` edited in place (only changed annotations are
 * added, removed or modified), or a new file when there is none. Returns `originalText` itself
 * when nothing changed. Throws SidecarNotWritableError when `originalText` has errors.
 */
export function updateSidecar(originalText: string | undefined, input: SidecarInput): string {
  return writeSidecar(originalText, buildSidecarData(input));
}
