/** `factmark annotate`: the recognisers over .txt files, their mentions written as suggestions into the sidecars. */
import { annotateAll, availableCores, workerCount } from '../annotate';
import { defineCommand, type Io, type Values } from '../command';
import { collect, shown, UsageError } from '../files';
import { plural, relocatedLines } from '../load';
import { progressBar } from '../progress';

export const annotateCommand = defineCommand({
  name: 'annotate',
  summary: 'Run the recognisers over .txt files and write sidecars with suggestions',
  usage: 'annotate [options] [files or folders...]',
  description: `Runs the offline recognisers (people, organisations, places, dates) over every .txt file and
writes the mentions as "suggested" annotations into each file's sidecar. Existing annotations,
comments and rejected suggestions are kept; running it twice adds nothing new.
`,
  options: {
    jobs: {
      type: 'string',
      short: 'j',
      value: '<n>',
      help: `Threads to use (default: up to all ${availableCores()} cores, for folders of hundreds of\nfiles; 1 = this thread only)`,
    },
    quiet: { type: 'boolean', short: 'q', help: 'No progress bar and no per-file messages' },
  },
  epilogue: 'Exit code 1 when a file could not be annotated (for example its sidecar is malformed).\n',
  run: runAnnotate,
});

async function runAnnotate(values: Values, paths: string[], io: Io, entry: string): Promise<number> {
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
  // Said even with --quiet: the sidecar no longer holds the offsets it had (as failures are said).
  const sidecarOf = new Map(docs.map((d) => [d.path, d.sidecar]));
  for (const o of outcomes) if (o.relocated) for (const l of relocatedLines(shown(sidecarOf.get(o.file) ?? o.file, io.cwd), o.relocated)) io.err(l);
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
