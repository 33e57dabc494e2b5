import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';

// Found by eval:anchoring's duplicated sentences (seed 1, ten sentences copied, a BBC report of the
// news corpus; the old text known). The sign-off 'Caroline Wyatt, BBC news, Bonn.' got a copied
// sentence put before it, and a copy of '… leader. Caroline Wyatt, BBC news, Bonn.' was pasted near the
// top. The diff kept the sign-off's own text in place; the pasted copy carries the whole old context,
// and a search for it took the copy. Either may be the original (the original moved up and a copy left
// at the foot reads the same), so the name is not put on the pasted copy.

const OLD = "Thousands of people in Germany have been demonstrating today against the high level of unemployment in the country. Latest figures show a sharp rise, with nearly five million Germans out of work. Caroline Wyatt reports.\n\nChanting Helmut Kohl must go the unemployed took to the streets of the German capital, Berlin, mirroring protests around the country. Joblessness is now at its highest level in Germany since the second world war. With the general election due this September, record figures couldn't have come at a worst time for Chancellor Kohl. His promise to half unemployment by the year two thousand has now been abandoned. And the German electorate appears increasingly eager to dispense with the services of Europe's longest serving leader. Caroline Wyatt, BBC news, Bonn.\n";
const CUR = "Thousands of people in Germany have been demonstrating today against the high level of unemployment in the country. Chanting Helmut Kohl must go the unemployed took to the streets of the German capital, Berlin, mirroring protests around the country. Latest figures show a sharp rise, with nearly five million Germans out of work. Joblessness is now at its highest level in Germany since the second world war. And the German electorate appears increasingly eager to dispense with the services of Europe's longest serving leader. Caroline Wyatt, BBC news, Bonn.\nCaroline Wyatt reports.\n\nLatest figures show a sharp rise, with nearly five million Germans out of work. Chanting Helmut Kohl must go the unemployed took to the streets of the German capital, Berlin, mirroring protests around the country. Latest figures show a sharp rise, with nearly five million Germans out of work. Joblessness is now at its highest level in Germany since the second world war. Latest figures show a sharp rise, with nearly five million Germans out of work. With the general election due this September, record figures couldn't have come at a worst time for Chancellor Kohl. His promise to half unemployment by the year two thousand has now been abandoned. And the German electorate appears increasingly eager to dispense with the services of Europe's longest serving leader. Thousands of people in Germany have been demonstrating today against the high level of unemployment in the country. Caroline Wyatt, BBC news, Bonn.\nAnd the German electorate appears increasingly eager to dispense with the services of Europe's longest serving leader. Joblessness is now at its highest level in Germany since the second world war. ";
const SPANS: [number, number][] = [[0,9],[23,30],[116,122],[175,182],[196,210],[221,241],[292,298],[308,314],[355,366],[398,405],[434,438],[469,478],[534,549],[551,554],[641,647],[719,725],[752,766],[778,782]];

describe("reanchor: a name's own text kept by the diff, a pasted copy carrying its old context (old text known)", () => {
  it('the name is not put on the pasted copy', () => {
    const anchors = SPANS.map(([s, e], i) => anchorAt(OLD, `a${i}`, s, e));
    const id = `a${SPANS.findIndex(([s]) => OLD.startsWith('Caroline Wyatt, BBC', s))}`;
    const r = reanchor(OLD, CUR, anchors, { units: 'utf16' });
    const placed = r.placed.find((p) => p.id === id);
    const copy = CUR.indexOf('Caroline Wyatt, BBC');
    assert.notEqual(copy, CUR.lastIndexOf('Caroline Wyatt, BBC'));
    assert.notEqual(placed?.start, copy, 'put on the pasted copy');
    assert.ok(!placed || placed.start === CUR.lastIndexOf('Caroline Wyatt, BBC'));
  });
});
