import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';
import { withCarried } from '../../../../src/core/anchor/carried';
import { reanchorBySentences, sentenceFingerprints } from '../../../../src/core/anchor/sentences';
import { utf16, where } from './queries';

// An annotation the diff called deleted whose own sentence both texts hold once, word for word,
// follows that sentence when it is not alone there: an old neighbour came along, or the
// annotations placed around it frame its place (carried.ts). Found by a search of small edited
// texts for orphans that eval:anchoring's mixed edits showed (a paragraph moved among other edits);
// the cases it must not take, by a review.

const P1 = 'The company said its board would meet next week to consider the offer. The deal would be the largest French purchase in Canada this year.';
const P2 = 'Shares of the company closed unchanged on the Toronto Stock Exchange on Friday. Merieux, a vaccine firm based in Lyon, is controlled by Rhone Poulenc.';
const P3 = 'A spokesman for the government in Ottawa declined to comment on the timing. Officials in Paris said the talks with Canada would go on next month.';
const P4 = 'Merieux previously said it would ensure its bid remained open pending a final decision by Canadian regulators. It had been due to expire Friday evening.';
const LAST = 'Connaught shares rose 25 cents to close at $51.25 in Toronto.';
const GONE = 'The offer for the shares of the Toronto company was extended to Nov. 16.';
const P5 = 'Rhone Poulenc is based in Paris.';
const OLD = `${P1}\n\n${P2}\n\nInstitut Merieux said it was pleased with the decision of the board. ${P3}\n\n${P4}\n\n${LAST} ${GONE}\n\n${P5}\n`;
// P2 moved down two paragraphs, a word of the next paragraph edited, the sentence after LAST deleted.
const NEW = `${P1}\n\nInstitut Merieux quietly it was pleased with the decision of the board. ${P3}\n\n${P4}\n\n${P2}\n\n${LAST}\n\n${P5}\n`;

/** An annotation named `id` on the first `quote` of `text` at or after `from`. */
function on(text: string, id: string, quote: string, from = 0): AnchorQuery {
  const s = text.indexOf(quote, from);
  return anchorAt(text, id, s, s + quote.length);
}

/** An orphan the diff called deleted, to ask withCarried directly (the other rules may place it otherwise). */
const deleted = (a: AnchorQuery) => ({ placed: [], orphans: [{ id: a.id, reason: 'deleted' as const, at: 0 }] });

describe('reanchor: a sentence both texts hold once carries its annotations (issue 11)', () => {
  const moved = on(OLD, 'moved', 'Toronto');
  const last = on(OLD, 'last', 'Toronto', OLD.indexOf(LAST));
  const gone = on(OLD, 'gone', 'Toronto', OLD.indexOf(GONE));
  const canadian = on(OLD, 'canadian', 'Canadian');
  const paris = on(OLD, 'paris', 'Paris', OLD.indexOf(P5));
  const all = [moved, last, gone, canadian, paris];

  it('old text known: the moved paragraph\'s name, and a sentence\'s whose neighbours changed between placed names, are placed; the deleted one\'s is an orphan', () => {
    const r = reanchor(OLD, NEW, all, utf16);
    assert.equal(where(r, moved), NEW.indexOf(P2) + P2.indexOf('Toronto'));
    assert.equal(where(r, last), NEW.indexOf(LAST) + LAST.indexOf('Toronto'));
    assert.equal(where(r, gone), 'deleted');
  });

  it('old text rebuilt from the sentence fingerprints: the same', () => {
    const r = reanchorBySentences(sentenceFingerprints(OLD)!, NEW, all)!;
    assert.equal(where(r, moved), NEW.indexOf(P2) + P2.indexOf('Toronto'));
    assert.equal(where(r, last), NEW.indexOf(LAST) + LAST.indexOf('Toronto'));
    assert.equal(where(r, gone), 'deleted');
  });

  it('not a sentence alone: no old neighbour next to it and nothing placed around it', () => {
    // LAST's neighbours both changed (P2 moved before it, GONE deleted after it): with the names
    // around it not there to frame it, it could be another paragraph's sentence.
    assert.equal(where(reanchor(OLD, NEW, [moved, last, gone], utf16), last), 'deleted');
    // A stock sentence of a deleted paragraph, added to another one (review): an orphan.
    const stock = 'A spokesman did not immediately return a call seeking comment.';
    const old = `Acme Corp. said on Tuesday that it would cut 400 jobs at its plant in Cleveland. ${stock}\n\n${P1}\n\n${P3}\n`;
    const spokesman = on(old, 'spokesman', 'spokesman did');
    assert.equal(where(reanchor(old, `${P1}\n\n${P3} ${stock}\n`, [spokesman], utf16), spokesman), 'deleted');
  });

  it('not by a sentence either text holds twice, a short one, or one whose words beside the quote stand twice', () => {
    assert.deepEqual(withCarried(OLD, NEW, [moved], deleted(moved), utf16).placed.map((p) => p.start), [NEW.indexOf(P2) + P2.indexOf('Toronto')]);
    // The moved paragraph pasted twice: which copy, the sentence cannot say.
    const twice = `${P1}\n\n${P3}\n\n${P2}\n\n${P4}\n\n${P2}\n\n${LAST}\n`;
    assert.deepEqual(withCarried(OLD, twice, [moved], deleted(moved), utf16).placed, []);
    // The old text held it twice.
    const oldTwice = `${P2}\n\n${P1}\n\n${P2}\n`;
    assert.deepEqual(withCarried(oldTwice, `${P1}\n\n${P2}\n`, [on(oldTwice, 'first', 'Toronto')], deleted(on(oldTwice, 'first', 'Toronto')), utf16).placed, []);
    // A line "Toronto." deleted, its words a line elsewhere too: too short to be one statement.
    const old = `${P1}\n\nToronto.\n\n${P3}\n`;
    const short = on(old, 'short', 'Toronto');
    assert.deepEqual(withCarried(old, `${P3}\n\nToronto.\n`, [short], deleted(short), utf16).placed, []);
    // The paragraph copied to the end, then the name deleted from the original: the sentence stands
    // once, but its words after the name stand twice; the copy is not where the original went.
    const edited = `${P1}\n\n${P2.replace('the Toronto Stock', 'the Stock')}\n\n${P3}\n\n${P2}\n`;
    assert.deepEqual(withCarried(OLD, edited, [moved], deleted(moved), utf16).placed, []);
    assert.equal(where(reanchor(OLD, edited, [moved], utf16), moved), 'deleted');
    // Nor onto a span another annotation holds.
    const held = { placed: [{ id: 'other', start: NEW.indexOf(P2) + P2.indexOf('Toronto'), end: NEW.indexOf(P2) + P2.indexOf('Toronto') + 7, method: 'diff' as const, modified: false, score: 1 }], orphans: deleted(moved).orphans };
    assert.deepEqual(withCarried(OLD, NEW, [moved], held, utf16).orphans.map((o) => o.id), ['moved']);
  });
});
