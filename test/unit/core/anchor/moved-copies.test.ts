import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { utf16 } from './queries';

// A text that holds a paragraph twice (an article pasted twice into a long file, a report quoting
// itself): when a copy of it turns up elsewhere and the diff did not keep either old copy, the text
// cannot tell which one moved there. In a 1 MB text holding articles twice with paragraphs moved,
// 16 anchors were put on the other copy's new place.

const para = 'Officials of the Kenyan Red Cross said the blast in Nairobi killed at least forty people on Friday.';
const filler = (tag: string) => `The ${tag} section tells of markets, weather and sport, in sentences of no interest here.`;

describe('a paragraph held twice, one copy found elsewhere', () => {
  it('is an orphan for both copies when the diff kept neither: the text cannot tell which one moved', () => {
    const oldText = [filler('first'), para, filler('second'), filler('third'), para, filler('fourth'), filler('fifth')].join('\n\n');
    const newText = [filler('first'), filler('second'), filler('third'), filler('fourth'), filler('fifth'), para].join('\n\n');
    const first = oldText.indexOf('Nairobi');
    const second = oldText.indexOf('Nairobi', first + 1);
    const a = anchorAt(oldText, 'a', first, first + 7);
    const b = anchorAt(oldText, 'b', second, second + 7);
    const r = reanchor(oldText, newText, [a, b], utf16);
    assert.deepEqual(r.placed, [], 'one copy was guessed');
    assert.deepEqual(r.orphans.map((o) => o.id).sort(), ['a', 'b']);
  });

  it('follows the paragraph when the other copy was kept in place', () => {
    const oldText = [filler('first'), para, filler('second'), filler('third'), para, filler('fourth'), filler('fifth')].join('\n\n');
    const newText = [filler('first'), filler('second'), filler('third'), para, filler('fourth'), filler('fifth'), para].join('\n\n');
    const first = oldText.indexOf('Nairobi');
    const a = anchorAt(oldText, 'a', first, first + 7);
    const r = reanchor(oldText, newText, [a], utf16);
    assert.equal(r.placed[0]?.start, newText.lastIndexOf('Nairobi'));
  });
});
