import { parseDocument } from 'yaml';
import type { EntityType, Mention, Recognizer } from '../model';
import { escapeRegExp } from '../text';

/** One decision of the user: this exact text is (or is not) of this type. */
export interface LexiconEntry {
  text: string;
  type: EntityType;
  /**
   * The document (its path relative to the workspace folder) the decision holds in; absent: in
   * every document. Rejecting "North" in one article must not remove the place "North" elsewhere.
   */
  document?: string;
  /**
   * A confirmed text the user chose to apply everywhere (Accept Everywhere): a rule, not a hint. It
   * is suggested with its type at every stand-alone mention, also where the model suggests the same
   * span with another type (the analyst's convention wins), but still never cuts a longer name.
   */
  rule?: boolean;
}

/**
 * What Factmark has learnt from the user across the workspace: texts confirmed as a type are
 * suggested at their other mentions, texts rejected (in one document or everywhere, as the user
 * chose) are not offered again there.
 */
export interface Lexicon {
  confirmed: LexiconEntry[];
  rejected: LexiconEntry[];
}

export const EMPTY_LEXICON: Lexicon = { confirmed: [], rejected: [] };

/** The workspace file a team can commit, next to the sidecars (at the workspace folder's root). */
export const LEXICON_FILE = 'factmark.lexicon.yaml';

const key = (e: LexiconEntry) => `${e.type}\u0000${e.text}\u0000${e.document ?? ''}`;
const entry = (e: LexiconEntry): LexiconEntry => ({
  text: e.text,
  type: e.type,
  ...(e.document ? { document: e.document } : {}),
  ...(e.rule ? { rule: true } : {}),
});

/**
 * Adds entries (no duplicates); a confirmation withdraws an earlier rejection of the same text and
 * type in the same scope, and vice versa. A rule stays a rule when the same text is confirmed again
 * one mention at a time (only Forget or Undo takes it back).
 */
export function addDecisions(lexicon: Lexicon, confirmed: LexiconEntry[], rejected: LexiconEntry[]): Lexicon {
  const conf = new Map(lexicon.confirmed.map((e) => [key(e), e]));
  const rej = new Map(lexicon.rejected.map((e) => [key(e), e]));
  for (const e of confirmed) {
    conf.set(key(e), entry({ ...e, rule: e.rule || conf.get(key(e))?.rule }));
    rej.delete(key(e));
  }
  for (const e of rejected) {
    rej.set(key(e), entry(e));
    conf.delete(key(e));
  }
  return { confirmed: sortEntries([...conf.values()]), rejected: sortEntries([...rej.values()]) };
}

function sortEntries(entries: LexiconEntry[]): LexiconEntry[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return entries.sort((a, b) => cmp(a.text, b.text) || cmp(a.type, b.type) || cmp(a.document ?? '', b.document ?? ''));
}

/** Whether two lexicons hold the same decisions. */
export function sameLexicon(a: Lexicon, b: Lexicon): boolean {
  const flat = (l: Lexicon) => JSON.stringify([l.confirmed.map((e) => key(e) + (e.rule ? '\u0000rule' : '')).sort(), l.rejected.map(key).sort()]);
  return flat(a) === flat(b);
}

/**
 * Reads the lexicon file. Unknown keys are ignored; malformed entries are reported, not fatal, so a
 * bad merge in one line does not cost the team the rest.
 */
