/**
 * Glue between the sidecar format and the exporters/importers, shared by the CLI and the VS Code
 * export/import commands: a sidecar read against its document's text, and the merges of imported or
 * recognised annotations into it. Pure (strings in, model out), so both hosts use it.
 */
import { IdMaker } from './ids';
import { STEP, runAll, type Steps } from './slices';
import type { AnnotatedDocument, Annotation, Fact, Mention } from './model';
import { fingerprintMatches, loadAnnotations, parseSidecar, relocatedDiagnostics, type SidecarDiagnostic } from './sidecar';
import type { ExportInput, ImportProblem, ImportResult } from './export';
import { kbKey } from './kb';

/** An annotation or fact of a sidecar that no longer anchors on its document's text. */
export interface OrphanReport {
  id: string;
  /** The text it was anchored on. */
  quote: string;
  /** `stored`: marked `orphaned` in the file; otherwise why re-anchoring failed. */
  reason: 'stored' | 'deleted' | 'not-found' | 'ambiguous';
}

/** A sidecar read against the current text of its document. */
export interface SidecarReading {
  /** The model (UTF-16 offsets into the text); undefined when the file is unusable. Orphans sit at their hint position. */
  document?: AnnotatedDocument;
  /** Every diagnostic of the parser (errors make the file invalid), and a warning for each entry placed by its quote because its offsets were edited by hand. */
  diagnostics: SidecarDiagnostic[];
  /** Ids whose text is gone, with the context to keep when saving (pass as `SidecarInput.orphans`). */
  orphanContext: Map<string, { prefix?: string; suffix?: string }>;
  orphans: OrphanReport[];
  /** False when Factmark must not rewrite the file (syntax error, newer version...). */
  writable: boolean;
}

/** True when a diagnostic makes the sidecar invalid. */
export function isError(d: SidecarDiagnostic): boolean {
  return d.severity === 'error';
}

/**
 * Parses a sidecar and anchors it on `text` (the document as it is now). When the document changed
 * since the sidecar was written, `oldTextOf` may give the text of its fingerprint (the git blob
 * hash), so that re-anchoring diffs instead of searching. Never throws.
 */
export function readSidecar(sidecarText: string, text: string, oldTextOf?: (gitBlob: string) => string | undefined): SidecarReading {
  const parsed = parseSidecar(sidecarText);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics, orphanContext: new Map(), orphans: [], writable: parsed.writable };
  const hash = parsed.doc.document.gitBlob;
  const oldText = hash && oldTextOf && !fingerprintMatches(hash, text) ? oldTextOf(hash) : undefined;
  const loaded = loadAnnotations(parsed.doc, text, oldText);
  const why = new Map(loaded.orphanDetails.map((o) => [o.id, o.reason]));
  const quotes = new Map<string, string>();
  for (const a of [...parsed.doc.annotations, ...parsed.doc.facts]) quotes.set(a.id, a.quote);
  const orphans: OrphanReport[] = [...loaded.orphans.keys()].map((id) => ({ id, quote: quotes.get(id) ?? '', reason: why.get(id) ?? 'stored' }));
  const diagnostics = [...parsed.diagnostics, ...relocatedDiagnostics(sidecarText, parsed.doc, loaded, text)];
  return { document: loaded.document, diagnostics, orphanContext: loaded.orphans, orphans, writable: parsed.writable };
}

/**
 * The export input of a document: its anchored annotations and facts, orphans left out (they have no
 * place in the text to export) and each one named in `warnings`.
 */
export function exportInputOf(reading: SidecarReading, text: string, name: string, uri?: string): { input: ExportInput; warnings: string[] } {
  const doc = reading.document ?? { path: name, annotations: [], facts: [] };
  const gone = new Set(reading.orphanContext.keys());
  const warnings = reading.orphans.map((o) => `${name}: ${o.id} “${o.quote}” does not anchor on the text (${o.reason}); not exported`);
  // An entry that fails validation is not in the model: without this line an export left it out unsaid.
  for (const d of reading.diagnostics) if (isError(d)) warnings.push(`${name}: sidecar line ${d.line + 1}: ${clause(d.message)}; not exported`);
  const annotations = doc.annotations.filter((a) => !gone.has(a.id));
  const facts = doc.facts.filter((f) => !gone.has(f.id)).map((f) => ({ ...f, entities: f.entities.filter((id) => !gone.has(id)) }));
  const input: ExportInput = { text, name, doc: { ...doc, annotations, facts } };
  if (uri !== undefined) input.uri = uri;
  return { input, warnings };
}

