import * as assert from 'node:assert/strict';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../../../src/core/sidecar';
import type { Annotation } from '../../../../src/core/model';
import { lineEndingMap } from '../../../../src/core/sidecar/lineEndings';

// RELIABILITY-CASES B5 (unix2dos / dos2unix: no orphans), found by an adversarial pass: with the old
// text unknown (no git, no cache), a converted article whose lead sentence is repeated (a wire
// story's dateline quoted again) had 10 of its 11 names orphaned as "in several places", and a later
// `annotate` added fresh suggestions beside them. The sidecar's fingerprint names the text exactly:
// the article with its line endings converted back is that text, so every offset maps.

const LEAD = 'SEOUL (Reuters) - President Roh Moo-hyun met Kim Jong Il in Pyongyang.';
const LF = `${LEAD}\nThe talks lasted two days.\n${LEAD}\nOfficials gave no details.\n`;
const NAMES = ['SEOUL', 'Reuters', 'Roh Moo-hyun', 'Kim Jong Il', 'Pyongyang'];

/** Every name of both copies of the lead sentence in `text`, confirmed. */
function annotationsOf(text: string): Annotation[] {
  const out: Annotation[] = [];
  for (const copy of [text.indexOf(LEAD), text.lastIndexOf(LEAD)]) {
    for (const name of NAMES) {
      const s = text.indexOf(name, copy);
      out.push({ id: `a${out.length + 1}`, type: 'PERSON', status: 'confirmed', start: s, end: s + name.length, text: name });
    }
  }
  return out;
}

describe('line endings converted outside Factmark (B5), old text unknown', () => {
  for (const [name, before, after] of [
    ['LF to CRLF (unix2dos)', LF, LF.replace(/\n/g, '\r\n')],
    ['CRLF to LF (dos2unix)', LF.replace(/\n/g, '\r\n'), LF],
  ] as const) {
    it(`${name}: every annotation of a repeated sentence keeps its own copy`, () => {
      const anns = annotationsOf(before);
      const sidecar = updateSidecar(undefined, { text: before, document: { path: 'a.txt', annotations: anns, facts: [] } });
      const loaded = loadAnnotations(parseSidecar(sidecar).doc!, after);
      assert.deepEqual([...loaded.orphans.keys()], [], 'no orphans');
      const expected = annotationsOf(after);
      assert.deepEqual(
        loaded.document.annotations.map((a) => [a.id, a.start, a.end]),
        expected.map((a) => [a.id, a.start, a.end]),
      );
    });
  }

  it('an article of 60,000 characters (past the character diff) converted to CRLF: every annotation of its repeated sentence keeps its place', () => {
    // Through a diff, a long converted text differs on every line: the diff ran out of time on 1 MB.
    const filler = 'The talks in Panmunjom lasted two days and ended without any statement from either side.\n';
    const before = LF + filler.repeat(700) + LF;
    const anns = annotationsOf(before);
    const sidecar = updateSidecar(undefined, { text: before, document: { path: 'a.txt', annotations: anns, facts: [] } });
    const after = before.replace(/\n/g, '\r\n');
    const loaded = loadAnnotations(parseSidecar(sidecar).doc!, after);
    assert.deepEqual([...loaded.orphans.keys()], []);
    assert.deepEqual(loaded.document.annotations.map((a) => [a.start, a.end]), annotationsOf(after).map((a) => [a.start, a.end]));
  });

  it('maps offsets between two texts differing by carriage returns: a span that ends a line keeps ending there', () => {
    const lf = 'ab\ncd\n\ne\rf';
    const crlf = 'ab\r\ncd\r\n\r\ne\rf';
    const toCrlf = lineEndingMap(lf, crlf);
    const toLf = lineEndingMap(crlf, lf);
    for (const [l, c] of [[0, 0], [2, 2], [3, 4], [5, 6], [6, 8], [7, 10], [8, 11], [10, 13]]) {
      assert.equal(toCrlf(l), c, `LF ${l}`);
      assert.equal(toLf(c), l, `CRLF ${c}`);
    }
  });

  it('a text changed in more than its line endings is not taken for a conversion', () => {
    const before = LF;
    const anns = annotationsOf(before);
    const sidecar = updateSidecar(undefined, { text: before, document: { path: 'a.txt', annotations: anns, facts: [] } });
    // The second lead sentence deleted as well: its names must not be placed on the first one's.
    const after = before.replace(/\n/g, '\r\n').replace(`${LEAD}\r\nOfficials`, 'Officials');
    const loaded = loadAnnotations(parseSidecar(sidecar).doc!, after);
    for (const a of loaded.document.annotations) {
      if (loaded.orphans.has(a.id)) continue;
      assert.ok(Number(a.id.slice(1)) <= NAMES.length, `${a.id} of the deleted copy is placed at ${a.start}`);
    }
  });
});
