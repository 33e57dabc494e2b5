/**
 * Telling whether a sidecar left behind by a document that was renamed or moved outside the editor
 * (`git mv`, a file manager) belongs to a document that has none.
 */

import { fingerprintMatches } from './hash';
import type { SidecarData } from './types';

/** Share of a stray sidecar's quotes that must occur in a document for it to be offered there. */
const LIKELY_SHARE = 0.8;

/**
 * `same`: the sidecar was made on exactly this text (git blob hash), so it can follow the document
 * without asking. `likely`: most of its quotes occur in the text (moved and edited): worth offering,
 * not worth doing unasked. `undefined`: another document's.
 */
export function strayMatch(data: SidecarData, text: string): 'same' | 'likely' | undefined {
  if (fingerprintMatches(data.document.gitBlob, text)) return 'same';
  const quotes = [...data.annotations, ...data.facts].filter((a) => !a.orphaned && a.quote).map((a) => a.quote);
  if (quotes.length === 0) return undefined;
  const found = quotes.filter((q) => text.includes(q)).length;
  return found >= LIKELY_SHARE * quotes.length ? 'likely' : undefined;
}
