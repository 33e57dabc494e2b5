/** Shared fixtures for the sidecar and anchoring tests. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedDocument, Annotation } from '../../../../src/core/model';
import type { SidecarInput } from '../../../../src/core/sidecar';
import { repoRoot } from '../../../fixtures/paths';

export { repoRoot };

/** The shared read-only corpus folder, or undefined when it is not there. */
export function corpusDir(): string | undefined {
  const dir = path.resolve(repoRoot, '../shared/corpus');
  return fs.existsSync(dir) ? dir : undefined;
}

/** An annotation on the first occurrence (at or after `from`) of `quote` in `text`. */
export function annotate(text: string, id: string, quote: string, type = 'PERSON', from = 0): Annotation {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture: "${quote}" not in text`);
  return { id, start, end: start + quote.length, type, text: quote, status: 'suggested' };
}

/** A model + text ready for updateSidecar. */
export function inputOf(text: string, annotations: Annotation[], extra: Partial<AnnotatedDocument> = {}): SidecarInput {
  return { text, document: { path: 'article.txt', annotations, facts: [], ...extra } };
}

/** Lines of `b` that are not in `a` at the same place (a crude line diff for "only that part changed"). */
export function changedLines(a: string, b: string): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail]) tail++;
  return lb.slice(head, lb.length - tail);
}

/** Lines of `a` that the change removed. */
export function removedLines(a: string, b: string): string[] {
  return changedLines(b, a);
}
