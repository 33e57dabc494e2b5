import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by eval:anchoring, mixed edits run alone (seed 3, ten edits, a story of the news corpus), the
// old text known: the sentence "In all, the bombings in Kenya and Tanzania last week claimed …"
// deleted, another pasted in its stead that shares a few of its words ("the bombing investigators
// from the FBI, Kenya and Tanzania have been working …"). The character diff kept " Kenya and
// Tanzania " of the old sentence there, and the name went onto the new sentence. The diff kept a
// third of the old sentence and none of the name's context: an orphan.

const OLD = "Philippine President Joseph Estrada on Tuesday condemned the bombings of the U.S. embassies in Kenya and Tanzania and offered condolences to the victims and their families.\n\n``We extend our heartfelt sympathies to the victims of these outrages and to their families in Kenya, Tanzania and the United States,'' Estrada said in a statement. ``No cause is so great that it can justify wanton murder and maiming of the innocent.''\n\nIn all, the bombings in Kenya and Tanzania last week claimed at least 217 lives and injured nearly 5,000.";
const CUR = "``We extend our heartfelt sympathies to the victims of these outrages\nand to in perhaps the the United States,'' Estrada said in a statement.\nElian's Miami relatives have filed affidavits alleging Gonzalez\nabused his former wife and his 6-year-old son, a charge Gonzalez\ndenied. ``No cause is so great that it can justify wanton murder\nand maiming of the innocent.''\n\nHowever, Freeh said although the bombing investigators from the FBI, Kenya and Tanzania have been working very hard and made \"very good progress\" on the case, so far no conclusion or decision can be made at this stage.\n\nOf all of Asia's economies, Hong Kong is the most robust.\n";

describe("reanchor: a deleted sentence's name on a pasted sentence that shares a few of its words (old text known)", () => {
  it('is an orphan, not put on the new sentence', () => {
    const s = OLD.lastIndexOf('Kenya');
    const r = reanchor(OLD, CUR, [anchorAt(OLD, 'kenya', s, s + 5)], { units: 'utf16' });
    const placed = r.placed.find((p) => p.id === 'kenya');
    assert.equal(placed, undefined, `put on …${CUR.slice((placed?.start ?? 0) - 30, (placed?.end ?? 0) + 30)}…`);
  });
});
