/** `factmark export`: the annotations of sidecars in one of the exchange formats. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportFormats, findExportFormat, type ExportInput, type ExportOptions } from '../../core/export';
import { exportInputOf, isError } from '../../core/documents';
import { defineCommand, type Io, type Values } from '../command';
import { collect, shown, UsageError } from '../files';
import { load, plural } from '../load';
import { checkOutputs, inFolder, OutputRefused, writeOutputs, type PlannedFile } from '../outputs';

export const exportCommand = defineCommand({
  name: 'export',
  summary: `Export the annotations of sidecars (${exportFormats.map((f) => f.id).join(', ')})`,
  usage: 'export --format <id> [options] [files or folders...]',
  description: `Exports the annotations of the sidecars found (confirmed ones only, unless --include-suggested).

Formats:
${exportFormats.map((f) => `  ${f.id.padEnd(10)} ${f.label}`).join('\n')}
`,
  options: {
    format: { type: 'string', short: 'f', value: '<id>', help: 'Export format (required)' },
    out: {
      type: 'string',
      short: 'o',
      value: '<path>',
      help: 'Output file, or folder for formats that write several files (brat,\nmarkdown); without it a single-file export goes to standard output',
    },
    force: { type: 'boolean', help: 'Replace existing files (never a document or sidecar being exported)' },
    'include-suggested': { type: 'boolean', help: 'Also export suggested annotations (rejected ones never are)' },
    offsets: { type: 'string', value: '<unit>', help: 'doccano offsets: codepoints (default) or utf16' },
    'escape-formulae': { type: 'boolean', help: "CSV: prefix cells starting with = + - @ with ' for spreadsheets" },
    'base-uri': { type: 'string', value: '<uri>', help: 'W3C: document IRIs are <uri><name> instead of file:// URIs' },
  },
  column: 25,
  epilogue: `Every output is checked before anything is written; each file is written atomically. Nothing is
written when a sidecar is malformed or an output would replace an input or an existing file (exit 1).
`,
  run: runExport,
});

async function runExport(values: Values, paths: string[], io: Io): Promise<number> {
  const id = values.format as string | undefined;
  const ids = exportFormats.map((f) => f.id).join(', ');
  if (!id) throw new UsageError(`--format is required (one of: ${ids})`);
  const format = findExportFormat(id);
  if (!format) throw new UsageError(`unknown format "${id}" (formats: ${ids})`);
  const options: ExportOptions = {};
  if (values['include-suggested']) options.includeSuggested = true;
  if (values['escape-formulae']) options.escapeFormulae = true;
  if (values.offsets !== undefined) {
    if (values.offsets !== 'codepoints' && values.offsets !== 'utf16') throw new UsageError(`--offsets must be codepoints or utf16, not "${values.offsets}"`);
    options.offsetUnit = values.offsets;
  }
  const baseUri = values['base-uri'] as string | undefined;

  const docs = collect(paths, 'sidecars', io.cwd);
  if (docs.length === 0) throw new UsageError('no sidecars found (run "factmark annotate" first)');
  const inputs: ExportInput[] = [];
  const warnings: string[] = [];
  let errors = 0;
  for (const doc of docs) {
    const loaded = load(doc);
    const where = shown(doc.sidecar, io.cwd);
    if (loaded.missing || !loaded.reading?.document || loaded.text === undefined) {
      const first = loaded.reading?.diagnostics.find(isError);
      io.err(`${where}: error: ${loaded.missing ?? `malformed sidecar${first ? ` (line ${first.line + 1}: ${first.message})` : ''}`}\n`);
      errors++;
      continue;
    }
    const uri = baseUri !== undefined ? baseUri + doc.name.split('/').map(encodeURIComponent).join('/') : pathToFileURL(doc.path).href;
    const { input, warnings: w } = exportInputOf(loaded.reading, loaded.text, doc.name, uri);
    inputs.push(input);
    for (const x of w) warnings.push(x); // not push(...w): a sidecar with 100,000s of orphans overflowed the stack
  }
  if (errors > 0) {
    io.err(`factmark: nothing exported: fix the ${plural(errors, 'sidecar')} above (factmark check tells more)\n`);
    return 1;
  }
  const result = format.export(inputs, options);
  for (const w of [...warnings, ...result.warnings]) io.err(`warning: ${w}\n`);
  const out = values.out as string | undefined;
  let destination: string;
  if (out === undefined) {
    if (result.files.length !== 1) throw new UsageError(`${format.id} writes ${result.files.length} files: give a folder with --out`);
    io.out(result.files[0].content);
    destination = 'standard output';
  } else {
    const target = path.resolve(io.cwd, out);
    const existing = fs.existsSync(target) ? fs.statSync(target) : undefined;
    const asFolder = result.files.length !== 1 || /[\\/]$/.test(out) || existing?.isDirectory() === true;
    if (asFolder && existing && !existing.isDirectory()) throw new UsageError(`${out} is a file, but ${format.id} writes ${plural(result.files.length, 'file')}: give a folder with --out`);
    let planned: PlannedFile[];
    try {
      planned = asFolder ? inFolder(target, result.files, out) : [{ path: target, content: result.files[0].content }];
      checkOutputs(planned, docs.flatMap((d) => [d.path, d.sidecar]), values.force === true, io.cwd);
    } catch (err) {
      if (!(err instanceof OutputRefused)) throw err;
      io.err(`factmark: nothing exported: ${err.message}\n`);
      return 1;
    }
    await writeOutputs(planned);
    destination = asFolder ? `${shown(target, io.cwd)}${path.sep} (${plural(planned.length, 'file')})` : shown(target, io.cwd);
  }
  const annotations = inputs.reduce((n, i) => n + i.doc.annotations.filter((a) => a.status === 'confirmed' || (options.includeSuggested && a.status === 'suggested')).length, 0);
  // Facts a format has no place for were warned about above, not exported: the summary does not count them.
  const facts = format.dropsFacts ? '' : ` and ${plural(inputs.reduce((n, i) => n + i.doc.facts.length, 0), 'fact')}`;
  io.err(`Exported ${plural(annotations, 'annotation')}${facts} from ${plural(inputs.length, 'document')} to ${destination} (${format.label}).\n`);
  return 0;
}
