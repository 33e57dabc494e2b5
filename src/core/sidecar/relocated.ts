/**
 * Entries whose stored offsets do not hold their quote in the very text they were written for (the
 * fingerprint matches): offsets edited by hand. Re-anchoring places them by their quote, as it
 * should; these diagnostics say so, at the entry's `start:` in the sidecar, so that the move is
 * never silent (`factmark check`, and the editor's Problems panel).
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { OffsetMap } from '../offsets';
import { rangeOf } from './check';
import { LineIndex } from './lines';
import type { LoadedAnnotations } from './load';
import { parseWithNodes } from './parse';
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

/**
 * The offset of the `start:` key of each entry of `ids` (its first key when it has none), from the
 * parser's own locations: a comment, a quoted string or a flow mapping cannot mislead it, as a scan
 * of the text for `id:` could. The parse is the one the caller just made (parse.ts caches the last
 * text's), so this is one pass over the entries. The first entry of an id is the one kept (check.ts).
 */
function startKeysOf(sidecarText: string, ids: ReadonlySet<string>): Map<string, number> {
  const parsed = parseWithNodes(sidecarText);
  const found = new Map<string, number>();
  const fast = parsed.fast;
  if (fast) {
    // The fast reader's index: per key of each entry, in the file's order, four offsets (fastreadBuild.ts).
    for (const item of entriesOf(fast.data)) {
      const id = item.id;
      const at = fast.spans.get(item);
      if (typeof id !== 'string' || !ids.has(id) || found.has(id) || !at) continue;
      let key = at[1];
      for (let k = 1; k < at.length; k += 4) {
        if (sidecarText.startsWith('start:', at[k])) {
          key = at[k];
          break;
        }
      }
      found.set(id, key);
    }
    return found;
  }
  const root = parsed.yaml?.contents;
  if (!isMap(root)) return found;
  for (const list of ['annotations', 'facts']) {
    const items = root.get(list, true);
    if (!isSeq(items)) continue;
    for (const item of items.items) {
      if (!isMap(item)) continue;
      const pairs = item.items.filter(isPair);
      const idPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'id');
      const id = isScalar(idPair?.value) ? idPair.value.value : undefined;
      if (typeof id !== 'string' || !ids.has(id) || found.has(id)) continue;
      const startPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'start') ?? pairs[0];
      found.set(id, rangeOf(startPair?.key ?? item)[0]);
    }
  }
  return found;
}

/** The annotations, then the facts, of a sidecar's raw data: the records among them. */
function* entriesOf(data: Record<string, unknown>): Generator<Record<string, unknown>> {
  for (const list of [data.annotations, data.facts]) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) if (typeof item === 'object' && item !== null && !Array.isArray(item)) yield item as Record<string, unknown>;
  }
}
