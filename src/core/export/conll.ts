/**
 * CoNLL-2003 style IOB2 export: `-DOCSTART- -X- O O` per document, one `token<TAB>tag` per line, a blank line
 * after each sentence. Types map to the CoNLL labels (PERSON→PER, ORGANIZATION→ORG, PLACE→LOC). IOB2 cannot
 * express nested or overlapping spans: the earlier (then longer) one is kept, the other reported.
 */
import type { Annotation } from '../model';
import { conllLabel } from './names';
import { selectAnnotations, sortInputs, warnDropped } from './select';
import { sentences, tokenize } from './tokenize';
import type { ExportInput, ExportOptions, ExportResult } from './types';

export const DOCSTART = '-DOCSTART- -X- O O';

/** One document in IOB2, starting with its DOCSTART line. */
export function toConll(input: ExportInput, options: ExportOptions = {}, warnings: string[] = []): string {
  const selected = selectAnnotations(input, options);
  const spans = withoutOverlaps(input, selected, warnings);
  const cuts = new Set<number>();
  for (const a of spans) cuts.add(a.start).add(a.end);
  const tokens = tokenize(input.text, cuts);
  // offsets strictly inside a kept span, where no sentence may end
  const within = new Uint8Array(input.text.length + 1);
  for (const a of spans) within.fill(1, a.start + 1, a.end);
  const inside = (offset: number) => within[offset] === 1;

  // tag each token with a single forward walk over the sorted spans
  const tags: string[] = [];
  let k = 0;
  let opened = -1;
  for (const t of tokens) {
    while (k < spans.length && spans[k].end <= t.start) k++;
    const a = spans[k];
    if (a && a.start <= t.start && t.end <= a.end) {
      tags.push(`${opened === k ? 'I' : 'B'}-${conllLabel(a.type)}`);
      opened = k;
    } else {
      tags.push('O');
    }
  }
  const tagOf = new Map(tokens.map((t, i) => [t, tags[i]]));
  let out = `${DOCSTART}\n\n`;
  for (const sentence of sentences(input.text, tokens, inside)) {
    for (const t of sentence) out += `${t.text}\t${tagOf.get(t)}\n`;
    out += '\n';
  }
  return out;
}

/** All documents in one file. */
export function exportConll(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  warnDropped(docs, options, ['note', 'kb', 'value', 'fact'], 'CoNLL keeps token spans and types only', warnings);
  const content = sortInputs(docs).map((d) => toConll(d, options, warnings)).join('');
  return { files: [{ name: 'annotations.conll', content }], warnings };
}

function withoutOverlaps(input: ExportInput, annotations: Annotation[], warnings: string[]): Annotation[] {
  const sorted = annotations.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Annotation[] = [];
  for (const a of sorted) {
    const last = kept[kept.length - 1];
    if (last && a.start < last.end) {
      warnings.push(`${input.name}: ${a.id} (${a.type} “${a.text}”) overlaps ${last.id}; IOB2 keeps only ${last.id}`);
      continue;
    }
    if (input.text.slice(a.start, a.end).trim() === '') {
      warnings.push(`${input.name}: ${a.id} covers no token; left out`);
      continue;
    }
    kept.push(a);
  }
  return kept;
}
