import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countriesIn, filterMapView, filterPlaceMap, Gazetteer, mapList, mapView, placeMap } from '../../../../src/core/places';
import { buildTimeline, LIST_LIMIT, listQueryOf, timelineList, timelineView, type ListQuery } from '../../../../src/core/timeline';

/** An article of `n` lines, each with a duration no date anchors ("two-day"), and one dated line. */
function article(n: number) {
  const lines = ['Founded in 1990.', ...Array.from({ length: n }, (_, i) => `Round ${i + 1} was a two-day meeting.`)];
  const text = lines.join('\n') + '\n';
  const annotations = lines.map((line, i) => {
    const at = text.indexOf(line);
    const word = i === 0 ? '1990' : 'two-day';
    const start = at + line.indexOf(word);
    return { id: `d${i}`, type: 'DATE', status: 'confirmed' as const, start, end: start + word.length, text: word, value: i === 0 ? '1990' : 'P2D' };
  });
  return { uri: 'u', name: 'a.txt', text, annotations, facts: [] };
}

const query = (list: string, filter = {}, offset = 0): ListQuery => ({ list, filter, offset, limit: LIST_LIMIT });

describe('the lists under the pictures, a page at a time', () => {
  it('sends the page the items and 300 of 5,000 dates not on the axis, with the count of all; the rest a page at a time', () => {
    const timeline = buildTimeline([article(5000)]);
    const view = timelineView(timeline, new Map());
    assert.equal(view.items.length, 1, 'every item on the axis');
    assert.equal(view.unplaced.total, 5000, 'the count of all the dates not on the axis');
    assert.equal(view.unplaced.entries.length, LIST_LIMIT, 'only the page listed');
    assert.ok(JSON.stringify(view).length < 300_000, `a few hundred kB, not megabytes: ${JSON.stringify(view).length}`);
    const next = timelineList(timeline, query('unplaced', {}, 4900))!;
    assert.deepEqual(next.entries.map((e) => e.quote).slice(-1), ['Round 5000 was a two-day meeting.']);
    assert.equal(next.entries.length, 100);
  });

  it('filters the list in the extension with the page’s filter: the count is of what passes', () => {
    const timeline = buildTimeline([article(500)]);
    const page = timelineList(timeline, query('unplaced', { text: 'two-day', confirmedOnly: true }))!;
    assert.equal(page.total, 500);
    assert.equal(timelineList(timeline, query('unplaced', { text: 'nothing like it' }))!.total, 0);
    assert.equal(timelineList(timeline, query('unplaced', { types: ['PERSON'] }))!.total, 0, 'no date names a person');
    // The page's last query is the one a redraw sends the first page of.
    assert.equal(timelineView(timeline, new Map([['unplaced', query('unplaced', { text: 'nothing like it' })]])).unplaced.total, 0);
  });

  it('takes from the page only a well-formed query, within bounds', () => {
    assert.equal(listQueryOf(undefined), undefined);
    assert.equal(listQueryOf({ filter: {} }), undefined, 'a list is named');
    const q = listQueryOf({ list: 'apart', filter: { text: 'x'.repeat(9000), types: ['PLACE', 3], confirmedOnly: 'yes' }, offset: -5, limit: 1e9, key: 7 })!;
    assert.equal(q.filter.text?.length, 500);
    assert.deepEqual(q.filter.types, ['PLACE']);
    assert.equal(q.filter.confirmedOnly, undefined);
    assert.equal(q.offset, 0);
    assert.ok(q.limit <= 5 * LIST_LIMIT);
    assert.equal(q.key, undefined);
  });
});

