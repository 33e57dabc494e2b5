import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countriesIn, filterPlaceMap, Gazetteer, isPlaceId, linkPlace, namedCountries, nameKey, placeMap } from '../../../../src/core/places';
import { repoRoot } from '../../../fixtures/paths';

const root = repoRoot;

const TABLE = [
  '# test table',
  'iso3166:FR\tFrance\tFR\t48.85\t2.35\t60000000\tPCLI\t',
  'iso3166:US\tUnited States\tUS\t38.89\t-77.03\t300000000\tPCLI\tU.S.|America',
  'iso3166:KR\tSouth Korea\tKR\t37.56\t126.97\t48000000\tPCLI\tRepublic of Korea',
  'geonames:2988507\tParis\tFR\t48.85\t2.35\t2138551\tPPLC\t',
  'geonames:4717560\tParis\tUS\t33.66\t-95.55\t24782\tPPL\t',
  'geonames:1835848\tSeoul\tKR\t37.56\t126.97\t10349312\tPPLC\t',
  'geonames:1\tSpringfield\tUS\t39.8\t-89.6\t116250\tPPLA\t',
  'geonames:2\tSpringfield\tUS\t37.2\t-93.3\t166810\tPPL\t',
  'geonames:3\tSão Paulo\tBR\t-23.5\t-46.6\t10021295\tPPLA\t',
  'geonames:4\tWashington, D.C.\tUS\t38.89\t-77.03\t601723\tPPLC\tWashington',
  'broken line',
].join('\n');
const g = Gazetteer.parse(TABLE);
const none = { countries: new Set<string>() };

describe('gazetteer', () => {
  it('looks names up regardless of case, accents, dots and a leading "the"', () => {
    assert.equal(nameKey('The U.S.'), 'us');
    assert.deepEqual(g.lookup('sao paulo').map((p) => p.id), ['geonames:3']);
    assert.deepEqual(g.lookup('the U.S.').map((p) => p.id), ['iso3166:US']);
    assert.deepEqual(g.lookup('Washington').map((p) => p.id), ['geonames:4']);
    assert.equal(g.size, 10);
  });

  it('finds the countries a text names, on word boundaries', () => {
    assert.deepEqual([...countriesIn('Talks in the Republic of Korea and America.', g)].sort(), ['KR', 'US']);
    assert.deepEqual([...countriesIn('Frances and Americans', g)], []);
  });
});

describe('linking a place', () => {
  it('takes a country over cities of the same name, and a clear leader by population', () => {
    assert.equal(linkPlace('France', g, none).place?.id, 'iso3166:FR');
    const paris = linkPlace('Paris', g, none);
    assert.equal(paris.status, 'linked');
    assert.equal(paris.place?.id, 'geonames:2988507');
    assert.deepEqual(paris.candidates.map((c) => c.place.country), ['FR', 'US']);
  });

  it('ranks a city of a country the article names first', () => {
    const paris = linkPlace('Paris', g, { countries: new Set(['US']) });
    assert.equal(paris.candidates[0].place.id, 'geonames:4717560');
    assert.equal(paris.candidates[0].inContext, true);
  });

  it('leaves close candidates ambiguous and unknown names unmatched, never guessing', () => {
    const s = linkPlace('Springfield', g, none);
    assert.equal(s.status, 'ambiguous');
    assert.equal(s.place, undefined);
    assert.equal(s.candidates.length, 2);
    assert.deepEqual(linkPlace('Panmunjeom', g, none), { status: 'unmatched', candidates: [] });
  });

  it('knows its own ids', () => {
    assert.ok(isPlaceId('geonames:1835848') && isPlaceId('iso3166:KR') && isPlaceId('iso3166:US-FL') && isPlaceId('continent:Middle-East'));
    assert.ok(!isPlaceId('Q8684') && !isPlaceId(undefined) && !isPlaceId('geonames:x'));
  });
});

describe('the shipped gazetteer table (scripts/gazetteer.mjs)', function () {
  this.timeout(30_000);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gaz-')), 'gazetteer.tsv');
  execFileSync(process.execPath, [path.join(root, 'scripts/gazetteer.mjs'), out], { cwd: root });
  const real = Gazetteer.parse(fs.readFileSync(out, 'utf8'));

  it('links the places of the Korea article, with context', () => {
    const text = fs.readFileSync(path.resolve(root, '../shared/corpus/korea-generals-2006-03-02.txt'), 'utf8');
    const context = { countries: countriesIn(text, real) };
    assert.ok(context.countries.has('KR') && context.countries.has('KP'));
    assert.equal(linkPlace('Seoul', real, context).place?.id, 'geonames:1835848');
    assert.equal(linkPlace('North Korea', real, context).place?.id, 'iso3166:KP');
    assert.equal(linkPlace('Panmunjeom', real, context).status, 'unmatched');
    assert.equal(linkPlace('Britain', real, context).place?.country, 'GB');
  });

  it('finds a country named in a text the same way when asked about it alone (the map’s fast path)', () => {
    const news = path.resolve(root, '../shared/corpus/news');
    const texts = [
      'Talks between the U.S. and South-Korea; the Côte d’Ivoire delegation; Britain’s envoy. Not Koreans, not Georgian.',
      ...(fs.existsSync(news) ? fs.readdirSync(news).sort().slice(0, 40).map((f) => fs.readFileSync(path.join(news, f), 'utf8')) : []),
    ];
    const codes = real.countries().map((c) => c.country);
    for (const text of texts) {
      const all = countriesIn(text, real);
      const asked = namedCountries(text, real);
      assert.deepEqual(codes.filter((c) => asked.has(c)), codes.filter((c) => all.has(c)), text.slice(0, 60));
    }
  });
});