/** A diagnostic's sentence as a clause that more is said after ('… kept as is; not exported', not 'is.; not'). */
export function clause(message: string): string {
  return message.replace(/\.$/, '');
}

/** An id maker that knows every id of the document (see core/ids.ts: random ids, merge-friendly). */
const idMakerFor = (doc: AnnotatedDocument) => new IdMaker([...doc.annotations.map((x) => x.id), ...doc.facts.map((x) => x.id)]);

/**
 * Merges imported annotations and facts into a document's model. Importers number from a1/f1, so
 * every imported entry gets a fresh id; an annotation already present (same span and type) is not added
 * twice, and facts then point at the existing one; a fact already present (same label and span) is not
 * added twice either.
 */
export function mergeImported(existing: AnnotatedDocument, imported: Pick<ImportResult, 'annotations' | 'facts' | 'documentDate'>): MergedImport {
  return runAll(mergeImportedSteps(existing, imported));
}

const FIELD_NAMES = { note: 'note', kb: 'KB id', value: 'value', date: 'date' } as const;
type Field = keyof typeof FIELD_NAMES;

/** A note, KB id, value or date that says something: an empty one (brat's cleared note) is none. */
const said = (v: string | undefined): v is string => v !== undefined && v !== '';
/** The same field value, a KB id compared as the importers read it (`Q42`, `Wikidata:Q42` and its IRI are one). */
const same = (k: Field, x: string, y: string) => (k === 'kb' ? kbKey(x) === kbKey(y) : x === y);

/**
 * The entry `twin` (already there) completed with what the file's `from` says and it lacks, or
 * undefined when nothing is added; what it already has stays (the sidecar's own status, note, KB id...),
 * and a differing one of the file is pushed on `kept`. A rejected entry is left as the user left it.
 */
function complete<T extends { id: string; status?: string } & Partial<Record<Field, string>>>(twin: T, from: Partial<Record<Field, string>>, fields: readonly Field[], what: string, kept: ImportProblem[]): T | undefined {
  if (twin.status === 'rejected') return undefined;
  const missing: Field[] = [];
  for (const k of fields) {
    const theirs = from[k];
    const ours = twin[k];
    if (!said(theirs)) continue;
    if (!said(ours)) missing.push(k);
    else if (!same(k, theirs, ours)) {
      const reason = `${FIELD_NAMES[k]} “${theirs}” of ${what} not imported: the sidecar's ${twin.id} has “${ours}” (Factmark keeps one)`;
      kept.push({ kind: 'unsupported', reason, ref: twin.id, imported: false });
    }
  }
  if (missing.length === 0) return undefined;
  const filled = { ...twin };
  for (const k of missing) (filled as Partial<Record<Field, string>>)[k] = from[k];
  return filled;
}

/** What {@link mergeImported} returns. */
export interface MergedImport {
  document: AnnotatedDocument;
  addedAnnotations: number;
  addedFacts: number;
  /** Entries already there that the import completed (a note, KB id or value they lacked, a fact's link). */
  updated: number;
  /** A note, KB id or value of the file that differs from the one the sidecar's entry has: kept out, said. */
  kept: ImportProblem[];
  /** The document date the import set (none was set before). */
  documentDate?: string;
}

