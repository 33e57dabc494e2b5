/** Anchoring: following live edits (AnchorTracker) and re-anchoring after external changes (reanchor). */

export { AnchorTracker, applyTextChanges, type TextChange, type TrackedSpan, type TrackedState, type ChangeSummary } from './tracker';
export { reanchor, type AnchorQuery, type ReanchorOptions, type ReanchorResult, type Placement, type PlacementMethod, type Orphan, type Candidate } from './reanchor';
export { prefixBefore, suffixAfter, anchorAt, CONTEXT_LENGTH } from './context';
export { placeInReplacements, type CoarseOrphan } from './coarse';
export { anchorQuote, splitsCharacter, type QuoteContext, type Anchored } from './quote';
