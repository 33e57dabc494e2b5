/**
 * Entries whose stored offsets do not hold their quote in the very text they were written for (the
 * fingerprint matches): offsets edited by hand. Re-anchoring places them by their quote, as it
 * should; these diagnostics say so, at the entry's `start:` in the sidecar, so that the move is
 * never silent (`factmark check`, and the editor's Problems panel).
 */
import { escapeRegExp } from '../text';
import { OffsetMap } from '../offsets';
import { LineIndex } from './lines';
import type { LoadedAnnotations } from './load';
import type { SidecarData, SidecarDiagnostic } from './types';

/** Diagnostic code of an entry placed by its quote because its offsets did not hold it. */
export const RELOCATED_CODE = 'OFFSETS';

/** A warning for each entry of `loaded.relocated`, located in `sidecarText`; `text` is the document's. */
export function relocatedDiagnostics(sidecarText: string, data: SidecarData, loaded: LoadedAnnotations, text: string): SidecarDiagnostic[] {
  if (loaded.relocated.length === 0) return [];
  const stored = new Map([...data.annotations, ...data.facts].map((a) => [a.id, a]));
  const placed = new Map([...loaded.document.annotations, ...loaded.document.facts].map((a) => [a.id, a]));
  const map = new OffsetMap(text);
  const lines = new LineIndex(sidecarText);
  const out: SidecarDiagnostic[] = [];
  for (const id of loaded.relocated) {
    const a = stored.get(id);
    const p = placed.get(id);
    if (!a || !p) continue;
    const at = lines.position(startKeyOf(sidecarText, id));
    const message = `${id} “${a.quote}”: start ${a.start} and end ${a.end} do not hold its quote in the text they were written for (edited by hand?); placed where its quote is, ${map.toCodePoint(p.start)}–${map.toCodePoint(p.end)}.`;
    out.push({ message, severity: 'warning', code: RELOCATED_CODE, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 'start'.length });
  }
  return out;
}

/** Offset of the `start:` key of the entry `id` (its `id:` when there is none after it; 0 when not found). */
function startKeyOf(sidecarText: string, id: string): number {
  const idKey = new RegExp(`(?:^|[\\s{,-])id:[ \\t]*(?:${escapeRegExp(id)}|"${escapeRegExp(id)}"|'${escapeRegExp(id)}')[ \\t]*(?=$|[,}#\\r\\n])`, 'mg');
  const found = idKey.exec(sidecarText);
  if (!found) return 0;
  const from = found.index + found[0].indexOf('id:');
  const nextEntry = /(?:^|[\s{,-])id:/g;
  nextEntry.lastIndex = from + 3;
  const end = nextEntry.exec(sidecarText)?.index ?? sidecarText.length;
  const startKey = /(?:^|[\s{,])start:/g;
  startKey.lastIndex = from;
  const s = startKey.exec(sidecarText);
  return s && s.index < end ? s.index + s[0].indexOf('start:') : from;
}