describe('the places of documents (the map’s data)', () => {
  const text = 'Talks in Paris and Springfield. Later in Paris, and in Atlantis. France agreed.';
  const at = (word: string, from = 0) => text.indexOf(word, from);
  const annotations = [
    { id: 'p1', type: 'PLACE', start: at('Paris'), end: at('Paris') + 5, text: 'Paris', status: 'confirmed' as const, kb: 'geonames:4717560' },
    { id: 'p2', type: 'PLACE', start: at('Springfield'), end: at('Springfield') + 11, text: 'Springfield', status: 'confirmed' as const },
    { id: 'p3', type: 'PLACE', start: at('Atlantis'), end: at('Atlantis') + 8, text: 'Atlantis', status: 'rejected' as const },
  ];
  const suggestions = [
    { type: 'PLACE', start: at('Paris', 20), end: at('Paris', 20) + 5, text: 'Paris', source: 'test' },
    { type: 'PLACE', start: at('France'), end: at('France') + 6, text: 'France', source: 'test' },
  ];
  const map = placeMap([{ uri: 'u', name: 'a.txt', text, annotations, suggestions }], g);

  it('uses the link stored in kb first, then a clear automatic link, and keeps the rest apart', () => {
    assert.deepEqual(map.counts, { stored: 1, linked: 2, ambiguous: 1, unmatched: 0 });
    const ids = map.points.map((p) => `${p.place.id}:${p.mentions.length}`).sort();
    assert.deepEqual(ids, ['geonames:2988507:1', 'geonames:4717560:1', 'iso3166:FR:1']);
    assert.deepEqual(map.apart.map((m) => `${m.text}:${m.status}`), ['Springfield:ambiguous']);
    const paris = map.points.find((p) => p.place.id === 'geonames:4717560')?.mentions[0];
    assert.ok(paris);
    assert.equal(paris.quote, 'Talks in Paris and Springfield.');
    // What a click on the dot selects: the sentence, not the name alone.
    assert.equal(text.slice(paris.sentence.start, paris.sentence.end), 'Talks in Paris and Springfield.');
  });

  it('filters with the shared filter: text, the view’s types and the article’s date', () => {
    const names = (m: typeof map) => [...m.points.map((p) => `${p.place.id}:${p.mentions.length}`), ...m.apart.map((a) => a.text)].sort();
    assert.deepEqual(names(filterPlaceMap(map, { text: 'FRANCE' })), ['iso3166:FR:1']);
    assert.deepEqual(names(filterPlaceMap(map, { text: 'paris' })), ['geonames:2988507:1', 'geonames:4717560:1']);
    assert.deepEqual(filterPlaceMap(map, { text: 'paris' }).counts, { stored: 1, linked: 1, ambiguous: 0, unmatched: 0 });
    assert.deepEqual(names(filterPlaceMap(map, { types: ['PERSON'] })), [], 'the view shows no places: neither does the map');
    assert.deepEqual(names(filterPlaceMap(map, { types: ['PERSON', 'PLACE'] })), names(map));
    const dated = placeMap(
      [
        { uri: 'u', name: 'a.txt', text, documentDate: '1998-08-07', annotations, suggestions },
        { uri: 'v', name: 'b.txt', text: 'In France.', documentDate: '2006-03-02', annotations: [], suggestions: [{ type: 'PLACE', start: 3, end: 9, text: 'France', source: 'test' }] },
        { uri: 'w', name: 'c.txt', text: 'In France.', annotations: [], suggestions: [{ type: 'PLACE', start: 3, end: 9, text: 'France', source: 'test' }] },
      ],
      g,
    );
    const documents = (m: typeof map) => [...new Set([...m.points.flatMap((p) => p.mentions), ...m.apart].map((x) => x.document))].sort();
    assert.deepEqual(documents(filterPlaceMap(dated, { from: '2000' })), ['b.txt', 'c.txt'], 'an undated article is kept, not judged');
    assert.deepEqual(documents(filterPlaceMap(dated, { to: '1998-08' })), ['a.txt', 'c.txt']);
  });
});
