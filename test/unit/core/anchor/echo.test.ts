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

describe('reanchor without the old text: a paragraph pasted after itself, one copy edited (issue 11 item 5)', () => {
  // "Pasted after, the first copy edited" and "pasted before, the pasted copy edited" read the same
  // without the old text: the stored context agrees with the unedited copy, while the place the
  // stored offsets predict holds the edited one. Nobody can tell: an ambiguous orphan, not a guess.
  const para = "Rally's Inc. said it adopted a shareholders rights plan to guard against an inadequately priced takeover offer.\n\n";
  const lead = 'An opening paragraph about the market goes on for a while here, long enough to frame it.\n\n';

  it('a name whose context was edited in the first copy is not put on the second copy', () => {
    const mid = lead + para + para + after;
    const text = lead + para.replace('said it adopted', 'benefits it without') + para + after;
    const rally = anchor(mid, "Rally's");
    const r = reanchor(undefined, text, [anchor(mid, 'opening'), rally, anchor(mid, 'closing')], utf16);
    const got = r.placed.find((p) => p.id === rally.id);
    assert.ok(!got || got.start === lead.length, `placed on the second copy (${got?.start})`);
    if (!got) assert.equal(r.orphans.find((o) => o.id === rally.id)?.reason, 'ambiguous');
  });

  it('nor are the names after it in that paragraph, whose context was not edited', () => {
    const body = 'Officials from Seoul met envoys of Pyongyang in Panmunjom on Thursday, and Kim Jong Il sent a letter.\n\n';
    const mid = lead + body + body + after;
    const text = lead + body.replace('Officials from', 'Diplomats of') + body + after;
    const quotes = ['Seoul', 'Pyongyang', 'Panmunjom', 'Thursday', 'Kim Jong Il'];
    const anchors = [anchor(mid, 'opening'), ...quotes.map((q) => anchor(mid, q)), anchor(mid, 'closing')];
    const r = reanchor(undefined, text, anchors, utf16);
    for (const q of quotes) {
      const got = r.placed.find((p) => p.id === anchors[quotes.indexOf(q) + 1].id);
      assert.ok(!got || got.start === text.indexOf(q), `${q} placed on the second copy`);
    }
  });

  it('a name deleted in the first copy next to the same name: neither is put on the second copy (the one left is found there whole: no claim on the first)', () => {
    // The name left in the first copy reads better there than the deleted one's context, but its
    // own whole context is the second copy's: it claims nothing in the first (later.ts claimed).
    const body =
      'Moscow formally officials officials Paris Smith in March a letter Reuters Baker Bonn officials quietly officials a letter. ' +
      'An envoy formally on Monday said formally Paris said. Moscow Pyongyang formally told Pyongyang an envoy an envoy quietly Dole in March later Smith in March the plan the plan.\n\n';
    const mid = lead + body + body + after;
    const text = lead + body.replace('Moscow Pyongyang', 'Moscow') + body + after;
    const at = [mid.indexOf('Pyongyang'), mid.indexOf('Pyongyang', mid.indexOf('Pyongyang') + 1)];
    const names = [anchorAt(mid, 'deleted', at[0], at[0] + 9), anchorAt(mid, 'kept', at[1], at[1] + 9)];
    const r = reanchor(undefined, text, [anchor(mid, 'opening'), ...names, anchor(mid, 'closing')], utf16);
    const second = lead.length + body.length - 'Pyongyang '.length;
    for (const p of r.placed) assert.ok(!names.some((n) => n.id === p.id) || p.start < second, `${p.id} placed on the second copy (${p.start})`);
  });
});

describe('reanchor without the old text: the annotated name itself replaced in the first copy of a pasted paragraph', () => {
  it('is not put on the second copy, nor are the names after it', () => {
    const lead = 'An opening paragraph about the market goes on for a while here, long enough to frame it.\n\n';
    const body = 'Officials from Seoul met envoys of Pyongyang in Panmunjom on Thursday, and Kim Jong Il sent a letter.\n\n';
    const mid = lead + body + body + after;
    const text = lead + body.replace('Seoul', 'Tokyo') + body + after;
    const quotes = ['Seoul', 'Pyongyang', 'Panmunjom'];
    const anchors = [anchor(mid, 'opening'), ...quotes.map((q) => anchor(mid, q)), anchor(mid, 'closing')];
    const r = reanchor(undefined, text, anchors, utf16);
    assert.ok(!r.placed.some((p) => p.id === anchors[1].id), 'Seoul placed on the second copy');
    for (const q of quotes.slice(1)) {
      const got = r.placed.find((p) => p.id === anchors[quotes.indexOf(q) + 1].id);
      assert.ok(!got || got.start === text.indexOf(q), `${q} placed on the second copy`);
    }
  });
});

