/**
 * The workspace index kept between sessions (issue 15, item 6): a snapshot of each document's
 * entry with the modification time and size its sidecar and article had when they were read. At
 * the next start the snapshot is never trusted blindly: every file is looked at again, and only
 * those that changed, or are new, are read; entries whose sidecar is gone are dropped. Pure: the
 * host gives the file list and a way to look at a file.
 */

import type { IndexedDocument, IndexedFact, IndexedMention } from './types';
import { runAll, type Steps } from '../slices';

/** Goes up whenever the snapshot's shape or the index's entries change meaning: then a cold build. */
export const SNAPSHOT_FORMAT = 1;

/** What the index checks of a file: a change of either means it is read again. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** Looks at a file: its stamp, or undefined when it is not there (or cannot be looked at). */
export type StatFile = (key: string) => Promise<FileStamp | undefined>;

/** One document as the snapshot keeps it. */
export interface SnapshotEntry {
  /** The sidecar's key (a URI in the extension, a path in the bench). */
  sidecar: string;
  sidecarStamp: FileStamp;
  articleStamp: FileStamp;
  doc: IndexedDocument;
}

/** The first line: versions, so a reader can refuse before reading the rest. */
interface SnapshotHeader {
  format: number;
  factmark: string;
}

/**
 * A stored entry: each mention and fact as a row of values in a fixed order, without its document
 * key (the entry's own). Field names repeated for 150,000 mentions made the file three times as
 * big and its parsing as slow as reading the sidecars.
 */
interface StoredEntry {
  sidecar: string;
  sidecarStamp: FileStamp;
  articleStamp: FileStamp;
  key: string;
  name: string;
  date?: string;
  mentions: MentionRow[];
  facts: FactRow[];
}

type MentionRow = [id: string, type: string, status: IndexedMention['status'], text: string, start: number, end: number, line: number, character: number, endLine: number, endCharacter: number, before: string, after: string, value: string | null, kb: string | null, entity: string | null];
type FactRow = [id: string, label: string, text: string, start: number, end: number, line: number, character: number, endLine: number, endCharacter: number, date: string | null, mentions: string[], entities: string[], types: string[]];

/** The snapshot's text for `entries`, written by Factmark `version`. */
export function writeSnapshot(entries: Iterable<SnapshotEntry>, version: string): string {
  return [...snapshotParts(entries, version)].join('');
}

/**
 * The snapshot's text in parts of `per` entries: JSON Lines, the versions on the first line (so a
 * reader refuses another version before parsing the rest), then one entry a line. The extension
 * host makes one part at a time and lets other work run between parts.
 */
export function* snapshotParts(entries: Iterable<SnapshotEntry>, version: string, per = 100): Generator<string> {
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, factmark: version };
  yield JSON.stringify(header) + '\n';
  let part: string[] = [];
  for (const { sidecar, sidecarStamp, articleStamp, doc } of entries) {
    const e: StoredEntry = {
      sidecar,
      sidecarStamp,
      articleStamp,
      key: doc.key,
      name: doc.name,
      mentions: doc.mentions.map((m) => [m.id, m.type, m.status, m.text, m.start, m.end, m.line, m.character, m.endLine, m.endCharacter, m.before, m.after, m.value ?? null, m.kb ?? null, m.entity ?? null]),
      facts: doc.facts.map((f) => [f.id, f.label, f.text, f.start, f.end, f.line, f.character, f.endLine, f.endCharacter, f.date ?? null, f.mentions, f.entities, f.types]),
    };
    if (doc.date !== undefined) e.date = doc.date;
    part.push(JSON.stringify(e) + '\n');
    if (part.length >= per) {
      yield part.join('');
      part = [];
    }
  }
  if (part.length) yield part.join('');
}

/** The snapshot's entries, or why it cannot be used (unreadable, another format, another Factmark). */
export function readSnapshot(text: string, version: string): { entries: SnapshotEntry[] } | { reason: string } {
  return runAll(readSnapshotSteps(text, version));
}

/** Entries read between two yields of `readSnapshotSteps` (each holds an article's mentions). */
const ENTRIES_PER_STEP = 50;

/**
 * `readSnapshot` as steps, so the extension host reads a large workspace's snapshot (tens of MB for
 * 5,000 articles, some 0.3 s to parse) in slices and keeps answering meanwhile.
 */
