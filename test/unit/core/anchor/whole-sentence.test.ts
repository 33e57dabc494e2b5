import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { sentenceAround } from '../../../../src/core/anchor/alignment';

// Found by eval:anchoring's partly duplicated sentences (seed 7, an article of the news corpus, cut
// down): the first words of sentences pasted before them, over and over, the old text known. The diff
// kept "First of America said some of the managers will take other jobs" of the old sentence on the
// first pasted copy (". First of America said some of the managers will take other jobs.") and took
// the sentence itself, which stands whole after the copies, for inserted text: the name went onto the
// copy. No text tells which is the original once the sentence stands whole elsewhere and the diff's
// place does not hold it (nor kept both its old neighbours), so the name is an ambiguous orphan.

const BANKS = 'The Midwest Financial subsidiary banks will continue to operate under their current names until early 1990, when each will adopt the First of America name.\n\n';
const KALAMAZOO = 'Kalamazoo, Mich.-based First of America said it will eliminate the 13 management positions of the former Midwest Financial parent company. ';
const MANAGERS = 'First of America said some of the managers will take other jobs with First of America. ';
const SEVERANCE = "But it said that severance payments to those executives not staying with the company will reduce First of America's operating results for 1989 by $3 million.";
const OLD = `Midwest Financial has $2.3 billion in assets and eight banks. ${BANKS}${KALAMAZOO}${MANAGERS}${SEVERANCE}`;

/** The old text with copies of the starts of sentences pasted before them, as eval:anchoring pastes them. */
function pasted(): string {
  const stacked = (sentence: string, cuts: number[]) => cuts.map((n) => `${sentence.split(' ').slice(0, n).join(' ')}. `).join('');
  return OLD.replace(KALAMAZOO, stacked(KALAMAZOO, [13, 8, 6]) + KALAMAZOO)
    .replace(MANAGERS, stacked(MANAGERS, [12, 11]) + MANAGERS)
    .replace(SEVERANCE, stacked(SEVERANCE, [17, 20, 24, 11]) + SEVERANCE);
}

describe('reanchor: a sentence standing whole after pasted copies of its start (old text known)', () => {
  it('its name is not put on a copy: it stays on the whole sentence or is an ambiguous orphan', () => {
    const cur = pasted();
    const s = OLD.indexOf(MANAGERS);
    const want = cur.indexOf(MANAGERS);
    const r = reanchor(OLD, cur, [anchorAt(OLD, 'first', s, s + 5)], { units: 'utf16' });
    const placed = r.placed.find((p) => p.id === 'first');
    assert.ok(!placed || placed.start === want, `"First" put at ${placed?.start}: …${JSON.stringify(cur.slice((placed?.start ?? 0) - 20, (placed?.start ?? 0) + 70))}…, not on the whole sentence at ${want}`);
    if (!placed) assert.equal(r.orphans.find((o) => o.id === 'first')?.reason, 'ambiguous');
  });

  it('a line copied higher up, then shortened where it stands, keeps its name (a review of the rule)', () => {
    // A list of lines, each ending in an abbreviation; "Tom Ford sued last year Globex Corp." copied higher
    // up, then cut to "Tom Ford sued." where it stands: the diff kept both its neighbours next to it.
    const old = "Kim Lee praised during the talks Initech Co.\nTom Ford joined during the talks Acme Inc.\nMary Jones wrote to for the second time Initech Co.\nMary Jones joined in March at 9 a.m.\nMary Jones criticized after the vote Mr.\nMary Jones advised during the talks Mr.\nAna Ruiz left last year Umbrella Inc.\nKim Lee met with after the vote Hooli Ltd.\nAna Ruiz left at 9 a.m.\nAna Ruiz criticized in March the U.S.\nTom Ford joined in March Acme Inc.\nLee Chen left after the vote Initech Co.\nJohn Smith wrote to on Monday Globex Corp.\nTom Ford wrote to Vandelay Bros.\nTom Ford praised during the talks Acme Inc.\nTom Ford sued last year Globex Corp.\nIvan Petrov criticized after the vote the U.S.\nLee Chen met with Hooli Ltd.\n";
    const cur = old.replace('Tom Ford sued last year Globex Corp.', 'Tom Ford sued.').replace('Mary Jones joined', 'Tom Ford sued last year Globex Corp.\nMary Jones joined');
    const spans: [number, number][] = [[0,7],[45,53],[88,98],[140,150],[177,187],[218,228],[258,266],[296,303],[339,347],[363,371],[401,409],[436,444],[477,487],[520,528],[553,561],[597,605],[634,645],[681,689]];
    const r = reanchor(old, cur, spans.map(([s, e], i) => anchorAt(old, `l${i}`, s, e)), { units: 'utf16' });
    const id = `l${spans.findIndex(([s]) => old.startsWith('Tom Ford sued', s))}`;
    assert.equal(r.placed.find((p) => p.id === id)?.start, cur.indexOf('Tom Ford sued.'), JSON.stringify(r.orphans.find((o) => o.id === id)));
  });

});

describe('sentenceAround: a line break ends a sentence, even after a word taken for an abbreviation', () => {
  // "Young's." ends like an initial ("s."), and the regex took the line break along with the full
  // stop, so the sentence ran on into the next paragraph. Copies of a paragraph were then judged by
  // two paragraphs: eval:anchoring's duplicated sentences, ten edits, old text known, orphaned 0.29 %
  // of the names, 0.04 % after; partly duplicated 1.24 -> 0.57 %.
  const P1 = "Young's Market Co., a wholesaler of spirits, wines and other goods, said it will merge with a new corporation formed by the Underwood family, which controls Young's.";
  const P2 = 'Under terms of the agreement, shareholders other than the Underwoods will receive $3,500 a share at closing, which is expected in December.';
  const P3 = "Young's Market had sales of $500 million last year, the company said.";
  const OLD = `${P1}\n\n${P2}\n\n${P3}\n`;

  it('ends the sentence at the paragraph', () => {
    const [from, to] = sentenceAround(OLD, 8, 17);
    assert.equal(OLD.slice(from, to), P1);
  });

  it("a paragraph kept unedited where it was keeps its name when it and the next are pasted at the end and that next one is edited where it was", () => {
    const cur = `${P1}\n\n${P2.replace('Under terms', 'Under the terms')}\n\n${P3}\n\n${P1}\n\n${P2}\n`;
    const r = reanchor(OLD, cur, [anchorAt(OLD, 'market', 8, 17)], { units: 'utf16' });
    assert.equal(r.placed.find((p) => p.id === 'market')?.start, 8, JSON.stringify(r.orphans));
  });
});
