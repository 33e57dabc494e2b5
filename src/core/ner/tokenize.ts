/**
 * Tokenizer and sentence splitter for raw article text, close to the CoNLL-2003 (Penn Treebank-like)
 * tokenisation the entity model was trained on: "Seoul's" → "Seoul" "'s", "U.S." and hyphenated
 * names ("Roh Moo-hyun") stay whole, quotes and brackets are tokens of their own.
 * Offsets are UTF-16 indices into the original text; nothing is normalised in place.
 */

import { ABBREVIATIONS, keepsPeriod, TITLES } from '../abbreviations';

/** A token: the exact slice `text.slice(start, end)` of the input. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters, combining marks and digits make words; \p{M} keeps accents and Hangul jamo attached.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /[\s\u0085]/u;
/** Whether a character code may join two word pieces ("Moo-hyun", "U.S", "O'Brien", "S&P", "1/2"): - . ' ’ & _ / @ +. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 46 || c === 39 || c === 0x2019 || c === 38 || c === 95 || c === 47 || c === 64 || c === 43;
}
// Characters that join only digits ("1,000", "10:30"): , and : (codes 44 and 58, tested in tokenize).
// Trailing clitics split off as their own token, the way CoNLL-2003 does ("Seoul's" → "'s").
const CLITIC = /(?:n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))$/i;
/** Whether the character at UTF-16 index i is a letter, mark or digit (ASCII decided without a regex). */
function isWordAt(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(charAt(text, i));
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(charAt(text, i));
}

/** The code point at UTF-16 index i, as a string of 1 or 2 units. */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return text.slice(i, i + 2);
  }
  return text[i];
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Splits text into tokens with exact UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (start: number, end: number, slice = text.slice(start, end)) => tokens.push({ text: slice, start, end });
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpaceAt(text, i)) {
      i += charAt(text, i).length;
      continue;
    }
    const ch = charAt(text, i);
    if (isWordAt(text, i, n)) {
      let j = i + ch.length;
      // Whether an apostrophe joined two pieces: only then can the word end in a clitic.
      let apostrophe = false;
      for (;;) {
        if (j >= n) break;
        if (isWordAt(text, j, n)) {
          j += charAt(text, j).length;
          continue;
        }
        // By character code: a one-character string and a set look-up per joiner cost a tenth of the tokenizer.
        const c = text.charCodeAt(j);
        if (isJoiner(c) && isWordAt(text, j + 1, n)) {
          if (c === 39 || c === 0x2019) apostrophe = true;
          j += 1;
        } else if ((c === 44 || c === 58) && isDigit(text, j - 1) && isDigit(text, j + 1)) j += 1;
        else break;
      }
      if (j < n && text.charCodeAt(j) === 46 && keepsPeriod(text.slice(i, j))) j += 1;
      const word = text.slice(i, j);
      const clitic = apostrophe ? CLITIC.exec(word) : null;
      if (clitic && clitic.index > 0) {
        push(i, i + clitic.index);
        push(i + clitic.index, j);
      } else {
        // The word's slice itself: slicing it again would copy it once more.
        push(i, j, word);
      }
      i = j;
      continue;
    }
    // A clitic written apart ("Seoul 's", as in tokenised text) is still one token.
    if (ch === "'" || ch === '\u2019') {
      const clitic = /^['\u2019](?:s|re|ve|ll|d|m)(?![\p{L}\p{M}\p{N}])/iu.exec(text.slice(i, i + 4));
      if (clitic) {
        push(i, i + clitic[0].length);
        i += clitic[0].length;
        continue;
      }
    }
    // Runs of the same punctuation mark stay together: "...", "--", "!!".
    if (ch === '.' || ch === '-' || ch === '!' || ch === '?' || ch === '*' || ch === '=') {
      let j = i + 1;
      while (j < n && text[j] === ch) j++;
      push(i, j);
      i = j;
      continue;
    }
    push(i, i + ch.length);
    i += ch.length;
  }
  return tokens;
}

