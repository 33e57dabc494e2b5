import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';

// Found by eval:anchoring, mixed edits run alone (seed 1, ten edits, a Reuters story of the news
// corpus), without the old text: the paragraph "Hudson's Bay said that Woodbridge Co. …" deleted, the
// next one "Hudson's Bay said it will redeem …" edited, with a sentence pasted before it. The order
// check re-attached the deleted paragraph's "Bay" on the next paragraph's (a weak context, 0.27), then
// that paragraph's own "Hudson" just before it: two re-attached orphans out of order with each other.
// One of them is wrong and nothing says which: both stay orphans.

const CUR = "Hudson's Bay Co. announced terms of a previously proposed rights issue that is expected to raise about 396 million$337 million) net of expenses.\n\nProceeds of the offering will be used to redeem C$264 million\nof preferred shares and to reduce short-term debt, the company\nsaid.\n\nCanada's largest department store operator said the rights offering will entitle holders of its ordinary shares, except residents in the U.S. and Britain, to subscribe for two additional shares for every five shares held at a price of C$31.25 a shrae. alleged was record date is Nov. 9.\n\nThe company has about 31 million ordinary shares outstanding. On the Toronto Stock Exchange, Hudson's Bay shares closed at C$35, up 12.5 cents.\n\nShe is not certain whether the boy should stay in the United States, but she feels that since he's been here so long, he should be afforded the opportunity to live in a free country. Hudson's Bay said it will asked analyst 9.5 million Series H preferred shares on Oct. 31 at a price of C$27.75 each. The move was approved at a special shareholders' meeting yesterday.\n\nGary Lukassen, chief financial officer, said redemption of the preferred shares, originally issued at C$25 each, will eliminate dividend payments of C$17.9 million annually.\nAccording to Upjohn's estimates, only 50% 60% of the 1,100 eligible employees will take advantage of the plan.\n\n";
const STORED: AnchorQuery[] = [
  {
    "id": "a3",
    "start": 167,
    "end": 175,
    "quote": "Proceeds",
    "prefix": "$337 million) net of expenses.\n\n",
    "suffix": " of the offering will be used to"
  },
  {
    "id": "a9",
    "start": 672,
    "end": 678,
    "quote": "Hudson",
    "prefix": " On the Toronto Stock Exchange, ",
    "suffix": "'s Bay shares closed at C$35, up"
  },
  {
    "id": "a10",
    "start": 681,
    "end": 684,
    "quote": "Bay",
    "prefix": "oronto Stock Exchange, Hudson's ",
    "suffix": " shares closed at C$35, up 12.5 "
  },
  {
    "id": "a12",
    "start": 733,
    "end": 736,
    "quote": "Bay",
    "prefix": " C$35, up 12.5 cents.\n\nHudson's ",
    "suffix": " said that Woodbridge Co., which"
  },
  {
    "id": "a17",
    "start": 996,
    "end": 1002,
    "quote": "Hudson",
    "prefix": "d by Toronto's Thomson family.\n\n",
    "suffix": "'s Bay said it will redeem 9.5 m"
  }
];

describe("reanchor: orphans the order check re-attaches out of order with each other (old text unknown)", () => {
  it("the deleted paragraph's name is not put on the next paragraph's", () => {
    const r = reanchor(undefined, CUR, STORED, { units: 'utf16' });
    const at = new Map(r.placed.map((p) => [p.id, p.start]));
    assert.notEqual(at.get('a12'), CUR.indexOf("Hudson's Bay said it will") + 9, "the deleted paragraph's [Bay] on the next paragraph's");
    if (at.has('a12') && at.has('a17')) assert.ok(at.get('a12')! < at.get('a17')!, 'out of order');
  });
});