/** {@link mergeImported} in steps (see `core/slices.ts`). */
export function* mergeImportedSteps(existing: AnnotatedDocument, imported: Pick<ImportResult, 'annotations' | 'facts' | 'documentDate'>): Steps<MergedImport> {
  const ids = idMakerFor(existing);
  yield;
  const renamed = new Map<string, string>();
  const annotations: Annotation[] = [...existing.annotations];
  // By span and type, the first one kept: a lookup per imported annotation instead of a scan (thousands
  // of annotations in a large import made the merge quadratic, on the extension host's main thread).
  const bySpan = new Map<string, number>();
  const spanKey = (x: Annotation) => `${x.start}:${x.end}:${x.type}`;
  annotations.forEach((x, i) => bySpan.has(spanKey(x)) || bySpan.set(spanKey(x), i));
  yield;
  let addedAnnotations = 0;
  // Entries the sidecar had before that the import completed: each counted once, whatever number of
  // the file's entries fell on it (a file may hold the same span twice); entries it added are not updates.
  const before = new Set([...existing.annotations.map((x) => x.id), ...existing.facts.map((x) => x.id)]);
  const updated = new Set<string>();
  const kept: ImportProblem[] = [];
  let n = 0;
  for (const ann of imported.annotations) {
    if (++n % STEP === 0) yield;
    const twinAt = bySpan.get(spanKey(ann));
    if (twinAt !== undefined) {
      const twin = annotations[twinAt];
      renamed.set(ann.id, twin.id);
      const filled = complete(twin, ann, ['note', 'kb', 'value'], `${twin.type} “${twin.text}”`, kept);
      if (filled) {
        annotations[twinAt] = filled;
        if (before.has(twin.id)) updated.add(twin.id);
      }
      continue;
    }
    const id = ids.next('annotation');
    renamed.set(ann.id, id);
    const added = { ...ann, id };
    bySpan.set(spanKey(added), annotations.length);
    annotations.push(added);
    addedAnnotations++;
  }
  const facts: Fact[] = [...existing.facts];
  const factKey = (x: Fact) => `${x.start}:${x.end}:${x.label}`;
  const factAt = new Map<string, number>();
  facts.forEach((x, i) => factAt.has(factKey(x)) || factAt.set(factKey(x), i));
  let addedFacts = 0;
  for (const fact of imported.facts) {
    if (++n % STEP === 0) yield;
    const entities = fact.entities.map((id) => renamed.get(id)).filter((id): id is string => id !== undefined);
    // A fact already there (same label and span) is not added again: re-importing a file is harmless.
    // Links it lacks are added to it, so that nothing the file says is lost.
    const twinAt = factAt.get(factKey(fact));
    if (twinAt !== undefined) {
      const twin = facts[twinAt];
      const missing = entities.filter((id) => !twin.entities.includes(id));
      const filled = complete(twin, fact, ['note', 'date'], `${twin.label} “${twin.text}”`, kept) ?? (missing.length > 0 ? { ...twin } : undefined);
      if (filled) {
        facts[twinAt] = { ...filled, entities: [...twin.entities, ...missing] };
        if (before.has(twin.id)) updated.add(twin.id);
      }
      continue;
    }
    factAt.set(factKey(fact), facts.length);
    facts.push({ ...fact, id: ids.next('fact'), entities });
    addedFacts++;
  }
  yield;
  annotations.sort((x, y) => x.start - y.start || x.end - y.end);
  const document: AnnotatedDocument = { ...existing, annotations, facts };
  // The file's document date (one set by hand where it came from) is taken where none is set; a date
  // already set here is the user's and stays.
  const dated = existing.documentDate === undefined && imported.documentDate !== undefined;
  if (dated) document.documentDate = imported.documentDate;
  return { document, addedAnnotations, addedFacts, updated: updated.size, kept, ...(dated ? { documentDate: imported.documentDate } : {}) };
}

/**
 * Adds recogniser mentions as `suggested` annotations. A span the document already has an
 * annotation of the same type for (in any status: a rejected suggestion stays rejected) is skipped.
 */
export function addSuggestions(existing: AnnotatedDocument, mentions: readonly Mention[]): { document: AnnotatedDocument; added: number } {
  const ids = idMakerFor(existing);
  const annotations: Annotation[] = [...existing.annotations];
  const seen = new Set(existing.annotations.map((x) => `${x.start}:${x.end}:${x.type}`));
  let added = 0;
  for (const m of mentions) {
    const key = `${m.start}:${m.end}:${m.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Derived from the span, so that annotating the same text twice, anywhere, writes the same file.
    const ann: Annotation = { id: ids.derived('annotation', `${key}:${m.text}`), type: m.type, start: m.start, end: m.end, text: m.text, status: 'suggested' };
    if (m.value !== undefined) ann.value = m.value;
    annotations.push(ann);
    added++;
  }
  annotations.sort((x, y) => x.start - y.start || x.end - y.end);
  return { document: { ...existing, annotations }, added };
}

/** A document's text as editors see it: without a leading byte-order mark (the sidecar offsets exclude it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
