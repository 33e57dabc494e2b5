/**
 * Pure helpers of the annotating workflow: which annotations a fact links, which date it gets,
 * which suggestions the user has already decided, and how a span is cited.
 */

import type { Annotation, Fact, Mention, Span } from './model';

/** Fact labels offered when the setting is empty. */
export const DEFAULT_FACT_LABELS: readonly string[] = ['event', 'statement', 'claim', 'meeting'];

/** Whether `inner` lies within `outer` (both half-open). */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The non-rejected annotations inside `span`, in document order: the entities a new fact links. */
export function entitiesInside(annotations: readonly Annotation[], span: Span): Annotation[] {
  return annotations
    .filter((a) => a.status !== 'rejected' && within(a, span))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether a TimeML value names a calendar date or period (not a duration, not partly unknown). */
export function isCalendarValue(value: string | undefined): value is string {
  return !!value && /^\d{4}(?:$|-)/.test(value) && !value.includes('X');
}

/**
 * The date to pre-fill for a fact over `span`: the first resolved date inside it (a confirmed DATE
 * annotation first, then a DATE suggestion), else the document's own date.
 */
export function prefillDate(
  span: Span,
  annotations: readonly Annotation[],
  suggestions: readonly Mention[],
  documentDate: string | undefined,
): string | undefined {
  const dated = (xs: ReadonlyArray<Span & { type: string; value?: string }>) =>
    xs
      .filter((x) => x.type === 'DATE' && isCalendarValue(x.value) && within(x, span))
      .sort((a, b) => a.start - b.start)[0]?.value;
  return (
    dated(annotations.filter((a) => a.status !== 'rejected')) ?? dated(suggestions) ?? (documentDate || undefined)
  );
}

/**
 * Suggestions the user has not decided yet: a suggestion is hidden when a stored annotation has its
 * exact span and is confirmed (any type: it was accepted or retyped) or rejected with its type.
 * Nested and overlapping suggestions stay ("Bank of [England]").
 */
export function undecidedSuggestions(mentions: readonly Mention[], annotations: readonly Annotation[]): Mention[] {
  if (annotations.length === 0) return [...mentions];
  const decided = new Set<string>();
  for (const a of annotations) {
    if (a.status === 'confirmed') decided.add(`${a.start}:${a.end}`);
    else if (a.status === 'rejected') decided.add(`${a.start}:${a.end}:${a.type}`);
  }
  return mentions.filter((m) => !decided.has(`${m.start}:${m.end}`) && !decided.has(`${m.start}:${m.end}:${m.type}`));
}

/** The stored annotations a user sees and navigates: everything but rejections. */
export function visibleAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter((a) => a.status !== 'rejected');
}

/** The innermost item covering `offset` (ends inclusive, so a cursor just after a word counts). */
export function innermostAt<T extends Span>(items: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const x of items) {
    if (x.start <= offset && offset <= x.end && (!best || x.end - x.start < best.end - best.start)) best = x;
  }
  return best;
}

/** Every occurrence of `needle` in `text` on word boundaries (a name inside a longer word is not a mention). */
export function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  const word = /[\p{L}\p{N}_]/u;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + needle.length] ?? '';
    const boundedLeft = !word.test(needle[0]) || !before || !word.test(before);
    const boundedRight = !word.test(needle[needle.length - 1]) || !after || !word.test(after);
    if (boundedLeft && boundedRight) spans.push({ start: i, end: i + needle.length });
  }
  return spans;
}

/** A citation for a span: the quote, the document and the offsets. */
export function citation(quote: string, documentPath: string, span: Span): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return `“${flat}” — ${documentPath}, offset ${span.start}–${span.end}`;
}

/** The facts that link the annotation `id`. */
export function factsLinking(facts: readonly Fact[], id: string): Fact[] {
  return facts.filter((f) => f.entities.includes(id));
}

/** A short preview of a fact's text for lists. */
export function preview(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * The sentence around `offset`: from after the previous sentence end (`.`, `!`, `?` followed by
 * white space, or a blank line) to the next one, trimmed. For creating a fact without a selection.
 */
export function sentenceAt(text: string, offset: number): Span {
  return sentenceFinder(text)(offset);
}

/**
 * `sentenceAt` for many offsets of one text: the sentence ends are found in one pass, then each
 * offset is a binary search. The timeline and map quote the sentence of every mention of thousands
 * of articles; scanning from the start for each one made that quadratic in an article's length.
 */
export function sentenceFinder(text: string): (offset: number) => Span {
  const boundary = /[.!?]["'”’)]*\s+|\n\s*\n/g;
  // Each boundary: where the text after it starts, and where the sentence before it ends.
  const after: number[] = [];
  const ends: number[] = [];
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    after.push(m.index + m[0].length);
    ends.push(m.index + m[0].trimEnd().length);
  }
  return (offset) => {
    // The first boundary whose following text starts after `offset`: it ends the sentence; the one before starts it.
    let lo = 0;
    let hi = after.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    let start = lo > 0 ? after[lo - 1] : 0;
    let end = lo < after.length ? ends[lo] : text.length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return { start, end };
  };
}
