/**
 * Anchoring an imported quote: the importers' policy over the scoring of `match.ts`. An importer never
 * trusts offsets alone: the quoted text must be found there, or nearby, or elsewhere (best context
 * first), or the annotation is reported as unanchored.
 *
 * Why a policy of its own beside `reanchor` (reanchor.ts): re-anchoring a sidecar never guesses (a doubtful
 * place makes an orphan the user resolves), while an import always takes the best occurrence and
 * reports every one that moved as `relocated`, so the user sees each guess in the import's problems.
 * Both score places with the same functions (`occurrences`, `contextScore`).
 */
import { escapeRegExp } from '../text';
import { contextScore, occurrences } from './match';

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

/** Most occurrences of one quote weighed (a quote like "the" occurs thousands of times). */
const MAX_CANDIDATES = 10_000;

/**
 * Finds `quote` in `text`, preferring [start, end) itself, then the occurrence whose context matches best,
 * then the nearest to `start`. [start, end) itself wins only when the context given agrees there as well.
 * Whitespace runs may differ (brat joins line-crossing fragments with a space). `shift` is how far the
 * previous span of the same import moved. Offsets are UTF-16. Undefined when the quote is empty or not found.
 */
export function anchorQuote(text: string, start: number, end: number, quote: string, context: QuoteContext = {}, shift = 0): Anchored | undefined {
  if (quote.length === 0) return undefined;
  // The quote at its offsets is taken when its context agrees too: in repetitive text another occurrence of
  // the quote can sit exactly at the old offsets after an edit, and would be a silent misplacement.
  if (quoteAt(text, start, end, quote) && agreesFully(text, start, end, context)) return { start, end, moved: false };
  // An edit before the spans moves them all by the same amount: try the shift of the previous span
  // first, and take it when its whole context agrees (no other place can agree better). This keeps an
  // import of thousands of moved spans linear instead of searching the text for each.
  if (shift !== 0 && (context.prefix || context.suffix) && quoteAt(text, start + shift, end + shift, quote) && agreesFully(text, start + shift, end + shift, context) && whole(text, start + shift, end + shift)) {
    return { start: start + shift, end: end + shift, moved: true };
  }
  // A place found by searching that begins or ends inside a character (the "e" of a decomposed "é")
  // is none: better not imported, and said, than a guess that cuts a letter from its accent. (A span at
  // the file's own offsets that holds its quote, on that text, is kept above, cut or not: what the file
  // says there is taken as it is. Only a place found by searching must be whole.)
  let candidates = occurrences(text, quote, MAX_CANDIDATES).map((at) => ({ start: at, end: at + quote.length })).filter((c) => whole(text, c.start, c.end));
  if (candidates.length === 0) candidates = looseOccurrences(text, quote).filter((c) => whole(text, c.start, c.end));
  if (candidates.length === 0) return undefined;
  let best = candidates[0];
  let bestScore = -Infinity;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // context agreement dominates; distance only breaks ties
    const score = contextScore(text, c.start, c.end, context.prefix, context.suffix) ?? 0;
    const distance = Math.abs(c.start - start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      bestScore = score;
      bestDistance = distance;
      best = c;
    }
  }
  return { start: best.start, end: best.end, moved: best.start !== start || best.end !== end };
}

/** Marks, joiners and emoji modifiers: they belong to the character before them. */
const CONTINUES = /^[\p{M}\u200d\p{Emoji_Modifier}]/u;

/**
 * True when offset `at` (UTF-16) falls inside one user-perceived character: between a letter and its
 * combining mark, within an emoji sequence (joiner, modifier), or between the halves of a surrogate pair.
 */
export function splitsCharacter(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800) return true;
  return text.charCodeAt(at - 1) === 0x200d || CONTINUES.test(text.slice(at, at + 2));
}

/** [start, end) holds whole characters only. */
function whole(text: string, start: number, end: number): boolean {
  return !splitsCharacter(text, start) && !splitsCharacter(text, end);
}

function quoteAt(text: string, start: number, end: number, quote: string): boolean {
  return start >= 0 && end <= text.length && start <= end && text.slice(start, end) === quote;
}

/** All the context that fits between [start, end) and the ends of the text agrees (no context: true). */
function agreesFully(text: string, start: number, end: number, context: QuoteContext): boolean {
  const prefix = context.prefix?.slice(Math.max(0, context.prefix.length - start));
  const suffix = context.suffix?.slice(0, Math.max(0, text.length - end));
  return (contextScore(text, start, end, prefix, suffix) ?? 1) === 1;
}

/** Occurrences of the quote's words with any whitespace between them (a quote of one word has none). */
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
