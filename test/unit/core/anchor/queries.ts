import { anchorAt, type AnchorQuery, type reanchor } from '../../../../src/core/anchor';

/** Options that give and take offsets in UTF-16 units, as the tests' `indexOf` does. */
export const utf16 = { units: 'utf16' as const };

/** An annotation on the first `quote` of `text` at or after `from`, as stored. */
export function anchor(text: string, quote: string, from = 0): AnchorQuery {
  const s = text.indexOf(quote, from);
  return anchorAt(text, quote, s, s + quote.length);
}

/** Where re-anchoring put `a`: its start, or its orphan reason. */
export function where(r: ReturnType<typeof reanchor>, a: AnchorQuery): number | string | undefined {
  return r.placed.find((p) => p.id === a.id)?.start ?? r.orphans.find((o) => o.id === a.id)?.reason;
}
