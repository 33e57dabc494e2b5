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

  it('a paragraph moved to the top and its last sentence copied elsewhere: an ambiguous orphan, not the copy the diff kept', () => {
    // The diff keeps the two long paragraphs and aligns the old sentence with the copy pasted at
    // the end of the second; the original moved to the top with the sentence before it. That one
    // looks like the original, but a sentence next to a copy may have been copied along with it.
    const p1 = 'The first paragraph of the report runs long, about the weather in the north and the harvest.';
    const p2 = 'The second paragraph tells of the markets, where prices rose for the third week running.';
    const n1 = 'Officials met in the capital.';
    const n2 = 'Nobody was hurt.';
    const old = `${p1}\n\n${p2}\n\n${n1} ${S} ${n2}\n`;
    const text = `${n1} ${S} ${n2}\n\n${p1}\n\n${p2} ${S}\n`;
    const kim = anchor(old, 'Kim Jong Un');
    assert.equal(where(reanchor(old, text, [kim], utf16), kim), 'ambiguous');
  });

  it('the original in place, its neighbours edited right next to it, and a copy pasted with its unedited neighbour: an ambiguous orphan, not the copy (review)', () => {
    const x = 'The first paragraph of the report runs long, about the weather in the north and the harvest.';
    const p = 'A spokesman for the government in Ottawa declined to comment on the timing of the talks.';
    const old = `${x}\n\nOfficials met in the capital. ${S} Nobody was hurt.\n\n${p}\n`;
    const text = `${x}\n\nOfficials met in the capital on Sunday. ${S} Police said nobody was hurt.\n\n${p}\n\nOfficials met in the capital. ${S}\n`;
    const kim = anchor(old, 'Kim Jong Un');
    assert.equal(where(reanchor(old, text, [kim], utf16), kim), 'ambiguous');
  });

  it('stays on the original when a pasted sentence stands between it and its neighbour, or the sentence stood twice before', () => {
    // A copy of another sentence pasted between the original and the sentence before it, the one
    // after it edited right next to it, and a copy of it elsewhere: the diff kept the neighbour a
    // little way off with only pasted text between: still next to it.
    const a = 'The first paragraph of the report runs long, about the weather in the north.';
    const c = 'Prices rose for the third week running in the markets of the capital.';
    const old = `${a} ${S} Nobody was hurt.\n\n${c}\n`;
    const text = `${a} ${c} ${S} Police said nobody was hurt.\n\n${c}\n\n${S}\n`;
    const kim = anchor(old, 'Kim Jong Un');
    assert.equal(where(reanchor(old, text, [kim], utf16), kim), text.indexOf('Kim Jong Un'));
    // The sentence stood twice in the old text: the other copy is its own mention, kept in place.
    const twice = `${a} ${S} Nobody was hurt.\n\n${c} ${S} The talks go on.\n`;
    const edited = `${a.replace('the north.', 'the north, officials said.')} ${S} Police said nobody was hurt.\n\n${c} ${S} The talks go on.\n`;
    const first = anchor(twice, 'Kim Jong Un');
    const r = reanchor(twice, edited, [first], utf16);
    assert.deepEqual(r.placed.map((p) => [p.start, p.method]), [[edited.indexOf('Kim Jong Un'), 'diff']]);
  });
});
