/**
 * A small tokenizer and sentence splitter for CoNLL export: words (with inner apostrophes, hyphens and
 * digit separators), initialisms (`U.S.`), and every other non-space character on its own. Good enough
 * for IOB2 training data from news text; not a linguistic tokenizer.
 */

import { ABBREVIATION_PATTERN } from '../abbreviations';

/** A token and its UTF-16 span. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

// Order matters: abbreviations and initials keep their period (so "Gen. Kim" is no sentence end), then words,
// then an emoji with its modifiers and ZWJ sequence, then any other character with its combining marks.
const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`,
    `${ABBREVIATION_PATTERN}(?=\\s)`,
    String.raw`\p{Lu}\.(?=\s)`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’\-.,][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*`,
    String.raw`\S\p{M}*`,
  ].join('|'),
  'gu',
);
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/**
 * Tokens of `text`, also cut at every offset of `cuts` (annotation boundaries), so that a span always
 * starts and ends on a token boundary.
 */
export function tokenize(text: string, cuts: ReadonlySet<number> = new Set()): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    let from = start;
    for (let i = start + 1; i < end; i++) {
      if (cuts.has(i)) {
        tokens.push({ start: from, end: i, text: text.slice(from, i) });
        from = i;
      }
    }
    tokens.push({ start: from, end, text: text.slice(from, end) });
  }
  return tokens;
}

/**
 * Groups tokens into sentences: after `.`, `!`, `?` (unless `inside(offset)` says the token ends inside a
 * span), and wherever an empty line separates two tokens.
 */
export function sentences(text: string, tokens: Token[], inside: (offset: number) => boolean = () => false): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    if (previous && current.length > 0 && !inside(t.start) && /\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(previous.end, t.start))) {
      out.push(current);
      current = [];
    }
    current.push(t);
    if (SENTENCE_END.has(t.text) && !inside(t.end)) {
      out.push(current);
      current = [];
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}
