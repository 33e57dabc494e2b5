import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';

// A paragraph pasted right after itself in the editor (the sidecar then holds its annotations on
// the first copy, with their context there), and later, outside the editor, the first copy edited
// next to a name. The second copy, untouched, now carries the stored context exactly; but "pasted
// after, first copy edited" and "pasted before, the pasted copy edited" read the same. Cases found
// by eval:anchoring's "paragraph pasted after itself", made small (a reviewer's harness: 347 of
// 10,700 of such paragraphs' annotations went onto the second copy). With the old text known the
// diff tells them apart; without it, nothing yet does (a rule that made them ambiguous orphans also
// orphaned every row of tables and lists, below, and was withdrawn).

const utf16 = { units: 'utf16' as const };
const after = 'A closing paragraph about other matters goes on for a while here.\n';

function anchor(text: string, quote: string, from = 0): AnchorQuery {
  const s = text.indexOf(quote, from);
  return anchorAt(text, quote, s, s + quote.length);
}

describe('reanchor: a paragraph pasted after itself, the first copy edited (issue 11 item 5)', () => {
  it('with the old text known, a name whose context was edited in the first copy stays there, not on the other copy the diff kept', () => {
    // The diff maps the name to its own place; its context there no longer agrees (words changed
    // on both sides), but the copy that agrees is the second paragraph's own text, kept in place.
    const para = "Rally's Inc. said it adopted a shareholders rights plan to guard against an inadequately priced takeover offer.\n\n";
    const mid = para + para + after;
    const text = para.replace('said it adopted', 'benefits it without') + para + after;
    const rally = anchor(mid, "Rally's");
    const r = reanchor(mid, text, [rally, anchor(mid, 'closing')], utf16);
    assert.equal(r.placed.find((p) => p.id === rally.id)?.start, 0);
  });
});

describe('reanchor without the old text: tables and lists of repeated labels keep their annotations', () => {
  const table =
    'Casualty figures released Friday.\n\nNORTH PROVINCE (AP) -\nTotal dead: 12\nTotal injured: 40\n\n' +
    'SOUTH PROVINCE (AP) -\nTotal dead: 7\nTotal injured: 31\n\nEAST PROVINCE (AP) -\nTotal dead: 3\nTotal injured: 9\n';
  const rows = [...table.matchAll(/Total dead/g)].map((m, i) => ({ ...anchorAt(table, 'Total dead', m.index, m.index + 10), id: `d${i}` }));
  const starts = (text: string) => [...text.matchAll(/Total dead/g)].map((m) => m.index);

  it('an unchanged table: every "Total dead" stays on its own row', () => {
    const r = reanchor(undefined, table, rows, utf16);
    assert.deepEqual(r.placed.map((p) => [p.id, p.start]), rows.map((q, i) => [q.id, starts(table)[i]]));
  });

  it('the table with CRLF line endings: every row keeps its annotation', () => {
    const crlf = table.replace(/\n/g, '\r\n');
    const r = reanchor(undefined, crlf, rows, utf16);
    assert.deepEqual(r.placed.map((p) => [p.id, p.start]), rows.map((q, i) => [q.id, starts(crlf)[i]]));
  });

  it('a figure changed: no annotation moves to another row', () => {
    const edited = table.replace('dead: 12', 'dead: 13');
    const r = reanchor(undefined, edited, rows, utf16);
    for (const p of r.placed) assert.equal(p.start, starts(edited)[Number(p.id.slice(1))], `${p.id} on another row`);
    assert.ok(r.placed.length >= 2, `only ${r.placed.length} of 3 placed`);
  });
});
