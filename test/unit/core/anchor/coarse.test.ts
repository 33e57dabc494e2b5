import * as assert from 'node:assert/strict';
import { AnchorTracker, placeInReplacements, type TextChange } from '../../../../src/core/anchor';

// A9/A10/A11 in the editor: VS Code may report a formatter's rewrite, a moved line or a merged
// Replace All as one replacement; the spans inside it are found again in the text it put back.

function run(text: string, quotes: string[], change: TextChange): { placed: Map<string, { start: number; end: number }>; next: string; want: Map<string, number> } {
  const spans: { id: string; start: number; end: number }[] = [];
  for (const q of quotes) for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) spans.push({ id: `${q}@${at}`, start: at, end: at + q.length });
  const tracker = new AnchorTracker(spans);
  const summary = tracker.applyChanges([change]);
  const next = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
  const orphans = summary.orphaned.map((id) => ({ id, quote: id.split('@')[0], at: tracker.get(id)!.start }));
  const want = new Map<string, number>();
  return { placed: placeInReplacements(next, [change], orphans), next, want };
}

describe('placeInReplacements: spans swallowed by a coarse change (A9, A10, A11)', () => {
  it('A10: two lines swapped by one replacement keep their names', () => {
    const text = 'One names Kim Yong-chol.\nTwo names Panmunjom.\n';
    const { placed, next } = run(text, ['Kim Yong-chol', 'Panmunjom'], { rangeOffset: 0, rangeLength: text.length - 1, text: 'Two names Panmunjom.\nOne names Kim Yong-chol.' });
    assert.equal(placed.size, 2);
    for (const [id, p] of placed) assert.equal(next.slice(p.start, p.end), id.split('@')[0]);
  });

  it('A11: 600 replacements merged into one keep 600 repeated names in order', () => {
    const text = Array.from({ length: 600 }, (_, i) => `Report ${i}: Kim Yong-chol met officials.`).join('\n');
    const body = text.slice(0, text.lastIndexOf('Report') + 6);
    const { placed, next } = run(text, ['Kim Yong-chol'], { rangeOffset: 0, rangeLength: body.length, text: body.replace(/Report/g, 'Dispatch') });
    assert.equal(placed.size, 599);
    const starts = [...placed.values()].map((p) => p.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    for (const p of placed.values()) assert.equal(next.slice(p.start, p.end), 'Kim Yong-chol');
  });

  it('a name the replacement really removed, or copied, stays an orphan (no guess)', () => {
    const text = 'Kim Yong-chol met Lee. Then Kim Yong-chol left.\n';
    const removed = run(text, ['Kim Yong-chol'], { rangeOffset: 0, rangeLength: 47, text: 'Kim Yong-chol met Lee. Then he left.' });
    assert.equal(removed.placed.size, 0);
    const deleted = run(text, ['Lee'], { rangeOffset: 0, rangeLength: 47, text: '' });
    assert.equal(deleted.placed.size, 0);
  });

  it('A10: a line moved as a deletion and an insertion in one event keeps its name', () => {
    const text = 'One names Kim Yong-chol.\nTwo names Panmunjom.\nThree.\n';
    const line = 'Two names Panmunjom.\n';
    const at = text.indexOf(line);
    const changes: TextChange[] = [
      { rangeOffset: at, rangeLength: line.length, text: '' },
      { rangeOffset: 0, rangeLength: 0, text: line },
    ];
    const tracker = new AnchorTracker([{ id: 'p', start: text.indexOf('Panmunjom'), end: text.indexOf('Panmunjom') + 9 }]);
    const summary = tracker.applyChanges(changes);
    assert.deepEqual(summary.orphaned, ['p']);
    const next = line + text.slice(0, at) + text.slice(at + line.length);
    const placed = placeInReplacements(next, changes, [{ id: 'p', quote: 'Panmunjom', at: tracker.get('p')!.start }]);
    assert.equal(placed.get('p')?.start, next.indexOf('Panmunjom'));
  });
});
