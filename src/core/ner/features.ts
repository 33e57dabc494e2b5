/**
 * Feature extraction for the entity tagger. Everything that does not depend on the tagger's own
 * decisions (words, shapes, affixes, context window, name lists, document-wide casing evidence) is
 * computed once per document here; features on previous decisions are added while decoding (tagger.ts).
 */
import { Gazetteer } from './gazetteer';
import { hashString, mix } from './hash';

/** A document ready for tagging: static features per token, plus what decoding needs. */
export interface PreparedSentence {
  length: number;
  /** Static feature hashes of token i are feats[offsets[i] .. offsets[i+1]). */
  feats: Uint32Array;
  offsets: Uint32Array;
  /** Hash of the lower-cased word: key of the document memory. */
  lowerHash: Uint32Array;
  /** Hash of the short word shape ("Xx", "X.X.", "d-d"). */
  shapeHash: Uint32Array;
  /** 1 when the word starts with an upper-case letter (only those are remembered per document). */
  capitalised: Uint8Array;
}

// Template ids: each feature is mix(template, value). Changing these invalidates a trained model.
const enum T {
  Bias = 1, Word, Lower, Shape, Prefix, Suffix, LowerM1, LowerP1, LowerM2, LowerP2,
  ShapeM1, ShapeP1, ShapeM2, ShapeP2, BigramM1, BigramP1, ShapeTrigram, First, Headline, HeadlineWord,
  DocLower, DocMidCap, Gaz, GazShape, Flags, SuffixM1, ShapeLowerP1, LowerM1ShapeP1,
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Maps typographic quotes and dashes to the ASCII forms of the training text. */
export function normalizeWord(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  return word
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u00b4]/g, "'")
    .replace(/\u2014/g, '--')
    .replace(/[\u2013\u2012\u2212]/g, '-');
}

/** Word shape: X for capitals, x for small letters, d for digits; runs longer than 3 are cut. */
export function wordShape(word: string, collapse: boolean): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    let c: string;
    if (/\p{Lu}|\p{Lt}/u.test(ch)) c = 'X';
    else if (/\p{L}|\p{M}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= (collapse ? 1 : 3)) out += c;
  }
  return out;
}

/** Whether a sentence is set in capitals (a headline or a dateline): every word with letters has no small letter. */
export function isAllCaps(words: readonly string[]): boolean {
  let long = false;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    if (/\p{Ll}/u.test(w)) return false;
    if (w.length > 1) long = true;
  }
  return long;
}

const UPPER_START = /^\p{Lu}/u;

/** Document-wide casing evidence: which words are written in lower case, or capitalised mid-sentence, somewhere. */
function casingEvidence(sentences: readonly string[][], caps: readonly boolean[]): { lower: Set<string>; midCap: Set<string> } {
  const lower = new Set<string>();
  const midCap = new Set<string>();
  sentences.forEach((words, s) => {
    words.forEach((w, i) => {
      if (/^\p{Ll}+$/u.test(w)) lower.add(w);
      else if (!caps[s] && i > 0 && UPPER_START.test(w) && /\p{Ll}/u.test(w)) midCap.add(w.toLowerCase());
    });
  });
  return { lower, midCap };
}

/** Computes the static features of a document given as sentences of raw token texts. */
export function prepareDocument(sentences: readonly string[][], gazetteer?: Gazetteer): PreparedSentence[] {
  const normalized = sentences.map((words) => words.map(normalizeWord));
  const caps = normalized.map(isAllCaps);
  const evidence = casingEvidence(normalized, caps);
  return normalized.map((words, s) => prepareSentence(words, caps[s], evidence, gazetteer));
}

