import * as assert from 'node:assert/strict';
import { parseSidecar, updateSidecar } from '../../../../src/core/sidecar';

// FORMAT.md: "Values Factmark writes are plain only when every YAML reader (YAML 1.1 ones included)
// reads them back as the same string". The fallback writer (the yaml Document API, for a flow-style
// layout written by hand) wrote `value: 2006-03-02` and `quote: yes` plain: PyYAML reads a date and
// a boolean there.

const text = 'On 2006-03-02 he said yes to Kim.';
const date = { id: 'a1', type: 'DATE', start: 3, end: 13, text: '2006-03-02', status: 'confirmed' as const, value: '2006-03-02' };
const yes = { id: 'a2', type: 'ANSWER', start: 22, end: 25, text: 'yes', status: 'suggested' as const, note: '0777' };
const kim = { id: 'a3', type: 'PERSON', start: 29, end: 32, text: 'Kim', status: 'confirmed' as const };
const flow = `factmark: 1
document: {path: a.txt}
offsets: codepoints
annotations: [{id: a3, type: PERSON, start: 29, end: 32, quote: Kim, status: suggested}]
facts: []
`;

describe('sidecar: the fallback writer quotes what a YAML 1.1 reader would not read back as text', () => {
  it('new and changed entries of a flow-style sidecar quote dates, yes/no and numbers-as-text', () => {
    const out = updateSidecar(flow, { text, document: { path: 'a.txt', facts: [], annotations: [date, yes, kim] } });
    assert.match(out, /\{ id: a3, type: PERSON,/, 'precondition: the flow layout went through the fallback writer');
    assert.match(out, /quote: "2006-03-02"/);
    assert.match(out, /value: "2006-03-02"/);
    assert.match(out, /quote: "yes"/);
    assert.match(out, /note: "0777"/);
    const back = parseSidecar(out).doc?.annotations.map((a) => [a.id, a.quote, a.value, a.note]).sort();
    assert.deepEqual(back, [['a1', '2006-03-02', '2006-03-02', undefined], ['a2', 'yes', undefined, '0777'], ['a3', 'Kim', undefined, undefined]]);
  });
});

describe('sidecar: the fallback writer escapes the characters a YAML 1.1 reader takes for line breaks', () => {
  it('writes NEL, U+2028, U+2029, DEL, C1 controls and BOM escaped inside double quotes, never raw', () => {
    const odd = 'a\u0085b\u2028c\u2029d\u007fe\u0080f\u009fg\ufeffh';
    const noted = { ...kim, note: odd };
    const out = updateSidecar(flow, { text, document: { path: 'a.txt', facts: [], annotations: [noted] } });
    assert.match(out, /\{ id: a3, type: PERSON,/, 'precondition: the flow layout went through the fallback writer');
    // PyYAML reads a raw NEL inside double quotes as a line break folded into a space
    assert.doesNotMatch(out, /[\u007f-\u009f\u2028\u2029\ufeff]/);
    assert.equal(parseSidecar(out).doc?.annotations[0].note, odd);
  });
});
