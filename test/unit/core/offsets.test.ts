import * as assert from 'node:assert/strict';
import { OffsetMap } from '../../../src/core/offsets';

describe('OffsetMap (UTF-16 ↔ code points)', () => {
  it('is the identity on BMP text, Hangul and CRLF included', () => {
    const text = '남북 장성급 회담\r\nNorth Korea';
    const map = new OffsetMap(text);
    for (let i = 0; i <= text.length; i++) {
      assert.equal(map.toCodePoint(i), i);
      assert.equal(map.toUtf16(i), i);
    }
  });

  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b𝒳c';
    const map = new OffsetMap(text);
    assert.equal(map.codePointLength, [...text].length);
    const cps = [...text];
    let utf16 = 0;
    cps.forEach((ch, cp) => {
      assert.equal(map.toCodePoint(utf16), cp, `toCodePoint(${utf16})`);
      assert.equal(map.toUtf16(cp), utf16, `toUtf16(${cp})`);
      utf16 += ch.length;
    });
    assert.equal(map.toUtf16(cps.length), text.length);
    assert.equal(map.toCodePoint(text.length), cps.length);
  });

  it('slices the same characters in both units (combining marks, RTL, BOM)', () => {
    const text = '\uFEFFe\u0301 שלום 👩‍👩‍👧 مرحبا';
    const map = new OffsetMap(text);
    const start = text.indexOf('שלום');
    const end = text.length;
    const cpStart = map.toCodePoint(start);
    const cpEnd = map.toCodePoint(end);
    assert.equal([...text].slice(cpStart, cpEnd).join(''), text.slice(start, end));
    assert.equal(map.toUtf16(cpStart), start);
    assert.equal(map.toUtf16(cpEnd), end);
  });
});
