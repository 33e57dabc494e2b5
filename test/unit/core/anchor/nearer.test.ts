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

  it('follows a paragraph moved far when a sentence near its old place only shares the words before the name', () => {
    // A review's case: "... the merger with Globex, and traders said ..." stays near the old place.
    // It reads the stored context before the name, but its sentence goes on otherwise, right after
    // it: another sentence, not the paragraph's copy. Orphaned, the order check then put the name on it.
    const near = 'Shares fell early on Friday after the board approved the merger with Globex, and traders said the market would wait.';
    const moved = 'The deal closed on Thursday after the board approved the merger with Globex Corporation for about 1.2 billion dollars.';
    const a = paragraphs(25, 31, 'Officials');
    const b = paragraphs(60, 37, 'Reporters');
    const oldText = [...a, near, moved, ...b].join('\n\n');
    const newText = [...a, near, ...b, moved].join('\n\n');
    // Names every 150 characters or so elsewhere, and the one in the moved paragraph.
    const anchors = [...oldText.matchAll(/\b[A-Z][a-z]{3,}\b/g)].filter((m, i) => i % 6 === 0 && !oldText.slice(m.index - 120, m.index + 10).includes('Globex')).map((m) => anchorAt(oldText, `n${m.index}`, m.index, m.index + m[0].length));
    const at = oldText.indexOf(moved) + moved.indexOf('Globex');
    anchors.push(anchorAt(oldText, 'globex', at, at + 6));
    const r = reanchor(undefined, newText, anchors, utf16);
    assert.equal(r.placed.find((p) => p.id === 'globex')?.start, newText.indexOf(moved) + moved.indexOf('Globex'));
  });
});
