import * as assert from 'node:assert/strict';
import { LineStarts } from '../../../src/core/lines';

describe('LineStarts', () => {
  it('ends lines at LF, CRLF and a lone CR, as editors do', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    const lines = new LineStarts(text);
    const at = (s: string) => lines.lineOf(text.indexOf(s));
    assert.deepEqual(at('one'), { line: 0, start: 0 });
    assert.deepEqual(at('two'), { line: 1, start: text.indexOf('two') });
    assert.deepEqual(at('three'), { line: 2, start: text.indexOf('three') });
    assert.deepEqual(at('four'), { line: 3, start: text.indexOf('four') });
    // the CR of a CRLF still belongs to its line
    assert.equal(lines.lineOf(text.indexOf('\r\n')).line, 1);
  });
});
