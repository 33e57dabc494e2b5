/** brat import and export (issue 12, items 5 and 6): nothing lost silently, names and notes reversible. */
import * as assert from 'node:assert/strict';
import { toBratAnn, toBratConf } from '../../../../src/core/export/brat';
import { importBrat } from '../../../../src/core/export/bratImport';
import { DocBuilder } from './fixtures';

const TEXT = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom.';

describe('brat import reports what it cannot keep', () => {
  it('reports a duplicate T id instead of losing the first silently', () => {
    const r = importBrat('T1\tPERSON 5 18\tKim Yong-chol\nT1\tPLACE 23 27\tU.S.\n', TEXT);
    assert.deepEqual(r.annotations.map((a) => a.text), ['Kim Yong-chol']);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].kind, 'duplicate');
    assert.equal(r.problems[0].line, 2);
  });

  it('reports a second KB id (N line) on one T', () => {
    const r = importBrat('T1\tPLACE 23 27\tU.S.\nN1\tReference T1 Wikidata:Q30\tU.S.\nN2\tReference T1 GeoNames:6252001\tU.S.\n', TEXT);
    assert.equal(r.annotations[0].kb, 'Q30');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].reason, /GeoNames:6252001.*already has Q30/);
  });

  it('reports a discontinuous span instead of widening it over the gap', () => {
    const r = importBrat('T1\tPERSON 0 4;23 27\tGen. U.S.\n', TEXT);
    assert.deepEqual(r.annotations, []);
    assert.match(r.problems[0].reason, /discontinuous/);
  });
});

describe('brat round trip keeps names and notes', () => {
  it('keeps type and label names with spaces, and notes with line breaks, tabs and backslashes', () => {
    const b = new DocBuilder(TEXT);
    const kim = b.add('Kim Yong-chol', 'Military officer', { note: 'line one\nline two\twith a tab\r\nand C:\\new' });
    const us = b.add('U.S.', 'Weapon system_2 %x');
    b.fact('Kim Yong-chol met U.S.', 'Met with', [kim, us], { note: 'a\nb' });
    const input = b.build();
    const ann = toBratAnn(input);
    assert.doesNotMatch(ann, /Military officer|Military_officer/);
    const r = importBrat(ann, TEXT);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.annotations.map((a) => [a.type, a.note]), [['Military officer', 'line one\nline two\twith a tab\r\nand C:\\new'], ['Weapon system_2 %x', undefined]]);
    assert.deepEqual(r.facts.map((f) => [f.label, f.note]), [['Met with', 'a\nb']]);
    assert.match(toBratConf([input]), /^Military%20officer$/m);
  });
});

describe('brat import speaks in the file’s own offsets and never splits a character', () => {
  // brat counts code points; the emoji is two UTF-16 units, so every offset after it differs by one.
  const EMOJI = 'Seoul 😀 talks: Kim met Lee. Kim left.';

  it('names where a relocated span was and where it went in code points, as the .ann file counts', () => {
    // "Lee" is at code points 23-26 (UTF-16 24-27); the file says 10-13.
    const r = importBrat('T1\tPERSON 10 13\tLee\n', EMOJI);
    assert.equal(r.annotations[0].text, 'Lee');
    const moved = r.problems.find((p) => p.kind === 'relocated');
    assert.match(moved?.reason ?? '', /“Lee” was not at \[10, 13\); found at \[23, 26\)$/);
  });

  it('does not relocate a one-letter quote onto the base letter of a decomposed “é” (e + combining accent), nor into an emoji sequence', () => {
    for (const [ann, text] of [
      ['T1\tPERSON 0 1\te\n', 'Cafe\u0301 Noir.'],
      // the man of a family emoji (man, ZWJ, woman), looked for from offset 0
      ['T1\tPERSON 0 1\t👨\n', 'Our 👨\u200d👩 visit.'],
    ]) {
      const r = importBrat(ann, text);
      assert.deepEqual(r.annotations, [], `${ann.trim()}: placed on ${JSON.stringify(r.annotations.map((a) => [a.start, a.end, a.text]))}`);
      assert.equal(r.problems[0].kind, 'unanchored');
      assert.match(r.problems[0].reason, /elsewhere only inside a character/);
    }
  });

  it('still relocates a quote to a whole character, and keeps a span the file gives at its own offsets', () => {
    const text = 'Cafe\u0301 or cafe at Noir.';
    const r = importBrat('T1\tPLACE 0 1\te\n', text);
    assert.deepEqual(r.annotations.map((a) => [a.start, a.end]), [[12, 13]], 'the "e" of the plain "cafe"');
    // what Factmark exported that way comes back: the file's own offsets are the user's choice
    assert.deepEqual(importBrat('T1\tPLACE 3 4\te\n', text).annotations.map((a) => [a.start, a.end]), [[3, 4]]);
  });
});
