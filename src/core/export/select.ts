/** Choosing and ordering what gets exported: the same rules for every format. */
import { detectDocumentDate } from '../dates/document-date';
import type { Annotation, Fact } from '../model';
import type { ExportInput, ExportOptions } from './types';

/**
 * The document's own date: the one set (in the sidecar), else the one its dateline gives, found
 * as the hover and the date resolution find it; so that no export says "unknown" where the editor
 * shows a date.
 */
export function documentDateOf(input: ExportInput): string | undefined {
  return input.doc.documentDate ?? detectDocumentDate(input.text);
}

/** Sort by start, then end, then id: the deterministic order of every export. */
export function byPosition<T extends { start: number; end: number; id: string }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The annotations to export, in export order: confirmed ones, suggested ones when asked, never rejected ones. */
export function selectAnnotations(input: ExportInput, options: ExportOptions = {}): Annotation[] {
  return input.doc.annotations
    .filter((a) => a.status === 'confirmed' || (options.includeSuggested === true && a.status === 'suggested'))
    .slice()
    .sort(byPosition);
}

/** The facts in export order, each keeping only links to exported annotations. */
export function selectFacts(input: ExportInput, exported: Annotation[], warnings: string[]): Fact[] {
  const ids = new Set(exported.map((a) => a.id));
  return input.doc.facts
    .slice()
    .sort(byPosition)
    .map((f) => {
      const missing = f.entities.filter((id) => !ids.has(id));
      if (missing.length === 0) return f;
      warnings.push(`${input.name}: fact ${f.id} links ${missing.join(', ')}, not exported (not confirmed); link left out`);
      return { ...f, entities: f.entities.filter((id) => ids.has(id)) };
    });
}

/** What a format cannot hold of the exported annotations and the facts. */
export type Dropped = 'note' | 'kb' | 'value' | 'fact';

/**
 * Warns in one line, for the whole export, what a format leaves behind, counting each kind (`what` says
 * what the format holds): a lossy export says so instead of dropping it unsaid, and says it once, not
 * once per document. The document is named when only one has anything left behind.
 */
export function warnDropped(docs: readonly ExportInput[], options: ExportOptions, dropped: readonly Dropped[], what: string, warnings: string[]): void {
  const counts: Record<Dropped, number> = { note: 0, kb: 0, value: 0, fact: 0 };
  const losing: string[] = [];
  for (const d of sortInputs(docs.slice())) {
    const exported = selectAnnotations(d, options);
    const here: Record<Dropped, number> = {
      note: exported.filter((a) => a.note).length,
      kb: exported.filter((a) => a.kb).length,
      value: exported.filter((a) => a.value).length,
      fact: d.doc.facts.length,
    };
    if (dropped.some((k) => here[k] > 0)) losing.push(d.name);
    for (const k of dropped) counts[k] += here[k];
  }
  if (losing.length === 0) return;
  const words: Record<Dropped, string> = { note: 'note', kb: 'KB id', value: 'normalised value', fact: 'fact' };
  const lost = dropped.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${words[k]}${counts[k] === 1 ? '' : 's'}`);
  const where = losing.length === 1 ? `${losing[0]}: ` : '';
  const of = losing.length === 1 ? '' : ` (from ${losing.length} documents)`;
  warnings.push(`${where}${what}; not exported: ${lost.join(', ')}${of}`);
}

/** Sorts documents by name so that a multi-document export does not depend on the caller's order. */
export function sortInputs(docs: ExportInput[]): ExportInput[] {
  return docs.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Collapses tabs and line breaks to single spaces: for formats where one record must stay on one line. */
export function oneLine(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
}

/** The file name without its directory and last extension (`news/a.txt` → `a`). */
export function baseName(name: string): string {
  const file = name.replace(/^.*[\\/]/, '');
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** The file name without its last extension, directories kept (`news/a.txt` → `news/a`). */
export function stripExtension(name: string): string {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(0, dot) : name;
}
