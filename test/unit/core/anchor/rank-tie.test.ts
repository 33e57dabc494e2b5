import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by the review of the change that ranked the search steps equal (so that the better context
// decides): two identical paragraphs far apart, a typo fixed next to a name in the first one, the
// old text unknown. Both names' searches then end on the second copy with the same score, and the
// first paragraph's annotation took it, leaving the second's own annotation an orphan: a wrong
// placement. On a tie, the annotation found at its own position keeps the span.

const PARAGRAPH = 'He said he received information from Khmer Rouge guerrillas on where the body had been buried, officials said.\n\n';
const FILLER = 'The talks in Phnom Penh lasted two days and ended without any statement from either side.\n\n';

describe('reanchor: two searches ending on one span with the same score (old text unknown)', () => {
  it('the annotation found at its own position keeps the span; the other is not put there', () => {
    const old = PARAGRAPH + FILLER.repeat(40) + PARAGRAPH;
    const edited = old.replace('Khmer Rouge guerrillas', 'Khmer Rouge guerirllas'); // the first copy only
    const first = old.indexOf('Khmer Rouge');
    const second = old.lastIndexOf('Khmer Rouge');
    const anchors = [anchorAt(old, 'first', first, first + 11), anchorAt(old, 'second', second, second + 11)];
    const r = reanchor(undefined, edited, anchors, { units: 'utf16' });
    const at = new Map(r.placed.map((p) => [p.id, p.start]));
    assert.equal(at.get('second'), second, 'the second paragraph keeps its own name');
    assert.ok(!at.has('first') || at.get('first') === first, `the first paragraph's name is put at ${at.get('first')}, on the other copy`);
  });
});
