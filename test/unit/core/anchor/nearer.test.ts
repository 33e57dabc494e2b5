import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { rng } from './rng';
import { utf16 } from './queries';

// Without the old text, a paragraph moved away from an identical copy of itself: the copy that
// stayed reads exactly as the old place did on both sides, the moved one has other text before
// it. The context alone chose the copy, up to 550 KB from where the anchor was (773 of 8,192
// placed wrong in `node bench/growth.mjs rewrapped-moved` at 800 KB, old text unknown).

const NAMES = ['Kim', 'Seoul', 'Reuters', 'Ottawa', 'Nairobi', 'Smith', 'Exxon', 'Tanzania', 'Paris', 'Lee'];
const WORDS = ['the', 'officials', 'said', 'talks', 'met', 'in', 'on', 'a', 'statement', 'after', 'plans', 'were', 'agreed', 'by', 'shares', 'rose', 'with', 'troops', 'of', 'court'];

/** Paragraphs of made-up sentences, each opening with `opener` (seeded: the same on every run). */
function paragraphs(n: number, seed: number, opener: string): string[] {
  const r = rng(seed);
  const pick = (xs: readonly string[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 }, () => [opener, ...Array.from({ length: 10 + Math.floor(r() * 6) }, () => (r() < 0.25 ? pick(NAMES) : pick(WORDS)))].join(' ') + '.').join(' '),
  );
}

describe('re-anchoring without the old text, a paragraph moved away from a copy of itself', () => {
  it('orphans a name that opens it as ambiguous rather than putting it on the copy that stayed', () => {
    // A story told twice (a wire story and its update): paragraphs 0-5, 80 others, then 1-3
    // again. Every sentence opens with "We": more occurrences than are compared one by one.
    const story = paragraphs(6, 5, 'We');
    const old = [...story, ...paragraphs(80, 9, 'We'), ...story.slice(1, 4)];
    const oldText = old.join('\n\n');
    // The first telling's paragraph 2 moved down ten paragraphs: other text before it now.
    const rest = old.filter((_, i) => i !== 2);
    const newText = [...rest.slice(0, 12), story[2], ...rest.slice(12)].join('\n\n');
    const at = old.slice(0, 2).join('\n\n').length + 2;
    const a = anchorAt(oldText, 'we', at, at + 2);
    const r = reanchor(undefined, newText, [a], utf16);
    // Before: placed on the copy that stayed, 17 KB away, where both sides read as they did.
    assert.deepEqual(r.placed.map((p) => [p.start, p.method]), []);
    assert.equal(r.orphans[0]?.reason, 'ambiguous');
  });

  it('still follows a paragraph moved far when no copy of its sentence is nearer', () => {
    const story = paragraphs(6, 5, 'We');
    const old = [...story, ...paragraphs(80, 9, 'We')];
    const oldText = old.join('\n\n');
    const rest = old.filter((_, i) => i !== 2);
    const newText = [...rest.slice(0, 70), story[2], ...rest.slice(70)].join('\n\n');
    const at = old.slice(0, 2).join('\n\n').length + 2;
    const r = reanchor(undefined, newText, [anchorAt(oldText, 'we', at, at + 2), anchorAt(oldText, 'a', at + 40, at + 60)], utf16);
    assert.equal(r.placed.find((p) => p.id === 'we')?.start, newText.indexOf(story[2]));
  });
});
