import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';
import { buildSidecarData, loadAnnotations } from '../../../../src/core/sidecar';
import { utf16 } from './queries';
import { rng } from './rng';

// A table's rows sorted or reversed by another tool (`sort -r`, `tac`, a spreadsheet's export),
// rows alike but for their numbers. The character diff cannot see a move: it aligned one row's
// words with another's, so that with the old text known most anchors on a shared word were
// orphaned and the rest put on another row (500 rows reversed: 64 on other rows, 435 orphaned).

const rows = (n: number) => Array.from({ length: n }, (_, i) => `Record ${String(i).padStart(5, '0')} of the ledger: the company reported its figures ${i % 7} times.`);

/** An anchor on "company" in each row of `lines` joined by line feeds. */
function anchorsOn(lines: string[]): { text: string; anchors: AnchorQuery[] } {
  const text = lines.join('\n');
  let at = 0;
  const anchors = lines.map((line, i) => {
    const s = at + line.indexOf('company');
    at += line.length + 1;
    return anchorAt(text, `r${i}`, s, s + 'company'.length);
  });
  return { text, anchors };
}

/** Where row i's "company" is in `text`. */
const truth = (lines: string[], text: string, i: number) => text.indexOf(lines[i]) + lines[i].indexOf('company');

describe('reanchor: rows alike but for their numbers, reordered (issue 11)', () => {
  const lines = rows(200);
  const { text: old, anchors } = anchorsOn(lines);

  it('old text known: rows reversed, every anchor on its own row and none orphaned', () => {
    const text = [...lines].reverse().join('\n');
    const r = reanchor(old, text, anchors, utf16);
    assert.equal(r.orphans.length, 0);
    const wrong = r.placed.filter((p) => p.start !== truth(lines, text, Number(p.id.slice(1))));
    assert.deepEqual(wrong.map((p) => p.id), []);
  });

  it('old text known: rows reversed and one of them edited, no anchor on another row', () => {
    const reversed = [...lines].reverse();
    const edited = reversed.findIndex((l) => l === lines[96]);
    reversed[edited] = lines[96].replace('figures', 'numbers');
    const text = reversed.join('\n');
    const r = reanchor(old, text, anchors, utf16);
    // The edited row keeps "company": on it or an orphan, never on another row; every other row's on its own.
    for (const p of r.placed) {
      const i = Number(p.id.slice(1));
      const want = i === 96 ? text.indexOf(reversed[edited]) + reversed[edited].indexOf('company') : truth(lines, text, i);
      assert.equal(p.start, want, `r${i}`);
    }
    assert.ok(r.placed.length >= 198, `${r.orphans.length} orphaned`);
  });

  it("a sidecar's sentence fingerprints, the old text gone: rows reversed, every anchor on its own row", () => {
    const data = buildSidecarData({
      document: { path: 'ledger.txt', annotations: anchors.map((a) => ({ id: a.id, type: 'ORG', status: 'confirmed', start: a.start, end: a.end, text: a.quote })), facts: [] },
      text: old,
    });
    const text = [...lines].reverse().join('\n');
    const loaded = loadAnnotations(data, text);
    assert.equal(loaded.orphans.size, 0);
    for (const a of loaded.document.annotations) assert.equal(a.start, truth(lines, text, Number(a.id.slice(1))), a.id);
  });

  it('old text gone, no fingerprints (an older sidecar): 300 rows reversed, each on its own row or an orphan, none on another row', () => {
    // More rows than the rivals compared (MAX_RIVALS, 200): the place at the stored offset, its context
    // agreeing but for the numbers, was taken for every anchor, the row with the context verbatim not looked at.
    const many = rows(300);
    const { anchors: all } = anchorsOn(many);
    const text = [...many].reverse().join('\n');
    const r = reanchor(undefined, text, all, utf16);
    const wrong = r.placed.filter((p) => p.start !== truth(many, text, Number(p.id.slice(1))));
    assert.deepEqual(wrong.map((p) => p.id), []);
    assert.ok(r.placed.length >= 290, `${r.orphans.length} orphaned`);
  });

  it('old text known: rows reversed and each given a new column, none on another row: an orphan offering its own', () => {
    // (The diff put 140 of 500 on other rows. A row known by its first words may be another item
    // renumbered, "3. The committee agreed", so an edited row is not placed by them: offered.)
    const text = [...lines].reverse().map((l) => l.replace(' times.', ' times in all.')).join('\n');
    const r = reanchor(old, text, anchors, utf16);
    const want = (i: number) => text.indexOf(`Record ${String(i).padStart(5, '0')} `) + lines[i].indexOf('company');
    assert.deepEqual(r.placed.filter((p) => p.start !== want(Number(p.id.slice(1)))).map((p) => p.id), []);
    assert.deepEqual(r.orphans.filter((o) => o.best?.start !== want(Number(o.id.slice(1)))).map((o) => o.id), []);
  });

  it("old text known: rows shuffled and a tenth of them edited, a row's own number never read on another's", () => {
    // The diff put "Record 00007" on another row's "Record 00003" as a typo fixed (two characters in
    // twelve), and the rows' shared words on other rows (rows reversed, a tenth edited: 221 of 857
    // anchors on other rows over six seeds of a review's fuzzer).
    const random = rng(7);
    const order = lines.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const shown = order.map((i) => (i % 10 === 3 ? lines[i].replace('figures', 'numbers') : lines[i]));
    const text = shown.join('\n');
    const numbers = lines.map((line, i) => anchorAt(old, `n${i}`, old.indexOf(line), old.indexOf(line) + 'Record 00000'.length));
    const r = reanchor(old, text, [...anchors, ...numbers], utf16);
    const rowAt = (p: number) => text.slice(text.lastIndexOf('\n', p - 1) + 1, text.lastIndexOf('\n', p - 1) + 1 + 'Record 00000'.length);
    const wrong = r.placed.filter((p) => rowAt(p.start) !== `Record ${String(Number(p.id.slice(1))).padStart(5, '0')}`);
    assert.deepEqual(wrong.map((p) => p.id), []);
    assert.ok(r.placed.length >= 340, `${r.orphans.length} of 400 orphaned`);
  });

  it('a number changed inside a quote is another value, not a typo: an orphan offering it; a typo in a word is followed', () => {
    const before = 'Officials said on Monday that Record 00007 of the ledger was lost in the fire at the archive.';
    const s = before.indexOf('Record 00007');
    const anchor = anchorAt(before, 'n', s, s + 'Record 00007'.length);
    const renumbered = before.replace('00007', '00009');
    const r = reanchor(before, renumbered, [anchor], utf16);
    assert.deepEqual(r.placed, []);
    assert.equal(r.orphans[0]?.best?.start, s);
    const typo = reanchor(before, before.replace('Record', 'Recrod'), [anchor], utf16);
    assert.equal(typo.placed[0]?.method, 'diff-modified');
  });

  it('a line copied and its original edited is still left to the diff: never put on the copy', () => {
    // Not a reorder: the verbatim line is a pasted copy (inserted text), the original was edited in place.
    const a = 'Shares of the company closed unchanged on the Toronto Stock Exchange on Friday.';
    const rest = ['A spokesman for the government in Ottawa declined to comment on the timing.', 'Merieux, a vaccine firm based in Lyon, is controlled by Rhone Poulenc.', 'Officials in Paris said the talks with Canada would go on next month.'];
    const before = `${[a, ...rest].join('\n')}\n`;
    const after = `${[a.replace('Friday', 'Thursday'), ...rest, a].join('\n')}\n`;
    const s = before.indexOf('company');
    const r = reanchor(before, after, [anchorAt(before, 'c', s, s + 7)], utf16);
    // (The diff keeps the original in place; the copy agrees as well: an ambiguous orphan offering the original, as before.)
    assert.notEqual(r.placed[0]?.start, after.lastIndexOf('company'));
    assert.equal(r.placed[0]?.start ?? r.orphans[0]?.best?.start, after.indexOf('company'));
  });

  // A review's cases (all placed right before lines were followed): where the diff and the lines tell
  // two stories, the diff's place stands unless the lines show the diff took a row for another.
  /** Where re-anchoring puts the n-th `quote` of `before` (undefined: an orphan). */
  const placeOf = (before: string, after: string, quote: string, n: number) => {
    let s = -1;
    for (let k = 0; k <= n; k++) s = before.indexOf(quote, s + 1);
    return reanchor(before, after, [anchorAt(before, 'q', s, s + quote.length)], utf16).placed[0]?.start;
  };
  const nth = (text: string, quote: string, n: number) => {
    let s = -1;
    for (let k = 0; k <= n; k++) s = text.indexOf(quote, s + 1);
    return s;
  };

  it('a near copy of a line edited to equal it, the line itself extended: each stays where the diff put it', () => {
    const l = 'Shares of the company closed unchanged on the Toronto Stock Exchange on Friday.';
    const m = ['A spokesman for the government in Ottawa declined to comment on the timing.', 'Officials in Paris said the talks with Canada would go on next month.'];
    const before = `${[l, m[0], l.replace('Friday.', 'Friday,'), m[1]].join('\n')}\n`;
    const after = `${[`${l} More.`, m[0], l, m[1]].join('\n')}\n`;
    for (const q of ['company', 'Toronto Stock Exchange']) for (const n of [0, 1]) assert.equal(placeOf(before, after, q, n), nth(after, q, n), `${q} #${n}`);
  });

  it("a sentence that was a line of its own and also opened a paragraph, the paragraph split: never on the paragraph's", () => {
    const w = 'Merieux agreed to buy Connaught Biosciences for 942 million dollars.';
    const y = 'The French vaccine maker said on Friday that the offer had been accepted by the board.';
    const z = 'Officials in Paris said the talks with Canada would go on next month.';
    const before = `${[w, '', `${w} ${y}`, '', z].join('\n')}\n`;
    const after = `${[w.replace('942 million dollars', '$942 million'), '', w, y, '', z].join('\n')}\n`;
    for (const q of ['Merieux', 'Connaught Biosciences']) {
      // The line of its own, edited: right, or an orphan (the paragraph's first sentence reads as it did).
      assert.ok([nth(after, q, 0), undefined].includes(placeOf(before, after, q, 0)), q);
      assert.equal(placeOf(before, after, q, 1), nth(after, q, 1), `${q} in the paragraph`);
    }
  });

  it('a row copied over another, or inserted, and the original edited: the original keeps its anchor, not the copy', () => {
    const six = rows(6);
    const before = six.join('\n');
    const over = [...six];
    over[4] = six[1];
    over[1] = six[1].replace('ledger', 'LEDGER');
    assert.equal(placeOf(before, over.join('\n'), 'company', 1), nth(over.join('\n'), 'company', 1));
    const inserted = [...six];
    inserted[4] = inserted[4].replace('Record', 'RECORD');
    inserted.splice(3, 0, six[4]);
    assert.equal(placeOf(before, inserted.join('\n'), 'company', 4), nth(inserted.join('\n'), 'company', 5));
  });

  // A second review's cases: each placed one annotation on another's text, or two on one span.
  it('a numbered list renumbered after an item put in on top: each item keeps its own words, never the item now under its number', () => {
    const items = ['The committee agreed to publish the annual report in May.', 'The committee agreed that the budget for the library be raised.', 'The committee agreed to meet again on the first Monday of June.'];
    const before = items.map((x, i) => `${i + 1}. ${x}`).join('\n');
    const after = ['The committee agreed to thank the volunteers.', ...items].map((x, i) => `${i + 1}. ${x}${i % 2 ? ' (done)' : ' (open)'}`).join('\n');
    for (const [i, item] of items.entries()) {
      const got = placeOf(before, after, 'committee', i);
      // Right, or an orphan; never another item's line.
      if (got !== undefined) assert.equal(after.slice(got - 7, got + 40).includes(item.slice(4, 40)), true, `item ${i + 1}`);
    }
  });

  it('a line deleted while a near copy of it (a typo) was mended into its text: one annotation on it, not two', () => {
    const l = 'Profit also suffered because of "intense" discounting in its long-haul trucking business, the company said.';
    const u = "The university had sought an injunction blocking Connaught's board from recommending an offer.";
    const v = 'Shares of the company closed at 12 dollars, down 50 cents, in composite trading on the stock exchange.';
    const before = [l, u, v, l.replace('in its', 'in itss')].join('\n');
    const after = [u, v, l].join('\n');
    const at = (n: number) => nth(before, 'Profit', n);
    const r = reanchor(before, after, [anchorAt(before, 'deleted', at(0), at(0) + 6), anchorAt(before, 'copy', at(1), at(1) + 6)], utf16);
    assert.deepEqual(r.placed.map((p) => p.id), ['copy']);
  });

  it('a line that was also the first sentence of a paragraph, deleted as the paragraph was split after it: one annotation there, not two', () => {
    const lede = "The directors didn't indicate the source of financing.";
    const x = 'Cineplex Odeon Corp. directors said the chairman is considering a bid for the company.';
    const rest = 'MCA and the Bronfman associates agreed in principle to buy the theater complex.';
    const before = [lede, x, `${lede} ${rest}`].join('\n');
    const after = [x, lede, rest].join('\n');
    const p = before.lastIndexOf(lede) + 4;
    const r = reanchor(before, after, [anchorAt(before, 'lede', 4, 13), anchorAt(before, 'para', p, p + 9)], utf16);
    assert.deepEqual(r.placed.map((q) => q.id), ['para']);
  });

  it('a numbered list renumbered after an item put in: each item keeps its words, placed, not an orphan offering the item now under its old number', () => {
    // Item 37's head ("37. The shipment was sen") now opens old item 36, renumbered; the diff, which the
    // rest of each line follows, kept every item. 52 of 1,305 such anchors were orphans over six seeds.
    const cities = ['Berlin', 'Paris', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Oslo', 'Lisbon', 'Dublin', 'Athens', 'Warsaw'];
    const item = (i: number, n = i + 1) => `${n}. The shipment was sent to ${cities[i % 11]} (${(i * 7) % 13} crates) and arrived in good order.`;
    const before = Array.from({ length: 40 }, (_, i) => item(i)).join('\n');
    const after = [...Array.from({ length: 12 }, (_, i) => item(i)), '13. The shipment was sent to Zagreb (0 crates) and arrived in good order.', ...Array.from({ length: 28 }, (_, k) => item(k + 12, k + 14))].join('\n');
    const anchors = Array.from({ length: 40 }, (_, i) => {
      const s = before.indexOf(item(i)) + item(i).indexOf('The shipment');
      return anchorAt(before, `i${i}`, s, s + 'The shipment'.length);
    });
    const r = reanchor(before, after, anchors, utf16);
    const want = (i: number) => after.indexOf(item(i, i < 12 ? i + 1 : i + 2)) + item(i).indexOf('The shipment');
    assert.deepEqual(r.orphans.map((o) => o.id), []);
    assert.deepEqual(r.placed.filter((p) => p.start !== want(Number(p.id.slice(1)))).map((p) => p.id), []);
  });

  // A review's cases of the rule above (a line's place taken by the diff from another item): where the
  // diff's own place is another item's text, it does not decide.
  const shipment = (i: number, n = i + 1, city = ['Berlin', 'Paris', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Oslo', 'Lisbon', 'Dublin', 'Athens', 'Warsaw'][i % 11]) =>
    `${n}. The shipment was sent to ${city} (${(i * 7) % 13} crates) and arrived in good order.`;
  const list = Array.from({ length: 40 }, (_, i) => shipment(i)).join('\n');

  it('a numbered list renumbered, an item pasted over with a copy of another: its anchors are orphans, never on the copy', () => {
    // Old item 11 overwritten by a copy of item 33 (edited), a new item on top, every item renumbered.
    const body = (i: number) => shipment(i).replace(/^\d+\. /, '');
    const items = ['The shipment was sent to Zagreb (0 crates) and arrived in good order.', ...Array.from({ length: 40 }, (_, i) => (i === 10 ? body(32) : i === 32 ? body(i).replace('good', 'GOOD') : body(i)))];
    const after = items.map((t, n) => `${n + 1}. ${t}`).join('\n');
    const start = list.indexOf(shipment(10)) + 4;
    const anchors = ['The shipment', 'shipment was', 'was sent'].map((q) => anchorAt(list, q, start + body(10).indexOf(q), start + body(10).indexOf(q) + q.length));
    assert.deepEqual(reanchor(list, after, anchors, utf16).placed, []);
  });

  it('a numbered list renumbered, an item copied elsewhere and its original edited: never placed on the copy', () => {
    const rows: string[] = [];
    for (let i = 0; i < 40; i++) {
      if (i === 10) rows.push(`${rows.length + 1}. The shipment was sent to Zagreb (0 crates) and arrived in good order.`);
      rows.push(shipment(i, rows.length + 1, i === 22 ? 'LISBON' : undefined));
      if (i === 36) rows.push(shipment(22, rows.length + 1));
    }
    const after = rows.join('\n');
    const s = list.indexOf(shipment(22)) + shipment(22).indexOf('sent');
    const r = reanchor(list, after, [anchorAt(list, 'x', s, s + 4)], utf16);
    const copy = after.indexOf(shipment(22, 39));
    assert.ok(copy > 0);
    assert.equal(r.placed.filter((p) => p.start >= copy && p.start < copy + 80).length, 0, JSON.stringify(r));
  });

  it('a numbered list with CRLF line ends renumbered, its last line without one: the last item keeps its anchor (a carriage return is not text of the line)', () => {
    const before = `${Array.from({ length: 40 }, (_, i) => shipment(i)).join('\r\n')}\r\n`;
    const after = ['1. The shipment was sent to Zagreb (0 crates) and arrived in good order.', ...Array.from({ length: 40 }, (_, i) => shipment(i, i + 2))].join('\r\n');
    const s = before.indexOf(shipment(39)) + 4;
    const r = reanchor(before, after, [anchorAt(before, 'last', s, s + 'The shipment'.length)], utf16);
    assert.equal(r.placed[0]?.start, after.indexOf(shipment(39, 41)) + 4, JSON.stringify(r));
  });

  it("rows renumbered after one put in: a quote holding a row's number never read on the row now under that number", () => {
    const forty = rows(40);
    const before = forty.join('\n');
    const renumber = (row: string) => row.replace(/\d{5}/, (n) => String(Number(n) + 1).padStart(5, '0'));
    const after = [...forty.slice(0, 29), 'Zagreb 0 of the ledger: the company reported its figures 0 times.', ...forty.slice(29).map(renumber)].join('\n');
    const quote = 'Record 00032 of the';
    const got = placeOf(before, after, quote, 0);
    // Old row 32 now reads "Record 00033 …"; "Record 00032 …" is old row 31's text.
    assert.notEqual(got, after.indexOf(quote));
  });
});

