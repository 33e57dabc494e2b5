/** `factmark stats`: documents, annotations by type and status, facts and orphans, counted over sidecars. */
import { isError } from '../../core/documents';
import { defineCommand, type Io, type Values } from '../command';
import { collect, shown } from '../files';
import { load, plural } from '../load';

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'Count documents, annotations by type and status, facts and orphans',
  usage: 'stats [options] [files or folders...]',
  description: `Counts documents, annotations by type and status, facts and orphans over the sidecars found.
`,
  epilogue: 'Exit code 1 when a sidecar is invalid or cannot be read (named on stderr; the others are still counted).\n',
  options: {
    json: { type: 'boolean', help: 'Print the counts as JSON' },
  },
  run: runStats,
});

function runStats(values: Values, paths: string[], io: Io): number {
  const docs = collect(paths, 'sidecars', io.cwd);
  const byType = new Map<string, { confirmed: number; suggested: number; rejected: number }>();
  let facts = 0;
  let orphans = 0;
  let invalid = 0;
  let documents = 0;
  for (const doc of docs) {
    const loaded = load(doc);
    const document = loaded.reading?.document;
    if (!document || loaded.reading?.diagnostics.some(isError)) {
      invalid++;
      // Named, as `query` and `entities` do: a count that leaves a sidecar out must say which.
      const where = shown(doc.sidecar, io.cwd);
      if (loaded.missing) io.err(`${where}: error: ${loaded.missing}\n`);
      for (const d of loaded.reading?.diagnostics.filter(isError) ?? []) io.err(`${where}:${d.line + 1}:${d.column + 1}: error: ${d.message}\n`);
      if (!document) continue;
    }
    documents++;
    const gone = loaded.reading!.orphanContext;
    orphans += loaded.reading!.orphans.length;
    facts += document.facts.filter((f) => !gone.has(f.id)).length;
    for (const a of document.annotations) {
      if (gone.has(a.id)) continue;
      const row = byType.get(a.type) ?? { confirmed: 0, suggested: 0, rejected: 0 };
      row[a.status]++;
      byType.set(a.type, row);
    }
  }
  const types = [...byType.keys()].sort(typeOrder);
  const total = { confirmed: 0, suggested: 0, rejected: 0 };
  for (const row of byType.values()) for (const k of ['confirmed', 'suggested', 'rejected'] as const) total[k] += row[k];
  if (values.json) {
    io.out(`${JSON.stringify({ documents, invalid, annotations: { ...total, byType: Object.fromEntries(types.map((t) => [t, byType.get(t)])) }, facts, orphans }, null, 2)}\n`);
    return invalid ? 1 : 0;
  }
  const rows = [['Type', 'Confirmed', 'Suggested', 'Rejected'], ...types.map((t) => [t, ...counts(byType.get(t)!)]), ['Total', ...counts(total)]];
  // reduce, not Math.max(...): a folder's sidecars can hold 100,000s of types, too many arguments for the stack.
  const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, r[i].length), 0));
  io.out(`${plural(documents, 'document')}, ${plural(facts, 'fact')}, ${plural(orphans, 'orphan')}${invalid ? `, ${plural(invalid, 'invalid sidecar')}` : ''}\n\n`);
  for (const r of rows) io.out(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}\n`);
  return invalid ? 1 : 0;
}

const BUILTIN_ORDER = ['PERSON', 'ORGANIZATION', 'PLACE', 'DATE'];
function typeOrder(a: string, b: string): number {
  const ia = BUILTIN_ORDER.indexOf(a);
  const ib = BUILTIN_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function counts(row: { confirmed: number; suggested: number; rejected: number }): string[] {
  return [String(row.confirmed), String(row.suggested), String(row.rejected)];
}
