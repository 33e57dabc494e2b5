import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by eval:anchoring, mixed edits run alone (seed 10, ten edits, the old text known): the
// paragraph "Poland, Hungary and the Czech Republic today became full-fledged members of NATO, …"
// deleted, and another story's "Poland, Hungary and the Czech Republic Friday formally joined NATO
// at a ceremony …" inserted elsewhere. Its first 39 characters agree with the deleted sentence's, so
// the names were taken for moved there. Moved text brings most of its sentence's words along.

const OLD = "INDEPENDENCE, MO. (AP)--\n\nPoland, Hungary and the Czech Republic today became full-fledged members of NATO, less than a decade after exchanging communist rule for democracy and shedding their Cold War military ties to the Soviet Union.\n\nSecretary of State Madeleine Albright accepted admission papers from the three countries' foreign ministers, marking their formal entry into the 50-year-old alliance.\n\nA decade ago, the military planning of the three was built around the possibility of a ground assault toward the west.\n";
const MOVED_PARAGRAPH = "Poland, Hungary and the Czech Republic today became full-fledged members of NATO, less than a decade after exchanging communist rule for democracy and shedding their Cold War military ties to the Soviet Union.\n\n";

function placeOf(old: string, cur: string, quote: string): string | undefined {
  const s = old.indexOf(quote);
  const p = reanchor(old, cur, [anchorAt(old, 'x', s, s + quote.length)], { units: 'utf16' }).placed[0];
  return p && `${cur.slice(p.start - 12, p.start)}[${cur.slice(p.start, p.end)}]${cur.slice(p.end, p.end + 12)}`;
}

describe('reanchor: a quote followed as moved brings most of its sentence along (old text known)', () => {
  it("a deleted sentence's names are orphans, not put on another story's sentence that starts alike", () => {
    const cur = OLD.replace(MOVED_PARAGRAPH, '').replace('\n\nA decade', '\n\nWASHINGTON, March 12 (Xinhua) --\n\nPoland, Hungary and the Czech Republic Friday formally joined NATO at a ceremony held in the city of Independence, Missouri.\n\nA decade');
    for (const quote of ['Poland', 'Hungary']) assert.equal(placeOf(OLD, cur, quote), undefined, quote);
  });

  it('a paragraph moved down past others, and a few of its words edited, is followed as moved', () => {
    // (Moved past longer text, so that the diff deletes and inserts it; edited at both ends, so that
    // its line is known by neither: followed as moved text, which the sentence's words allow.)
    const fill = (i: number) => `Filler paragraph ${i} tells of the weather in the capital, the traffic on the bridges and the prices in the markets, none of which concerns the alliance or its members in any way that matters here.`;
    const para = MOVED_PARAGRAPH.trimEnd();
    const end = 'A decade ago, the military planning of the three was built around the possibility of a ground assault toward the west.';
    const old = `${['INDEPENDENCE, MO. (AP)--', para, fill(1), fill(2), fill(3), fill(4), end].join('\n\n')}\n`;
    const edited = para.replace('Poland,', 'Now Poland,').replace('today became', 'on Friday became').replace('less than a decade', 'not ten years').replace('Soviet Union.', 'Soviet Union and to Moscow.');
    const cur = `${['INDEPENDENCE, MO. (AP)--', fill(1), fill(2), fill(3), fill(4), edited, end].join('\n\n')}\n`;
    const at = cur.indexOf('Hungary');
    assert.equal(placeOf(old, cur, 'Hungary'), `${cur.slice(at - 12, at)}[Hungary]${cur.slice(at + 7, at + 19)}`);
  });
});
