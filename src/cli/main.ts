/**
 * The `factmark` command-line tool: annotate, export, check and stats over plain-text articles and
 * their sidecars, with the same core as the extension. Exit codes: 0 success, 1 problems found
 * (invalid sidecars, orphans, files that failed), 2 usage errors (unknown command, option or format,
 * missing files).
 */
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exportFormats } from '../core/export';
import { annotateAll, availableCores, workerCount } from './annotate';
import { isError } from '../core/documents';
import { EXPORT_HELP, EXPORT_OPTIONS, exportCommand } from './exportCommand';
import { ENTITIES_HELP, ENTITIES_OPTIONS, entitiesCommand } from './entitiesCommand';
import { QUERY_HELP, QUERY_OPTIONS, queryCommand } from './queryCommand';
import { describeError, IMPORT_HELP, IMPORT_OPTIONS, importCommand } from './importCommand';
import { collect, shown, UsageError } from './files';
import { load, plural } from './load';
import { progressBar } from './progress';

/** Where a command writes; the real process streams, or buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Stream the progress bar goes to (drawn only when it is a terminal). */
  progress?: NodeJS.WriteStream;
}

/** Put in by the bundler from package.json (esbuild.mjs); the compiled-for-tests copy has none. */
declare const FACTMARK_VERSION: string | undefined;
const VERSION = typeof FACTMARK_VERSION === 'string' ? FACTMARK_VERSION : 'development';

const MAIN_HELP = `Usage: factmark <command> [options] [files or folders...]

Annotate plain-text articles with people, organisations, places and dates, and work with their
sidecar files (article.txt -> article.txt.factmark.yaml).

Commands:
  annotate   Run the recognisers over .txt files and write sidecars with suggestions
  export     Export the annotations of sidecars (${exportFormats.map((f) => f.id).join(', ')})
  import     Import brat, W3C or doccano annotations into the sidecars of documents
  check      Validate sidecars; exit 1 when one is invalid or has orphaned annotations
  stats      Count documents, annotations by type and status, facts and orphans
  entities   List the entities of factmark.entities.yaml with their mention counts (JSON or CSV)
  query      Find mentions and facts by entity, type, date range, status or document (JSON or CSV)

Options:
  -h, --help     Show help (also: factmark <command> --help)
  -v, --version  Show the version

Folders are searched recursively; the current folder is used when no path is given.
`;

/** Each command's help; test/unit/cli/help.test.ts checks it names exactly the options of OPTIONS. */
export const HELP: Record<string, string> = {
  annotate: `Usage: factmark annotate [options] [files or folders...]

Runs the offline recognisers (people, organisations, places, dates) over every .txt file and
writes the mentions as "suggested" annotations into each file's sidecar. Existing annotations,
comments and rejected suggestions are kept; running it twice adds nothing new.

Options:
  -j, --jobs <n>   Threads to use (default: up to all ${availableCores()} cores, for folders of hundreds of
                   files; 1 = this thread only)
  -q, --quiet      No progress bar and no per-file messages
  -h, --help       Show this help

Exit code 1 when a file could not be annotated (for example its sidecar is malformed).
`,
  export: EXPORT_HELP,
  import: IMPORT_HELP,
  entities: ENTITIES_HELP,
  query: QUERY_HELP,
  check: `Usage: factmark check [options] [files or folders...]

Validates every sidecar against format v1 and its document: exit code 1 when a sidecar is invalid,
its document is missing, a fact links an annotation that does not exist, or an annotation no longer
anchors on the text (orphan). For CI.

Options:
  --json       Print the findings as JSON
  -h, --help   Show this help
`,
  stats: `Usage: factmark stats [options] [files or folders...]

Counts documents, annotations by type and status, facts and orphans over the sidecars found.

Options:
  --json       Print the counts as JSON
  -h, --help   Show this help
`,
};

type Values = Record<string, string | boolean | undefined>;

export const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  annotate: { jobs: { type: 'string', short: 'j' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
  export: EXPORT_OPTIONS,
  import: IMPORT_OPTIONS,
  entities: ENTITIES_OPTIONS,
  query: QUERY_OPTIONS,
  check: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  stats: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
};

/** Runs the CLI; returns the exit code. `entry` is the script to start annotate workers from. */
export async function main(argv: readonly string[], io: Io, entry: string): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      io.out(topic && HELP[topic] ? HELP[topic] : MAIN_HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    const options = OPTIONS[command];
    if (!options) throw new UsageError(`unknown command "${command}" (commands: annotate, export, import, check, stats, entities, query; see factmark --help)`);
    let values: Values;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] });
    } catch (err) {
      throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')} (see factmark ${command} --help)`);
    }
    if (values.help) {
      io.out(HELP[command]);
      return 0;
    }
    switch (command) {
      case 'annotate':
        return await annotateCommand(values, positionals, io, entry);
      case 'export':
        return await exportCommand(values, positionals, io);
      case 'import':
        return await importCommand(values, positionals, io);
      case 'check':
        return checkCommand(values, positionals, io);
      case 'entities':
        return entitiesCommand(values, positionals, io);
      case 'query':
        return queryCommand(values, positionals, io);
      default:
        return statsCommand(values, positionals, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`factmark: ${err.message}\n`);
      return 2;
    }
    // disk full, I/O and permission errors: a message and exit 1, not a stack trace
    if (typeof (err as NodeJS.ErrnoException)?.code === 'string') {
      io.err(`factmark: ${describeError(err)}\n`);
      return 1;
    }
    throw err;
  }
}

