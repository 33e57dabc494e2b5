/** The queries and results of re-anchoring (reanchor.ts). */

import type { Candidate } from './match';

/** What to re-anchor: the stored anchor of an annotation or fact. */
export interface AnchorQuery {
  id: string;
  /** Offsets in the text the anchor was made on (unit: `options.units`). */
  start: number;
  end: number;
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** Options of {@link reanchor}. */
export interface ReanchorOptions {
  /** Unit of the queries' start/end: `codepoints` (as stored in the sidecar, the default) or `utf16`. */
  units?: 'codepoints' | 'utf16';
  /** Quotes shorter than this (UTF-16 units) are never fuzzy-matched. Default 5. */
  minFuzzyQuoteLength?: number;
  /** Lowest fuzzy score (0..1) accepted. Default 0.8. */
  fuzzyThreshold?: number;
  /** Lowest context agreement (0..1) to accept an exact quote away from its position. Default 0.5. */
  contextThreshold?: number;
  /** Seconds the old and new texts' diff may take before a diff of their lines alone stands in (DiffMap). Default 4. */
  diffTimeout?: number;
}

/** How a placement was found (`order`: the one fitting occurrence between the places of the sure anchors before and after it, order.ts). */
export type PlacementMethod = 'unchanged' | 'diff' | 'diff-modified' | 'moved' | 'position' | 'context' | 'order' | 'fuzzy';

/** An anchor placed on the new text (UTF-16 offsets). */
export interface Placement {
  id: string;
  start: number;
  end: number;
  method: PlacementMethod;
  /** The text there differs from the stored quote (edited inside, or fuzzy). */
  modified: boolean;
  /** 0..1 confidence. */
  score: number;
}

/** An anchor that could not be placed. */
export interface Orphan {
  id: string;
  /** `deleted`: the diff shows its text was removed; `not-found`: nothing good enough; `ambiguous`: several equally good places. */
  reason: 'deleted' | 'not-found' | 'ambiguous';
  /** Where its text was, as well as can be told (UTF-16 offset in the new text): a hint for display. */
  at: number;
  /** The best place found, for a "use the best candidate" quick fix. */
  best?: Candidate;
}

/** Result of {@link reanchor}. */
export interface ReanchorResult {
  placed: Placement[];
  orphans: Orphan[];
}
