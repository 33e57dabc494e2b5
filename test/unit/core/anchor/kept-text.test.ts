import * as assert from 'node:assert/strict';
import { reanchor, anchorAt, type AnchorQuery, type ReanchorResult } from '../../../../src/core/anchor';

// Text that still exists after an external edit keeps its annotation, even when the words next to
// it on one side changed: only its own deleted text makes an orphan. The cases are those of the
// integration tests (test/integration/suite/sidecar.test.ts: B2/B3 and the "best candidate" quick
// fixes), run in plain Node with the old text known (diff path) and unknown (quote and context).

const utf16 = { units: 'utf16' as const };

const TEXT = [
  '😀 𝚫 Harbour accord signed',
  '',
  'Malta and Tunisia signed an agreement on Tuesday. Elena Vassallo met Karim Ben Salah in Valletta.',
  '',
  'Ben Salah said Tunisia would ask the European Union for funding.',
  '',
].join('\n');

const QUOTES = ['Elena Vassallo', 'Karim Ben Salah', 'Valletta', 'European Union'];

/** Anchors (UTF-16, with context) on the first occurrence of each quote, id = quote. */
function anchors(text: string): AnchorQuery[] {
  return QUOTES.map((q) => anchorAt(text, q, text.indexOf(q), text.indexOf(q) + q.length));
}

/** Where each id ended up: [start, end], or 'orphan'. */
function where(r: ReanchorResult, id: string): [number, number] | 'orphan' {
  const p = r.placed.find((x) => x.id === id);
  return p ? [p.start, p.end] : 'orphan';
}

const modes = [
  ['old text known', (old: string) => old],
  ['old text unknown', () => undefined],
] as const;

describe('reanchor: text that still exists is kept when one side of its context changed', () => {
  for (const [mode, oldOf] of modes) {
    it(`B2/B3: a line rewritten around kept names, a paragraph prepended (${mode})`, () => {
      const next = 'Update: talks resumed.\n\n' + TEXT.replace('Elena Vassallo met Karim Ben Salah in Valletta.', 'Elena Vassallo met reporters in Valletta.').replace('funding.', 'funding next month.');
      const r = reanchor(oldOf(TEXT), next, anchors(TEXT), utf16);
      // "Valletta" closes a sentence whose words before it changed; "Elena Vassallo" opens one
      // whose words after it changed: each keeps the other side, and its own text.
      for (const q of ['Elena Vassallo', 'Valletta', 'European Union']) assert.deepEqual(where(r, q), [next.indexOf(q), next.indexOf(q) + q.length], q);
      assert.equal(where(r, 'Karim Ben Salah'), 'orphan');
    });

    it(`quick fix: a deleted name becomes an orphan whose best candidate is its other mention; its neighbours stay (${mode})`, () => {
      const text = TEXT + '\nLater, Karim Ben Salah flew home.\n';
      const next = text.replace('Elena Vassallo met Karim Ben Salah in Valletta.', 'Elena Vassallo met in Valletta.');
      const r = reanchor(oldOf(text), next, anchors(text), utf16);
      for (const q of ['Elena Vassallo', 'Valletta', 'European Union']) assert.deepEqual(where(r, q), [next.indexOf(q), next.indexOf(q) + q.length], q);
      assert.equal(where(r, 'Karim Ben Salah'), 'orphan');
      assert.deepEqual(r.orphans.map((o) => o.id), ['Karim Ben Salah']);
      assert.equal(r.orphans[0].best?.start, next.indexOf('Karim Ben Salah'));
    });
  }
});
