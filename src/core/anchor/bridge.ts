/**
 * Neighbours that were one passage. Without the old text, two annotations whose stored contexts
 * together cover the text between them (the first one's suffix from the left, the second one's
 * prefix from the right) tell exactly what stood between them, inside one sentence: "[Cuba]
 * predicted [Wednesday]". Such a chain of names and gaps is one piece of text. Two rules, each
 * checked on the new text itself, never guessed:
 * - an *ambiguous* orphan is placed where its piece (its quote and its neighbours', with the gaps,
 *   up to MAX_LINKS pairs either way) stands exactly once, when an anchor placed for sure (order.ts)
 *   stands in that piece where the piece puts it: of the copies of a sentence's first words pasted
 *   in front of it, the original is the one the rest of its sentence still follows ("Kim met Park
 *   in Seoul. Kim met Park in Seoul on Monday");
 * - of two placed neighbours that the gap does not join, where the piece stands once and joins only
 *   one of them to the other, that one becomes an ambiguous orphan (and may then be placed by the
 *   first rule): its context agreed with a pasted copy of its first words.
 */

import { contextScore } from './match';
import { MAX_RIVALS } from './rivals';
import { sureAnchors } from './sure';
import type { AnchorQuery, Orphan, Placement } from './types';

/** Pairs a piece of text reaches through, either way from an orphan. */
const MAX_LINKS = 8;
/** Characters of stored context that must agree where two neighbours' contexts overlap. */
const MIN_OVERLAP = 4;
/** Characters of a name's stored context looked for around another word, where a copy may hold it edited. */
const CONTEXT_HEAD = 12;
/** How much longer than the name the word that replaced it may be. */
const EDIT_SLACK = 24;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;

/**
 * The text between `a` and `b` as their stored contexts give it (a's suffix from the left, b's prefix
 * from the right, agreeing where they overlap), or undefined when together they do not cover it.
 */
export function knownGap(a: AnchorQuery, b: AnchorQuery, codepoints: boolean): string | undefined {
  const n = b.start - a.end;
  if (n < 0 || !a.suffix || !b.prefix) return undefined;
  // In the stored offsets' unit: code points are counted as such.
  const suffix = codepoints ? [...a.suffix] : a.suffix.split('');
  const prefix = codepoints ? [...b.prefix] : b.prefix.split('');
  const overlap = suffix.length + prefix.length - n;
  if (overlap < Math.min(MIN_OVERLAP, suffix.length, prefix.length) || overlap < 0) return undefined;
  // Where both cover the gap, they must say the same (one passage, as each side stored it).
  const fromLeft = suffix.slice(0, Math.min(n, suffix.length));
  const fromRight = prefix.slice(Math.max(0, prefix.length - n));
  const lo = n - fromRight.length;
  for (let i = lo; i < fromLeft.length; i++) if (fromLeft[i] !== fromRight[i - lo]) return undefined;
  // Past the gap, a's suffix runs into b's quote and b's prefix comes out of a's quote.
  const intoB = suffix.slice(n).join('');
  const outOfA = prefix.slice(0, Math.max(0, prefix.length - n)).join('');
  if (!(b.quote + (b.suffix ?? '')).startsWith(intoB.slice(0, b.quote.length + (b.suffix ?? '').length))) return undefined;
  if (!((a.prefix ?? '') + a.quote).endsWith(outOfA.slice(Math.max(0, outOfA.length - (a.prefix ?? '').length - a.quote.length)))) return undefined;
  const gap = fromLeft.join('') + fromRight.slice(fromLeft.length - lo).join('');
  // Not across a sentence or line end: pasted text lands there (a sentence's first words copied in
  // front of it stand right after the sentence before, as the original did), so only the text
  // inside one sentence joins two names for sure.
  return SENTENCE_END.test(gap) ? undefined : gap;
}

