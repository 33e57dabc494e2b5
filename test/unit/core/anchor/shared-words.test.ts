import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { reanchorBySentences, sentenceFingerprints } from '../../../../src/core/anchor/sentences';

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

// The same with the sidecar's sentence fingerprints instead of the old text (eval:anchoring, mixed
// alone, seeds 3 and 10): the rebuilt old text knows the deleted sentence only by its annotations'
// quotes and contexts, so the share kept is judged on that stretch, and the letters a character diff
// of two unrelated sentences keeps here and there ("ee", "k", "cl") count for nothing.
describe("reanchor with the sentence fingerprints: a deleted sentence's name on a sentence that shares a few of its words", () => {
  const bySentences = (old: string, cur: string, quote: string, at: number) => {
    const fingerprints = sentenceFingerprints(old);
    assert.ok(fingerprints);
    const r = reanchorBySentences(fingerprints, cur, [anchorAt(old, 'x', at, at + quote.length)]);
    assert.ok(r, 'the fingerprints are used');
    return r.placed.find((p) => p.id === 'x');
  };

  it('"the bombings in [Kenya] and Tanzania last week" is an orphan, not put on "the FBI, Kenya and Tanzania have been"', () => {
    for (const quote of ['Kenya', 'Tanzania']) {
      const placed = bySentences(OLD, CUR, quote, OLD.lastIndexOf(quote));
      assert.equal(placed, undefined, `${quote} put on …${CUR.slice((placed?.start ?? 0) - 30, (placed?.end ?? 0) + 30)}…`);
    }
  });

  it('"62 cents a share. [Sales] rose to $9.8 million", deleted, is not put on the other quarter\'s edited "Sales rose", which keeps its own', () => {
    // eval:anchoring's case whole: the build before put both annotations on the one "Sales".
    const old = "RMS International Inc., Hasbrouk Heights, N.J., facing a cash-flow squeeze, said it is seeking other financing sources and waivers from debenture holders.\n\nThe company said that because of softening sales it isn't in compliance with requirements that it maintain $3 million in working capital. RMS distributes electronic devices and produces power supplies and plastic literature displays.\n\nRMS said it had a loss of $158,666, or 10 cents a share, in the third quarter, compared with a year-earlier loss of $26,956, or two cents a share. Sales rose to $3 million from $2.9 million.\n\nFor the nine months, the company reported a net loss of $608,413, or 39 cents a share, compared with year-earlier net income of $967,809, or 62 cents a share. Sales rose to $9.8 million from $8.9 million.\n";
    const cur = "The company said that softening sales it isn't in comlpiance with\nrequirements that it maintain $3 million in working capital. RMS\ndistributes electronic devices and produces power supplies and\nplastic literature displays.\n\nRMS said it had a loss of $158,666, or 10 cents a share, in the third quarter, compared with father and year-earlier loss of $26,956, or two cents a share. Sales rose providing the from $2.9 million.\n\n";
    const at = (text: string, from: string) => text.indexOf(from) + from.length - 'Sales'.length;
    const anchors = [anchorAt(old, 'third quarter', at(old, 'two cents a share. Sales'), at(old, 'two cents a share. Sales') + 5), anchorAt(old, 'nine months', at(old, '62 cents a share. Sales'), at(old, '62 cents a share. Sales') + 5)];
    const fingerprints = sentenceFingerprints(old);
    assert.ok(fingerprints);
    const r = reanchorBySentences(fingerprints, cur, anchors);
    assert.ok(r, 'the fingerprints are used');
    assert.deepEqual(r.placed.map((p) => `${p.id} at ${p.start}`), [`third quarter at ${at(cur, 'two cents a share. Sales')}`]);
  });

  it('a name whose sentence was edited around it, the sentence still there, keeps its place', () => {
    const old = 'The talks ended on Monday. In all, the bombings in Kenya and Tanzania last week claimed at least 217 lives.\n\nOfficials met again.\n';
    const cur = 'The talks ended on Monday. In all, the two attacks in Kenya and Tanzania earlier this month claimed at least 217 lives.\n\nOfficials met again.\n';
    const placed = bySentences(old, cur, 'Kenya', old.indexOf('Kenya'));
    assert.equal(placed && cur.slice(placed.start, placed.start + 14), 'Kenya and Tanz');
  });
});
