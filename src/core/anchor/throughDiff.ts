/**
 * Re-anchoring one anchor when the old text is known and still holds its quote at the stored offsets:
 * its line followed where lines tell (wholelines.ts), else its place mapped through a character diff
 * of the two texts, checked against the context, copies and other mentions; a quote the diff lost is
 * followed if it moved, and otherwise is an orphan (deleted), whatever the same words elsewhere.
 */
import search from 'approx-string-match';
import { DiffMap } from './diffmap';
import { contextScore, contextSupport, fuzzyContextScore, occurrences, otherSentence } from './match';
import { agreeAfter, agreeBefore, betterOldMention, copyRival, sentenceAround, strayCopy, TIE, wholeSentenceElsewhere } from './alignment';
import { findMoved } from './moved';
import { boundaryChanged, edgesAgree } from './edges';
import { UNKNOWN, wordsAround } from './sentence';
import type { CandidateIndex } from './candidates';
import { WholeLines } from './wholelines';
import { HINT_RADIUS, searchCandidates } from './search';
import type { AnchorQuery, Orphan, Placement, ReanchorOptions } from './types';

/** Where one anchor went: a placement (`lined`: by its line alone, which the order check leaves), or an orphan. */
export type DiffOutcome = { placement: Placement; lined?: boolean } | { orphan: Orphan };

