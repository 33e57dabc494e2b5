/** Type names, label mappings and knowledge-base ids as the exchange formats want them. */
import { ENTITY_TYPES } from '../model';
import { WIKIDATA_IRI } from '../kb';

export { kbKey } from '../kb';

/**
 * A brat-legal type or role name: brat splits its lines on spaces and `:`, so every character other than
 * letters, digits, `_`, `-` and `.` is percent-encoded (`Weapon system` → `Weapon%20system`), which
 * {@link fromBratName} reverses exactly. An empty name becomes `Entity`.
 */
export function bratName(type: string): string {
  const safe = type.trim().replace(/[^\p{L}\p{N}_.-]/gu, (c) => encodeURIComponent(c));
  return safe.length > 0 ? safe : 'Entity';
}

/** Inverse of {@link bratName}. */
export function fromBratName(name: string): string {
  return decodeField(name);
}

/**
 * A note on one line, reversibly: brat ends a note at the line break, so `\` becomes `\\`, and line
 * breaks and tabs become `\n`, `\r`, `\t` (what {@link unescapeNote} reads back).
 */
export function escapeNote(note: string): string {
  return note.replace(/[\\\n\r\t\u2028\u2029]/g, (c) => NOTE_ESCAPES[c] ?? c);
}

const NOTE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' };
const NOTE_UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t', u2028: '\u2028', u2029: '\u2029' };
/** The escaped F that {@link escapeUserNote} writes, only ever at a note's start. */
const ESCAPED_F = '\\u0046';

/**
 * Inverse of {@link escapeNote} and {@link escapeUserNote}; an unknown escape stays as it is. `\u0046` is
 * read only at the start, where Factmark writes it: elsewhere it is a foreign note's own text.
 */
export function unescapeNote(line: string): string {
  const lead = line.startsWith(ESCAPED_F) ? 'F' : '';
  const rest = lead ? line.slice(ESCAPED_F.length) : line;
  return lead + rest.replace(/\\(\\|n|r|t|u2028|u2029)/g, (m, c: string) => NOTE_UNESCAPES[c] ?? m);
}

/**
 * A note of the user, escaped; one that opens like the brat export's document date line
 * (`Factmark document date: `) has its F escaped (`\u0046`), so that the import reads it back as a
 * note, not as the document's date.
 */
export function escapeUserNote(note: string, dateLine: string): string {
  const escaped = escapeNote(note);
  return escaped.startsWith(dateLine) ? ESCAPED_F + escaped.slice(1) : escaped;
}

/** CoNLL-2003 label of a Factmark type: PERSON→PER, ORGANIZATION→ORG, PLACE→LOC, others unchanged. */
export function conllLabel(type: string): string {
  switch (type) {
    case 'PERSON':
      return 'PER';
    case 'ORGANIZATION':
      return 'ORG';
    case 'PLACE':
      return 'LOC';
    default:
      return type.trim().replace(/\s+/gu, '_') || 'MISC';
  }
}

/** Built-in types first in their usual order, then the others sorted: a stable label list. */
export function orderTypes(types: Iterable<string>): string[] {
  const builtins: string[] = [...ENTITY_TYPES, 'MISC'];
  const set = new Set(types);
  const first = builtins.filter((t) => set.has(t));
  const rest = [...set].filter((t) => !builtins.includes(t)).sort();
  return [...first, ...rest];
}

const WIKIDATA_QID = /^Q[1-9]\d*$/;
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** The IRI of a knowledge-base id when it has one (Wikidata QIDs and ids that already are IRIs). */
export function kbIri(kb: string): string | undefined {
  if (WIKIDATA_QID.test(kb)) return `http://www.wikidata.org/entity/${kb}`;
  return ABSOLUTE_IRI.test(kb) ? kb : undefined;
}

/**
 * Back from an IRI to Factmark's knowledge-base id: the one IRI `kbIri` writes for a bare QID
 * becomes that QID again (a round trip keeps `Q42`); any other IRI, Wikidata's `https://…/wiki/Q42`
 * included, is kept as the user wrote it (the same entity for `kbKey`, but other text).
 */
export function kbFromIri(iri: string): string {
  const m = WIKIDATA_IRI.exec(iri);
  return m && kbIri(m[1]) === iri ? m[1] : iri;
}

/** Percent-encodes whitespace and `%` so that a value fits in one space-free field, reversibly. */
export function encodeField(s: string): string {
  return s.replace(/[%\s]/gu, (c) => encodeURIComponent(c));
}

/** Inverse of {@link encodeField}; leaves foreign text with stray `%` as it is. */
export function decodeField(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
