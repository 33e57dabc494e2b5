import * as assert from 'node:assert/strict';
import { anchorAt, reanchor, type AnchorQuery } from '../../../../src/core/anchor';
import { anchor, utf16, where } from './queries';
import { placeBetween } from '../../../../src/core/anchor/between';
import { sideSupport, sideWhole } from '../../../../src/core/anchor/match';
import type { Orphan, Placement } from '../../../../src/core/anchor';
import { contextNeighbour, copyNearNeighbour, echoedNeighbour, movedOriginal, rowMovedUp, swappedRecords, type FuzzerCase } from './fuzzer-cases';

// Without the old text, an annotation inside a sentence copied elsewhere has the same 32 characters
// of context at both copies: its neighbours decide (src/core/anchor/between.ts), when they can
// vouch for their own places, and never where a copy of the passage stands next to the place.


const copied = "There was a suspicion the file was Park Chung-hee's because his seal and signature were found on its cover in Seoul. ";
const file = `The ministry said today it will re-examine the files from the Korean War, in fact, again?\n\nReuters first reported last night that the files may name Colonel Park Chung-hee.\n\nThe ministry has not commented on the report in the days since then. ${copied}But later, they were lost. Park's son now wants the file tested.\n`;
// [quote, where to look for it from]: the sixth is "Park Chung-hee" in the sentence that gets copied.
const names: [string, number?][] = [['ministry'], ['Korean War'], ['Reuters'], ['Colonel Park Chung-hee'], ['There'], ['Park Chung-hee', file.indexOf(copied)], ['Seoul'], ["Park's son"]];

/** The case's anchors, made on its text before the edits, and where each one is after them. */
function run(c: FuzzerCase) {
  const stored = c.spans.map(([s, e], i) => ({ ...anchorAt(c.mid, c.mid.slice(s, e), s, e), id: `a${i}` }));
  const r = reanchor(undefined, c.cur, stored, utf16);
  return (id: string) => r.placed.find((p) => p.id === id)?.start ?? 'orphan';
}

/** Each named anchor of the case is where it truly is, or an orphan: never on another copy. */
function rightOrOrphan(c: FuzzerCase, truth: Record<string, number>) {
  const at = run(c);
  for (const [id, want] of Object.entries(truth)) assert.ok([want, 'orphan'].includes(at(id)), `${id} at ${at(id)}, truly at ${want}`);
}

