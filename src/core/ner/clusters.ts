/**
 * Word clusters: the most frequent English words grouped by the contexts they are used in, learnt from
 * unlabelled text (model/word-clusters.ts, made by scripts/word-clusters.mjs from GloVe vectors). The
 * tagger reads a word's clusters as features, so that a word it never saw in training is read like the
 * words it did see that stand in the same contexts ("Qantas" among airlines, "Warburg" among banks).
 */
import { WORD_CLUSTERS } from '../../../model/word-clusters';

/** A word's clusters: fine · 256 + coarse, each from 1; 0 for a word not in the table. */
let table: Map<string, number> | undefined;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const lines = WORD_CLUSTERS.split('\n');
  for (let fine = 0; fine < lines.length; fine++) {
    const line = lines[fine];
    const tab = line.indexOf('\t');
    const value = (fine + 1) * 256 + Number(line.slice(0, tab)) + 1;
    for (const word of line.slice(tab + 1).split(' ')) map.set(word, value);
  }
  return map;
}

// Lower-case letters that Unicode does not decompose into a plain letter and a mark, as English text
// spells them (the ASCII forms of lodash's deburr and ICU's Latin-ASCII): "Solskjær", "Bjørn", "Wałęsa".
const PLAIN: Readonly<Record<string, string>> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't' };

/** The clusters of a word in lower case (fine · 256 + coarse, each from 1), or 0 when it has none. */
export function clustersOf(lower: string): number {
  table ??= load();
  // The table's words are ASCII: an accented word is looked up without its accents ("zürich" → "zurich").
  if (/[^\x00-\x7f]/.test(lower)) lower = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/[æœøłßđðþıŀħŧ]/g, (c) => PLAIN[c]);
  return table.get(lower) ?? 0;
}

/**
 * The first `perCluster` words of each cluster (a cluster's words are listed most frequent first), in
 * lower case: the commonest words of English news across all its kinds of context, for the warm-up.
 */
export function commonWords(perCluster: number): string[] {
  const words: string[] = [];
  for (const line of WORD_CLUSTERS.split('\n')) {
    const list = line.slice(line.indexOf('\t') + 1).split(' ');
    for (let i = 0; i < perCluster && i < list.length; i++) words.push(list[i]);
  }
  return words;
}
