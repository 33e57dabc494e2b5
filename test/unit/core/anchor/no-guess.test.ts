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

  it('old text known, the words around a quote replaced: "Since" is not read on the "ince" of "incendiary"', () => {
    const old = 'The boy was sent back from the United States. Since the tragedy, Elian has lived with his father.\n';
    const text = old.replace('Since the tragedy', 'incendiary rhetoric');
    const s = old.indexOf('Since');
    assert.equal(placedText(old, text, anchorAt(old, 'x', s, s + 5)), undefined);
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

  it('without the old text, a name at the start of a sentence whose first words were pasted before it is not put on the copy', () => {
    // eval:anchoring's "partly duplicated sentence": the copy takes the original's context before
    // it and the original the copy's end, so by the stored context the copy fitted best; both
    // read the same up to where the copy was cut, beyond the stored context after the name.
    const sentence = "Park Chan-bong, a deputy minister at Seoul's Ministry of Unification, says North-South military talks are a crucial first step towards that goal.";
    const old = `President Bush has stated a desire to replace the armistice with a "peace regime." ${sentence}\n\nThe talks end on Friday.\n`;
    const copy = "Park Chan-bong, a deputy minister at Seoul's Ministry of Unification, says North-South military. ";
    const text = old.replace(sentence, copy + sentence);
    const s = old.indexOf('Park Chan');
    const r = reanchor(undefined, text, [anchorAt(old, 'p', s, s + 'Park Chan'.length)], utf16);
    const original = text.indexOf(sentence);
    assert.ok(r.placed.every((p) => p.start === original), `placed on the copy at ${r.placed[0]?.start}`);
    if (!r.placed.length) {
      assert.equal(r.orphans[0]?.reason, 'ambiguous');
      assert.ok(r.orphans[0].best, 'a candidate is offered');
    }
  });

  it('without the old text, a sentence copied a few sentences away is not put on the copy whose surroundings past the sentence happen to agree more', () => {
    // eval:anchoring's "duplicated sentence": both copies agree with the stored context up to the
    // sentence's ends; what follows beyond them ("market. Qantas will…") is no evidence.
    const sentence = "Qantas' India manager Khursheed Lam said the airline works with the Australian Tourist Commission to develop awareness of Australia in the Indian market. ";
    const old = `Qantas will fly to Bombay daily from August 6. ${sentence}Qantas will also appoint a consultant.\n`;
    const others = 'This move comes barely a month after Qantas suspended a number of services to Asia. '.repeat(8);
    // The sentence pasted with others before the original; the name's old offset is now next to the copy.
    const text = old.replace(sentence, `${sentence}${others}${sentence}`).replace('Qantas will fly', 'Qantas, which flies to Korea, will fly');
    const s = old.indexOf('Australia ');
    const r = reanchor(undefined, text, [anchorAt(old, 'a', s, s + 'Australia'.length)], utf16);
    assert.deepEqual(r.placed, [], `placed at ${r.placed[0]?.start}`);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
    assert.ok(r.orphans[0].best, 'a candidate is offered');
  });

  it('without the old text, of two copies of a sentence the one a few sentences nearer the old offset is not taken', () => {
    // The place predicted from the neighbours is off by the text pasted between them: a copy some
    // hundreds of characters nearer than the other is no better (repeated wire copy, kilobytes
    // apart, still is: see the test of the passage repeated far away above).
    const sentence = "Speaking in Bombay on Tuesday, the airline's India manager Khursheed Lam said the airline was working closely with the tourist commission. ";
    const old = `Intro. ${sentence}Outro.\n`;
    const others = 'This move comes barely a month after Qantas suspended services to Asia. '.repeat(9);
    const text = `Intro, now with forty characters added to it. ${sentence}${others}${sentence}Outro.\n`;
    const s = old.indexOf('Khursheed Lam');
    const r = reanchor(undefined, text, [anchorAt(old, 'k', s, s + 'Khursheed Lam'.length)], utf16);
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
