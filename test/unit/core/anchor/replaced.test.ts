import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { replacedWords } from '../../../../src/core/anchor/replaced';

// Issue 11, eval:anchoring's "find and replace" (an editor's Replace All, `sed s/U\.S\./American/g`)
// with the old text unknown: a word replaced everywhere on both sides of a name left its stored
// context disagreeing there, and the annotation became an orphan though its text was untouched.
// The word is gone from the whole text and the same other word stands in its place next to
// several annotations: their contexts are read with it replaced (replaced.ts).

const OLD =
  'The U.S. envoy met Kuwaiti officials in Kuwait City on Monday, the U.S. embassy said.\n\n' +
  'Iraqi troops left the border after talks with the U.S. envoy in Baghdad, and the U.S. Navy withdrew.\n\n' +
  'Officials of the U.S. Treasury said Iraq had paid, and the U.S. Congress in Washington agreed.\n';
const NAMES = ['Kuwait City', 'Monday', 'Baghdad', 'Navy', 'Treasury', 'Congress', 'Washington'];
const anchors = NAMES.map((w) => anchorAt(OLD, w, OLD.indexOf(w), OLD.indexOf(w) + w.length));

describe('reanchor: a word replaced everywhere next to annotations (issue 11, find and replace)', () => {
  it('"U.S." replaced by "American" all through, old text unknown: every name placed on its own text, none an orphan', () => {
    const now = OLD.replace(/U\.S\./g, 'American');
    const r = reanchor(undefined, now, anchors, { units: 'utf16' });
    assert.deepEqual(r.orphans, []);
    assert.deepEqual(
      r.placed.map((p) => [p.id, p.start]),
      NAMES.map((w) => [w, now.indexOf(w)]),
    );
  });
});

describe('reanchor: words next to other copies are no evidence of a replacement (issue 11, branch switch)', () => {
  // eval:anchoring's branch switch: the sentence of "Nasdaq 100 Index" gone (another branch), two
  // other sentences saying "Nasdaq Composite Index". "100" is gone from the text, and "Composite"
  // stands in its place next to both quotes, but at two places each: that is repeated wording,
  // not a Replace All, and reading it as one placed both on the other sentence.
  const OLD =
    'Program trading also causes the Nasdaq Composite Index to lose ground against other markets.\n\n' +
    'Weakness in big technology stocks hurt the composite as well as the Nasdaq 100 Index, which fell 1.4% on Friday.\n\n' +
    'Weakness in big bank stocks also hurt the small firms as well as the Nasdaq Composite Index, which fell 1% on Friday.\n';
  const at = (w: string, from = 0) => {
    const i = OLD.indexOf(w, from);
    return anchorAt(OLD, w, i, i + w.length);
  };
  const k = OLD.indexOf('Weakness');

  it('its sentence deleted (old text unknown): "Nasdaq" and "Index" are orphans, not placed on "Nasdaq Composite Index"', () => {
    // (The whole stored side must agree but for the replaced word, and "1.4%" is "1%" in the
    // other sentences: that rule already keeps "100" from being read as replaced here. The
    // one-place rule is pinned by the next test.)
    const now = OLD.replace(/Weakness in big tech[^\n]*\n\n/, '');
    const r = reanchor(undefined, now, [at('Program'), at('Nasdaq', k), at('Index', k)], { units: 'utf16' });
    assert.deepEqual(
      r.placed.map((p) => p.id),
      ['Program'],
    );
  });
});