const TERMINAL = /^(?:[.!?]+|\.\.\.)$/;
/**
 * Whether a token is a closing quote or bracket: " ' ” ’ ) ] } ». By character code: a set of strings
 * hashed each token anew, a third of the sentence splitter's time.
 */
function isCloser(token: string): boolean {
  if (token.length !== 1) return false;
  const c = token.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 125 || c === 0xbb;
}

/** Number of line breaks in text[from, to) (CRLF counts once). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 0x2028 || c === 0x2029 || c === 0x85) count++;
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) count++;
  }
  return count;
}

/** Start offset of the line containing index `to`, looking back no further than `from` (returned when text[from, to) has no line break). */
function lineStart(text: string, from: number, to: number): number {
  let k = to;
  // By character code: a regular expression per character made this scan of every wrapped line costly.
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85) break;
    k--;
  }
  return k;
}

/** Whether a token starts with a lower-case letter (\p{Ll}); ASCII decided without a regular expression. */
function startsLower(token: string): boolean {
  const c = token.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(token);
}

/** TERMINAL.test, answered at once for the tokens that do not start with . ! or ?. */
function isTerminal(token: string): boolean {
  const c = token.charCodeAt(0);
  return (c === 46 || c === 33 || c === 63) && TERMINAL.test(token);
}

/**
 * Groups tokens into sentences. A sentence ends at . ! ? (plus closing quotes glued to it) before a
 * word that does not start in lower case, at a blank line, and at a single line break after a short
 * line (titles, datelines); long lines that simply wrap do not end a sentence.
 */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  // Each pass reads the gap before a token and decides whether a sentence ends there, after the token
  // before it (`last`). The start of the line of `last`, followed from gap to gap: line breaks are spaces,
  // never in a token, so a line starts after the last break of a gap that has one (a scan back from each
  // token at a single break took time on wrapped text).
  let line = 0;
  // Whether `last`, and the token before it, are a terminal (see isTerminal); whether `last` is a closer.
  let terminal = false;
  let terminalBefore = false;
  let closer = false;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const gap = k > 0 ? tokens[k - 1].end : 0;
    const breaks = lineBreaks(text, gap, tok.start);
    // Worked out for every token, though only rare cases read them (a single line break, an abbreviation
    // ending a sentence): code that the optimiser compiled without ever seeing it run (one article of the
    // 256 in ../shared/corpus/news has such a break, APW19980810.0907) sends the whole function back to
    // the interpreter when it first runs, and the engine compiles it once more, a cost of the first
    // reading of an article (issue 14, seen with --trace-deopt). So, too, the gap before the first token
    // is read by the same code as every other gap, not by a call before the loop (which text starting
    // with a line break took).
    const shortLine = gap - line < 60;
    const spaced = tok.start > gap;
    if (breaks > 0) line = lineStart(text, gap, tok.start);
    if (k > 0) {
      const last = tokens[k - 1];
      let boundary = false;
      if (breaks >= 2) boundary = true;
      else if (breaks === 1) boundary = shortLine || terminal || closer;
      if (!boundary && !startsLower(tok.text)) {
        if (terminal) {
          // A closing quote or bracket glued to the period belongs to this sentence.
          boundary = !(isCloser(tok.text) && !spaced);
        } else if (closer && terminalBefore && tokens[k - 2].end === last.start) {
          boundary = true;
        } else if (last.text.endsWith('.') && last.text.length > 1 && /^\p{Lu}/u.test(tok.text)) {
          // "Corp." or "etc." can end a sentence; titles and initials ("Gen.", "M.", "U.S.") do not.
          const word = last.text.slice(0, -1);
          boundary = ABBREVIATIONS.has(word) && !TITLES.has(word) && spaced;
        }
      }
      if (boundary) {
        sentences.push(current);
        current = [];
      }
    }
    current.push(tok);
    terminalBefore = terminal;
    terminal = isTerminal(tok.text);
    closer = isCloser(tok.text);
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
