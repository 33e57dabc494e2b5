/**
 * Re-checking imported annotations against the document text. An importer never trusts offsets alone:
 * the quoted text must be found there, or nearby, or elsewhere (best context first), or the annotation
 * is reported as unanchored.
 */

/** Text around the quote as the source format recorded it (W3C prefix/suffix, doccano's own text). */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

/** Where a quote was found, and whether it had to move from the offsets given. */
export interface Anchored {
  start: number;
  end: number;
  moved: boolean;
}

const MAX_CANDIDATES = 10_000;

/**
 * Finds `quote` in `text`, preferring [start, end) itself, then the occurrence whose context matches best,
 * then the nearest to `start`. Whitespace runs may differ (brat joins line-crossing fragments with a space).
 * Offsets are UTF-16. Returns undefined when the quote is empty or not found.
 */
export function anchorQuote(text: string, start: number, end: number, quote: string, context: QuoteContext = {}): Anchored | undefined {
  if (quote.length === 0) return undefined;
  if (start >= 0 && end <= text.length && start <= end && text.slice(start, end) === quote) {
    return { start, end, moved: false };
  }
  let candidates = exactOccurrences(text, quote);
  if (candidates.length === 0) candidates = looseOccurrences(text, quote);
  if (candidates.length === 0) return undefined;
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    // context agreement dominates; distance only breaks ties
    const score = contextScore(text, c, context) * text.length - Math.abs(c.start - start);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return { start: best.start, end: best.end, moved: true };
}

function exactOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = text.indexOf(quote); i >= 0 && found.length < MAX_CANDIDATES; i = text.indexOf(quote, i + 1)) {
    found.push({ start: i, end: i + quote.length });
  }
  return found;
}

function looseOccurrences(text: string, quote: string): { start: number; end: number }[] {
  const words = quote.trim().split(/\s+/u).filter((w) => w.length > 0);
  if (words.length < 2) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const found: { start: number; end: number }[] = [];
  for (const m of text.matchAll(pattern)) {
    found.push({ start: m.index, end: m.index + m[0].length });
    if (found.length >= MAX_CANDIDATES) break;
  }
  return found;
}

/** Number of characters of prefix (read backwards) and suffix (forwards) that agree with the text. */
function contextScore(text: string, at: { start: number; end: number }, context: QuoteContext): number {
  let score = 0;
  const prefix = context.prefix ?? '';
  for (let i = 1; i <= prefix.length && at.start - i >= 0; i++) {
    if (text[at.start - i] !== prefix[prefix.length - i]) break;
    score++;
  }
  const suffix = context.suffix ?? '';
  for (let i = 0; i < suffix.length && at.end + i < text.length; i++) {
    if (text[at.end + i] !== suffix[i]) break;
    score++;
  }
  return score;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