describe('reanchor without the old text: the neighbours say which copy (issue 11)', () => {
  it('a name in a sentence copied to the end of the article stays on the original, where its neighbours say', () => {
    const now = file + copied;
    const anchors = names.map(([q, from]) => anchor(file, q, from));
    const r = reanchor(undefined, now, anchors, utf16);
    // Before: an ambiguous orphan (its 32 characters of context are the same at the copy).
    assert.equal(where(r, anchors[5]), file.indexOf(copied) + copied.indexOf('Park Chung-hee'));
    assert.equal(where(r, anchors[6]), file.indexOf('Seoul'));
  });

  it('counts the distance in code points, as the sidecar stores offsets', () => {
    const before = `😀 ${file}`;
    const now = before + copied;
    const codePoints = ([q, from]: [string, number?]) => {
      const s = before.indexOf(q, from === undefined ? 0 : from + 3);
      const n = [...before.slice(0, s)].length;
      return { ...anchorAt(before, q, s, s + q.length), start: n, end: n + [...q].length };
    };
    const anchors = names.map(codePoints);
    const r = reanchor(undefined, now, anchors);
    assert.equal(where(r, anchors[5]), before.indexOf(copied) + copied.indexOf('Park Chung-hee'));
  });

  it('a copy pasted right next to the original is no less likely: the name stays an ambiguous orphan', () => {
    const now = file.replace(copied, copied + copied);
    const anchors = names.map(([q, from]) => anchor(file, q, from));
    const r = reanchor(undefined, now, anchors, utf16);
    assert.equal(where(r, anchors[5]), 'ambiguous');
  });

  it('a name found on the unedited copy of a pasted paragraph vouches for no neighbour (its own word was deleted from the first copy)', () => {
    rightOrOrphan(echoedNeighbour, { a4: 128, a5: 139 }); // "Smith", "Jones"
  });

  it('a name found by its context away from where it was predicted vouches for no neighbour (it may stand on the unedited copy of a pasted list)', () => {
    rightOrOrphan(contextNeighbour, { a1: 43 }); // "Moscow"
  });

  it('a name with a copy of its passage within 400 characters vouches for no neighbour', () => {
    rightOrOrphan(copyNearNeighbour, { a3: 61 }); // "Pyongyang"
  });

  it('records swapped: a name is not put on the other record where it stood before, when the other record agrees further', () => {
    rightOrOrphan(swappedRecords, { a23: 591 }); // "Total injured"
  });

  it('the one copy left between the old neighbours is not taken when another copy of its passage stands next to it (the original moved out)', () => {
    rightOrOrphan(movedOriginal, { a16: 393, a19: 420 }); // "Seoul", "Panmunjom"
  });

  it('a row moved from the bottom of a table of rows of one length to its top: a name in a row alike to the one above is not put there, though the table kept its length', () => {
    rightOrOrphan(rowMovedUp, { a12: 346, a13: 372 }); // "Total injured", "Reuters"
  });

  // The step alone, given where the neighbours are: "Colonel Park Chung-hee" before, "Park's son" after.
  const step = (now: string, base = file, echoed = new Set<string>()) => {
    const [colonel, park, son] = [anchor(base, 'Colonel Park Chung-hee'), anchor(base, 'Park Chung-hee', base.indexOf(copied)), anchor(base, "Park's son")];
    const found = (a: AnchorQuery, at: number): Placement => ({ id: a.id, start: at, end: at + a.quote.length, method: 'position', modified: false, score: 1 });
    const best = now.indexOf('Park Chung-hee', now.indexOf(copied));
    const orphan: Orphan = { id: park.id, reason: 'ambiguous', at: 0, best: { start: best, end: best + park.quote.length, text: park.quote, score: 1 } };
    const units = { toStored: (x: number) => x, toUtf16: (x: number) => x };
    const starts = (q: string) => [...now.matchAll(new RegExp(q, 'g'))].map((m) => m.index);
    const r = placeBetween(now, [colonel, park, son], [found(colonel, now.indexOf(colonel.quote)), found(son, now.indexOf(son.quote))], [orphan], units, starts, echoed);
    return r.placed.find((p) => p.id === park.id)?.start;
  };
  const long = 'Nobody at the ministry would say who had kept the file since, or why it had taken so long to find it, and the archivists who were asked about it said only that the records of those years were incomplete, that many of the boxes had been moved more than once, that some had been damaged by water in the basement where they were stored before the new building opened, and that nobody had ever made a list of what they held. ';

  it('the text between two neighbours kept its length: the quote at its old distance from both is taken, whatever copies stand beyond them', () => {
    // (Park is named once more between them: not the only occurrence there.)
    const base = file.replace('There was a suspicion', 'Park Chung-hee denied it. There was a suspicion');
    const at = base.indexOf(copied) + copied.indexOf('Park Chung-hee');
    assert.equal(step(base + copied, base), at);
    // Not when the echo rule left it (echo.ts).
    assert.equal(step(base + copied, base, new Set([anchor(base, 'Park Chung-hee', base.indexOf(copied)).id])), undefined);
  });

  it('the only occurrence between two neighbours is taken when no copy of its passage stands within 400 characters', () => {
    const edited = file.replace('in the days', 'nor said why in the days');
    assert.equal(step(`${edited}${long}${copied}`), edited.indexOf('Park Chung-hee', edited.indexOf('There was')));
    assert.equal(step(`${edited}${copied}`), undefined);
  });
});

describe('neighbours.ts asks whether a copy agrees wholly on a side without the fuzzy comparison', () => {
  it('answers as sideSupport(…) >= 1 does, on copies whose sides agree wholly, in part, with a typo, or up to a sentence end', () => {
    const text = `${file}${copied}Later, Park Chung-hee was named. There was a suspicion the file was Park Chung-hee's because his seal was found. The file was Park Chung-hee's.\n`;
    const anchors = [anchor(file, 'Park Chung-hee', file.indexOf(copied)), anchor(file, 'Colonel Park Chung-hee'), anchor(file, 'Seoul'), anchor(file, 'the files')];
    let asked = 0;
    for (const a of anchors) {
      for (const edges of [true, false]) {
        for (let y = text.indexOf(a.quote); y >= 0; y = text.indexOf(a.quote, y + 1)) {
          for (const [side, expected] of [['before', a.prefix], ['after', a.suffix], ['before', `x${a.prefix}`], ['after', a.suffix?.replace('e', 'x')], ['before', undefined]] as const) {
            const end = y + a.quote.length;
            assert.equal(sideWhole(text, y, end, expected, side, a.quote, edges), (sideSupport(text, y, end, expected, side, a.quote, edges) ?? 0) >= 1, `${a.quote} at ${y}, ${side}`);
            asked++;
          }
        }
      }
    }
    assert.ok(asked > 40);
  });
});
