/**
 * How two spellings of a name compare: the same name, a title in front ("President Roh"), part of
 * a person's name ("Roh" of "Roh Moo-hyun") or initials ("U.S." of "United States"). Each test
 * says why it matched, in words, so that a proposed link carries its evidence.
 */

/** Titles and honorifics that may stand before a name; compared without dots and case. */
const TITLES = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'prime', 'minister',
    'premier', 'chancellor', 'chairman', 'chairwoman', 'secretary', 'general', 'gen', 'lt', 'col', 'colonel', 'maj',
    'major', 'capt', 'captain', 'adm', 'admiral', 'sgt', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor',
    'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'judge', 'justice', 'mayor', 'ambassador', 'envoy', 'foreign',
    'defense', 'defence', 'unification', 'finance', 'leader', 'chief', 'former', 'deputy',
  ],
);

/** Small words left out of initials: "Bank of England" → BE, "the United Nations" → UN. */
const MINOR = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'du', 'la', 'le', 'von', 'van', '&']);

/** A name's comparable form: Unicode-normalised, lower case, no dots, no possessive, spaces collapsed. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’']s$/u, '')
    .replace(/\./g, '')
    .replace(/[‐‑–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('en');
}

/** The words of a name (hyphenated parts stay one word: "moo-hyun"). */
export function nameWords(name: string): string[] {
  const n = normalizeName(name);
  return n ? n.split(' ') : [];
}

/** The name without the titles in front of it, and the titles: "President Roh" → "roh", ["President"]. */
export function stripTitles(name: string): { rest: string; titles: string[] } {
  const raw = name.normalize('NFKC').trim().split(/\s+/u);
  const titles: string[] = [];
  // At least one word stays: "General" alone is a name, not a title.
  while (raw.length > 1 && TITLES.has(normalizeName(raw[0]))) titles.push(raw.shift()!);
  return { rest: normalizeName(raw.join(' ')), titles };
}

/** The initials of a name of several words: "United States" → "us"; undefined for one word. */
export function initialsOf(name: string): string | undefined {
  const words = nameWords(name).filter((w) => !MINOR.has(w));
  if (words.length < 2) return undefined;
  return words.map((w) => w[0]).join('');
}

/** True when `text` is written like initials: "U.S.", "UN", "U.S.A." (2 to 6 capitals, dots allowed). */
export function looksLikeInitials(text: string): boolean {
  const t = text.trim();
  return /^(?:\p{Lu}\.?){2,6}$/u.test(t) && t.replace(/\./g, '').length >= 2;
}

/** How a spelling matched a name, and how sure that is (0..1). */
export interface NameMatch {
  score: number;
  /** Why, in words: `"President Roh" is "Roh" with the title "President"`. */
  evidence: string;
}

/**
 * How `mention` can refer to `name` (of an entity of type `type`), or undefined. Part of a name
 * counts only for people: "Korea" is not "North Korea".
 */
export function matchName(mention: string, name: string, type: string): NameMatch | undefined {
  const m = normalizeName(mention);
  const n = normalizeName(name);
  if (!m || !n) return undefined;
  if (m === n) return { score: 1, evidence: `"${mention}" is written as "${name}"` };
  const { rest, titles } = stripTitles(mention);
  const stripped = stripTitles(name).rest;
  if (titles.length && rest === n) return { score: 0.9, evidence: `"${mention}" is "${name}" with the title "${titles.join(' ')}"` };
  if (titles.length && rest === stripped) return { score: 0.9, evidence: `"${mention}" and "${name}" differ by titles only` };
  if (looksLikeInitials(mention) && initialsOf(name) === m) return { score: 0.8, evidence: `"${mention}" are the initials of "${name}"` };
  if (looksLikeInitials(name) && initialsOf(mention) === n) return { score: 0.8, evidence: `"${name}" are the initials of "${mention}"` };
  if (type === 'PERSON') {
    const words = rest.split(' ');
    const full = nameWords(stripped || name);
    if (full.length > words.length && words.every((w) => full.includes(w))) {
      const via = titles.length ? ` (title "${titles.join(' ')}")` : '';
      return { score: 0.6, evidence: `"${mention}" is part of the name "${name}"${via}` };
    }
  }
  return undefined;
}