export function* readSnapshotSteps(text: string, version: string): Steps<{ entries: SnapshotEntry[] } | { reason: string }> {
  // Lines found one at a time (no split of the whole text into an array first).
  let at = 0;
  const nextLine = (): string | undefined => {
    if (at >= text.length) return undefined;
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length : end + 1;
    return line;
  };
  let header: unknown;
  try {
    header = JSON.parse(nextLine() ?? '');
  } catch (err) {
    return { reason: `unreadable (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!isObject(header) || typeof header.format !== 'number' || typeof header.factmark !== 'string') return { reason: 'not a snapshot of the index' };
  if (header.format !== SNAPSHOT_FORMAT) return { reason: `format ${header.format}, not ${SNAPSHOT_FORMAT}` };
  if (header.factmark !== version) return { reason: `written by Factmark ${header.factmark}, this is ${version}` };
  const entries: SnapshotEntry[] = [];
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    if (entries.length % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    // Written by the same code: a line that does not parse is a file cut short or damaged.
    let e: unknown;
    try {
      e = JSON.parse(line) as unknown;
    } catch (err) {
      return { reason: `unreadable (${err instanceof Error ? err.message : String(err)})` };
    }
    const entry = entryOf(e);
    if (typeof entry === 'string') return { reason: entry };
    entries.push(entry);
  }
  return { entries };
}

/** A stored line as an entry, or what is malformed in it. */
function entryOf(e: unknown): SnapshotEntry | string {
  if (!isStoredEntry(e)) return 'an entry is malformed';
  const doc: IndexedDocument = { key: e.key, name: e.name, mentions: [], facts: [] };
  if (e.date !== undefined) doc.date = e.date;
  for (const r of e.mentions) {
    if (!Array.isArray(r) || r.length !== 15 || typeof r[0] !== 'string' || typeof r[4] !== 'number') return 'a mention is malformed';
    const m: IndexedMention = { doc: e.key, id: r[0], type: r[1], status: r[2], text: r[3], start: r[4], end: r[5], line: r[6], character: r[7], endLine: r[8], endCharacter: r[9], before: r[10], after: r[11] };
    if (r[12] !== null) m.value = r[12];
    if (r[13] !== null) m.kb = r[13];
    if (r[14] !== null) m.entity = r[14];
    doc.mentions.push(m);
  }
  for (const r of e.facts) {
    if (!Array.isArray(r) || r.length !== 13 || typeof r[0] !== 'string' || !Array.isArray(r[11])) return 'a fact is malformed';
    const f: IndexedFact = { doc: e.key, id: r[0], label: r[1], text: r[2], start: r[3], end: r[4], line: r[5], character: r[6], endLine: r[7], endCharacter: r[8], mentions: r[10], entities: r[11], types: r[12] };
    if (r[9] !== null) f.date = r[9];
    doc.facts.push(f);
  }
  return { sidecar: e.sidecar, sidecarStamp: e.sidecarStamp, articleStamp: e.articleStamp, doc };
}

/** A file of the workspace as it is now: a sidecar and the article it annotates. */
export interface FoundSidecar {
  sidecar: string;
  article: string;
}

/** What a warm start does: entries kept as they are, sidecars to read again, entries dropped. */
export interface WarmPlan {
  /** Entries whose sidecar and article are as they were: used without reading them. */
  kept: SnapshotEntry[];
  /** Sidecars changed, new, or whose article changed: to be read. */
  reread: FoundSidecar[];
  /** Documents of the snapshot whose sidecar is gone. */
  gone: string[];
}

/**
 * Checks the snapshot against the workspace: looks at each found sidecar and its article (at
 * most `parallel` at once) and keeps an entry only when both stamps are those it was made from.
 */
export async function planWarmStart(entries: readonly SnapshotEntry[], found: readonly FoundSidecar[], stat: StatFile, parallel = 32): Promise<WarmPlan> {
  const bySidecar = new Map(entries.map((e) => [e.sidecar, e]));
  const foundKeys = new Set(found.map((f) => f.sidecar));
  const kept: SnapshotEntry[] = [];
  const reread: FoundSidecar[] = [];
  let next = 0;
  const worker = async () => {
    while (next < found.length) {
      const f = found[next++];
      const entry = bySidecar.get(f.sidecar);
      if (!entry || entry.doc.key !== f.article) {
        reread.push(f);
        continue;
      }
      const [s, a] = await Promise.all([stat(f.sidecar), stat(f.article)]);
      if (s && a && same(s, entry.sidecarStamp) && same(a, entry.articleStamp)) kept.push(entry);
      else reread.push(f);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, found.length)) }, worker));
  const gone = entries.filter((e) => !foundKeys.has(e.sidecar)).map((e) => e.doc.key);
  return { kept, reread, gone };
}

function same(a: FileStamp, b: FileStamp): boolean {
  return a.mtime === b.mtime && a.size === b.size;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStamp(x: unknown): x is FileStamp {
  return isObject(x) && typeof x.mtime === 'number' && typeof x.size === 'number';
}

/** Checked enough that a damaged file cannot put a malformed entry in the index (rows are checked as they are read). */
function isStoredEntry(x: unknown): x is StoredEntry {
  return isObject(x) && typeof x.sidecar === 'string' && isStamp(x.sidecarStamp) && isStamp(x.articleStamp) && typeof x.key === 'string' && typeof x.name === 'string' && (x.date === undefined || typeof x.date === 'string') && Array.isArray(x.mentions) && Array.isArray(x.facts);
}
