import * as assert from 'node:assert/strict';
import { reanchor } from '../../../../src/core/anchor';
import { anchor, utf16, where } from './queries';

// Old text known: the diff keeps the longest common text, and where a sentence was copied while the
// text around it moved, the copy it keeps may be one pasted among other text (alignment.ts
// strayCopy). Cases of the review's adversarial fuzzer (issue 11), made small.

const S = 'The minister Kim Jong Un visited Seoul on Monday with a delegation of forty officials.';

describe('reanchor: a copy the diff kept away from the sentence\'s old neighbours (issue 11)', () => {
  it('a sentence pasted in two places and its original deleted: an ambiguous orphan, on neither copy', () => {
    // The first copy lands right after the sentence that followed the original, so the diff keeps
    // the old sentence there (deleting and inserting "Go." is cheaper than the whole sentence):
    // the old neighbours are not around it, and a second copy stands elsewhere. Which of the two
    // took the annotation, no text tells.
    const old = `Alpha one went home. ${S} Go.\n\nGamma three arrived late at the station. Delta four left early.\n\nEpsilon five sang loudly in the hall. Zeta six danced.\n`;
    const text = `Alpha one went home. Go. ${S}\n\nGamma three arrived late at the station. Delta four left early.\n\nEpsilon five sang loudly in the hall. ${S} Zeta six danced.\n`;
    const kim = anchor(old, 'Kim Jong Un');
    const seoul = anchor(old, 'Seoul');
    const gamma = anchor(old, 'Gamma');
    const r = reanchor(old, text, [kim, seoul, gamma], utf16);
    assert.equal(where(r, kim), 'ambiguous');
    assert.equal(where(r, seoul), 'ambiguous');
    assert.equal(where(r, gamma), text.indexOf('Gamma'));
    // The orphan offers the copy the diff kept.
    assert.equal(r.orphans.find((o) => o.id === kim.id)?.best?.start, text.indexOf('Kim Jong Un'));
  });

  it('a paragraph moved to the top and its last sentence copied elsewhere: the names stay on the copy next to its old neighbour', () => {
    // The diff keeps the two long paragraphs and aligns the old sentence with the copy pasted at
    // the end of the second; the original moved to the top with the sentence before it, which
    // stands nowhere else: that is the original.
    const p1 = 'The first paragraph of the report runs long, about the weather in the north and the harvest.';
    const p2 = 'The second paragraph tells of the markets, where prices rose for the third week running.';
    const n1 = 'Officials met in the capital.';
    const n2 = 'Nobody was hurt.';
    const old = `${p1}\n\n${p2}\n\n${n1} ${S} ${n2}\n`;
    const text = `${n1} ${S} ${n2}\n\n${p1}\n\n${p2} ${S}\n`;
    const kim = anchor(old, 'Kim Jong Un');
    const seoul = anchor(old, 'Seoul');
    const r = reanchor(old, text, [kim, seoul], utf16);
    assert.equal(where(r, kim), text.indexOf('Kim Jong Un'));
    assert.equal(where(r, seoul), text.indexOf('Seoul'));
  });
});