export class ThroughDiff {
  private lines: WholeLines | undefined;
  /** The character diff, made on first need (not at all when every anchor went with its line). */
  diff: DiffMap | undefined;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    private readonly index: CandidateIndex,
    private readonly opts: Required<ReanchorOptions>,
  ) {}

  /** Places anchor `a`, whose quote the old text holds at UTF-16 offsets [s, e). */
  place(a: AnchorQuery, s: number, e: number): DiffOutcome {
    const { oldText, newText, index, opts } = this;
    // An anchor whose line stands once in each text went with it, at once when no line was edited;
    // else the line may say the diff took a row for another, or make its place doubtful (wholelines.ts).
    const len = e - s;
    const lines = (this.lines ??= new WholeLines(oldText, newText));
    const own = lines.place(s, e);
    const moveTo = (at: number): DiffOutcome => ({ placement: { id: a.id, start: at, end: at + len, method: 'moved', modified: false, score: 1 }, lined: true });
    if (own !== undefined && lines.onlyOldLines()) return moveTo(own);
    const diff = (this.diff ??= new DiffMap(oldText, newText, opts.diffTimeout));
    const m = diff.mapSpan(s, e);
    const [oldPrefix, oldSuffix] = [oldText.slice(Math.max(0, s - 32), s), oldText.slice(e, e + 32)];
    const verdict = lines.verdict(diff, s, e, m, oldPrefix, oldSuffix);
    if (verdict && 'at' in verdict) return moveTo(verdict.at);
    if (verdict && 'ambiguous' in verdict) {
      const offer = verdict.ambiguous !== undefined ? { best: { start: verdict.ambiguous, end: verdict.ambiguous + len, text: a.quote, score: 1 } } : {};
      return { orphan: { id: a.id, reason: 'ambiguous', at: m.start, ...offer } };
    }
    const ctx = m.intact ? (contextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 1) : 0;
    // A name left as a small island of "unchanged" text between a deleted sentence and an inserted one using it is not intact.
    // (Or the diff put it on another line that stands as it was, where the quote's own line may not
    // have gone: wholelines.ts.)
    let island =
      (verdict !== undefined && 'lost' in verdict) ||
      (m.intact &&
        ((ctx < 0.5 && m.run < len + 12 && (fuzzyContextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 0) < 0.5) ||
          boundaryChanged(oldText, s, e, newText, m.start, m.end)));
    if (m.intact && !island) {
      // The diff can align the quote with another mention when the text around it changed (a
      // removed paragraph's "Americans:" on the next one's): where the context does not
      // clearly follow, the place is checked like a search result, and against the other
      // mentions of the old text, which may fit it better.
      const support = contextSupport(newText, m.start, m.end, a.quote, oldPrefix, oldSuffix);
      if (support < 2) {
        island =
          // (With the old text at hand, only a context lost right next to the quote counts.)
          otherSentence(newText, m.start, m.end, a.quote, oldPrefix, oldSuffix, 0.15) ||
          diff.deletionCouldCover(s, e) ||
          betterOldMention(oldText, newText, diff, s, e, m.start, m.end, a.quote, support);
      }
    }
    if (m.intact && !island) {
      // Text pasted next to a copy of itself, which the diff may have aligned with the old sentence
      // (the same characters inserted either way); a copy it kept among moved text (alignment.ts).
      const copy = copyRival(oldText, newText, diff, s, e, m.start) ?? strayCopy(oldText, newText, diff, s, e, m.start, () => index.startsOf(a.quote));
      if (copy === 'ambiguous') return { orphan: { id: a.id, reason: 'ambiguous', at: m.start, best: { start: m.start, end: m.end, text: a.quote, score: ctx } } };
      if (copy !== undefined) return { placement: { id: a.id, start: copy, end: copy + len, method: 'diff', modified: false, score: 0.9 } };
      // (Offering the diff's place, as the other ambiguous outcomes here do: the whole sentence's may be the copy.)
      if (wholeSentenceElsewhere(oldText, newText, diff, s, e, m.start, () => index.startsOf(a.quote))) return { orphan: { id: a.id, reason: 'ambiguous', at: m.start, best: { start: m.start, end: m.end, text: a.quote, score: ctx } } };
      // In repeated passages a diff may align the text with another copy: one whose old context follows is preferred.
      // (Not another old mention of the quote that the diff kept in place: that is the mention's
      // own text, the copy of a paragraph pasted after itself whose first copy was edited.)
      const better = ctx < 0.5 ? searchCandidates(newText, { ...a, prefix: oldPrefix, suffix: oldSuffix }, m.start, opts, index).placement : undefined;
      const keptAt = better ? diff.unchangedFrom(better.start, better.end) : undefined;
      const otherMention = keptAt !== undefined && keptAt !== s && oldText.startsWith(a.quote, keptAt);
      if (better && !otherMention && better.method !== 'fuzzy' && better.start !== m.start && better.score > ctx + TIE) {
        // A copy in pasted text against the quote's own text, which the diff kept: the copy carries the
        // old context, but the original may as well have had a sentence put before it ("… leader.
        // [Caroline Wyatt], BBC news, Bonn." pasted at the top, a sentence inserted before the sign-off
        // at the foot): neither reading is sure (eval:anchoring's duplicated sentences, seeds 1 and 13).
        // (Only where the quote's own text goes on with its old context on one side, the sign-off's
        // ", BBC news, Bonn.": a review found the diff pairing a name with a moved sentence that
        // shares a few words, " the [Gonzalez] family", whose context the copy rightly took.)
        const oneSide = agreeBefore(oldText, s, newText, m.start) >= Math.min(32, s) || agreeAfter(oldText, e, newText, m.end) >= Math.min(32, oldText.length - e);
        if (oneSide && diff.isInserted(better.start, better.end)) return { orphan: { id: a.id, reason: 'ambiguous', at: m.start, best: { start: m.start, end: m.end, text: a.quote, score: ctx } } };
        return { placement: { ...better, method: 'context' } };
      }
      // Nor is a name whose old sentence the diff mostly did not keep, its context lost too, found by
      // the search nowhere better: a sentence deleted and another inserted that shares a few words
      // with it ("the bombings in [Kenya] and Tanzania last week" on "the bombing investigators from
      // the FBI, Kenya and Tanzania have been working"). It goes on as an island: moved, or an orphan.
      if (ctx >= 0.5 || sentenceKept(oldText, newText, diff, s, e, m.start) > 0.5) return { placement: { id: a.id, start: m.start, end: m.end, method: 'diff', modified: false, score: 1 } };
      island = true;
    }
    // Edits at a span's edge can make the diff misalign it by a character or two: the exact quote right there is the answer.
    const lo = Math.max(0, m.start - len - 8);
    const near = island || len < 4 ? [] : occurrences(newText.slice(lo, m.end + len + 8), a.quote).map((p) => lo + p);
    // Not when that is unchanged text the diff took from another mention of the quote.
    const other = near.length === 1 ? diff.unchangedFrom(near[0], near[0] + len) : undefined;
    if (near.length === 1 && (other === undefined || other === s) && (contextScore(newText, near[0], near[0] + len, oldPrefix, oldSuffix) ?? 0) >= 0.5) {
      return { placement: { id: a.id, start: near[0], end: near[0] + len, method: 'diff', modified: false, score: 0.95 } };
    }
    const newLen = m.end - m.start;
    // A typo fixed inside the quote is followed; a word replaced by another ("Thursday" by
    // "Tuesday", "Monday" by "today") is not the same text, however many letters they share.
    // (A two- or three-letter quote has no room for a typo: "By" and "But" are two words.)
    const typoSized = len < 4 ? 0 : len < 10 ? 1 : Math.floor(len / 5);
    const digits = (x: string) => x.replace(/\D+/g, ''); // nor a number changed ("Record 00007" on "Record 00003"): another value
    const similar = () => Math.abs(newLen - len) <= typoSized && search(newText.slice(m.start, m.end), a.quote, typoSized).length > 0 && digits(newText.slice(m.start, m.end)) === digits(a.quote);
    const kept = () => (contextScore(newText, m.start, m.end, oldPrefix, oldSuffix) ?? 0) >= 0.25;
    // Nor is a place that starts or ends inside a word where the quote did not ("Since" read on
    // the "ince" of "incendiary", the words around it replaced).
    const edges = () => edgesAgree(newText, m.start, m.end, { quote: a.quote, prefix: oldPrefix, suffix: oldSuffix });
    if (!island && newLen > 0 && m.equal * 2 >= len && newLen * 2 >= len && newLen <= len * 1.5 + 2 && similar() && kept() && edges()) {
      return { placement: { id: a.id, start: m.start, end: m.end, method: 'diff-modified', modified: newText.slice(m.start, m.end) !== a.quote, score: m.equal / len } };
    }
    const moved = findMoved(oldText, newText, diff, s, e, a.quote, () => index.startsOf(a.quote));
    if (moved && moved.score >= 0.6) return { placement: { id: a.id, start: moved.start, end: moved.end, method: 'moved', modified: false, score: moved.score } };
    // Its text was deleted: an orphan, even if the same words appear elsewhere. (Its best
    // candidate, a hint, allowing edits only near where the text was.)
    const best = searchCandidates(newText, a, m.start, opts, index, false, undefined, HINT_RADIUS).best;
    return { orphan: best ? { id: a.id, reason: 'deleted', at: m.start, best } : { id: a.id, reason: 'deleted', at: m.start } };
  }
}

