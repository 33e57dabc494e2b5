/** Writing a whole sidecar, or one new entry, in the canonical layout. */

import { formatString, formatValue } from './scalar';
import { ANNOTATION_ORDER, FACT_ORDER, compareEntries, entryFields } from './canonical';
import type { SidecarData, StoredAnnotation, StoredFact } from './types';
import { STEP, runAll, type Steps } from '../slices';

/** Lines of one list entry (`- id: ...` then one key per line), each without line ending. */
export function entryLines(entry: StoredAnnotation | StoredFact, list: 'annotations' | 'facts', dashIndent: number, keyIndent: number): string[] {
  const fields = entryFields(entry, list === 'annotations' ? ANNOTATION_ORDER : FACT_ORDER);
  return fields.map(([k, v], i) => {
    const lead = i === 0 ? ' '.repeat(dashIndent) + '-' + ' '.repeat(Math.max(1, keyIndent - dashIndent - 1)) : ' '.repeat(keyIndent);
    return `${lead}${k}: ${formatValue(v)}`;
  });
}

/** A complete sidecar in the canonical layout: entries sorted by position then id, a blank line between entries. */
export function emitSidecar(data: SidecarData, eol = '\n'): string {
  return runAll(emitSidecarSteps(data, eol));
}

/** {@link emitSidecar} in steps (see `core/slices.ts`). */
export function* emitSidecarSteps(data: SidecarData, eol = '\n'): Steps<string> {
  const lines: string[] = [
    '# Factmark annotations of one document (format: FORMAT.md). Offsets count Unicode code points.',
    'factmark: 1',
    'document:',
    `  path: ${formatString(data.document.path)}`,
  ];
  if (data.document.date !== undefined) lines.push(`  date: ${formatString(data.document.date)}`);
  if (data.document.gitBlob !== undefined) lines.push(`  gitBlob: ${formatString(data.document.gitBlob)}`);
  if (data.document.sentences !== undefined) lines.push(`  sentences: ${formatString(data.document.sentences)}`);
  lines.push('offsets: codepoints');
  if (data.labels) lines.push(`labels: ${formatValue(data.labels)}`);
  for (const list of ['annotations', 'facts'] as const) {
    const entries = [...data[list]].sort(compareEntries);
    yield;
    if (!entries.length) {
      lines.push(`${list}: []`);
      continue;
    }
    lines.push(`${list}:`);
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) lines.push('');
      lines.push(...entryLines(entries[i], list, 2, 4));
      if ((i + 1) % STEP === 0) yield;
    }
  }
  return lines.join(eol) + eol;
}
