import * as assert from 'node:assert/strict';
import { DIFF_DELETE, DIFF_INSERT, diff_match_patch, type Diff } from 'diff-match-patch';
import { reanchor } from '../../../../src/core/anchor';
import { boundedLineMode } from '../../../../src/core/anchor/linediff';
import { anchorAt } from '../../../../src/core/anchor/context';
import { rng } from './rng';

// Long texts, or texts edited a lot, are diffed line by line first, then by characters in the
// lines replaced: diff-match-patch's line mode with a bound on that second pass (linediff.ts). The
// diff must give back both texts exactly; be the library's own where the edits are small; keep a
// short line between two deleted paragraphs and need no character pass for lines deleted whole;
// and the re-anchoring that reads it keeps every annotation of a kept paragraph where it went.

/** Runs as written out: empty runs dropped, neighbours of one kind joined (the library leaves an empty insertion now and then). */
const runs = (d: Diff[]) =>
  d.filter(([, t]) => t).reduce<[number, string][]>((out, [op, t]) => {
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += t;
    else out.push([op, t]);
    return out;
  }, []);

const lineMode = (a: string, b: string) => {
  const dmp = new diff_match_patch();
  dmp.Diff_Timeout = 0;
  return boundedLineMode(dmp).diff_main(a, b, true);
};

const oldSide = (d: Diff[]) => d.filter(([op]) => op !== DIFF_INSERT).map(([, t]) => t).join('');
const newSide = (d: Diff[]) => d.filter(([op]) => op !== DIFF_DELETE).map(([, t]) => t).join('');

const WORDS = ['the', 'ministry', 'said', 'on', 'Monday', 'talks', 'in', 'Seoul', 'Kim', 'officials', 'would', 'resume', 'a', 'delegation'];
function paragraph(rand: () => number): string {
  const n = 3 + Math.floor(rand() * 30);
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + '.';
}

describe('lineDiff: line by line, then character by character in the lines replaced', () => {
  it('gives back both texts exactly, whatever was deleted, inserted, replaced or edited inside a line', () => {
    const rand = rng(21);
    let same = 0;
    for (let round = 0; round < 120; round++) {
      const ps = Array.from({ length: 5 + Math.floor(rand() * (round % 2 ? 40 : 12)) }, () => paragraph(rand));
      // A short line now and then (a dateline, a one-word paragraph): what a semantic clean-up folds.
      const old = ps.map((p) => (rand() < 0.1 ? 'Seoul' : p)).join(rand() < 0.5 ? '\n\n' : '\n');
      const lines = old.split('\n');
      const edited = lines.flatMap((l) => {
        const r = rand();
        if (r < 0.15) return [];
        if (r < 0.25) return [l, paragraph(rand)];
        if (r < 0.35) return [paragraph(rand)];
        if (r < 0.45 && l.length > 4) {
          const i = Math.floor(rand() * l.length);
          return [l.slice(0, i) + 'x' + l.slice(i + 1)];
        }
        return [l];
      });
      const next = (rand() < 0.2 ? 'A line on top.\n' : '') + edited.join('\n') + (rand() < 0.2 ? '\nA line at the end' : '');
      const d = lineMode(old, next);
      assert.equal(oldSide(d), old, `round ${round}: the old text`);
      assert.equal(newSide(d), next, `round ${round}: the new text`);
      // Within the bound (no block can change 10,000 characters here), the library's own line mode.
      if (old.length + next.length <= 10_000) {
        const library = new diff_match_patch();
        library.Diff_Timeout = 0;
        assert.deepEqual(runs(d), runs(library.diff_main(old, next, true)), `round ${round}: not the library's diff`);
        same++;
      }
    }
    assert.ok(same > 80, `${same} compared with the library`);
  });

  it('keeps a one-line paragraph between two deleted ones as it is, and needs no character pass for lines deleted whole', () => {
    const rand = rng(5);
    const ps = Array.from({ length: 400 }, (_, i) => (i % 5 === 2 ? 'Seoul' : paragraph(rand)));
    const old = ps.join('\n\n');
    const next = ps.filter((_, i) => i % 2 === 0).join('\n\n');
    const d = lineMode(old, next);
    assert.equal(d.filter(([op]) => op === DIFF_INSERT).length, 0, 'an insertion where lines were only deleted');
    assert.equal(oldSide(d), old);
    assert.equal(newSide(d), next);
  });

  it('re-anchors a long text with half its paragraphs deleted: each kept paragraph\'s annotation where it went, a deleted one\'s an orphan even where a copy of its paragraph was kept', () => {
    // The text says everything twice (u0…u149, then u0…u149 again); the first time the odd
    // paragraphs are deleted, the second time the even ones. So each paragraph stands once in the
    // new text, and the only alignment keeps the first copies of the even ones and the second
    // copies of the odd ones.
    const rand = rng(9);
    const unique = Array.from({ length: 150 }, (_, i) => `Report ${String(i).padStart(3, '0')}: ${paragraph(rand)} ${paragraph(rand)}`);
    const ps = [...unique, ...unique];
    const kept = (j: number) => (j < 150 ? j % 2 === 0 : (j - 150) % 2 === 1);
    const old = ps.join('\n\n');
    const next = ps.filter((_, j) => kept(j)).join('\n\n');
    assert.ok(old.length > 20_000, 'long enough for the line pass');
    const anchors = [];
    let o = 0;
    for (let j = 0; j < ps.length; j++) {
      anchors.push(anchorAt(old, `r${j}`, o, o + 10));
      o += ps[j].length + 2;
    }
    const r = reanchor(old, next, anchors, { units: 'utf16' });
    const placed = new Map(r.placed.map((p) => [p.id, p.start]));
    for (let j = 0; j < ps.length; j++) {
      if (kept(j)) assert.equal(placed.get(`r${j}`), next.indexOf(ps[j]), `paragraph ${j}, kept`);
      else assert.equal(placed.get(`r${j}`), undefined, `paragraph ${j}, deleted, was placed at ${placed.get(`r${j}`)}`);
    }
  });
});
