/**
 * Words replaced everywhere (an editor's Replace All, `sed s/x/y/g`), inferred without the old
 * text from the anchors' stored contexts: a word of some contexts that the new text no longer
 * holds anywhere, found as another word, the same one, next to the quotes of two anchors or more
 * (at two places or more, and at one place per anchor: the same words next to several copies of a
 * quote are repeated wording, not a replacement) with the rest of their context agreeing. Their contexts are then read with the word replaced,
 * as the text now reads: a Replace All of a word right next to a name otherwise leaves its
 * context disagreeing at every annotation it touched, and those became orphans.
 */

import { CONTEXT_LENGTH } from './context';

/** A word: an abbreviation ("U.S.") or a run of letters and digits. */
const WORD = /(?:[\p{L}\p{N}]\.){2,}|[\p{L}\p{N}]+/gu;
/** A run of letters and digits alone (the "U" and "S" of "U.S."). */
const RUN = /[\p{L}\p{N}]+/gu;

interface Token {
  w: string;
  at: number;
}

function tokens(s: string, offset = 0): Token[] {
  return [...s.matchAll(WORD)].map((m) => ({ w: m[0], at: offset + m.index! }));
}

/** What the search needs of an anchor. */
interface Stored {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** Quotes occurring more often than this cast no vote: repeated text, where any word sits next to them. */
const MAX_PLACES = 20;
/** Distinct anchors (and distinct places in the new text) that must show the same replacement. */
const MIN_VOTES = 2;

/**
 * The words replaced everywhere (old word → new word), as shown by the anchors' contexts around
 * the occurrences of their quotes in `text`. `startsOf` gives a quote's occurrences.
 */
export function replacedWords(text: string, anchors: readonly Stored[], startsOf: (quote: string) => readonly number[]): Map<string, string> {
  // (Letter runs too: "U" of a context cut inside "U.S." is still in the text.)
  const present = new Set([...(text.match(WORD) ?? []), ...(text.match(RUN) ?? [])]);
  // Old word → new word → the anchors and new places that show it.
  const votes = new Map<string, Map<string, { anchors: Set<number>; places: Set<number> }>>();
  anchors.forEach((a, i) => {
    const pre = wholeTokens(a.prefix ?? '', 'before');
    const suf = wholeTokens(a.suffix ?? '', 'after');
    if (!pre.some((t) => !present.has(t.w)) && !suf.some((t) => !present.has(t.w))) return;
    // (A stored side far longer than the search keeps, as a hand-edited or hostile sidecar may
    // have, casts no vote: tokenizing it at every occurrence would cost its length each time.)
    if ((a.prefix ?? '').length > 4 * CONTEXT_LENGTH || (a.suffix ?? '').length > 4 * CONTEXT_LENGTH) return;
    const starts = startsOf(a.quote);
    if (starts.length > MAX_PLACES) return;
    // Where each replacement shows for this anchor: it counts only when at one place (the
    // anchor's own), not at several copies of the same words ("Nasdaq Composite Index" twice).
    const shown = new Map<string, number[]>();
    for (const p of starts) {
      const lo = Math.max(0, p - 4 * (a.prefix ?? '').length - 64);
      const before = tokens(text.slice(lo, p), lo).reverse();
      const end = p + a.quote.length;
      const after = tokens(text.slice(end, end + 4 * (a.suffix ?? '').length + 64), end);
      for (const [x, y, at] of [...align([...pre].reverse(), before, present), ...align(suf, after, present)]) {
        const key = JSON.stringify([x, y]);
        shown.set(key, [...(shown.get(key) ?? []), at]);
      }
    }
    for (const [key, at] of shown) {
      if (at.length !== 1) continue;
      const [x, y] = JSON.parse(key) as [string, string];
      let byNew = votes.get(x);
      if (!byNew) votes.set(x, (byNew = new Map()));
      let v = byNew.get(y);
      if (!v) byNew.set(y, (v = { anchors: new Set(), places: new Set() }));
      v.anchors.add(i);
      v.places.add(at[0]);
    }
  });
  const out = new Map<string, string>();
  for (const [x, byNew] of votes) {
    const shown = [...byNew].filter(([, v]) => v.anchors.size >= MIN_VOTES && v.places.size >= MIN_VOTES);
    // One new word only: two would be a guess.
    if (shown.length === 1) out.set(x, shown[0][0]);
  }
  return out;
}

/**
 * The stored side's words, from the quote outward, matched against the new text's (`now`, from
 * the quote outward): where an old word that the text no longer holds stands against another
 * word, a replacement [old, new, new offset]. The whole stored side must agree but for such
 * words, and each must have an agreeing word further out: a word that disagrees and is still in
 * the text (another passage, or words shifted by a deletion), or a side longer than the text
 * around the quote, gives nothing; so does an absent word at the side's far end, which a word
 * deleted everywhere looks like as well.
 */
function align(old: readonly Token[], now: readonly Token[], present: ReadonlySet<string>): [string, string, number][] {
  const out: [string, string, number][] = [];
  const pending: [string, string, number][] = [];
  let k = 0;
  for (; k < old.length && k < now.length; k++) {
    if (old[k].w === now[k].w) {
      out.push(...pending.splice(0));
      continue;
    }
    if (present.has(old[k].w)) return [];
    pending.push([old[k].w, now[k].w, now[k].at]);
  }
  return k === old.length ? out : [];
}

/** The side's words, less a word cut by the context's far end (the prefix's first, the suffix's last). */
function wholeTokens(side: string, where: 'before' | 'after'): Token[] {
  const t = tokens(side);
  if ([...side].length < CONTEXT_LENGTH) return t;
  // (Up to the first or last space: "U.S" cut from "U.S." reads as "U" and "S".)
  if (where === 'before') {
    const cut = side.search(/\s/);
    return cut < 0 ? [] : t.filter((x) => x.at > cut);
  }
  const cut = side.search(/\s\S*$/);
  return cut < 0 ? [] : t.filter((x) => x.at + x.w.length <= cut);
}

/** `side` with each whole replaced word as it now reads (a word cut by the context's far end is kept). */
export function replaceWords(side: string | undefined, replaced: ReadonlyMap<string, string>, where: 'before' | 'after'): string | undefined {
  if (!side || replaced.size === 0) return side;
  const keep = new Set(wholeTokens(side, where).map((t) => t.at));
  return side.replace(WORD, (w: string, at: number) => (keep.has(at) ? (replaced.get(w) ?? w) : w));
}
