import * as assert from 'node:assert/strict';
import { diff_match_patch, DIFF_DELETE, DIFF_INSERT, type Diff } from 'diff-match-patch';
import { lineDiff, paragraphDiff, unchanged } from '../../../../src/core/anchor/linediff';
import { rng } from './rng';

/** The old and the new text a diff describes. */
function sides(diff: readonly Diff[]): [string, string] {
  return [diff.filter(([op]) => op !== DIFF_INSERT).map(([, t]) => t).join(''), diff.filter(([op]) => op !== DIFF_DELETE).map(([, t]) => t).join('')];
}

const PIECES = ['Kim', 'said', 'the', 'talks', '𝐀𝐁', 'é', 'Seoul.', '\u00a0', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\r\n\r\n', '\n \n', '\n\n\n'];

function text(r: () => number, n: number): string {
  return Array.from({ length: n }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
}

/** A random edit: pieces deleted, inserted, whitespace swapped, paragraphs moved. */
function edited(r: () => number, t: string): string {
  const parts = t.split(/(\n\s*\n)/);
  for (let k = 0; k < 3; k++) {
    const i = Math.floor(r() * parts.length);
    const [moved] = parts.splice(i, 1);
    parts.splice(Math.floor(r() * (parts.length + 1)), 0, moved ?? '');
  }
  return parts.join('').replace(/ |\n|said/g, (m) => (r() < 0.2 ? PIECES[Math.floor(r() * PIECES.length)] : m));
}

describe('the diffs that stand in for a diff out of time (linediff.ts)', () => {
  it('describe the two texts exactly, whatever their whitespace, line ends and characters', () => {
    const r = rng(38);
    const dmp = new diff_match_patch();
    for (let i = 0; i < 400; i++) {
      const a = text(r, Math.floor(r() * 300));
      const b = r() < 0.2 ? text(r, Math.floor(r() * 300)) : edited(r, a);
      for (const diff of [paragraphDiff(dmp, a, b), lineDiff(dmp, a, b)]) assert.deepEqual(sides(diff!), [a, b], `case ${i}`);
    }
  });

  it('keeps the words of a re-wrapped paragraph and only its changed whitespace is an edit', () => {
    const a = 'Kim met Lee in Seoul on Monday.\n\nThe talks were agreed by both sides after a long night.\n';
    const b = 'The talks were agreed by both\nsides after a long night.\n\nKim met Lee\nin Seoul on Monday.\n';
    const diff = paragraphDiff(new diff_match_patch(), a, b)!;
    assert.deepEqual(sides(diff), [a, b]);
    // The paragraph moved is deleted and inserted (where a move is looked for); the other one is
    // kept, but for the space that became a line break.
    const texts = (op: number) => diff.filter(([o]) => o === op).map(([, t]) => t);
    assert.ok(texts(DIFF_DELETE).some((t) => t.startsWith('Kim met Lee in Seoul')), JSON.stringify(diff));
    assert.ok(texts(DIFF_INSERT).some((t) => t.includes('Kim met Lee\nin Seoul')), JSON.stringify(diff));
    assert.equal(unchanged(diff), 'The talks were agreed by both sides after a long night.\n'.length - 1, JSON.stringify(diff));
  });

  it('gives no diff, rather than a wrong one, past the paragraphs it can tell apart', () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `record ${i}`).join('\n\n');
    assert.equal(paragraphDiff(new diff_match_patch(), many, `${many}\n\nmore`), undefined);
  });
});
