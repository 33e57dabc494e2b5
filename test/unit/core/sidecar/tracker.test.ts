import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnchorTracker, applyTextChanges, type TextChange } from '../../../../src/core/anchor';

const TEXT = 'Talks: 😀 Kim Jong Il met Roh Moo-hyun in Seoul.';
const span = (id: string, quote: string) => ({ id, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

/** Apply changes (pre-event offsets) to a string the way VS Code does (the store rebuilds recorded texts so). */
const applyText = applyTextChanges;

describe('applyTextChanges: one event of several changes, offsets into the text before it', () => {
  it('makes each change where the editor made it, in whatever order they are listed', () => {
    const changes: TextChange[] = [
      { rangeOffset: 0, rangeLength: 6, text: 'Meeting:' },
      { rangeOffset: TEXT.indexOf('Seoul'), rangeLength: 5, text: 'Busan' },
      { rangeOffset: TEXT.indexOf('Roh'), rangeLength: 0, text: 'President ' },
    ];
    assert.equal(applyTextChanges(TEXT, changes), 'Meeting: 😀 Kim Jong Il met President Roh Moo-hyun in Busan.');
    assert.equal(applyTextChanges(TEXT, [...changes].reverse()), applyTextChanges(TEXT, changes));
  });
});

describe('AnchorTracker: live edits (A-series)', () => {
  it('A1: an insertion before a span, astral characters included, shifts it by its UTF-16 length', () => {
    const t = new AnchorTracker([span('kim', 'Kim Jong Il')]);
    const change = { rangeOffset: 0, rangeLength: 0, text: '𠮷😀 ' };
    t.applyChanges([change]);
    const text = applyText(TEXT, [change]);
    const s = t.get('kim')!;
    assert.equal(text.slice(s.start, s.end), 'Kim Jong Il');
    assert.equal(s.modified, false);
  });

  it('A2/A3: typing exactly at either edge does not extend the span', () => {
    const t = new AnchorTracker([span('kim', 'Kim Jong Il')]);
    const s0 = t.get('kim')!;
    const changes = [{ rangeOffset: s0.end, rangeLength: 0, text: "'s" }, { rangeOffset: s0.start, rangeLength: 0, text: 'Mr ' }];
    t.applyChanges(changes);
    const s = t.get('kim')!;
    assert.equal(applyText(TEXT, changes).slice(s.start, s.end), 'Kim Jong Il');
  });

  it('A4: typing inside a span grows it and marks it modified', () => {
    const t = new AnchorTracker([span('kim', 'Kim Jong Il')]);
    const at = TEXT.indexOf('Il');
    const r = t.applyChanges([{ rangeOffset: at, rangeLength: 0, text: '-' }]);
    const s = t.get('kim')!;
    assert.equal(applyText(TEXT, [{ rangeOffset: at, rangeLength: 0, text: '-' }]).slice(s.start, s.end), 'Kim Jong -Il');
    assert.deepEqual(r.modified, ['kim']);
    assert.equal(s.modified, true);
  });

  it('A4: every keystroke inside a span reports its text changed, not only the first (and so does its undo)', () => {
    const t = new AnchorTracker([span('kim', 'Kim Jong Il'), span('roh', 'Roh Moo-hyun')]);
    const at = TEXT.indexOf('Il');
    const first = t.applyChanges([{ rangeOffset: at, rangeLength: 0, text: 'x' }]);
    const second = t.applyChanges([{ rangeOffset: at + 1, rangeLength: 0, text: 'y' }]);
    assert.deepEqual([first.modified, first.changed], [['kim'], ['kim']]);
    assert.deepEqual([second.modified, second.changed], [[], ['kim']], 'the second keystroke did not report the text change');
    const undo = t.applyChanges([{ rangeOffset: at + 1, rangeLength: 1, text: '' }], 'undo');
    assert.deepEqual(undo.changed, ['kim']);
  });

  it('A5: deleting all of a span orphans it and keeps it', () => {
    const t = new AnchorTracker([span('seoul', 'Seoul'), span('roh', 'Roh Moo-hyun')]);
    const at = TEXT.indexOf(' in Seoul');
    const r = t.applyChanges([{ rangeOffset: at, rangeLength: ' in Seoul'.length, text: '' }]);
    assert.deepEqual(r.orphaned, ['seoul']);
    assert.equal(t.size, 2);
    const s = t.get('seoul')!;
    assert.equal(s.orphaned, true);
    assert.equal(s.start, at);
    assert.equal(t.get('roh')!.orphaned, false);
  });

  it('A6: a deletion across a span start clips it and marks it modified', () => {
    const t = new AnchorTracker([span('roh', 'Roh Moo-hyun')]);
    const at = TEXT.indexOf('met Roh');
    const change = { rangeOffset: at, rangeLength: 'met Roh '.length, text: '' };
    t.applyChanges([change]);
    const s = t.get('roh')!;
    assert.equal(applyText(TEXT, [change]).slice(s.start, s.end), 'Moo-hyun');
    assert.equal(s.modified, true);
  });

  it('A7: a multi-cursor event is applied in full and its array is not mutated', () => {
    const t = new AnchorTracker([span('kim', 'Kim Jong Il'), span('roh', 'Roh Moo-hyun'), span('seoul', 'Seoul')]);
    const changes = [0, TEXT.indexOf('met'), TEXT.indexOf('in')].map((o) => ({ rangeOffset: o, rangeLength: 0, text: '>>' }));
    const frozen = Object.freeze(changes.map((c) => Object.freeze({ ...c })));
    t.applyChanges(frozen); // ascending order on purpose: the tracker must not rely on VS Code's order
    const text = applyText(TEXT, changes);
    for (const [id, q] of [['kim', 'Kim Jong Il'], ['roh', 'Roh Moo-hyun'], ['seoul', 'Seoul']]) {
      const s = t.get(id)!;
      assert.equal(text.slice(s.start, s.end), q);
    }
  });

  it('A8: after K edits and K undos every span is back exactly; after K redos it is as after the edits', () => {
    fc.assert(
      fc.property(editScript(), ({ text, spans, events }) => {
        const t = new AnchorTracker(spans);
        const inverses: TextChange[][] = [];
        let cur = text;
        for (const ev of events) {
          inverses.push(inverseOf(cur, ev));
          t.applyChanges(ev);
          cur = applyText(cur, ev);
        }
        const after = t.all();
        for (let k = events.length - 1; k >= 0; k--) t.applyChanges(inverses[k], 'undo');
        assert.deepEqual(t.all().map(({ id, start, end, orphaned }) => ({ id, start, end, orphaned })), spans.map((s) => ({ ...s, orphaned: false })));
        for (const ev of events) t.applyChanges(ev, 'redo');
        assert.deepEqual(t.all().map(({ id, start, end, orphaned }) => ({ id, start, end, orphaned })), after.map(({ id, start, end, orphaned }) => ({ id, start, end, orphaned })));
      }),
      { numRuns: 300 },
    );
  });

  it('J1: random edit sequences: intact spans land exactly on their text, deleted spans are orphaned (100 %)', () => {
    let intact = 0;
    let deleted = 0;
    fc.assert(
      fc.property(editScript(), ({ text, spans, events }) => {
        const t = new AnchorTracker(spans);
        // Ground truth by character identity: every UTF-16 unit gets an id that moves with it.
        let ids = [...text].flatMap((ch, i) => (ch.length === 2 ? [i * 2, i * 2 + 1] : [i * 2]));
        let nextId = -1;
        const truth = spans.map((s) => ({ id: s.id, first: ids[s.start], last: ids[s.end - 1], len: s.end - s.start, state: 'intact' as 'intact' | 'touched' | 'deleted' }));
        for (const ev of events) {
          for (const g of truth.filter((x) => x.state === 'intact')) {
            const s = ids.indexOf(g.first);
            const e = s + g.len;
            for (const c of ev) {
              const a = c.rangeOffset;
              const b = a + c.rangeLength;
              if (b > a && a <= s && e <= b) g.state = 'deleted';
              else if ((b > a && s < b && e > a) || (b === a && s < a && a < e)) g.state = 'touched';
            }
          }
          for (const c of [...ev].sort((x, y) => y.rangeOffset - x.rangeOffset)) {
            ids = [...ids.slice(0, c.rangeOffset), ...Array.from({ length: c.text.length }, () => nextId--), ...ids.slice(c.rangeOffset + c.rangeLength)];
          }
          t.applyChanges(ev);
        }
        for (const g of truth) {
          const got = t.get(g.id)!;
          if (g.state === 'intact') {
            intact++;
            const s = ids.indexOf(g.first);
            assert.equal(ids[s + g.len - 1], g.last);
            assert.deepEqual([got.start, got.end, got.orphaned], [s, s + g.len, false], `span ${g.id}`);
          } else if (g.state === 'deleted') {
            deleted++;
            assert.equal(got.orphaned, true, `span ${g.id} should be orphaned`);
          }
        }
      }),
      { numRuns: 1500 },
    );
    assert.ok(intact > 500 && deleted > 100, `enough cases exercised (${intact} intact, ${deleted} deleted)`);
  });
});

/** Inverse of an event, in the coordinates of the text after it. */
function inverseOf(before: string, ev: readonly TextChange[]): TextChange[] {
  const asc = [...ev].sort((a, b) => a.rangeOffset - b.rangeOffset);
  let shift = 0;
  return asc
    .map((c) => {
      const inv = { rangeOffset: c.rangeOffset + shift, rangeLength: c.text.length, text: before.slice(c.rangeOffset, c.rangeOffset + c.rangeLength) };
      shift += c.text.length - c.rangeLength;
      return inv;
    })
    .reverse();
}

/** A text (with astral characters), non-overlapping spans on it, and events of 1–3 non-overlapping changes. */
function editScript() {
  const chars = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '😀', '한', 'é', 'e\u0301', 'ש');
  return fc
    .record({
      cps: fc.array(chars, { minLength: 20, maxLength: 80 }),
      cuts: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }),
      events: fc.array(fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), text: fc.array(chars, { maxLength: 6 }) }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
    })
    .map(({ cps, cuts, events }) => {
      const text = cps.join('');
      const bounds = boundaries(text);
      // Spans between sorted distinct boundaries, every other gap, so they do not overlap.
      const picks = [...new Set(cuts.map((c) => bounds[c % bounds.length]))].sort((a, b) => a - b);
      const spans = [];
      for (let i = 0; i + 1 < picks.length; i += 2) if (picks[i + 1] > picks[i]) spans.push({ id: `s${i}`, start: picks[i], end: picks[i + 1] });
      let cur = text;
      const evs: TextChange[][] = [];
      for (const raw of events) {
        const b = boundaries(cur);
        const used: [number, number][] = [];
        const ev: TextChange[] = [];
        for (const r of raw) {
          const i = r.at % b.length;
          const a = b[i];
          const end = b[Math.min(b.length - 1, i + r.len)];
          if (used.some(([x, y]) => a < y && x < end) || used.some(([x, y]) => (a === end && x <= a && a <= y) || (x === y && a <= x && x <= end))) continue;
          used.push([a, end]);
          ev.push({ rangeOffset: a, rangeLength: end - a, text: r.text.join('') });
        }
        ev.sort((x, y) => y.rangeOffset - x.rangeOffset);
        evs.push(ev);
        cur = applyText(cur, ev);
      }
      return { text, spans, events: evs };
    });
}

/** UTF-16 offsets that do not split a surrogate pair. */
function boundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) out.push((i += ch.length));
  return out;
}
