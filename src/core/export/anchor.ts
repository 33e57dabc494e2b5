/**
 * Re-checking imported annotations against the document text. An importer never trusts offsets alone:
 * the quoted text must be found there, or nearby, or elsewhere (best context first), or the annotation
 * is reported as unanchored.
 */
import { escapeRegExp } from '../text';

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
 * then the nearest to `start`. [start, end) itself wins only when the context given agrees there as well.
 * Whitespace runs may differ (brat joins line-crossing fragments with a space).
 * Offsets are UTF-16. Returns undefined when the quote is empty or not found.
 */
export function anchorQuote(text: string, start: number, end: number, quote: string, context: QuoteContext = {}, shift = 0): Anchored | undefined {
  if (quote.length === 0) return undefined;
  const fullScore = (at: { start: number; end: number }) => Math.min((context.prefix ?? '').length, at.start) + Math.min((context.suffix ?? '').length, text.length - at.end);
  // The quote at its offsets is taken when its context agrees too: in repetitive text another occurrence of
  // the quote can sit exactly at the old offsets after an edit, and would be a silent misplacement.
  const atOffsets = start >= 0 && end <= text.length && start <= end && text.slice(start, end) === quote;
  if (atOffsets && contextScore(text, { start, end }, context) === fullScore({ start, end })) {
    return { start, end, moved: false };
  }
  // An edit before the spans moves them all by the same amount: try the shift of the previous span
  // first, and take it when its whole context agrees (no other place can agree better). This keeps an
  // import of thousands of moved spans linear instead of searching the text for each.
  if (shift !== 0 && (context.prefix || context.suffix)) {
    const at = { start: start + shift, end: end + shift };
    if (at.start >= 0 && at.end <= text.length && text.slice(at.start, at.end) === quote && contextScore(text, at, context) === fullScore(at)) {
      return { ...at, moved: true };
    }
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
  return { start: best.start, end: best.end, moved: best.start !== start || best.end !== end };
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
