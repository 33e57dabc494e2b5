/**
 * Entries whose stored offsets do not hold their quote in the very text they were written for (the
 * fingerprint matches): offsets edited by hand. Re-anchoring places them by their quote, as it
 * should; these diagnostics say so, at the entry's `start:` in the sidecar, so that the move is
 * never silent (`factmark check`, and the editor's Problems panel).
 */
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
  const keys = startKeysOf(sidecarText, new Set(loaded.relocated));
  for (const id of loaded.relocated) {
    const a = stored.get(id);
    const p = placed.get(id);
    if (!a || !p) continue;
    const at = lines.position(keys.get(id) ?? 0);
    const message = `${id} “${a.quote}”: start ${a.start} and end ${a.end} do not hold its quote in the text they were written for (edited by hand?); placed where its quote is, ${map.toCodePoint(p.start)}–${map.toCodePoint(p.end)}.`;
    out.push({ message, severity: 'warning', code: RELOCATED_CODE, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 'start'.length });
  }
  return out;
}

/** One pass over the file: the offset of the `start:` key of each entry of `ids` (its `id:` when none follows). */
function startKeysOf(sidecarText: string, ids: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  const idKey = /(?:^|[\s{,-])id:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s,}#"']+))[ \t]*(?=$|[,}#\r\n])/gm;
  const all: Array<[string, number]> = [];
  for (const m of sidecarText.matchAll(idKey)) all.push([m[1] ?? m[2] ?? m[3], m.index + m[0].indexOf('id:')]);
  const startKey = /(?:^|[\s{,])start:/g;
  all.forEach(([id, from], i) => {
    if (!ids.has(id) || found.has(id)) return;
    const end = i + 1 < all.length ? all[i + 1][1] : sidecarText.length;
    startKey.lastIndex = from;
    const s = startKey.exec(sidecarText);
    found.set(id, s && s.index < end ? s.index + s[0].indexOf('start:') : from);
  });
  return found;
}
