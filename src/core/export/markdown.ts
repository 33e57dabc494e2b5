/**
 * Markdown report, one per document: title, document date, the facts with their dates and entities, and a
 * table of entities with their mention counts. Text from the document is escaped so that it renders as
 * written (no stray emphasis, links, HTML or broken table cells).
 */
import type { Annotation } from '../model';
import { orderTypes } from './names';
import { documentDateOf, selectAnnotations, selectFacts, sortInputs, stripExtension } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

/**
 * Escapes what Markdown would read as syntax inside a line: emphasis, code, links, HTML, entities, table
 * pipes, strikethrough and closing `#`s. Line-start syntax (`-`, `1.`, `>`) needs no escape because
 * document text never starts a line of the report. Line breaks become spaces.
 */
export function escapeMarkdown(s: string): string {
  const flat = s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return flat.replace(/[\\`*_[\]<>#|~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
}

/** The report of one document. */
export function toMarkdown(input: ExportInput, options: ExportOptions = {}, warnings: string[] = []): string {
  const annotations = selectAnnotations(input, options);
  const facts = selectFacts(input, annotations, warnings);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const out: string[] = [`# ${escapeMarkdown(input.name)}`, ''];
  const date = documentDateOf(input);
  out.push(`Document date: ${date ? escapeMarkdown(date) : 'unknown'}`, '');

  out.push('## Facts', '');
  if (facts.length === 0) out.push('No facts.');
  for (const f of facts) {
    const date = f.date ? ` (${escapeMarkdown(f.date)})` : '';
    out.push(`- **${escapeMarkdown(f.label)}**${date}: “${escapeMarkdown(f.text)}”`);
    const linked = f.entities.map((id) => byId.get(id)).filter((a): a is Annotation => a !== undefined);
    if (linked.length > 0) out.push(`  - Entities: ${linked.map((a) => `${escapeMarkdown(a.text)} (${escapeMarkdown(a.type)})`).join('; ')}`);
    if (f.note) out.push(`  - Note: ${escapeMarkdown(f.note)}`);
  }
  out.push('');

  out.push('## Entities', '');
  const rows = entityRows(annotations);
  if (rows.length === 0) out.push('No entities.');
  else {
    out.push('| Type | Entity | Value | KB | Mentions |', '| --- | --- | --- | --- | ---: |');
    for (const r of rows) out.push(`| ${escapeMarkdown(r.type)} | ${escapeMarkdown(r.text)} | ${escapeMarkdown(r.value)} | ${escapeMarkdown(r.kb)} | ${r.count} |`);
  }
  out.push('');
  return out.join('\n');
}

/** One report per document, named after it. */
export function exportMarkdown(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const files = sortInputs(docs).map((d) => ({ name: `${stripExtension(d.name)}.md`, content: toMarkdown(d, options, warnings) }));
  return { files, warnings };
}

interface Row {
  type: string;
  text: string;
  value: string;
  kb: string;
  count: number;
}

/**
 * Mentions grouped by type and by KB id when there is one, else by their text with spacing and case
 * folded; the first mention names the group. Most mentioned first, then by type and name.
 */
function entityRows(annotations: Annotation[]): Row[] {
  const groups = new Map<string, Row>();
  for (const a of annotations) {
    const key = `${a.type}\u0000${a.kb ? `kb:${a.kb}` : a.text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (!g.value && a.value) g.value = a.value;
    } else groups.set(key, { type: a.type, text: a.text, value: a.value ?? '', kb: a.kb ?? '', count: 1 });
  }
  const typeOrder = orderTypes(annotations.map((a) => a.type));
  return [...groups.values()].sort(
    (x, y) => y.count - x.count || typeOrder.indexOf(x.type) - typeOrder.indexOf(y.type) || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0),
  );
}
