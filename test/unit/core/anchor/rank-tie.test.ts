import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by the review of the change that ranked the search steps equal (so that the better context
// decides): two identical paragraphs far apart, a typo fixed next to a name in the first one, the
// old text unknown. Both names' searches then end on the second copy with the same score, and the
// first paragraph's annotation took it, leaving the second's own annotation an orphan: a wrong
// placement. On a tie, the annotation found at its own position keeps the span.

const PARAGRAPH = 'He said he received information from Khmer Rouge guerrillas on where the body had been buried, officials said.\n\n';
const FILLER = 'The talks in Phnom Penh lasted two days and ended without any statement from either side.\n\n';

describe('reanchor: two searches ending on one span with the same score (old text unknown)', () => {
  it('the annotation found at its own position keeps the span; the other is not put there', () => {
    const old = PARAGRAPH + FILLER.repeat(40) + PARAGRAPH;
    const edited = old.replace('Khmer Rouge guerrillas', 'Khmer Rouge guerirllas'); // the first copy only
    const first = old.indexOf('Khmer Rouge');
    const second = old.lastIndexOf('Khmer Rouge');
    const anchors = [anchorAt(old, 'first', first, first + 11), anchorAt(old, 'second', second, second + 11)];
    const r = reanchor(undefined, edited, anchors, { units: 'utf16' });
    const at = new Map(r.placed.map((p) => [p.id, p.start]));
    assert.equal(at.get('second'), second, 'the second paragraph keeps its own name');
    assert.ok(!at.has('first') || at.get('first') === first, `the first paragraph's name is put at ${at.get('first')}, on the other copy`);
  });
});

// Found by eval:anchoring once its sentences no longer ran across a line break after "Co." (stop 42):
// two anchors on one quote, their claims on the one place left about equal, the old text unknown.
const byId = (r: ReturnType<typeof reanchor>) => new Map(r.placed.map((p) => [p.id, p.start]));

describe('reanchor: two anchors claiming one place about equally (old text unknown)', () => {
  it("the anchor of a deleted sentence does not take a mention's place by a hair of context score", () => {
    // Both contexts agree after "U." for 32 characters and not at all before it (0.524 against 0.516):
    // the mention's own anchor had lost its place to the deleted sentence's.
    const s1 = 'The Cuban government Friday condemned the two bomb explosions near U.S. embassies in Kenya and Tanzania.\n\n';
    const s2 = 'The Cuban government also expressed its condolences to the families of the victims.\n\nTwo bombs exploded outside U.S. embassies in Kenya and Tanzania Friday, killing at least 81 people.\n\n';
    const old = `HAVANA, August 7 (Xinhua) --\n\n${s1}The Foreign Ministry said the attacks were a threat to every country.\n\n${s2}Cuba has no embassy in either country.\n`;
    const edited = old.replace('explosions near', 'panel').replace(s2, '');
    const anchors = [anchorAt(old, 'own', old.indexOf('U.'), old.indexOf('U.') + 2), anchorAt(old, 'deleted', old.lastIndexOf('U.'), old.lastIndexOf('U.') + 2)];
    const at = byId(reanchor(undefined, edited, anchors, { units: 'utf16' }));
    assert.ok(!at.has('deleted'), `the deleted sentence's "U." is put at ${at.get('deleted')}, on another sentence`);
    assert.ok(!at.has('own') || at.get('own') === edited.indexOf('U.'));
  });

  it('a context agreeing whole on both sides wins the place from one agreeing further but into another sentence', () => {
    // The deleted paragraph's "Hudson" agrees before it (the paragraph above was kept) and for
    // "'s Bay said " after it; the next paragraph's own "Hudson" agrees up to its edges on both sides.
    const p1 = 'The company has about 31 million ordinary shares outstanding. On the Toronto Stock Exchange, its shares closed at C$35, up 12.5 cents.\n\n';
    const p2 = "Hudson's Bay said that Woodbridge Co., which currently holds about 77% of the ordinary shares, will subscribe for its share.\n\n";
    const p3 = "Woodbridge is controlled by Toronto's Thomson family.\n\n";
    const p4 = "Hudson's Bay said it will redeem 9.5 million Series H preferred shares on Oct. 31 at a price of C$27.75 each.\n\n";
    const old = `${p1}${p2}${p3}${p4}The move was approved at a special meeting yesterday.\n`;
    const edited = old.replace(p2 + p3, '');
    const anchors = [anchorAt(old, 'deleted', old.indexOf(p2), old.indexOf(p2) + 6), anchorAt(old, 'own', old.indexOf(p4), old.indexOf(p4) + 6)];
    const at = byId(reanchor(undefined, edited, anchors, { units: 'utf16' }));
    assert.ok(!at.has('deleted'), `the deleted paragraph's "Hudson" is put at ${at.get('deleted')}`);
    assert.equal(at.get('own'), edited.indexOf(p4), "the kept paragraph's own name keeps its place");
  });

  it("the text's first name, at its own place, keeps it from a deleted copy's whose context reaches the start", () => {
    // Found by review: an anchor at offset 0 has no stored prefix and never counted as whole, while
    // the deleted copy's prefix agreed up to the text's start, which counts as whole.
    const old = 'Reno said on Monday that the talks would resume.\n\nThe statement came late on Friday, officials said.\n\nReno said on Monday that the talks would resume.\n';
    const edited = old.slice(0, old.lastIndexOf('Reno'));
    const second = old.lastIndexOf('Reno');
    const anchors = [anchorAt(old, 'first', 0, 4), anchorAt(old, 'second', second, second + 4)];
    const at = byId(reanchor(undefined, edited, anchors, { units: 'utf16' }));
    assert.equal(at.get('first'), 0);
    assert.ok(!at.has('second'), `the deleted copy's "Reno" is put at ${at.get('second')}`);
  });
});