function prepareSentence(
  words: readonly string[],
  caps: boolean,
  evidence: { lower: Set<string>; midCap: Set<string> },
  gazetteer: Gazetteer | undefined,
): PreparedSentence {
  const n = words.length;
  const lowers = words.map((w) => w.toLowerCase().replace(/[0-9]/g, '0'));
  const lowerHash = new Uint32Array(n);
  const shapeHash = new Uint32Array(n);
  const capitalised = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lowerHash[i] = hashString(lowers[i]);
    shapeHash[i] = hashString(wordShape(words[i], true));
    capitalised[i] = UPPER_START.test(words[i]) ? 1 : 0;
  }
  // Name-list features: the type and the token's place in the listed name (B, I, L or U).
  const gaz: number[][] = Array.from({ length: n }, () => []);
  if (gazetteer) {
    for (const m of gazetteer.matches(words, caps)) {
      for (let t = 0; t < 4; t++) {
        if (!(m.types & (1 << t))) continue;
        for (let k = m.start; k < m.end; k++) {
          const pos = m.end - m.start === 1 ? 3 : k === m.start ? 0 : k === m.end - 1 ? 2 : 1;
          gaz[k].push(t * 4 + pos + 1);
        }
      }
    }
  }
  const feats: number[] = [];
  const offsets = new Uint32Array(n + 1);
  const low = (i: number) => (i < 0 ? BOS : i >= n ? EOS : lowerHash[i]);
  const shp = (i: number) => (i < 0 ? BOS : i >= n ? EOS : shapeHash[i]);
  for (let i = 0; i < n; i++) {
    offsets[i] = feats.length;
    const w = words[i];
    const lw = lowers[i];
    const add = (template: number, value: number) => feats.push(mix(template, value));
    add(T.Bias, 0);
    add(T.Word, hashString(w));
    add(T.Lower, lowerHash[i]);
    add(T.Shape, hashString(wordShape(w, false)));
    for (let k = 1; k <= 4 && k <= lw.length; k++) {
      add(T.Prefix, hashString(lw.slice(0, k)));
      add(T.Suffix, hashString(lw.slice(-k)));
    }
    add(T.LowerM1, low(i - 1));
    add(T.LowerP1, low(i + 1));
    add(T.LowerM2, low(i - 2));
    add(T.LowerP2, low(i + 2));
    add(T.ShapeM1, shp(i - 1));
    add(T.ShapeP1, shp(i + 1));
    add(T.ShapeM2, shp(i - 2));
    add(T.ShapeP2, shp(i + 2));
    add(T.BigramM1, mix(low(i - 1), lowerHash[i]));
    add(T.BigramP1, mix(lowerHash[i], low(i + 1)));
    add(T.ShapeTrigram, mix(mix(shp(i - 1), shapeHash[i]), shp(i + 1)));
    add(T.ShapeLowerP1, mix(shapeHash[i], low(i + 1)));
    add(T.LowerM1ShapeP1, mix(low(i - 1), shapeHash[i]));
    if (i > 0 && lowers[i - 1].length > 2) add(T.SuffixM1, hashString(lowers[i - 1].slice(-3)));
    if (i === 0) add(T.First, shapeHash[i]);
    if (caps) {
      add(T.Headline, 0);
      add(T.HeadlineWord, lowerHash[i]);
    }
    let flags = 0;
    if (/[0-9]/.test(w)) flags |= 1;
    if (w.includes('-')) flags |= 2;
    if (w.includes('.')) flags |= 4;
    if (/^\p{Lu}+$/u.test(w) && w.length > 1) flags |= 8;
    if (flags) add(T.Flags, flags);
    if (capitalised[i]) {
      // Case is uninformative at the start of a sentence and in headlines: look at the rest of the document.
      const ambiguous = i === 0 || caps || (i > 0 && /^["'(`-]/.test(words[i - 1]));
      const l = w.toLowerCase();
      add(T.DocLower, (evidence.lower.has(l) ? 2 : 0) + (ambiguous ? 1 : 0));
      if (ambiguous) add(T.DocMidCap, evidence.midCap.has(l) ? 1 : 0);
    }
    for (const g of gaz[i]) {
      add(T.Gaz, g);
      add(T.GazShape, mix(g, shapeHash[i]));
    }
  }
  offsets[n] = feats.length;
  return { length: n, feats: Uint32Array.from(feats), offsets, lowerHash, shapeHash, capitalised };
}
