import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';

// Issue 11 item 5: a place that starts or ends inside a word, or whose surroundings disagree, is an
// orphan, not a guess. Wrong places are worse than orphans: nobody is told about them.

const utf16 = { units: 'utf16' as const };

function placedText(old: string | undefined, text: string, a: AnchorQuery): string | undefined {
  const r = reanchor(old, text, [a], utf16);
  const p = r.placed[0];
  return p ? `${p.start}:${text.slice(p.start, p.end)}` : undefined;
}

describe('reanchor: no placement is a guess (issue 11 item 5)', () => {
  it("sed 's/U\\.S\\./American/g': 'U.S. Marine Corps' is not moved onto 'ican Marine Corps'", () => {
    const old = 'In a statement released late on Monday, a spokesman for the U.S. Marine Corps said that the two soldiers were hurt in a roadside blast near the city.\n';
    const text = old.replace(/U\.S\./g, 'American');
    const s = old.indexOf('U.S. Marine Corps');
    const a = anchorAt(old, 'x', s, s + 17);
    for (const known of [old, undefined]) {
      const got = placedText(known, text, a);
      assert.ok(got === undefined || got.endsWith(':American Marine Corps'), `placed on ${got} (old text ${known ? 'known' : 'unknown'})`);
    }
  });

  it('a partial copy of a sentence inserted before the original does not take its anchors', () => {
    const sentence = 'Kim Yong-chol met the delegation in Panmunjom on Thursday, officials said.';
    const old = `Seoul.\n\n${sentence}\n\nOther news follows here.\n`;
    const text = `Seoul.\n\nKim Yong-chol met the delegation in Panmunjom. ${sentence}\n\nOther news follows here.\n`;
    const original = text.indexOf(sentence);
    // (Without the old text, "Kim Yong-chol" on the copy is at its old offset with all of its
    // stored context, 8 characters before and 32 after: nothing tells the copy from the original,
    // so it must be an orphan, as the next test checks.)
    const cases = [['Panmunjom', [old, undefined]], ['Kim Yong-chol', [old, undefined]]] as const;
    for (const [quote, modes] of cases) {
      const s = old.indexOf(quote);
      const a = anchorAt(old, quote, s, s + quote.length);
      for (const known of modes) {
        const got = placedText(known, text, a);
        assert.ok(got === undefined || got === `${text.indexOf(quote, original)}:${quote}`, `${quote} placed on the copy: ${got} (old text ${known ? 'known' : 'unknown'})`);
      }
    }
  });

  it('without the old text, a name whose copy pasted close by agrees as well is an ambiguous orphan offering the place, not a guess', () => {
    // eval:anchoring's "partly duplicated sentence" without the old text placed 11.8 % of the
    // anchors on the copy, because the copy sat at the old offset with the whole stored context.
    const sentence = '"What we are talking about is to improve security cooperation and how to build confidence," said Park.';
    const old = `This is a crucial first step towards that goal.\n\n${sentence}\n\nThe talks end on Friday.\n`;
    const text = old.replace(sentence, `"What we are talking about is to improve security cooperation and how to build. ${sentence}`);
    const s = old.indexOf('What');
    const r = reanchor(undefined, text, [anchorAt(old, 'w', s, s + 4)], utf16);
    assert.deepEqual(r.placed, [], `placed on ${JSON.stringify(r.placed)}`);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
    assert.ok(r.orphans[0].best, 'the orphan offers a place to pick');
    // Copies far apart (repeated wire copy) are still told apart by where the text was.
    const far = `${old}${'Filler text that goes on. '.repeat(60)}${old}`;
    const moved = `A new first line.\n${far}`;
    const f = far.indexOf('What', far.indexOf('What') + 1);
    const got = reanchor(undefined, moved, [anchorAt(far, 'w', f, f + 4)], utf16).placed[0];
    assert.equal(got?.start, f + 'A new first line.\n'.length, 'the later copy of a repeated passage is kept');
  });

  // What eval:anchoring's duplicated-sentence scenarios found with the old text known: the diff may
  // align the old sentence with a copy as cheaply as with the original (the same number of
  // characters inserted either way), and the copy carries the stored context.
  it('the first words of a sentence copied before it, old text known: every anchor stays on the whole sentence', () => {
    const sentence = "Twelve Arab League nations voted for an Arab force to protect Saudi Arabia, with the vanguard of Syria's contingent arriving Tuesday, according to diplomats in Cairo.";
    const old = `The region holds vast oil reserves. ${sentence} The talks go on.\n`;
    const copy = "Twelve Arab League nations voted for an Arab force to protect Saudi Arabia, with the vanguard of Syria's contingent arriving Tuesday, according. ";
    const text = old.replace(sentence, copy + sentence);
    const original = text.indexOf(sentence);
    for (const quote of ['Twelve Arab League', 'Saudi Arabia', 'Syria', 'Tuesday']) {
      const s = old.indexOf(quote);
      assert.equal(placedText(old, text, anchorAt(old, quote, s, s + quote.length)), `${text.indexOf(quote, original)}:${quote}`, quote);
    }
  });

  it('two sentences pasted again right after themselves, old text known: their anchors are flagged, not put on either copy', () => {
    // "R S" becomes "R S R S": whichever pair was pasted, the texts are the same, so no place is right.
    const pair = 'The agency report came out on Friday. Kalashnikov designed the AK-47 rifle in the Soviet Union after the war. ';
    const old = `Opening words of the story come first here. ${pair}Then the closing words of the story follow on.\n`;
    const text = old.replace(pair, pair + pair);
    for (const quote of ['Friday', 'Kalashnikov', 'Soviet Union']) {
      const s = old.indexOf(quote);
      const r = reanchor(old, text, [anchorAt(old, quote, s, s + quote.length)], utf16);
      assert.deepEqual(r.placed, [], `${quote} placed at ${r.placed[0]?.start}`);
      assert.equal(r.orphans[0].reason, 'ambiguous');
      assert.ok(r.orphans[0].best, 'a candidate is offered');
    }
  });

  it('a sentence pasted again among other pasted sentences after itself, old text known: flagged, not put on one copy', () => {
    // eval:anchoring's "sentence copied elsewhere" with ten edits: "F. K. T." became
    // "F. K. S1. K. S2. T." — the diff inserted "S1. K. S2." after the first K, but inserting
    // "K. S1." before the second K costs as much, and nothing tells which K was there first.
    const k = 'Kalashnikov designed the AK-47 automatic rifle, famed for its reliability. ';
    const old = `The report came out on Friday. ${k}Together with its derivatives, it armed many countries.\n`;
    const pasted = `Seventy-five million copies have been built since 1947. ${k}It is the most widely distributed weapon. `;
    const text = old.replace(k, k + pasted);
    const s = old.indexOf('Kalashnikov');
    const r = reanchor(old, text, [anchorAt(old, 'k', s, s + 'Kalashnikov'.length)], utf16);
    assert.deepEqual(r.placed, [], `placed at ${r.placed[0]?.start}`);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
    assert.ok(r.orphans[0].best, 'a candidate is offered');
  });

  it('a short quote without context is not placed on the nearest other occurrence', () => {
    const a: AnchorQuery = { id: 'x', start: 13, end: 16, quote: 'She' };
    assert.equal(placedText(undefined, 'She left. He said yes. Then she said no. They said maybe.', a), undefined);
    // Still found exactly where it was.
    assert.equal(placedText(undefined, 'He said yes. She said no. She said maybe.', a), '13:She');
  });
});