describe('reanchor: re-attached orphans far apart, a paragraph moved (old text unknown)', () => {
  it('each keeps its place: out of order with each other across placed anchors only says the paragraph moved', () => {
    // A review's case: the same sentence in the first and the last paragraph, the last moved to the top.
    const x = 'The board met on Tuesday and Smith said the plan would go ahead as agreed.';
    const paragraphs = [
      `Alpha Corp opened a plant in Ohio last spring. ${x} Analysts at Morgan expected a modest gain.`,
      'Beta Industries hired forty workers in Texas. A spokesman for Hanley declined to comment.',
      `Gamma Holdings sold its stake to a rival in Utah. ${x} Shares of Pinecrest rose two percent.`,
    ];
    const old = `${paragraphs.join('\n\n')}\n`;
    const cur = `${[paragraphs[2], paragraphs[0], paragraphs[1]].join('\n\n')}\n`;
    const anchors: AnchorQuery[] = [];
    const want = new Map<string, number>();
    paragraphs.forEach((p, i) => {
      for (const w of ['Ohio', 'Smith', 'Morgan', 'Utah', 'Pinecrest']) {
        const k = p.indexOf(w);
        if (k < 0) continue;
        anchors.push(anchorAt(old, `${w}${i}`, old.indexOf(p) + k, old.indexOf(p) + k + w.length));
        want.set(`${w}${i}`, cur.indexOf(p) + k);
      }
    });
    const r = reanchor(undefined, cur, anchors, { units: 'utf16' });
    for (const [id, at] of want) assert.equal(r.placed.find((p) => p.id === id)?.start, at, id);
  });
});

describe('reanchor: re-attached orphans far apart, table rows sorted (old text unknown)', () => {
  it("two neighbouring rows' names keep their rows: out of order far apart only says the rows moved", () => {
    // A review's fuzzer (rows sorted, one cell edited): "1980" of one row and "Bronislaw Geremek"
    // opening the next were both re-attached, 296 characters apart and out of order.
    const text = "| Bronislaw Geremek | Georgetown | 1969 | 37.91 | active |\n| S. Department | Madison | 1990 | 84.1 | retired |\n| S. President Bill Clinton | Salem | 1966 | 51.2 | on leave |\n| S. Immigration | Bristol | 1950 | 20.4 | pending review |\n| Serb Kosovo | First Prime Minister Prince Norodom Ranariddh | 1980 | 84.6 | retired |\n| Serbian | Bristol | 1999 | 68.9 | active |\n| Shell | Riverside | 1990 | 82.3 | on leave |\n| The Wall Street Journal | Georgetown | 1989 | 22.6 | pending review |";
    const stored: AnchorQuery[] = [{"id":"a8672","start":3434,"end":3444,"quote":"Department","prefix":"n | 1951 | 50.0 | active |\n| S. ","suffix":" | Madison | 1990 | 84.1 | retir"},{"id":"a8687","start":3665,"end":3669,"quote":"1980","prefix":"ive |\n| Serb Kosovo | Madison | ","suffix":" | 84.6 | retired |\n| Bronislaw "},{"id":"a8688","start":3691,"end":3708,"quote":"Bronislaw Geremek","prefix":"son | 1980 | 84.6 | retired |\n| ","suffix":" | Georgetown | 1969 | 76.9 | ac"},{"id":"a8689","start":3711,"end":3721,"quote":"Georgetown","prefix":"retired |\n| Bronislaw Geremek | ","suffix":" | 1969 | 76.9 | active |\n| Reli"},{"id":"a8740","start":4593,"end":4603,"quote":"Georgetown","prefix":"e |\n| The Wall Street Journal | ","suffix":" | 1989 | 22.6 | pending review "}];
    const r = reanchor(undefined, text, stored, { units: 'utf16' });
    const at = new Map(r.placed.map((p) => [p.id, p.start]));
    assert.equal(at.get('a8687'), text.indexOf('1980 | 84.6'));
    assert.equal(at.get('a8688'), text.indexOf('Bronislaw Geremek'));
  });
});