/** A sentence's end inside a gap: a full stop, question or exclamation mark before a space (closing quotes between), or a line break. */
const SENTENCE_END = /[.!?]['"\u2019\u201d)\]]*\s|[\r\n\u2028\u2029\u0085]/u;

/**
 * Applies the two rules above to the results of a search without the old text. `ordered`: the
 * anchors by stored position. Linear in the anchors (a hostile article of thousands of adjacent
 * names costs one pass per round).
 */
export function bridgeNeighbours(
  text: string,
  ordered: readonly AnchorQuery[],
  placed: Placement[],
  orphans: Orphan[],
  codepoints: boolean,
  startsOf: (quote: string) => readonly number[],
  echoed: ReadonlySet<string> = new Set(),
): { placed: Placement[]; orphans: Orphan[] } {
  const pairs: { a: AnchorQuery; b: AnchorQuery; gap: string }[] = [];
  for (let i = 0; i + 1 < ordered.length; i++) {
    const gap = knownGap(ordered[i], ordered[i + 1], codepoints);
    if (gap !== undefined) pairs.push({ a: ordered[i], b: ordered[i + 1], gap });
  }
  if (pairs.length === 0) return { placed, orphans };
  const placeOf = new Map(placed.map((p) => [p.id, p]));
  const orphanOf = new Map(orphans.map((o) => [o.id, o]));
  const taken = new Set(placed.map((p) => `${p.start}:${p.end}`));
  // Where `piece` (starting with `quote`) stands in the text: its start when once, undefined when
  // more than once, -1 when nowhere (or past MAX_RIVALS occurrences of the quote, not looked for).
  const onlyPlace = (quote: string, piece: string): number | undefined => {
    const starts = startsOf(quote);
    if (starts.length > MAX_RIVALS) return -1;
    let found = -1;
    for (const s of starts) {
      if (!text.startsWith(piece, s)) continue;
      if (found >= 0) return undefined;
      found = s;
    }
    return found;
  };
  // The pair's whole piece (first quote, gap, second quote) standing once, at `start`: a piece that
  // is there twice (a paragraph pasted after itself) joins either copy, and a neighbour placed on the
  // wrong one would take this one with it.
  const once = (a: AnchorQuery, gap: string, b: AnchorQuery, start: number) => start >= 0 && onlyPlace(a.quote, a.quote + gap + b.quote) === start;
  // Two placed neighbours the gap does not join: the one with a copy that the gap joins to the
  // other is an ambiguous orphan (and may be placed there below).
  for (const { a, b, gap } of pairs) {
    const pa = placeOf.get(a.id);
    const pb = placeOf.get(b.id);
    if (!pa || !pb || (pb.start - pa.end === gap.length && text.startsWith(gap, pa.end))) continue;
    const aAt = pb.start - gap.length - a.quote.length;
    const aJoins = once(a, gap, b, aAt);
    const bJoins = once(a, gap, b, pa.start);
    if (aJoins === bJoins) continue;
    const [loser, p, best] = aJoins ? [a, pa, aAt] : [b, pb, pa.end + gap.length];
    placeOf.delete(loser.id);
    taken.delete(`${p.start}:${p.end}`);
    orphanOf.set(loser.id, { id: loser.id, reason: 'ambiguous', at: p.start, best: { start: best, end: best + loser.quote.length, text: loser.quote, score: p.score } });
  }
  // (Not one the echo rule left ambiguous, echo.ts: a paragraph pasted after itself and its first
  // copy edited, where a neighbour whose own text was edited in the first copy stands on the
  // second copy, and the pair would lead there.)
  const ambiguous = (id: string) => orphanOf.get(id)?.reason === 'ambiguous' && !echoed.has(id);
  // Nor a place another orphan's context points at (an orphan of the sidecar, a passage gone on
  // another branch, comes back there by its own context once the text returns: sidecar load).
  const claimed = new Map<string, number>();
  for (const o of orphanOf.values()) if (o.best) claimed.set(`${o.best.start}:${o.best.end}`, (claimed.get(`${o.best.start}:${o.best.end}`) ?? 0) + 1);
  const free = (id: string, start: number, end: number) => {
    const key = `${start}:${end}`;
    const own = orphanOf.get(id)?.best;
    return !taken.has(key) && (claimed.get(key) ?? 0) <= (own && own.start === start && own.end === end ? 1 : 0);
  };
  const place = (a: AnchorQuery, start: number) => {
    orphanOf.delete(a.id);
    const end = start + a.quote.length;
    placeOf.set(a.id, { id: a.id, start, end, method: 'order', modified: false, score: contextScore(text, start, end, a.prefix, a.suffix) ?? 0.5 });
    taken.add(`${start}:${start + a.quote.length}`);
  };
  // An ambiguous orphan is placed where the piece of text from it through its neighbours (quotes
  // and the gaps between them, up to MAX_LINKS pairs either way) stands once, when an anchor placed
  // for sure stands in that piece and every one placed is where the piece puts it. Rounds until
  // nothing changes: each placement may let the next one of a chain follow.
  const linkAfter = new Map(pairs.map((p) => [p.a.id, p]));
  const linkBefore = new Map(pairs.map((p) => [p.b.id, p]));
  // The anchors placed for sure (order.ts: the quote with its whole context, found once, no other
  // copy of the quote near): a piece is taken only where one of them stands in it. A piece that is
  // there once only because its other copy was edited (a paragraph pasted after itself, its first
  // copy edited) leads to the unedited copy, where no anchor is sure.
  const sure = new Set(sureAnchors(text, ordered, placeOf).map((i) => ordered[i].id));
  // (`start`: where the piece starts; `at`: each member's offset in it.)
  const fits = (members: { a: AnchorQuery; at: number }[], start: number) => {
    let anySure = false;
    for (const m of members) {
      const p = placeOf.get(m.a.id);
      if (!p) continue;
      if (p.start !== start + m.at) return false;
      if (sure.has(m.a.id)) anySure = true;
    }
    return anySure;
  };
  const placeByPiece = (a: AnchorQuery): boolean => {
    for (const dir of ['after', 'before'] as const) {
      let piece = a.quote;
      let first = a; // the piece's first anchor, whose quote's occurrences are searched
      let own = 0; // a's offset in the piece
      const members: { a: AnchorQuery; at: number }[] = [];
      let cur = a;
      for (let links = 0; links < MAX_LINKS; links++) {
        const link = dir === 'after' ? linkAfter.get(cur.id) : linkBefore.get(cur.id);
        if (!link) break;
        if (dir === 'after') {
          members.push({ a: link.b, at: piece.length + link.gap.length });
          piece += link.gap + link.b.quote;
          cur = link.b;
        } else {
          const added = link.a.quote + link.gap;
          for (const m of members) m.at += added.length;
          own += added.length;
          members.push({ a: link.a, at: 0 });
          piece = added + piece;
          first = link.a;
          cur = link.a;
        }
        const where = onlyPlace(first.quote, piece);
        if (where === undefined) continue; // more than once: a longer piece may tell
        if (where < 0) break; // nowhere
        // Not led by a word edited in place: where the piece without the name just added stands
        // again, and that name's own stored context stands there too around another word, the copies
        // differ only by an edit of that name ("Ford" changed to "noted" in the first copy of a
        // paragraph pasted after itself, the deleted "Ford" found on the pasted copy), which tells
        // nothing of which copy is the original.
        if (editedElsewhere(dir, cur, link, first.quote, piece, where)) break;
        if (!fits(members, where)) break;
        const start = where + own;
        if (!free(a.id, start, start + a.quote.length)) break;
        place(a, start);
        return true;
      }
    }
    return false;
  };
  // (`link`: the pair that added `added` to the piece, which stands at `where` and starts with `firstQuote`.)
  const editedElsewhere = (dir: 'after' | 'before', added: AnchorQuery, link: { gap: string; b: AnchorQuery }, firstQuote: string, piece: string, where: number): boolean => {
    const starts = startsOf(dir === 'after' ? firstQuote : link.b.quote);
    if (starts.length > MAX_RIVALS) return false;
    const rest = dir === 'after' ? piece.slice(0, piece.length - added.quote.length) : piece.slice(added.quote.length);
    const skip = dir === 'after' ? 0 : link.gap.length;
    const own = dir === 'after' ? where : where + added.quote.length;
    const near = added.quote.length + EDIT_SLACK;
    for (const s of starts) {
      const o = s - skip;
      if (o < 0 || o === own || !text.startsWith(rest, o)) continue;
      // (Looked for in a window of the text only: a search to the end would make a hostile article quadratic.)
      // (Up to a line break only: past it, the context of a paragraph's last name is the paragraph
      // after, which the copy before the pasted one is not followed by.)
      const context = dir === 'after' ? (added.suffix ?? '').slice(0, CONTEXT_HEAD).split(LINE_BREAK)[0] : (added.prefix ?? '').slice(-CONTEXT_HEAD).split(LINE_BREAK).pop()!;
      if (context.length === 0) continue;
      const from = dir === 'after' ? o + rest.length : Math.max(0, o - near - CONTEXT_HEAD);
      if (text.slice(from, dir === 'after' ? from + near + CONTEXT_HEAD : o).includes(context)) return true;
    }
    return false;
  };
  for (let changed = true, round = 0; changed && round < 8; round++) {
    changed = false;
    for (const a of ordered) if (ambiguous(a.id) && (linkAfter.has(a.id) || linkBefore.has(a.id)) && placeByPiece(a)) changed = true;
  }
  return { placed: [...placeOf.values()], orphans: [...orphanOf.values()] };
}
