/**
 * Linking a PLACE mention to a gazetteer entry. Candidates are the entries of that name, ranked by
 * the article's context (a city in a country the article names first) and by population. The best
 * is taken without asking only when it is clearly best; otherwise the mention is `ambiguous` (the
 * user picks) or `unmatched` — never guessed silently.
 */
import { type Gazetteer, isCountry, type Place } from './gazetteer';

/** A candidate and why it ranks where it does. */
export interface Candidate {
  place: Place;
  score: number;
  /** The article names this candidate's country. */
  inContext: boolean;
}

export type LinkStatus = 'linked' | 'ambiguous' | 'unmatched';

/** What linking one name found. */
export interface Link {
  status: LinkStatus;
  /** Best first. */
  candidates: Candidate[];
  /** The entry taken, when `linked`. */
  place?: Place;
}

/** What the article tells about where it is: the countries it names. */
export interface PlaceContext {
  /** ISO codes of countries the article names (a Set, or `namedCountries`, which looks only when asked). */
  countries: { has(code: string): boolean };
}

/** Score gap (log10 of population, plus context) the best candidate needs to be taken without asking. */
const CLEAR_LEAD = 1.5;

/**
 * The countries a text names, found by their names and other names on word boundaries
 * ("South Korea", "U.S.", "Britain"). A name inside a longer name counts too ("Korea" in "North Korea"
 * is not a name of either, so it does not).
 */
export function countriesIn(text: string, gazetteer: Gazetteer): Set<string> {
  const found = new Set<string>();
  const { names, prefixes } = bareCountryNames(gazetteer);
  const words = bareText(text).split(' ');
  // Runs of words are looked up while they begin some country name: linear in the text, whatever
  // the number of names, and without building a string for every run of every word.
  for (let i = 0; i < words.length; i++) {
    let run = words[i];
    for (let n = i + 1; prefixes.has(run); n++) {
      const code = names.get(run);
      if (code) found.add(code);
      if (n >= words.length) break;
      run = `${run} ${words[n]}`;
    }
    const code = names.get(run);
    if (code) found.add(code);
  }
  return found;
}

/**
 * `bare(nameKey(text))` in fewer passes over a long text: accents off, lower case, dots dropped
 * ("U.S." is "us"), then runs of letters, digits and apostrophes joined by single spaces.
 */
function bareText(text: string): string {
  // Line by line, each plain ASCII line in one pass without Unicode classes: the map of thousands of
  // articles spent most of its time here, and one curly quote made a whole text take the slow way.
  // The same as the whole text's, as a line break is a separator like any other.
  if (!NON_ASCII.test(text)) return bareAscii(text);
  let out = '';
  for (const line of text.split('\n')) {
    const bare = NON_ASCII.test(line) ? bareUnicode(line) : bareAscii(line);
    if (bare) out = out ? `${out} ${bare}` : bare;
  }
  return out;
}

/** Beyond ASCII, except punctuation both ways read alike: the index's "…" around each context, dashes, quotes, no-break spaces. */
const NON_ASCII = /[^\x00-\x7f\u00a0\u2013\u2014\u2019\u201c\u201d\u2026]/;

function bareAscii(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\./g, '').replace(/[^a-z0-9']+/g, ' ').trim();
}

function bareUnicode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/**
 * The countries a text names, as `countriesIn` finds them, but each looked for only when asked
 * (and remembered): ranking the candidates of a name asks about their few countries, not about all
 * 250, and the text is not cut into words. For the map of thousands of articles.
 */
export function namedCountries(text: string, gazetteer: Gazetteer): { has(code: string): boolean } {
  let bareOf: string | undefined;
  const known = new Map<string, boolean>();
  const { byCode } = bareCountryNames(gazetteer);
  return {
    has(code) {
      let found = known.get(code);
      if (found === undefined) {
        bareOf ??= ` ${bareText(text)} `;
        const t = bareOf;
        found = (byCode.get(code) ?? []).some((name) => t.includes(` ${name} `));
        known.set(code, found);
      }
      return found;
    },
  };
}

/** Letters, digits, apostrophes and single spaces only. */
function bare(key: string): string {
  return key.replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

const bareNames = new WeakMap<Gazetteer, { names: Map<string, string>; prefixes: Set<string>; byCode: Map<string, string[]> }>();

/** Country names as `countriesIn` looks them up, and every run of whole words a name of several words begins with; once per gazetteer. */
function bareCountryNames(gazetteer: Gazetteer): { names: Map<string, string>; prefixes: Set<string>; byCode: Map<string, string[]> } {
  let cached = bareNames.get(gazetteer);
  if (!cached) {
    const names = new Map<string, string>();
    const prefixes = new Set<string>();
    const byCode = new Map<string, string[]>();
    for (const [name, code] of gazetteer.countryKeys()) {
      const b = bare(name);
      if (b.length <= 1) continue;
      names.set(b, code);
      byCode.set(code, [...(byCode.get(code) ?? []), b]);
      const words = b.split(' ');
      for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
    }
    cached = { names, prefixes, byCode };
    bareNames.set(gazetteer, cached);
  }
  return cached;
}

/** The ranked candidates for a name. */
export function candidates(name: string, gazetteer: Gazetteer, context: PlaceContext): Candidate[] {
  return gazetteer
    .lookup(name)
    .map((place) => {
      const inContext = context.countries.has(place.country);
      // A country (or continent, or US state) of that name is what an article means by it nearly
      // always ("Georgia" aside): it outranks any city.
      const score = isCountry(place)
        ? 100
        : place.feature === 'CONT' || place.feature === 'ADM1'
          ? 50 + (inContext ? 3 : 0)
          : Math.log10(place.population + 1) + (inContext ? 3 : 0) + (place.feature === 'PPLC' ? 1 : 0);
      return { place, score, inContext };
    })
    .sort((a, b) => b.score - a.score || b.place.population - a.place.population || a.place.id.localeCompare(b.place.id));
}

/** Links one name: the best candidate when it leads clearly, else ambiguous or unmatched. */
export function linkPlace(name: string, gazetteer: Gazetteer, context: PlaceContext): Link {
  const ranked = candidates(name, gazetteer, context);
  if (ranked.length === 0) return { status: 'unmatched', candidates: [] };
  const [best, second] = ranked;
  if (!second || best.score - second.score >= CLEAR_LEAD) return { status: 'linked', candidates: ranked, place: best.place };
  return { status: 'ambiguous', candidates: ranked };
}

/** The `kb` value of a gazetteer link, and back: only gazetteer ids count as place links. */
export function isPlaceId(kb: string | undefined): kb is string {
  return !!kb && /^(geonames:\d+|iso3166:[A-Z]{2}(-[A-Z0-9]{1,3})?|continent:[A-Za-z-]+)$/.test(kb);
}
