import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reanchor, anchorAt, type AnchorQuery } from '../../../../src/core/anchor';
import { OffsetMap } from '../../../../src/core/offsets';
import { corpusDir } from './helpers';

const OLD = [
  'SEOUL (VOA) - North and South Korean generals met on Thursday in Panmunjom.',
  '',
  'Kim Jong Il was not present. South Korean officials said the talks were useful.',
  '',
  'Roh Moo-hyun said Kim Jong Il had agreed to more talks in March.',
  '',
].join('\n');

/** Anchor (UTF-16) on the n-th occurrence of a quote. */
function at(text: string, id: string, quote: string, nth = 0): AnchorQuery {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, quote);
  return anchorAt(text, id, i, i + quote.length);
}

const utf16 = { units: 'utf16' as const };

describe('reanchor after external changes (B-series)', () => {
  it('B1: an appended line maps every span exactly through the diff', () => {
    const anchors = [at(OLD, 'k1', 'Kim Jong Il'), at(OLD, 'k2', 'Kim Jong Il', 1), at(OLD, 'p', 'Panmunjom')];
    const next = OLD + 'More to come.\n';
    const r = reanchor(OLD, next, anchors, utf16);
    assert.deepEqual(r.orphans, []);
    for (const p of r.placed) assert.equal(p.method, 'diff');
    assert.deepEqual(r.placed.map((p) => [p.start, p.end]), anchors.map((a) => [a.start, a.end]));
  });

  it('a deleted sentence orphans its name even though the same name appears elsewhere (with old text)', () => {
    const anchors = [at(OLD, 'k1', 'Kim Jong Il'), at(OLD, 'k2', 'Kim Jong Il', 1)];
    const next = OLD.replace('Kim Jong Il was not present. ', '');
    const r = reanchor(OLD, next, anchors, utf16);
    assert.deepEqual(r.orphans.map((o) => [o.id, o.reason]), [['k1', 'deleted']]);
    assert.ok(r.orphans[0].best, 'orphans carry their best candidate');
    const k2 = r.placed.find((p) => p.id === 'k2')!;
    assert.equal(next.slice(k2.start, k2.end), 'Kim Jong Il');
    assert.equal(k2.start, next.indexOf('Kim Jong Il'));
  });

  it('B10: a paragraph cut and pasted elsewhere is followed', () => {
    const OLD2 = OLD.trimEnd();
    const paras = OLD2.split('\n\n');
    const next = [paras[0], paras[2], paras[1]].join('\n\n');
    const anchors = [at(OLD2, 'k1', 'Kim Jong Il'), at(OLD2, 'k2', 'Kim Jong Il', 1), at(OLD2, 'roh', 'Roh Moo-hyun')];
    const r = reanchor(OLD2, next, anchors, utf16);
    assert.deepEqual(r.orphans, []);
    // Where each anchor truly went: same paragraph, same offset inside it.
    const paraStart = (text: string, k: number) => text.split('\n\n').slice(0, k).join('\n\n').length + (k ? 2 : 0);
    const truth = (a: AnchorQuery) => {
      const k = OLD2.slice(0, a.start).split('\n\n').length - 1;
      const newIndex = [0, 2, 1][k];
      return paraStart(next, newIndex) + (a.start - paraStart(OLD2, k));
    };
    for (const a of anchors) {
      const p = r.placed.find((x) => x.id === a.id)!;
      assert.equal(p.start, truth(a), `${a.id} (${p.method})`);
      assert.equal(next.slice(p.start, p.end), a.quote);
    }
  });

  it('without the old text: exact quote with the best context, never the other mention', () => {
    const anchors = [at(OLD, 'k2', 'Kim Jong Il', 1)];
    const next = 'Breaking news.\n\n' + OLD;
    const r = reanchor(undefined, next, anchors, utf16);
    assert.equal(r.placed.length, 1);
    assert.equal(r.placed[0].method, 'context');
    assert.equal(r.placed[0].start, next.lastIndexOf('Kim Jong Il'));
  });

  it('without the old text: a deleted name with a different context elsewhere is orphaned, not moved', () => {
    const anchors = [at(OLD, 'k1', 'Kim Jong Il')];
    const next = OLD.replace('Kim Jong Il was not present. ', '');
    const r = reanchor(undefined, next, anchors, utf16);
    assert.equal(r.placed.length, 0);
    assert.equal(r.orphans[0].id, 'k1');
  });

  it('fuzzy: a typo fixed inside the quote is still found, the change flagged', () => {
    const old = OLD.replace('Panmunjom', 'Panmunjeom');
    const anchors = [at(old, 'p', 'Panmunjeom')];
    const r = reanchor(undefined, OLD, anchors, utf16);
    assert.equal(r.placed[0]?.method, 'fuzzy');
    assert.equal(OLD.slice(r.placed[0].start, r.placed[0].end), 'Panmunjom');
    assert.equal(r.placed[0].modified, true);
  });

  it('with the old text: a typo fixed inside the quote follows the edit, the change flagged', () => {
    const old = OLD.replace('Panmunjom', 'Panmunjeom');
    const r = reanchor(old, OLD, [at(old, 'p', 'Panmunjeom')], utf16);
    assert.equal(r.placed[0]?.method, 'diff-modified');
    assert.equal(OLD.slice(r.placed[0].start, r.placed[0].end), 'Panmunjom');
    assert.equal(r.placed[0].modified, true);
  });

  it('with the old text: a word replaced by another word is not taken for it ("Thursday" → "Tuesday")', () => {
    // A date annotation moved onto "Tuesday" would keep the value of Thursday: orphan it instead.
    const next = OLD.replace('on Thursday in', 'on Tuesday in');
    const r = reanchor(OLD, next, [at(OLD, 't', 'Thursday')], utf16);
    assert.deepEqual(r.placed, []);
    assert.equal(r.orphans[0]?.reason, 'deleted');
  });

  it('with the old text: a sentence moved elsewhere takes its names along', () => {
    const moved = 'Kim Jong Il was not present. ';
    const next = OLD.replace(moved, '').replace('Roh Moo-hyun said', moved + 'Roh Moo-hyun said');
    const r = reanchor(OLD, next, [at(OLD, 'k', 'Kim Jong Il')], utf16);
    assert.equal(r.placed[0]?.method, 'moved');
    assert.equal(r.placed[0].start, next.indexOf(moved));
  });

  it('with the old text: a deleted name is not "moved" into a new sentence that only starts like its own', () => {
    const middle = 'National Intergroup rose 2% after a quiet morning in which most steel makers traded flat and volumes stayed low.\n\n';
    const old = `Bethlehem Steel said it would end its listing. Its shares will cease trading on the New York Stock Exchange.\n\n${middle}Analysts expect more delistings.\n`;
    // The deleted sentence ended right after the name; the one inserted later goes on after it.
    const next = old.replace(' Its shares will cease trading on the New York Stock Exchange.', '').replace('Analysts', 'Its shares were trading on the New York Stock Exchange, Bethlehem said. Analysts');
    const r = reanchor(old, next, [at(old, 'x', 'New York Stock Exchange')], utf16);
    assert.deepEqual(r.placed, [], `placed at ${JSON.stringify(r.placed)}`);
    assert.equal(r.orphans[0]?.reason, 'deleted');
  });

  it('with the old text: a two-letter quote rewritten into another word is orphaned ("By" → "But")', () => {
    const old = 'The court ruled. By a 6-3 vote, the judges agreed.\n';
    const next = 'The court ruled. But economists said the vote was close.\n';
    const r = reanchor(old, next, [at(old, 'b', 'By')], utf16);
    assert.deepEqual(r.placed, []);
  });

  it('below the threshold an annotation is an orphan with its best candidate, never placed', () => {
    const anchors: AnchorQuery[] = [{ id: 'x', start: 10, end: 22, quote: 'Pyongyang Zoo', prefix: 'visited the ', suffix: ' on Monday' }];
    const r = reanchor(undefined, OLD, anchors, utf16);
    assert.equal(r.placed.length, 0);
    assert.equal(r.orphans[0].reason, 'not-found');
  });

  it('H4: a pathological quote with 50k identical contexts is flagged ambiguous (it used to hang)', () => {
    const text = 'and the '.repeat(50000);
    const r = reanchor(undefined, text + 'x', [{ id: 'the', start: 999999, end: 1000002, quote: 'the', prefix: 'and ', suffix: ' and' }], utf16);
    assert.equal(r.placed.length, 0);
    assert.equal(r.orphans[0].reason, 'ambiguous');
  });

  it('B11: a duplicated sentence keeps the anchor whole on one copy, never split, and the ambiguity is flagged', () => {
    const sentence = 'Kim Jong Il was not present. ';
    const next = OLD.replace(sentence, sentence + sentence);
    const first = OLD.indexOf('Kim Jong Il');
    for (const prior of [OLD, undefined]) {
      const r = reanchor(prior, next, [at(OLD, 'k1', 'Kim Jong Il')], utf16);
      // Side by side, the two copies are the same text whichever was pasted: with the old text
      // known the diff sees that, and without it the copy close by whose surroundings agree as
      // well; either way it says so (an ambiguous orphan offering a copy) instead of picking one.
      assert.deepEqual(r.placed, [], `${prior ? 'old text known' : 'old text unknown'}: placed`);
      const place = r.orphans[0]?.best;
      assert.equal(r.orphans[0]?.reason, 'ambiguous');
      assert.ok(place && [first, first + sentence.length].includes(place.start), String(place?.start));
      assert.equal(place.end - place.start, 'Kim Jong Il'.length);
    }
  });

  it('C1/C4/B5: code-point offsets with emoji, Hangul, combining marks, RTL; CRLF conversion leaves no orphans', () => {
    const old = '\uFEFF😀 남북 장성급 회담\r\ne\u0301 שלום 𠮷 Kim Jong Il met Roh.\r\nمرحبا Seoul\r\n';
    const quotes = ['남북', 'e\u0301', 'שלום', 'Kim Jong Il', 'Seoul', 'مرحبا'];
    const map = new OffsetMap(old);
    const anchors = quotes.map((q, i) => {
      const a = at(old, `q${i}`, q);
      return { ...a, start: map.toCodePoint(a.start), end: map.toCodePoint(a.end) };
    });
    const lf = old.replace(/\r\n/g, '\n');
    for (const prior of [old, undefined]) {
      const r = reanchor(prior, lf, anchors);
      assert.deepEqual(r.orphans, [], `old text ${prior ? 'known' : 'unknown'}`);
      for (const p of r.placed) assert.equal(lf.slice(p.start, p.end), quotes[Number(p.id.slice(1))]);
    }
    // Unchanged text: the stored code points are used as they are.
    const same = reanchor(old, old, anchors);
    assert.ok(same.placed.every((p) => p.method === 'unchanged'));
    assert.deepEqual(same.placed.map((p) => old.slice(p.start, p.end)), quotes);
  });

  it('B3: first and last lines changed on a real article: intact spans 100 % exact, deleted ones orphaned', function () {
    const dir = corpusDir();
    if (!dir) return this.skip(); // ../shared/corpus is not there: nothing to read
    const old = fs.readFileSync(path.join(dir, 'korea-generals-2006-03-02.txt'), 'utf8');
    const lines = old.split('\n');
    const next = ['EDITED HEADER', ...lines.slice(1, -2), 'EDITED FOOTER', ''].join('\n');
    const anchors: AnchorQuery[] = [];
    const re = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b/g;
    for (let m; (m = re.exec(old)); ) anchors.push(anchorAt(old, `a${anchors.length}`, m.index, m.index + m[0].length));
    const r = reanchor(old, next, anchors, utf16);
    const firstLineEnd = old.indexOf('\n');
    const tailStart = old.length - lines.slice(-2).join('\n').length;
    for (const a of anchors) {
      const deleted = a.end <= firstLineEnd || a.start >= tailStart;
      const p = r.placed.find((x) => x.id === a.id);
      if (deleted) assert.ok(!p, `${a.quote} was deleted`);
      else {
        assert.ok(p, `${a.quote} must be placed`);
        assert.equal(p.start, a.start + ('EDITED HEADER'.length - firstLineEnd));
      }
    }
  });

  it('B13: a typo fixed right next to a name, at the end of the text, does not orphan it', () => {
    const old = 'They also share Islam with the ethinc Albanians.\n';
    const next = old.replace('ethinc', 'ethnic');
    for (const prior of [old, undefined]) {
      const r = reanchor(prior, next, [at(old, 'alb', 'Albanians')], utf16);
      assert.deepEqual(r.placed.map((p) => [p.start, p.end]), [[next.indexOf('Albanians'), next.indexOf('Albanians') + 9]]);
    }
  });

  it('a name that now runs into a longer word is not the same text (Israeli → Israelis)', () => {
    const old = 'Three Israeli soldiers were hurt. The talks went on.\n';
    const next = 'The Israelis said the talks went on.\n';
    const r = reanchor(old, next, [at(old, 'isr', 'Israeli')], utf16);
    assert.equal(r.placed.length, 0);
  });

  it('an empty quote (hand-written sidecar) is re-anchored in bounded time, wherever it sits near an edit', () => {
    // Once, an empty quote sent the search for its other old mentions into an endless loop.
    const old = 'The mayor met Karim Ben Salah in Valletta on Thursday. He said the accord was signed.\n';
    const next = old.replace('Ben Salah', 'BeParis');
    for (let p = 0; p <= old.length; p++) {
      const r = reanchor(old, next, [anchorAt(old, 'e', p, p)], utf16);
      assert.equal(r.placed.length + r.orphans.length, 1);
      for (const x of r.placed) assert.equal(x.start, x.end);
    }
  });
});
