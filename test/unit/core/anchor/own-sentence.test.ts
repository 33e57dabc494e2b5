import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Issue 11 item 5, the last wrong placements of eval:anchoring without the old text: what the
// context says of the quote's own sentence decides, not the sentences around it.

const at = (text: string, id: string, word: string, from = 0) => {
  const s = text.indexOf(word, from);
  return anchorAt(text, id, s, s + word.length);
};

describe('reanchor without the old text: the quote\'s own sentence decides (issue 11 item 5)', () => {
  const OLD =
    'The trust expects the move to weigh on earnings through 1990.\n\n' +
    "Mr. Lindqvist's grandmother founded the toy shop in 1921, but the family sold it.\n\n" +
    "Mr. Lindqvist's father was a trustee until 1974.\n";

  it('a title opening a deleted sentence is an orphan, not the title of the next sentence agreeing on one word after it', () => {
    const mr = at(OLD, 'mr', 'Mr');
    const gone = OLD.replace(/Mr\. Lindqvist's grandmother[^\n]*\n\n/, '');
    const r = reanchor(undefined, gone, [mr], { units: 'utf16' });
    assert.deepEqual(r.placed, [], `placed on "${gone.slice(r.placed[0]?.start ?? 0, (r.placed[0]?.end ?? 0) + 20)}"`);
    assert.equal(r.orphans[0]?.id, 'mr');
  });

  it('its sentence still there with a word put in after the name: still placed (the rest of its sentence resumes)', () => {
    const alone = OLD.replace(/Mr\. Lindqvist's father[^\n]*\n/, '');
    const mr = at(alone, 'mr', 'Mr');
    const edited = `A line added.\n${alone.replace('grandmother founded', 'late grandmother founded')}`;
    const r = reanchor(undefined, edited, [mr], { units: 'utf16' });
    assert.deepEqual(
      r.placed.map((p) => edited.slice(p.start, p.start + 22)),
      ["Mr. Lindqvist's late g"],
    );
  });

  // A sentence and the one before it copied together elsewhere, while a sentence was inserted
  // between the two originals: only the copies still stand side by side, so the copy's context
  // agrees best, but the original reads as well up to its own sentence's edges. Which of the two
  // copies is the annotated one, the text cannot say.
  const BEFORE = "A shop in Kew was robbed on Friday night. ``They just came in shooting,'' said a neighbour. ";
  const OWN = 'Ms. Okafor was hit twice and died at the scene.';
  const TEXT = `${BEFORE}${OWN} Detectives asked for help.\n`;

  it('a sentence pasted with its neighbour elsewhere, a sentence inserted before the original: an ambiguous orphan', () => {
    const ms = at(TEXT, 'ms', 'Ms');
    const edited =
      `${BEFORE}Had the shop been robbed before?\n${OWN} Detectives asked for help.\n\n` +
      `Neighbours were told to stay inside. ${"``They just came in shooting,'' said a neighbour. "}${OWN} Shops stayed shut.\n`;
    const r = reanchor(undefined, edited, [ms], { units: 'utf16' });
    assert.deepEqual(r.placed, [], `placed at ${r.placed[0]?.start} (original at ${edited.indexOf(OWN)}, copy at ${edited.lastIndexOf(OWN)})`);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
  });

  it('the same, the quote further into its sentence ("``If the [Lebanese]"): an ambiguous orphan', () => {
    const before = 'Officials said the border could be secured. ';
    const own = "``If the Lebanese army will cooperate, we will leave,'' the minister said.";
    const text = `A cabinet met on Sunday. ${before}${own} Talks go on.\n`;
    const s = text.indexOf('Lebanese');
    // (The copy far away: a copy near the original is a rival of it already, rivals.ts.)
    const filler = 'Markets in the region were calm and trading was thin ahead of the holiday weekend. '.repeat(15);
    const edited =
      `A cabinet met on Sunday. ${before}` + "He had ``no qualms.''\n" + `${own} Talks go on.\n\n${filler}\n\n` +
      `Reporters waited outside. ${before}${own} Nobody came out.\n`;
    const r = reanchor(undefined, edited, [anchorAt(text, 'l', s, s + 8)], { units: 'utf16' });
    assert.deepEqual(r.placed, [], `placed at ${r.placed[0]?.start} (original at ${edited.indexOf(own) + 9}, copy at ${edited.lastIndexOf(own) + 9})`);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
  });

  it('the same sentence not copied, a sentence inserted before it: placed', () => {
    const ms = at(TEXT, 'ms', 'Ms');
    const edited = `${BEFORE}Had the shop been robbed before?\n${OWN} Detectives asked for help.\n`;
    const r = reanchor(undefined, edited, [ms], { units: 'utf16' });
    assert.deepEqual(
      r.placed.map((p) => p.start),
      [edited.indexOf(OWN)],
    );
  });
});
