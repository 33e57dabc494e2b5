import * as assert from 'node:assert/strict';
import { indexModel } from '../../../../src/core/index';
import { Gazetteer, placeMap } from '../../../../src/core/places';
import { buildTimeline, crowdStretch, groupTimeline, packLanes, pictureDocumentOf, ROWS_PER_LANE, type TimelineItem } from '../../../../src/core/timeline';

/** An article: one date in each line, the given lines. */
function article(lines: string[]) {
  const text = lines.join('\n') + '\n';
  const annotations = lines.flatMap((line, i) => {
    const at = text.indexOf(line);
    const m = /\d+ May 2001|1990/.exec(line);
    return m ? [{ id: `d${i}`, type: 'DATE', status: 'confirmed' as const, start: at + m.index, end: at + m.index + m[0].length, text: m[0], value: m[0] === '1990' ? '1990' : `2001-05-${m[0].split(' ')[0].padStart(2, '0')}` }] : [];
  });
  return { text, annotations };
}

describe('timeline rows (a date many entries share)', () => {
  const DAY = 86_400_000;
  it('stacks at most three rows per lane and counts the rest of a crowded stretch in one mark', () => {
    const { text, annotations } = article(['Founded in 1990.', ...Array.from({ length: 40 }, (_, i) => `Speaker ${i + 1} spoke on 5 May 2001.`)]);
    const timeline = buildTimeline([{ uri: 'u', name: 'a.txt', text, annotations, facts: [] }]);
    const packed = packLanes(groupTimeline(timeline.items, 'type'), 300 * DAY);
    assert.equal(ROWS_PER_LANE, 3);
    assert.deepEqual(packed.keys, ['DATE\u00000', 'DATE\u00001', 'DATE\u00002', 'DATE\u00003']);
    assert.equal(packed.rows.length, 4, 'the 1990 entry and three speakers one by one');
    assert.equal(packed.crowds.length, 1);
    assert.equal(packed.crowds[0].items.length, 37);
    assert.equal(packed.crowds[0].lane, 'DATE\u00003');
  });

  it('draws every entry one by one where they do not overlap at the zoom, and a lone left-over as itself', () => {
    const { text, annotations } = article(Array.from({ length: 5 }, (_, i) => `Speaker ${i + 1} spoke on ${i + 1} May 2001.`));
    const timeline = buildTimeline([{ uri: 'u', name: 'a.txt', text, annotations, facts: [] }]);
    // Zoomed in (a dot is an hour wide): five days side by side in one row.
    assert.deepEqual(packLanes(groupTimeline(timeline.items, 'type'), DAY / 24).keys, ['DATE\u00000']);
    // Zoomed out, two rows: four on rows 0 and 1 and... the fifth alone on the last row is drawn itself, not as "1 more".
    const out = packLanes(groupTimeline(timeline.items, 'type'), 30 * DAY, 2);
    assert.equal(out.crowds.length, 1);
    assert.equal(out.crowds[0].items.length, 3);
    const lone = packLanes(groupTimeline(timeline.items.slice(0, 3), 'type'), 30 * DAY, 2);
    assert.equal(lone.crowds.length, 0);
    assert.equal(lone.rows.length, 3);
  });
  it('reads out the stretch of a crowd of 300,000 entries (a date a whole archive shares), no stack overflow', () => {
    // What the crowd's mark says: "300000 more in DATE, 2001-05-04 – 2001-05-06".
    const may = Date.UTC(2001, 4, 4);
    const items = Array.from({ length: 300_000 }, (_, i): TimelineItem => {
      const from = may + (i % 3) * DAY;
      return { key: `u#d${i}`, uri: 'u', document: 'a.txt', kind: 'date', type: 'DATE', suggested: false, value: '2001-05', label: 'May', quote: 'May', sentence: { start: 0, end: 3 }, entities: [], entityTypes: [], start: 0, end: 3, from, to: from + DAY, precision: 'day', point: true };
    }).sort((a, b) => a.from - b.from);
    const packed = packLanes([{ name: 'DATE', items }], 300 * DAY);
    assert.equal(packed.crowds.length, 1);
    assert.equal(packed.crowds[0].items.length, 300_000 - ROWS_PER_LANE);
    assert.deepEqual(crowdStretch(packed.crowds[0]), { from: may, to: may + 3 * DAY });
  });
});

describe('pictures of an article the workspace index holds (no text)', () => {
  it('quotes the words around each date and place, takes the names among them and the countries they name', () => {
    const text = 'Intro.\nDelegates from France met in Paris on 5 May 2001 to talk.\n';
    const at = (s: string) => text.indexOf(s);
    const annotations = [
      { id: 'a1', type: 'PLACE', status: 'confirmed' as const, start: at('France'), end: at('France') + 6, text: 'France' },
      { id: 'a2', type: 'PLACE', status: 'confirmed' as const, start: at('Paris'), end: at('Paris') + 5, text: 'Paris' },
      { id: 'a3', type: 'DATE', status: 'confirmed' as const, start: at('5 May'), end: at('5 May') + 10, text: '5 May 2001', value: '2001-05-05' },
    ];
    const doc = pictureDocumentOf(indexModel('file:///w/news/a.txt', 'news/a.txt', { path: 'a.txt', annotations, facts: [] }, text, undefined, '2001-05-06'));
    assert.equal(doc.name, 'a.txt');
    assert.equal(doc.documentDate, '2001-05-06');
    const [item] = buildTimeline([doc]).items;
    assert.equal(item.quote, 'Delegates from France met in Paris on 5 May 2001 to talk.');
    assert.deepEqual(item.entities, ['France', 'Paris']);
    assert.deepEqual(item.sentence, { start: annotations[2].start, end: annotations[2].end }, 'a click selects the date itself');
    const gazetteer = Gazetteer.parse(
      ['iso3166:FR\tFrance\tFR\t48.85\t2.35\t60000000\tPCLI\t', 'geonames:2988507\tParis\tFR\t48.85\t2.35\t2138551\tPPLC\t', 'geonames:4717560\tParis\tUS\t33.66\t-95.55\t24782\tPPL\t'].join('\n'),
    );
    const paris = placeMap([doc], gazetteer).points.find((p) => p.place.name === 'Paris');
    assert.equal(paris?.place.id, 'geonames:2988507', 'Paris is the one in the country the article names');
    assert.equal(paris?.mentions[0].quote, 'Delegates from France met in Paris on 5 May 2001 to talk.');
  });
});