export function parseLexicon(text: string): { lexicon: Lexicon; errors: string[] } {
  const errors: string[] = [];
  const doc = parseDocument(text, { version: '1.2', schema: 'core', prettyErrors: false });
  for (const e of doc.errors) errors.push(e.message);
  const data = (errors.length ? undefined : doc.toJS({ maxAliasCount: 0 })) as Record<string, unknown> | null | undefined;
  const read = (name: 'confirmed' | 'rejected'): LexiconEntry[] => {
    const list = data?.[name];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) {
      errors.push(`"${name}" must be a list`);
      return [];
    }
    const out: LexiconEntry[] = [];
    list.forEach((item: unknown, i: number) => {
      const e = item as Partial<LexiconEntry> | null;
      if (!e || typeof e.text !== 'string' || !e.text.trim() || typeof e.type !== 'string' || !e.type) errors.push(`${name}[${i}] needs a text and a type`);
      else if (e.document !== undefined && (typeof e.document !== 'string' || !e.document)) errors.push(`${name}[${i}]: "document" must be a document's path`);
      else if (e.rule !== undefined && typeof e.rule !== 'boolean') errors.push(`${name}[${i}]: "rule" must be true or false`);
      else out.push(entry({ ...(e as LexiconEntry), rule: name === 'confirmed' && e.rule === true }));
    });
    return out;
  };
  return { lexicon: addDecisions(EMPTY_LEXICON, read('confirmed'), read('rejected')), errors };
}

/** Writes the lexicon: sorted, one entry per line, so that team merges stay line-sized. */
export function serializeLexicon(lexicon: Lexicon): string {
  const line = (e: LexiconEntry) =>
    `  - { text: ${JSON.stringify(e.text)}, type: ${JSON.stringify(e.type)}${e.document ? `, document: ${JSON.stringify(e.document)}` : ''}${e.rule ? ', rule: true' : ''} }`;
  const list = (name: string, entries: LexiconEntry[]) =>
    entries.length ? `${name}:\n${entries.map(line).join('\n')}\n` : `${name}: []\n`;
  return (
    '# Factmark lexicon: what this team confirmed or rejected, applied to every document in the workspace.\n' +
    '# Hand-editable; one entry per line. An entry with a document holds in that document only;\n' +
    '# a confirmed entry with "rule: true" (Accept Everywhere) wins over the model\'s type for that text.\n' +
    'factmark-lexicon: 1\n' +
    list('confirmed', sortEntries([...lexicon.confirmed])) +
    list('rejected', sortEntries([...lexicon.rejected]))
  );
}

/** The entries that hold in `document` (a path relative to the workspace folder; undefined: entries for every document only). */
export function entriesFor(entries: readonly LexiconEntry[], document: string | undefined): LexiconEntry[] {
  return entries.filter((e) => !e.document || e.document === document);
}

/**
 * Suggests every whole-word occurrence of a confirmed text with its confirmed type. A text
 * confirmed as more than one type is left to the model (which of the two it is depends on the
 * sentence: "Bush" the president, "Bush" the place).
 */
export function lexiconRecognizer(lexicon: Lexicon, document?: string): Recognizer {
  const types = new Map<string, EntityType | null>();
  const entries = entriesFor(lexicon.confirmed, document);
  for (const e of entries) {
    const known = types.get(e.text);
    types.set(e.text, known === undefined || known === e.type ? e.type : null);
  }
  // A rule decides a text confirmed with several types (one rule only: two rules disagree, so the model decides).
  const rules = new Map<string, EntityType | null>();
  for (const e of entries.filter((x) => x.rule)) rules.set(e.text, rules.has(e.text) && rules.get(e.text) !== e.type ? null : e.type);
  for (const [text, type] of rules) types.set(text, type);
  const texts = [...types].filter(([, t]) => t !== null).map(([text]) => text).sort((a, b) => b.length - a.length);
  // One alternation, longest first, so "Bank of England" wins over "England" at the same place.
  const pattern = texts.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${texts.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : undefined;
  return {
    name: 'lexicon',
    recognize(text: string): Mention[] {
      if (!pattern) return [];
      const found: Mention[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        found.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: types.get(m[0])!, source: rules.get(m[0]) ? 'rule' : 'lexicon' });
      }
      return found;
    },
  };
}

/** Drops suggestions the user rejected for that exact text and type, everywhere or in `document`. */
export function withoutRejected(mentions: Mention[], lexicon: Lexicon, document?: string): Mention[] {
  const entries = entriesFor(lexicon.rejected, document);
  if (entries.length === 0) return mentions;
  const rejected = new Set(entries.map((e) => `${e.type}\u0000${e.text}`));
  return mentions.filter((m) => !rejected.has(`${m.type}\u0000${m.text}`));
}
