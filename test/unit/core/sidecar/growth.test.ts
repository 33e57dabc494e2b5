import * as assert from 'node:assert/strict';
import type { Annotation } from '../../../../src/core/model';
import { reanchor } from '../../../../src/core/anchor';
import { parseSidecar, updateSidecar } from '../../../../src/core/sidecar';

// Issue 11 item 6: the writer rebuilt the whole sidecar string once per edited entry (18 s for
// 8,000 annotations after a line was inserted at the top), and re-anchoring scanned the whole text
// for every quote. These tests check the results at that size; the times are figures, printed by
// `npm run bench -- growth` (bench/growth.mjs) with a growth table, never asserted (a loaded machine
// made the old 3 s bounds fail).

function article(n: number): { text: string; annotations: Annotation[] } {
  const parts: string[] = [];
  const annotations: Annotation[] = [];
  let length = 0;
  for (let i = 0; i < n; i++) {
    const name = `Person${i.toString(36)}`;
    const sentence = `On Monday ${name} met the delegation in the capital, officials said. `;
    const start = length + sentence.indexOf(name);
    annotations.push({ id: `a${i}`, type: 'PERSON', start, end: start + name.length, text: name, status: 'suggested' });
    parts.push(sentence);
    length += sentence.length;
  }
  return { text: parts.join(''), annotations };
}

describe('sidecar writes and re-anchoring at 8,000 annotations (issue 11 item 6)', function () {
  this.timeout(60_000);

  it('a write after a line is inserted at the top moves all 8,000 annotations', () => {
    const { text, annotations } = article(8000);
    const sidecar = updateSidecar(undefined, { text, document: { path: 'a.txt', annotations, facts: [] } });
    const line = 'A line added at the top.\n';
    const moved = annotations.map((a) => ({ ...a, start: a.start + line.length, end: a.end + line.length }));
    const next = updateSidecar(sidecar, { text: line + text, document: { path: 'a.txt', annotations: moved, facts: [] } });
    const written = parseSidecar(next).doc!.annotations;
    assert.equal(written.length, 8000);
    assert.ok(written.every((a, i) => a.start === annotations[i].start + line.length));
  });

  it('re-anchoring 8,000 anchors on 20 copies of one passage without the old text accounts for every anchor', () => {
    const { text: unit, annotations: unitAnns } = article(400);
    const text = unit.repeat(20);
    const queries = Array.from({ length: 20 }, (_, k) =>
      unitAnns.map((a) => {
        const start = a.start + k * unit.length;
        return { id: `${a.id}-${k}`, start, end: a.end + k * unit.length, quote: a.text, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(a.end + k * unit.length, a.end + k * unit.length + 32) };
      }),
    ).flat();
    const r = reanchor(undefined, `A line added at the top.\n${text}`, queries, { units: 'utf16' });
    assert.equal(r.placed.length + r.orphans.length, 8000);
  });
});