describe('the map’s page data', () => {
  const g = new Gazetteer([
    { id: 'iso3166:FR', name: 'France', country: 'FR', lat: 46, lon: 2, population: 67e6, feature: 'PCLI' },
    { id: 'geonames:2988507', name: 'Paris', country: 'FR', lat: 48.85, lon: 2.35, population: 2e6, feature: 'PPLC' },
    { id: 'geonames:4717560', name: 'Paris', country: 'US', lat: 33.66, lon: -95.55, population: 25e3, feature: 'PPL' },
  ]);
  const names = ['Paris', 'France', 'Atlantis', 'paris'];
  const docs = Array.from({ length: 30 }, (_, d) => {
    const text = Array.from({ length: 12 }, (_, i) => `In ${names[(d + i) % names.length]} it rained.`).join(' ');
    const suggestions = [...text.matchAll(/In (\w+)/g)].map((m) => ({ type: 'PLACE', start: m.index + 3, end: m.index + 3 + m[1].length, text: m[1], source: 'test' }));
    return { uri: `u${d}`, name: `${d}.txt`, text, documentDate: d % 3 ? `20${String(d).padStart(2, '0')}` : undefined, annotations: [], suggestions };
  });
  const map = placeMap(docs, g);

  it('sums each dot’s mentions up and counts them under any filter as the whole map does', () => {
    const view = mapView(map, new Map());
    const mentions = map.points.reduce((n, p) => n + p.mentions.length, 0);
    const summed = view.points.reduce((n, p) => n + p.mentions.length, 0);
    assert.equal(view.points.reduce((n, p) => n + p.mentions.reduce((k, m) => k + m.count, 0), 0), mentions, 'every mention counted');
    assert.ok(summed < mentions / 2, `summed up by text, date and status: ${summed} of ${mentions}`);
    for (const filter of [{}, { text: 'paris' }, { text: 'FR' }, { from: '2010' }, { to: '2005' }, { types: ['PERSON'] }]) {
      const whole = filterPlaceMap(map, filter);
      const counted = filterMapView(view.points, filter);
      assert.deepEqual(counted.points.map((p) => `${p.place.id}:${p.count}`), whole.points.map((p) => `${p.place.id}:${p.mentions.length}`), JSON.stringify(filter));
      assert.equal(counted.stored + counted.linked, whole.counts.stored + whole.counts.linked);
      const apart = mapList(map, query('apart', filter))!;
      assert.equal(apart.total, whole.apart.length);
      assert.deepEqual(apart.counts ?? {}, Object.fromEntries(Object.entries({ ambiguous: whole.counts.ambiguous, unmatched: whole.counts.unmatched }).filter(([, n]) => n)));
    }
    const paris = mapList(map, { ...query('point', { text: 'paris' }), key: 'geonames:2988507' })!;
    assert.equal(paris.total, filterPlaceMap(map, { text: 'paris' }).points.find((p) => p.place.id === 'geonames:2988507')?.mentions.length);
  });
});

describe('the countries a text names, in its fast plain-ASCII way', () => {
  const g = new Gazetteer([
    { id: 'iso3166:KR', name: 'South Korea', country: 'KR', lat: 36, lon: 128, population: 5e7, feature: 'PCLI', otherNames: ['Korea, South'] },
    { id: 'iso3166:PE', name: 'Peru', country: 'PE', lat: -10, lon: -76, population: 3e7, feature: 'PCLI', otherNames: ['Perú'] },
    { id: 'iso3166:US', name: 'United States', country: 'US', lat: 39, lon: -98, population: 3e8, feature: 'PCLI', otherNames: ['U.S.', 'US'] },
    { id: 'iso3166:CI', name: "Côte d'Ivoire", country: 'CI', lat: 8, lon: -5, population: 2e7, feature: 'PCLI' },
  ]);
  /** The way every text was read before: accents off, lower case, dots dropped, other characters spaces. */
  const reference = (text: string) =>
    text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/’/g, "'").replace(/\./g, '').replace(/[^\p{L}\p{N}']+/gu, ' ').trim();

  it('finds the same countries as the Unicode way, whatever the punctuation, accents and line breaks', () => {
    const pieces = ['South', 'Korea', 'Peru', 'Perú', 'U.S.', 'United', 'States', "Côte d'Ivoire", 'Cote d’Ivoire', '…', '’s', '—', '“', '\n', ' ', '.', 'é', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        assert.deepEqual([...countriesIn(text, g)].sort(), [...countriesIn(reference(text), g)].sort(), JSON.stringify(text));
      }),
    );
    assert.deepEqual([...countriesIn('…said South Korea, and the envoy’s…\nin Perú.', g)].sort(), ['KR', 'PE']);
  });
});