/**
 * The share of the old sentence holding [s, e) that the diff kept. In a sentence the old text
 * knows only in part (rebuilt from a sidecar's fingerprints, sentences.ts: a noncharacter stands
 * for the words it does not know), the share of the known stretch's words, the quote's context,
 * found around the diff's place `at` in the new text: a sentence deleted and another inserted that
 * shares a few of its words then reads as it does with the old text (eval:anchoring, mixed alone,
 * seed 3: "the bombings in [Kenya] and Tanzania last week" on "the FBI, Kenya and Tanzania have been
 * working"). (Not the characters the diff kept there: in a stretch as short as the context the
 * quote's own run is a third of it, and a diff of unrelated sentences keeps letters here and there.)
 * 1 where too little is known to tell.
 */
function sentenceKept(oldText: string, newText: string, diff: DiffMap, s: number, e: number, at: number): number {
  let [from, to] = sentenceAround(oldText, s, e);
  if (to <= from) return 1;
  // (Looked for within the sentence only: this runs per anchor, and the text may be long.)
  const sentence = oldText.slice(from, to);
  const unknownBefore = sentence.lastIndexOf(UNKNOWN, s - from - 1);
  const unknownAfter = sentence.indexOf(UNKNOWN, e - from);
  if (unknownBefore < 0 && unknownAfter < 0) return diff.mapSpan(from, to).equal / (to - from);
  if (unknownAfter >= 0) to = from + unknownAfter;
  if (unknownBefore >= 0) from += unknownBefore + 1;
  return wordsAround(oldText, from, to, s, e, newText, at, WORDS_SLACK) ?? 1;
}
/** Characters past the known stretch's reach in which its words are looked for (edits may have lengthened it). */
const WORDS_SLACK = 16;
