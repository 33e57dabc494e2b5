/** Import problems in words: one line each for details, and the top reasons for a notification or summary. */
import type { ImportProblem } from './types';

/** What each kind of problem means to the user, as a count's noun phrase. */
const KIND_WORDS: Record<ImportProblem['kind'], string> = {
  syntax: 'unreadable',
  unsupported: 'with no place in Factmark',
  unanchored: 'whose text is not in the document',
  relocated: 'found elsewhere than their offsets said',
  dangling: 'pointing at items not imported',
  ambiguous: 'ambiguous',
  'other-document': 'for other documents',
  duplicate: 'duplicate ids',
};

/** One problem on one line: `line 3: T1: reason (not imported)`. */
export function problemLine(p: ImportProblem): string {
  return `${p.imported ? 'imported, but' : 'not imported:'} ${p.line !== undefined ? `line ${p.line}: ` : ''}${p.ref ? `${p.ref}: ` : ''}${p.reason}`;
}

/** The most frequent reasons, most frequent first: `3 with no place in Factmark, 1 unreadable`. */
export function topReasons(problems: readonly ImportProblem[], count = 3): string {
  const byKind = new Map<ImportProblem['kind'], number>();
  for (const p of problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  const sorted = [...byKind].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, count).map(([k, n]) => `${n} ${KIND_WORDS[k]}`);
  const rest = sorted.slice(count).reduce((n, [, m]) => n + m, 0);
  return shown.join(', ') + (rest > 0 ? `, ${rest} other` : '');
}
