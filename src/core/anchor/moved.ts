/**
 * Text moved elsewhere when the old text is known (see throughDiff.ts): a quote the diff lost is
 * followed into inserted text that brought its old surroundings and most of its sentence along.
 */

import type { DiffMap } from './diffmap';
import { agreeAfter, agreeBefore, MIN_MOVED, sentenceAround, TIE } from './alignment';
import { contextScore, sideSupport, type Candidate } from './match';
import { wordsAround } from './sentence';

/**
 * Text cut from one place and pasted in another: the quote, with the context that moved along
 * with it (inside the deleted block), found again in inserted text only — never in text that was
 * already there, which is what tells a move from a deletion next to another mention.
 */
export function findMoved(oldText: string, newText: string, diff: DiffMap, s: number, e: number, quote: string, startsOf: () => readonly number[]): Candidate | undefined {
  const block = diff.deletedBlock(s) ?? diff.deletedBlock(e - 1);
  if (!block) return undefined;
  // Context that moved along (inside the deleted block), and the whole old context: a diff can
  // cut a re-typed or re-wrapped passage into several blocks.
  const inBlock = [oldText.slice(Math.max(block.start, s - 32), s), oldText.slice(e, Math.min(block.end, e + 32))];
  // Moved text takes its surroundings along: where the words right before and after the quote
  // stayed in place, side by side, the name was deleted or replaced in its sentence, and a copy of
  // the paragraph pasted elsewhere is a copy, not where it went.
  if (stayed(diff, oldText, s, e)) return undefined;
  const contexts = [inBlock, [oldText.slice(Math.max(0, s - 32), s), oldText.slice(e, e + 32)]].filter(([p, x]) => p.length + x.length >= 8);
  if (!contexts.length) return undefined;
  // Moved text arrives with what was deleted along with it, on both sides: the same name in an
  // inserted sentence that only starts like the deleted one ("trading on the New York Stock
  // Exchange." / "…Exchange, Bethlehem shares") was not moved there.
  const movedAlong = (p: number) =>
    (sideSupport(newText, p, p + quote.length, inBlock[0], 'before', quote) ?? 1) >= 0.75 &&
    (sideSupport(newText, p, p + quote.length, inBlock[1], 'after', quote) ?? 1) >= 0.75;
  // And moved text is more than the quote and a word or two beside it: "Mr" of a deleted "Mr.
  // Schwarz's father was…" is not "Mr. Schwarz says…" pasted elsewhere (eval:anchoring, mixed alone,
  // seed 7, ten edits).
  const agreeing = (p: number) => agreeBefore(oldText, s, newText, p) + quote.length + agreeAfter(oldText, e, newText, p + quote.length);
  // And most of its sentence's words with it (edits since may have changed a few): a deleted
  // "[Poland], Hungary and the Czech Republic today became full-fledged members of NATO, less than a
  // decade after …" is not another story's "Poland, Hungary and the Czech Republic Friday formally
  // joined NATO at a ceremony …" inserted elsewhere (eval:anchoring, mixed alone, seed 10).
  // (Its words are looked for as far around the new place as the sentence reached around the old,
  // and a little further: re-wrapped or edited since, its line breaks and lengths may differ.)
  const [from, to] = sentenceAround(oldText, s, e);
  const sentence = (p: number) => (wordsAround(oldText, from, to, s, e, newText, p, WORDS_SLACK) ?? 1) >= MIN_WORDS_MOVED;
  let best: Candidate | undefined;
  let second = 0;
  // (The quote's places from the shared index: a scan of the text per deleted anchor was quadratic,
  // 1.9 s of re-anchoring 1.6 MB with half its paragraphs deleted and 20,000 anchors. The exact
  // agreement first: `movedAlong` may search with edits, and most places of a common quote fail the
  // former. 10 of 17 s of re-anchoring 1 MB re-wrapped and moved.)
  let places: { p: number; agree: number }[] = [];
  for (const p of startsOf()) {
    if (!diff.isInserted(p, p + quote.length)) continue;
    const agree = agreeing(p);
    if (agree >= MIN_MOVED) places.push({ p, agree });
  }
  // Past MAX_MOVED_PLACES, only those that agree furthest exactly are weighed with edits: rows of one
  // template, reversed with a tenth edited and the old text known, put every row's name in text the
  // diff calls inserted, each place a few characters off the stored context (its row's number), and
  // each deleted anchor weighed them all: 4,000 rows took 259 s, 8,000 over 14 minutes.
  if (places.length > MAX_MOVED_PLACES) places = places.sort((a, b) => b.agree - a.agree || a.p - b.p).slice(0, MAX_MOVED_PLACES).sort((a, b) => a.p - b.p);
  for (const { p } of places) {
    if (!movedAlong(p)) continue;
    const score = Math.max(...contexts.map(([pre, suf]) => contextScore(newText, p, p + quote.length, pre, suf) ?? 0));
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { start: p, end: p + quote.length, text: quote, score };
    } else second = Math.max(second, score);
  }
  // (The sentence asked of the best place only: a rival that lacks its sentence still makes the
  // best one doubtful. Asked of each, it left a wrong place unrivalled, the review harness's
  // reversed paragraphs, seed 8: "Poland, [Hungary] and the Czech Republic are scheduled …".)
  if (!best || best.score - second < TIE || !sentence(best.start)) return undefined;
  // Another place of the old text that the diff did not keep either, whose text agrees with the
  // new place as far on both sides: the text moved there may be that one's. In a long text holding
  // an article twice, with paragraphs moved, the line diff paired a moved paragraph's new place
  // with the other copy, and the anchors of the first went onto the second copy's place.
  // (Such a place holds the very stretch of old text that agrees, found by the engine's own search:
  // comparing every old mention of the quote was quadratic in records that share their
  // boilerplate, 6,000 of them 7.4 -> 18.2 s. Past MAX_RIVALS copies kept by the diff, no more are
  // looked at.)
  const before = agreeBefore(oldText, s, newText, best.start);
  const after = agreeAfter(oldText, e, newText, best.end);
  const stretch = oldText.slice(s - before, e + after);
  let looked = 0;
  for (let q = oldText.indexOf(stretch); q >= 0 && looked < MAX_RIVALS; q = oldText.indexOf(stretch, q + 1)) {
    const t = q + before;
    if (t === s) continue;
    looked++;
    if (!diff.mapSpan(t, t + quote.length).intact) return undefined;
  }
  return best;
}

/** Whether STAYED characters before old [s, e) and after it are both unchanged in the new text, next to each other but for what replaced the quote. */
function stayed(diff: DiffMap, oldText: string, s: number, e: number): boolean {
  // (A character short of the quote on each side: the diff may delete a space along with the name.)
  if (s < STAYED + 1 || e + STAYED + 1 > oldText.length) return false;
  const before = diff.mapSpan(s - STAYED - 1, s - 1);
  const after = diff.mapSpan(e + 1, e + 1 + STAYED);
  return before.intact && after.intact && after.start >= before.end && after.start - before.end <= 2 * (e - s) + STAYED;
}
/** Copies of a moved stretch kept by the diff past which {@link findMoved} looks at no more. */
const MAX_RIVALS = 1000;
/** Characters on each side of a quote that say its sentence stayed where it was (see stayed). */
const STAYED = 12;
/** Places of a quote in inserted text past which {@link findMoved} weighs only those agreeing furthest exactly. */
const MAX_MOVED_PLACES = 64;
/** Share of its old sentence's words that a moved quote's new sentence holds. */
const MIN_WORDS_MOVED = 0.5;
/** Characters past a moved sentence's old reach in which its words are looked for. */
const WORDS_SLACK = 32;
