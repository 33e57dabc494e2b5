import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../src/core/anchor';

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
    // stored context, 8 characters before and 32 after: nothing tells the copy from the original.)
    const cases = [['Panmunjom', [old, undefined]], ['Kim Yong-chol', [old]]] as const;
    for (const [quote, modes] of cases) {
      const s = old.indexOf(quote);
      const a = anchorAt(old, quote, s, s + quote.length);
      for (const known of modes) {
        const got = placedText(known, text, a);
        assert.ok(got === undefined || got === `${text.indexOf(quote, original)}:${quote}`, `${quote} placed on the copy: ${got} (old text ${known ? 'known' : 'unknown'})`);
      }
    }
  });

  it('a short quote without context is not placed on the nearest other occurrence', () => {
    const a: AnchorQuery = { id: 'x', start: 13, end: 16, quote: 'She' };
    assert.equal(placedText(undefined, 'She left. He said yes. Then she said no. They said maybe.', a), undefined);
    // Still found exactly where it was.
    assert.equal(placedText(undefined, 'He said yes. She said no. She said maybe.', a), '13:She');
  });
});