describe('reanchor without the old text: the annotations after a pasted paragraph do not decide which copy', () => {
  it('with two annotations after both copies found where they were, a name in the edited first copy is still an ambiguous orphan (rows moved within a table read the same)', () => {
    const lead = 'An opening paragraph about the market goes on for a while here, long enough to frame it.\n\n';
    const para = "Rally's Inc. said it adopted a shareholders rights plan to guard against an inadequately priced takeover offer.\n\n";
    const tail = 'Analysts at Morgan Stanley in New York expected the plan.\n\nThe company is based in Louisville, Kentucky, and sells hamburgers.\n';
    const mid = lead + para + para + tail;
    const text = lead + para.replace('said it adopted', 'benefits it without') + para + tail;
    const rally = anchor(mid, "Rally's");
    const r = reanchor(undefined, text, [anchor(mid, 'opening'), rally, anchor(mid, 'Morgan Stanley'), anchor(mid, 'Louisville')], utf16);
    assert.equal(r.orphans.find((o) => o.id === rally.id)?.reason, 'ambiguous');
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

  it('a line inserted above the table: every row keeps its annotation', () => {
    const moved = 'Updated at noon.\n' + table;
    const r = reanchor(undefined, moved, rows, utf16);
    assert.deepEqual(r.placed.map((p) => [p.id, p.start]), rows.map((q, i) => [q.id, starts(moved)[i]]));
  });

  // Records alike but for their names and figures are one passage again and again, edited: a
  // record pasted in, or one deleted, shifts those after it by a record's length, which the
  // records after say (later.ts); an anchor is not left open for it.
  const records = (names: string[]) => names.map((n, i) => `${n} PROVINCE (AP) -\nTotal dead: ${3 + i * 7}\nTotal injured: ${20 + i * 11}\n\n`);
  const six = ['NORTH', 'SOUTH', 'EAST', 'WEST', 'CENTRAL', 'COASTAL'];
  const dead = (text: string) => [...text.matchAll(/Total dead/g)].map((m) => ({ ...anchorAt(text, 'Total dead', m.index, m.index + 10), id: text.slice(text.lastIndexOf('\n\n', m.index) + 2, m.index).split(' ')[0] }));

  it('a record pasted into the table: each row keeps its annotation, the three rows before the last two included', () => {
    const head = 'Casualty figures released Friday.\n\n';
    const rows = records(six);
    const old = head + rows.join('');
    const cur = head + rows.slice(0, 2).join('') + 'INLAND PROVINCE (AP) -\nTotal dead: 5\nTotal injured: 8\n\n' + rows.slice(2).join('');
    const r = reanchor(undefined, cur, dead(old), utf16);
    const want = new Map(dead(cur).map((a) => [a.id, a.start]));
    for (const p of r.placed) assert.equal(p.start, want.get(p.id), `${p.id} on another row`);
    assert.deepEqual(r.placed.map((p) => p.id).slice(0, 4), ['NORTH', 'SOUTH', 'EAST', 'WEST']);
  });

  it('a record deleted from the table: its annotation is placed nowhere, and the rows after it keep theirs', () => {
    const head = 'Casualty figures released Friday.\n\n';
    const rows = records(six);
    const old = head + rows.join('');
    const cur = head + rows[0] + rows.slice(2).join('');
    const r = reanchor(undefined, cur, dead(old), utf16);
    const want = new Map(dead(cur).map((a) => [a.id, a.start]));
    assert.ok(!r.placed.some((p) => p.id === 'SOUTH'), 'the deleted record\'s annotation placed');
    for (const p of r.placed) assert.equal(p.start, want.get(p.id), `${p.id} on another row`);
    assert.deepEqual(r.placed.map((p) => p.id).slice(0, 3), ['NORTH', 'EAST', 'WEST']);
  });

  it('a record deleted from a table whose line endings became CRLF: the rows after it but the next keep their annotations', () => {
    // Stored on the LF text; the file then checked out with CRLF (or saved so by another editor).
    // The anchors after the record, their stored context holding line breaks, still tell the shift;
    // the next row is left open: each line break adds one to the shift, and the rows after it
    // moved by a few more than it did (in rows as short as these that is not "as it did").
    const head = 'Casualty figures released Friday.\n\n';
    const tail = 'Relief officials in Nairobi said on Saturday that convoys from Mombasa would reach the coast by Monday.\n';
    const rows = records(six);
    const old = head + rows.join('') + tail;
    const lf = head + rows[0] + rows.slice(2).join('') + tail;
    const cur = lf.replace(/\n/g, '\r\n');
    const names = (text: string) => ['Nairobi', 'Mombasa', 'Monday'].map((q) => ({ ...anchor(text, q), id: q }));
    const r = reanchor(undefined, cur, [...dead(old), ...names(old)], utf16);
    const want = new Map([...dead(lf), ...names(lf)].map((a) => [a.id, a.start + lf.slice(0, a.start).split('\n').length - 1]));
    for (const p of r.placed) assert.equal(p.start, want.get(p.id), `${p.id} on another row`);
    assert.deepEqual(r.placed.map((p) => p.id).filter((id) => id !== 'EAST'), ['NORTH', 'WEST', 'CENTRAL', 'COASTAL', 'Nairobi', 'Mombasa', 'Monday']);
  });

  it('the first of three records deleted: its name is not put on the next record, left open by the one after', () => {
    const head = 'Casualty figures released Friday.\n\n';
    const rows = records(['NORTH', 'SOUTH', 'EAST']);
    const old = head + rows.join('');
    const cur = head + rows.slice(1).join('');
    const province = (text: string) => [...text.matchAll(/PROVINCE/g)].map((m) => ({ ...anchorAt(text, 'PROVINCE', m.index, m.index + 8), id: text.slice(text.lastIndexOf('\n', m.index) + 1, m.index - 1) }));
    const r = reanchor(undefined, cur, province(old), utf16);
    const want = new Map(province(cur).map((a) => [a.id, a.start]));
    for (const p of r.placed) assert.equal(p.start, want.get(p.id), `${p.id} placed on another record`);
  });

  it('two records swapped: each keeps its annotations (the record now at the other\'s place is its own, not a copy)', () => {
    const head = 'Casualty figures released Friday.\n\n';
    const rows = records(['NORTH', 'SOUTH', 'EAST', 'WEST']);
    const old = head + rows.join('') + 'A closing paragraph about other matters.\n';
    const cur = head + rows[0] + rows[2] + rows[1] + rows[3] + 'A closing paragraph about other matters.\n';
    const r = reanchor(undefined, cur, dead(old), utf16);
    const want = new Map(dead(cur).map((a) => [a.id, a.start]));
    assert.deepEqual(r.placed.map((p) => [p.id, p.start]), r.placed.map((p) => [p.id, want.get(p.id)]));
    assert.deepEqual(r.placed.map((p) => p.id), ['NORTH', 'SOUTH', 'EAST', 'WEST']);
  });

  it('two records swapped near the end of a table of a hundred: each keeps its annotation (the records asked are the nearest)', () => {
    const head = 'Casualty figures released Friday.\n\n';
    const rows = Array.from({ length: 100 }, (_, i) => `R${i} PROVINCE (AP) -\nTotal dead: ${(i * 37) % 90}\nTotal injured: ${(i * 53) % 300}\n\n`);
    const old = head + rows.join('') + 'A closing paragraph about other matters.\n';
    const cur = head + [...rows.slice(0, 80), rows[81], rows[80], ...rows.slice(82)].join('') + 'A closing paragraph about other matters.\n';
    const r = reanchor(undefined, cur, dead(old), utf16);
    const want = new Map(dead(cur).map((a) => [a.id, a.start]));
    assert.deepEqual(r.orphans.map((o) => o.id), []);
    for (const p of r.placed) assert.equal(p.start, want.get(p.id), `${p.id} placed on another record`);
  });

  it('a figure changed: no annotation moves to another row', () => {
    const edited = table.replace('dead: 12', 'dead: 13');
    const r = reanchor(undefined, edited, rows, utf16);
    for (const p of r.placed) assert.equal(p.start, starts(edited)[Number(p.id.slice(1))], `${p.id} on another row`);
    assert.ok(r.placed.length >= 2, `only ${r.placed.length} of 3 placed`);
  });
});
