import * as assert from 'node:assert/strict';
import { DiffMap } from '../../../../src/core/anchor/diffmap';
import { sentenceEditSize } from '../../../../src/core/anchor/editsize';

// Which diff an article gets (character by character, minimal, or line by line) is decided from
// the size of the edit, not from the time the character diff took: the same texts get the same
// diff, and so the same placements, on a fast machine and on a loaded one.

const paragraph = (i: number) =>
  `Paragraph ${i} tells how the delegation of ministry number ${i} met officials in the capital. ` +
  `They talked for ${i + 2} hours about the talks planned for next month, and nothing was agreed.\n\n`;
const article = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('');

/** Runs `f` with a clock that jumps ten seconds at every reading, as on a machine under heavy load. */
function onSlowClock<T>(f: () => T): T {
  const now = Date.now;
  let t = now();
  Date.now = () => (t += 10_000);
  try {
    return f();
  } finally {
    Date.now = now;
  }
}

describe('DiffMap: the character diff is chosen by the size of the edit, not by time', () => {
  it('a typo fixed in an article gets the character diff however slow the machine is', () => {
    const edited = article.replace('officials in the capital. They talked for 9', 'officails in the capital. They talked for 9');
    assert.equal(new DiffMap(article, edited).minimal, true);
    assert.equal(onSlowClock(() => new DiffMap(article, edited).minimal), true, 'a slow clock changed the diff');
  });

  it('many paragraphs moved get the line pass, on any machine', () => {
    const ps = Array.from({ length: 40 }, (_, i) => paragraph(i));
    // Every second paragraph moved to the end: a large edit, however cheap the machine makes it.
    const moved = [...ps.filter((_, i) => i % 2 !== 0), ...ps.filter((_, i) => i % 2 === 0)].join('');
    assert.ok(sentenceEditSize(article, moved) > 5000);
    assert.equal(new DiffMap(article, moved).minimal, false);
  });

  it('the size of the edit counts the sentences changed, and only whitespace for a re-wrapped paragraph', () => {
    assert.equal(sentenceEditSize(article, article), 0);
    const wrapped = article.replace('met officials in the capital. They', 'met officials\nin the capital. They');
    assert.equal(sentenceEditSize(article, wrapped), 2);
    // A word replaced all through the text: the words, not the sentences.
    const replaced = article.replaceAll('officials', 'envoys');
    assert.equal(sentenceEditSize(article, replaced), 40 * ('officials'.length + 'envoys'.length));
  });
});
