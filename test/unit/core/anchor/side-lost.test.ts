import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Issue 11 item 5, branch switch in eval:anchoring: paragraphs gone (another branch), old text
// unknown. A name whose sentence was deleted was placed on the same name in another sentence
// whose words on one side are different and where the name now closes (or opens) no sentence
// as it did: that place is a guess, so the annotation must be an orphan.

const OLD =
  'Officials said the threat was aimed at the U.S. embassies in Kenya and Tanzania.\n\n' +
  'The Foreign Ministry said it had no details.\n\n' +
  'Bombs hit the U.S. embassies in Kenya and Tanzania Friday, killing at least 81 people.\n';

describe('reanchor: a name whose sentence is gone is not placed on another sentence (issue 11 item 5)', () => {
  const s = OLD.indexOf('Tanzania');
  const anchor = anchorAt(OLD, 'tanzania', s, s + 'Tanzania'.length);

  it('its sentence deleted (old text unknown): an orphan, not the "Tanzania Friday" of the next paragraph', () => {
    const gone = OLD.replace(/Officials said[^\n]*\n\n/, '');
    const r = reanchor(undefined, gone, [anchor], { units: 'utf16' });
    assert.deepEqual(r.placed, []);
    assert.equal(r.orphans[0]?.id, 'tanzania');
  });

  it('the word after it replaced, its sentence still there: still placed', () => {
    const edited = OLD.replace('Tanzania.\n', 'Tanzania now.\n').replace(/Bombs hit[^\n]*\n/, '');
    const r = reanchor(undefined, `A line added.\n${edited}`, [anchor], { units: 'utf16' });
    assert.deepEqual(
      r.placed.map((p) => [p.start, p.end]),
      [[s + 14, s + 14 + 8]],
    );
  });

  it('its sentence deleted, the other sentence agreeing only on the end of a word before it ("is the" on "The"): an orphan', () => {
    const text =
      'Fishermen in Gloucester have waited for months.\n\n' +
      "''The feeling is the Clinton administration might send federal help,'' said one fisherman on the dock.\n\n" +
      'Two men from Rockport drowned when their boat sank.\n\n' +
      'The Clinton administration has pushed for new safety rules in the fleet since May, said Smith.\n';
    const at = (w: string) => anchorAt(text, w, text.indexOf(w), text.indexOf(w) + w.length);
    const gone = text.replace(/''The feeling[^\n]*\n\n/, '');
    const r = reanchor(undefined, gone, [at('Gloucester'), at('Clinton'), at('Rockport'), at('Smith')], { units: 'utf16' });
    assert.deepEqual(
      r.orphans.map((o) => o.id),
      ['Clinton'],
    );
  });
});