async function annotateCommand(values: Values, paths: string[], io: Io, entry: string): Promise<number> {
  const jobsText = values.jobs as string | undefined;
  const jobs = jobsText === undefined ? availableCores() : Number(jobsText);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not "${jobsText}"`);
  const docs = collect(paths, 'documents', io.cwd);
  if (docs.length === 0) {
    io.err('factmark: no .txt files found\n');
    return 0;
  }
  const started = Date.now();
  const bar = values.quiet ? progressBar(0, '') : progressBar(docs.length, 'files', io.progress);
  const workers = workerCount(docs.length, jobs, jobsText !== undefined);
  const outcomes = await annotateAll(docs, workers, () => bar.tick(), entry);
  bar.done();
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  const failed = outcomes.filter((o) => o.status === 'failed');
  for (const o of failed) io.err(`${shown(o.file, io.cwd)}: error: ${o.reason}\n`);
  if (!values.quiet) for (const o of outcomes.filter((x) => x.status === 'skipped')) io.err(`${shown(o.file, io.cwd)}: skipped: ${o.reason}\n`);
  if (!values.quiet) for (const o of outcomes.filter((x) => x.note)) io.err(`${shown(o.file, io.cwd)}: note: ${o.note}\n`);
  const seconds = (Date.now() - started) / 1000;
  const added = outcomes.reduce((n, o) => n + o.added, 0);
  io.out(
    `Annotated ${docs.length - failed.length - count('skipped')} of ${docs.length} files in ${seconds.toFixed(1)} s on ${plural(workers + 1, 'thread')} ` +
      `(${(docs.length / Math.max(seconds, 0.001)).toFixed(1)} files/s): ${plural(added, 'suggestion')} added; ` +
      `${count('created')} sidecars created, ${count('updated')} updated, ${count('unchanged')} unchanged` +
      `${failed.length ? `, ${failed.length} failed` : ''}.\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

interface Finding {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

function checkCommand(values: Values, paths: string[], io: Io): number {
  const docs = collect(paths, 'sidecars', io.cwd);
  const findings: Finding[] = [];
  for (const doc of docs) {
    const file = shown(doc.sidecar, io.cwd);
    const loaded = load(doc);
    if (loaded.missing) {
      findings.push({ file, severity: 'error', code: loaded.unreadable ? 'UNREADABLE' : 'MISSING', message: loaded.missing });
      continue;
    }
    const reading = loaded.reading!;
    for (const d of reading.diagnostics) {
      if (d.severity === 'information') continue;
      findings.push({ file, line: d.line + 1, column: d.column + 1, severity: d.severity, code: d.code, message: d.message });
    }
    if (!reading.document && !reading.diagnostics.some(isError)) findings.push({ file, severity: 'error', code: 'UNREADABLE', message: 'the sidecar cannot be read' });
    const model = reading.document;
    if (model) {
      const ids = new Set(model.annotations.map((a) => a.id));
      for (const f of model.facts) {
        for (const id of f.entities) {
          if (!ids.has(id)) findings.push({ file, severity: 'error', code: 'DANGLING', message: `fact ${f.id} links ${id}, which is not an annotation of this sidecar` });
        }
      }
      const belongsTo = path.basename(doc.path);
      if (path.posix.basename(model.path) !== belongsTo) {
        findings.push({ file, severity: 'warning', code: 'PATH', message: `document.path is "${model.path}", but this sidecar belongs to ${belongsTo} (renamed?)` });
      }
    }
    for (const o of reading.orphans) {
      const why = o.reason === 'stored' ? 'marked orphaned' : o.reason === 'deleted' ? 'its text was deleted' : o.reason === 'ambiguous' ? 'its text occurs in several places' : 'its text is not in the document';
      findings.push({ file, severity: 'error', code: 'ORPHAN', message: `${o.id} “${o.quote}” does not anchor (${why})` });
    }
  }
  const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
  if (values.json) {
    io.out(`${JSON.stringify({ checked: docs.length, failed: failing.size, findings }, null, 2)}\n`);
  } else {
    for (const f of findings) io.out(`${f.file}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.severity}: ${f.message} [${f.code}]\n`);
    io.out(docs.length === 0 ? 'No sidecars found: nothing was checked.\n' : `Checked ${plural(docs.length, 'sidecar')}: ${failing.size === 0 ? 'all valid' : `${failing.size} with errors`}.\n`);
  }
  // A CI gate must not pass on nothing (a wrong path, sidecars behind symlinks once skipped).
  return failing.size > 0 || docs.length === 0 ? 1 : 0;
}

function statsCommand(values: Values, paths: string[], io: Io): number {
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
    return 0;
  }
  const rows = [['Type', 'Confirmed', 'Suggested', 'Rejected'], ...types.map((t) => [t, ...counts(byType.get(t)!)]), ['Total', ...counts(total)]];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  io.out(`${plural(documents, 'document')}, ${plural(facts, 'fact')}, ${plural(orphans, 'orphan')}${invalid ? `, ${plural(invalid, 'invalid sidecar')}` : ''}\n\n`);
  for (const r of rows) io.out(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}\n`);
  return 0;
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
