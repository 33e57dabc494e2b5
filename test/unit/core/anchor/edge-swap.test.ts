import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by a review's harness (60 of 9,546 typos inside names, old text known): two letters swapped
// at a name's edge ("Collins" typed "Collisn") are, to the diff, a letter deleted inside the span
// and the same letter inserted just outside it, so the annotation silently lost its last letter
// ("Eileen Collis"). The span keeps its whole word.

function placedText(old: string, edited: string, quote: string): string | undefined {
  const s = old.indexOf(quote);
  const r = reanchor(old, edited, [anchorAt(old, 'a', s, s + quote.length)], { units: 'utf16' });
  const p = r.placed[0];
  return p && edited.slice(p.start, p.end);
}

describe('reanchor, old text known: letters swapped across a span edge', () => {
  it('the last two letters of a name swapped: the span still ends with the word', () => {
    const old = 'Astronaut Eileen Collins will be named commander.\n';
    assert.equal(placedText(old, old.replace('Collins', 'Collisn'), 'Eileen Collins'), 'Eileen Collisn');
  });

  it('the first two letters of a name swapped: the span still starts with the word', () => {
    const old = 'Astronaut Eileen Collins will be named commander.\n';
    assert.equal(placedText(old, old.replace('Eileen', 'iEleen'), 'Eileen Collins'), 'iEleen Collins');
  });

  it('a letter lost inside a name and other letters typed after it: the span does not take them (a suffix, a particle)', () => {
    const old = 'Alexander Hamilton, the treasurer, and the 中華人民共和国、 said so.\n';
    assert.notEqual(placedText(old, old.replace('Hamilton,', 'Hamltonian,'), 'Hamilton'), 'Hamltonian');
    assert.notEqual(placedText(old, old.replace('中華人民共和国、', '中華人共和国は、'), '中華人民共和国'), '中華人共和国は');
  });

  it('a letter typed after a name, nothing lost inside it, does not extend it (typing at an edge never does)', () => {
    const old = 'Kim said the talks went well.\n';
    assert.notEqual(placedText(old, old.replace('Kim said', 'Kims said'), 'Kim'), 'Kims');
  });
});
