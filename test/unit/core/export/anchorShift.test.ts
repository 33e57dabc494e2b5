/** Re-anchoring many moved spans: fast (the previous shift is tried first) and never at a wrong place. */
import * as assert from 'node:assert/strict';
import { toW3cCollection } from '../../../../src/core/export/w3c';
import { importW3c } from '../../../../src/core/export/w3cImport';
import { DocBuilder } from './fixtures';

describe('importing spans that all moved', () => {
  const sentence = (i: number) => `Kim met Lee in Seoul on day ${i}; Seoul answered.\n`;
  const text = Array.from({ length: 2000 }, (_, i) => sentence(i)).join('');
  const b = new DocBuilder(text, 'long.txt');
  for (let i = 0; i < 2000; i++) {
    b.add('Seoul', 'PLACE', { nth: 2 * i });
    b.add('Seoul', 'PLACE', { nth: 2 * i + 1 });
  }
  const input = b.build();
  const content = JSON.stringify(toW3cCollection([input]));

  it('places every span at its moved place after an insertion at the top and another in the middle', () => {
    const top = 'A new first line.\n';
    const middle = text.indexOf(sentence(1000));
    const edited = top + text.slice(0, middle) + 'An inserted sentence about Seoul.\n' + text.slice(middle);
    const r = importW3c(content, edited, { documentName: 'long.txt' });
    const expected = input.doc.annotations.map((a) => {
      const shift = top.length + (a.start >= middle ? 'An inserted sentence about Seoul.\n'.length : 0);
      return a.start + shift;
    });
    assert.deepEqual(r.annotations.map((a) => a.start), expected);
    assert.ok(r.annotations.every((a) => edited.slice(a.start, a.end) === 'Seoul'));
  });
});

describe('importing into a re-wrapped article', () => {
  it('keeps a name at its own place when line breaks replaced the spaces around it, not at another mention', () => {
    const text = 'Kim met Lee in Seoul on Monday for talks. Later they met again in Seoul on Monday.';
    const b = new DocBuilder(text, 'wrapped.txt');
    b.add('Seoul', 'PLACE');
    const content = JSON.stringify(toW3cCollection([b.build()]));
    // Re-wrapped as an editor's "rewrap" would: the offsets stay, the spaces next to the name became line breaks.
    const wrapped = 'Kim met Lee in\nSeoul\non Monday for talks. Later they met again in Seoul on Monday.';
    const r = importW3c(content, wrapped, { documentName: 'wrapped.txt' });
    assert.deepEqual(r.annotations.map((a) => a.start), [text.indexOf('Seoul')]);
    assert.deepEqual(r.problems, [], 'nothing was relocated');
  });
});
