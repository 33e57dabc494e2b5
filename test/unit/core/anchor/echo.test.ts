import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';

// A paragraph pasted right after itself in the editor (the sidecar then holds its annotations on
// the first copy, with their context there), and later, outside the editor, the first copy edited
// next to a name. The second copy, untouched, now carries the stored context exactly; but "pasted
// after, first copy edited" and "pasted before, the pasted copy edited" read the same. Cases found
// by eval:anchoring's "paragraph pasted after itself", made small (a reviewer's harness: 347 of
// 10,700 of such paragraphs' annotations went onto the second copy).

const utf16 = { units: 'utf16' as const };
const P =
  'The delegation arrived on Monday and met officials for two hours. Later the envoy said that Kim Jong Il ' +
  'had agreed to resume the talks in Beijing next month, although the date was still open to question.\n\n';
const before = 'Opening lines of the story, which nobody edited and which say nothing.\n\n';
const after = 'A closing paragraph about other matters goes on for a while here.\n';

function anchor(text: string, quote: string, from = 0): AnchorQuery {
  const s = text.indexOf(quote, from);
  return anchorAt(text, quote, s, s + quote.length);
}

describe('reanchor: a paragraph pasted after itself, the first copy edited (issue 11 item 5)', () => {
  it('without the old text, a name whose context was edited in the first copy is not put on the second copy', () => {
    const mid = before + P + P + after;
    // "said that" becomes "stated that" and a typo is fixed further on, in the first copy only.
    const edited = P.replace('envoy said that', 'envoy stated that').replace('question', 'qeustion');
    const text = before + edited + P + after;
    const kim = anchor(mid, 'Kim Jong Il');
    const r = reanchor(undefined, text, [anchor(mid, 'Opening'), kim, anchor(mid, 'Beijing'), anchor(mid, 'closing')], utf16);
    const second = text.indexOf('Kim Jong Il', before.length + edited.length);
    const got = r.placed.find((p) => p.id === kim.id);
    assert.notEqual(got?.start, second, 'placed on the second copy');
    if (!got) {
      // An orphan offers the places to choose from.
      const o = r.orphans.find((x) => x.id === kim.id)!;
      assert.equal(o.reason, 'ambiguous');
      assert.ok(o.best, 'a candidate is offered');
    } else assert.equal(got.start, text.indexOf('Kim Jong Il'), 'placed on the first copy');
    // The neighbours outside the copies stay.
    assert.deepEqual(r.placed.filter((p) => p.id !== kim.id && p.id !== 'Beijing').map((p) => p.id).sort(), ['Opening', 'closing']);
  });

  it('without the old text, a long paragraph (an article without blank lines) pasted after itself and edited near a name is not put on the copy', () => {
    const long = P.trimEnd().repeat(1) + ' ' + 'Other sentences of the same paragraph go on about the talks and the weather in the city. '.repeat(30) + '\n\n';
    const mid = before + long + long + after;
    const edited = long.replace('envoy said that', 'envoy stated that');
    const text = before + edited + long + after;
    const kim = anchor(mid, 'Kim Jong Il');
    const r = reanchor(undefined, text, [anchor(mid, 'Opening'), kim, anchor(mid, 'closing')], utf16);
    const second = text.indexOf('Kim Jong Il', before.length + edited.length);
    assert.notEqual(r.placed.find((p) => p.id === kim.id)?.start, second, 'placed on the second copy');
  });


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
