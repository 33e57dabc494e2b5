import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveLabels } from '../../../src/core/labels';
import { sortSpans } from '../../../src/core/tree/navigate';
import { chordKeyProblems, chordKeysInUse, chordWhen, LABEL_CHORD_KEYS, RESERVED_CHORD_KEYS } from '../../../src/core/labelKeys';
import { step } from '../../../src/core/tree/step';
import { repoRoot } from '../../fixtures/paths';

const root = repoRoot;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
type Binding = { command: string; key: string; when?: string; args?: { key?: string } };
const bindings = manifest.contributes.keybindings as Binding[];

describe('keyboard: Alt+M chords of custom labels', () => {
  it('contributes one guarded chord per free letter and digit, running tagWithLabelKey with that key', () => {
    for (const k of LABEL_CHORD_KEYS) {
      const b = bindings.filter((x) => x.key === `alt+m ${k}`);
      assert.equal(b.length, 1, `alt+m ${k}`);
      assert.equal(b[0].command, 'factmark.tagWithLabelKey');
      assert.deepEqual(b[0].args, { key: k });
      assert.equal(b[0].when, chordWhen(k));
    }
    assert.equal(bindings.filter((x) => x.command === 'factmark.tagWithLabelKey').length, LABEL_CHORD_KEYS.length);
  });

  it('reserves exactly the keys that Factmark’s own Alt+M chords use', () => {
    const own = bindings.filter((x) => /^alt\+m [a-z0-9]$/.test(x.key) && x.command !== 'factmark.tagWithLabelKey').map((x) => x.key.slice(-1));
    assert.deepEqual(own.sort(), Object.keys(RESERVED_CHORD_KEYS).sort());
  });

  it('enables the chords of the custom labels’ keys and explains keys that cannot be chords', () => {
    const { labels } = resolveLabels([
      { name: 'treaty', key: 'w' },
      { name: 'law', key: '3' },
      { name: 'ship', key: 'a' },
      { name: 'weapon', key: '!' },
      { name: 'unit' },
    ]);
    assert.equal(chordKeysInUse(labels), 'w3');
    const problems = chordKeyProblems(labels);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /Alt\+M A stays Accept Suggestions/);
    assert.match(problems[1], /only letters and digits/);
  });
});

describe('keyboard: stepping from the selection (next / previous suggestion and annotation)', () => {
  const spans = sortSpans([
    { start: 0, end: 5 },
    { start: 10, end: 23 }, // "Tunisian Navy"
    { start: 10, end: 18 }, // "Tunisian", nested at the same start
    { start: 30, end: 35 },
  ]);

  it('visits a span nested at the same start when the selection is the outer span', () => {
    assert.deepEqual(step(spans, { start: 10, end: 23 }, 1, false)?.item, { start: 10, end: 18 });
    assert.deepEqual(step(spans, { start: 10, end: 18 }, -1, false)?.item, { start: 10, end: 23 });
  });

  it('steps from a selection that is no longer a span (it was accepted) as if it were', () => {
    assert.deepEqual(step(spans, { start: 11, end: 14 }, 1, false)?.item, { start: 30, end: 35 });
    assert.deepEqual(step(spans, { start: 11, end: 14 }, -1, false)?.item, { start: 10, end: 18 });
  });

  it('from a cursor, skips the span starting at it, and wraps when asked', () => {
    assert.deepEqual(step(spans, { start: 0, end: 0 }, 1, false)?.item, { start: 10, end: 23 });
    assert.equal(step(spans, { start: 30, end: 35 }, 1, false), undefined);
    assert.deepEqual(step(spans, { start: 30, end: 35 }, 1, true), { item: { start: 0, end: 5 }, wrapped: true });
    assert.deepEqual(step(spans, { start: 0, end: 5 }, -1, true), { item: { start: 30, end: 35 }, wrapped: true });
  });
});
