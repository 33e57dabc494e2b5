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
 * Warns, naming the document and counting each kind, about what a format leaves behind
 * (`what` says what the format holds): a lossy export says so instead of dropping it unsaid.
 */
export function warnDropped(input: ExportInput, exported: readonly Annotation[], dropped: readonly Dropped[], what: string, warnings: string[]): void {
  const counts: Record<Dropped, [number, string]> = {
    note: [exported.filter((a) => a.note).length, 'note'],
    kb: [exported.filter((a) => a.kb).length, 'KB id'],
    value: [exported.filter((a) => a.value).length, 'normalised value'],
    fact: [input.doc.facts.length, 'fact'],
  };
  const lost = dropped.map((k) => counts[k]).filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
  if (lost.length > 0) warnings.push(`${input.name}: ${what}; not exported: ${lost.join(', ')}`);
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