describe('replacedWords: how many anchors and places show a replacement (issue 11, find and replace)', () => {
  const startsIn = (text: string) => (q: string) => [...text.matchAll(new RegExp(q.replace(/[.]/g, '\\.'), 'g'))].map((m) => m.index!);

  it('"100" gone, "Composite" in its place next to both copies of each quote: repeated wording, nothing replaced', () => {
    // The paragraph of "Nasdaq 100 Index" deleted between two that read "Nasdaq Composite Index"
    // word for word: next to each of the two quotes' two copies "Composite" stands where "100"
    // stood. Shown at one place per anchor, that would be a replacement; at two, it is not.
    const p1 = 'Tech stocks hurt the Nasdaq Composite Index on Friday.\n\n';
    const filler = `${'Tech analysts said the selling went on across the board. '.repeat(8)}\n\n`;
    const gone = 'Tech stocks hurt the Nasdaq 100 Index on Friday.\n\n';
    const last = 'Tech shares recovered later in the week, traders said.\n';
    const old = p1 + filler + gone + p1 + last;
    const now = p1 + filler + p1 + last;
    const two = ['Nasdaq', 'Index'].map((q) => old.indexOf(q, old.indexOf(gone))).map((i, k) => anchorAt(old, `a${k}`, i, i + (k ? 5 : 6)));
    assert.deepEqual([...replacedWords(now, two, startsIn(now))], []);
  });

  it('a word replaced at one place only, next to two anchors there: no Replace All', () => {
    // "U.S." occurred once and was edited there: two anchors on either side of it show the same
    // replacement, but at one place of the text, which any edit makes.
    const old = 'Officials met on Monday.\n\nThe U.S. envoy met Kuwaiti officials in the capital on Monday.\n\nThe talks went on.\n';
    const now = old.replace('U.S.', 'American');
    const two = ['The', 'envoy'].map((q) => old.indexOf(q)).map((i, k) => anchorAt(old, `a${k}`, i, i + (k ? 5 : 3)));
    assert.deepEqual([...replacedWords(now, two, startsIn(now))], []);
    // At two places, the same replacement is read.
    const old2 = `${old}The U.S. envoy met reporters later.\n`;
    const now2 = old2.split('U.S.').join('American');
    const i = old2.lastIndexOf('envoy');
    assert.deepEqual([...replacedWords(now2, [two[1], anchorAt(old2, 'a2', i, i + 5)], startsIn(now2))], [['U.S.', 'American']]);
  });

  it('a quote occurring more than 20 times casts no vote, however clearly its context shows a replacement', () => {
    // Repeated text: some copy of a frequent quote has any word next to it.
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `Kim spoke on day ${k + 1}.`).join(' ');
    const body = (n: number, us: string) => `${filler(n)}\n\nThe ${us} envoy Kim met Kuwaiti officials.\n\nLater the ${us} envoy Kim met reporters.\n`;
    for (const [n, replaced] of [[18, true], [19, false]] as const) {
      const old = body(n, 'U.S.');
      const now = body(n, 'American');
      const kims = [old.indexOf('Kim met K'), old.indexOf('Kim met r')].map((i, k) => anchorAt(old, `a${k}`, i, i + 3));
      assert.equal(startsIn(now)('Kim').length, n + 2);
      assert.deepEqual([...replacedWords(now, kims, startsIn(now))], replaced ? [['U.S.', 'American']] : [], `${n + 2} occurrences`);
    }
  });
});

describe('replacedWords: a context cut inside a word is no evidence of a replacement (issue 11)', () => {
  // A stored suffix cut at "the U.S" read "U" as a word gone from the text (which holds "U.S."),
  // replaced by "U.S.": a false replacement, which then misread contexts (more orphans in
  // eval:anchoring's other scenarios). The text is unchanged but for a line added.
  it('two suffixes ending in "the U.S": nothing replaced', () => {
    const OLD =
      'While shying away from using the word "blockade," Mr. Bush acknowledged that the U.S. and others were trying to stop all trade.\n\n' +
      'Speaking to reporters later, Mr. Baker said thrice that the U.S. would not negotiate.\n';
    const mr = [OLD.indexOf('Mr'), OLD.lastIndexOf('Mr')].map((i) => anchorAt(OLD, `mr${i}`, i, i + 2));
    const now = `A line added.\n${OLD}`;
    const starts = (q: string) => [...now.matchAll(new RegExp(q, 'g'))].map((m) => m.index!);
    assert.deepEqual([...replacedWords(now, mr, starts)], []);
  });

});

describe('reanchor: an edit that is no Replace All is not read as one (issue 11, find and replace, review)', () => {
  // Found in review: a disagreeing word still in the text ended the comparison but kept the pairs
  // found before it, so a deleted paragraph whose wording runs parallel to the next one
  // ("At the hearing, Mr. Smith said" / "In an interview, Mr. Jones said") read as Smith -> Jones,
  // and the deleted "said" went onto Jones's.
  it('a paragraph deleted before a parallel one (old text unknown): its names are orphans, not placed on the other paragraph', () => {
    const p1 = 'Officials met in the capital on Monday to discuss the budget plan for next year.\n\n';
    const gone = 'At the hearing, Mr. Smith said the plan was flawed. Later Mr. Smith told reporters it would fail anyway.\n\n';
    const p2 = 'In an interview, Mr. Jones said the plan would pass. Then Mr. Jones told the committee he had votes.\n\n';
    const old = p1 + gone + p2;
    const at = (q: string) => anchorAt(old, q, old.indexOf(q), old.indexOf(q) + q.length);
    const r = reanchor(undefined, p1 + p2, [at('said'), at('told'), at('Monday')], { units: 'utf16' });
    assert.deepEqual(r.placed.map((p) => p.id), ['Monday']);
    assert.deepEqual(r.orphans.map((o) => o.id).sort(), ['said', 'told']);
  });

  it('a word deleted everywhere, the farthest word of two contexts, is read as no replacement', () => {
    const old =
      'Kowalski met reporters in Warsaw along with the new ministers on Monday.\n\n' +
      'Nowak met reporters in Warsaw along with the new ministers on Tuesday.\n\nThe talks went on.\n';
    const now = old.split('along ').join('');
    const two = ['Kowalski', 'Nowak'].map((q) => anchorAt(old, q, old.indexOf(q), old.indexOf(q) + q.length));
    const starts = (q: string) => [...now.matchAll(new RegExp(q, 'g'))].map((m) => m.index!);
    assert.deepEqual([...replacedWords(now, two, starts)], []);
  });
});

