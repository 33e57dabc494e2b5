/**
 * `factmark import`: annotations from brat, W3C or doccano files into the sidecars of documents, with the
 * same importers and the same merge as the editor's "Import Annotations…" (re-importing adds nothing).
 * Every line or object not imported is printed with its reason; annotations for documents that are not
 * among those given are reported too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findImportFormat, importFormats, problemLine, topReasons, type ImportFormat, type ImportOptions, type ImportProblem, type ImportResult } from '../../core/export';
import { MAX_IMPORT_BYTES } from '../../core/export/limits';
import { updateSidecar, type SidecarDiagnostic } from '../../core/sidecar';
import { isChangedOnDisk } from '../../core/sidecar/atomicWrite';
import { writeFileAtomic } from '../../node/fs';
import { oldTextsOf } from '../../node/gitText';
import { keepText, openTextStore } from '../../node/textStore';
import { mergeImported, stripBom } from '../../core/documents';
import { defineCommand, describeError, type Io, type Values } from '../command';
import { collect, readDocument, saysWaiting, shown, statGiven, UsageError, type DocumentFile } from '../files';
import { plural, readBase, relocatedLines } from '../load';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import brat, W3C or doccano annotations into the sidecars of documents',
  usage: 'import --format <id> <file or folder> <documents...>',
  description: `Imports annotations into the sidecars of the documents (.txt files, or folders of them), with the
same importers as the editor. Each annotation is checked against the document's text; what cannot
be imported is listed with its reason. Importing the same file twice adds nothing.

Formats:
${importFormats.map((f) => `  ${f.id.padEnd(10)} ${f.label}`).join('\n')}

  brat     <file or folder> is one .ann (for one document) or a folder of them: each document
           takes the .ann at its own path relative to the folder given (news/a.txt <- news/a.ann)
  w3c      one .jsonld file; each document takes the annotations whose source names it (by path)
  doccano  one .jsonl file; each document takes the line named after it (meta.name) or with its text
`,
  options: {
    format: { type: 'string', short: 'f', value: '<id>', help: 'Import format (required)' },
    offsets: {
      type: 'string',
      value: '<unit>',
      help: 'doccano: codepoints or utf16 (default: what the file says, else the unit\nits spans fit; a line that fits both is reported, not imported)',
    },
    'text-column': { type: 'string', value: '<name>', help: 'doccano: the text column when renamed (default text)' },
    'label-column': { type: 'string', value: '<name>', help: 'doccano: the label column when renamed (default label)' },
    suggested: { type: 'boolean', help: 'Import annotations the file does not mark as suggested as suggestions' },
  },
  column: 25,
  epilogue: 'Exit code 1 when something was not imported or a sidecar could not be written.\n',
  run: runImport,
});

/** Where each document's annotations come from. */
interface Source {
  /** Content for a document, or undefined when the source has none for it. */
  contentFor(doc: DocumentFile): string | undefined;
  /** Files of the source no document took (brat folders). */
  unused(): string[];
}

function fileSource(file: string, given: string): string {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new UsageError(`${given} is not a file`);
  // the limit is in characters; bytes are at least as many, so this refuses nothing the importer would take
  if (stat.size > MAX_IMPORT_BYTES) throw new UsageError(`${given} is too large to import (${(stat.size / 1024 / 1024).toFixed(0)} MB)`);
  // Without its byte-order mark, as the editor's TextDecoder reads it: the mark stuck to the first line.
  return stripBom(fs.readFileSync(file, 'utf8'));
}

function openSource(format: ImportFormat, given: string, docs: DocumentFile[], cwd: string): Source {
  const { abs, stat } = statGiven(given, cwd);
  if (stat.isDirectory()) {
    if (format.id !== 'brat') throw new UsageError(`${given} is a folder; ${format.id} imports read one file`);
    const used = new Set<string>();
    return {
      contentFor(doc) {
        const ann = path.join(abs, doc.name.replace(/\.[^./]*$/, '') + '.ann');
        if (!fs.existsSync(ann)) return undefined;
        used.add(ann);
        return fileSource(ann, shown(ann, cwd));
      },
      unused: () => annFiles(abs).filter((f) => !used.has(f)).map((f) => shown(f, cwd)),
    };
  }
  if (format.id === 'brat' && docs.length > 1) throw new UsageError(`${given} is one .ann: give one document, or a folder of .ann files`);
  const content = fileSource(abs, given);
  return { contentFor: () => content, unused: () => [] };
}

function annFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ann')).map((f) => path.join(dir, f)).sort();
}

async function runImport(values: Values, positionals: string[], io: Io): Promise<number> {
  const id = values.format as string | undefined;
  const ids = importFormats.map((f) => f.id).join(', ');
  if (!id) throw new UsageError(`--format is required (one of: ${ids})`);
  const format = findImportFormat(id);
  if (!format) throw new UsageError(`unknown import format "${id}" (formats: ${ids})`);
  const [given, ...documents] = positionals;
  if (given === undefined) throw new UsageError('give the file (or brat folder) to import, then the documents to import into');
  if (documents.length === 0) throw new UsageError('give the documents (.txt files or folders) to import into, after the file');
  const options: ImportOptions = {};
  if (values.offsets !== undefined) {
    if (values.offsets !== 'codepoints' && values.offsets !== 'utf16') throw new UsageError(`--offsets must be codepoints or utf16, not "${values.offsets}"`);
    options.offsetUnit = values.offsets;
  }
  if (typeof values['text-column'] === 'string') options.textColumn = values['text-column'];
  if (typeof values['label-column'] === 'string') options.labelColumn = values['label-column'];
  if (values.suggested) options.status = 'suggested';

  const docs = collect(documents, 'documents', io.cwd);
  if (docs.length === 0) throw new UsageError('no .txt documents found to import into');
  const source = openSource(format, given, docs, io.cwd);
  const named = new Set<string>();
  const taken = new Set<string>();
  let failed = 0;
  let lost = 0;
  let addedAnnotations = 0;
  let addedFacts = 0;
  const all: ImportProblem[] = [];
  for (const doc of docs) {
    const where = shown(doc.path, io.cwd);
    const content = source.contentFor(doc);
    if (content === undefined) continue;
    let outcome: DocumentOutcome;
    try {
      outcome = await importInto(doc, format, content, options);
    } catch (err) {
      io.err(`${where}: error: ${describeError(err)}\n`);
      failed++;
      continue;
    }
    if (outcome.error) {
      io.err(`${where}: error: ${outcome.error}\n`);
      failed++;
      continue;
    }
    const r = outcome.result;
    r.documents?.named.forEach((n) => named.add(n));
    if (r.documents?.taken !== undefined) taken.add(r.documents.taken);
    // per document, the other documents of a multi-document file are no loss: they are counted once below
    const problems = r.problems.filter((p) => p.kind !== 'other-document');
    for (const p of problems) io.err(`${where}: ${problemLine(p)}\n`);
    if (outcome.written) for (const l of relocatedLines(shown(doc.sidecar, io.cwd), outcome.relocated ?? [])) io.err(l);
    for (const p of problems) all.push(p); // not push(...): 100,000s of problems overflow the stack
    lost += problems.filter((p) => !p.imported).length;
    addedAnnotations += outcome.addedAnnotations;
    addedFacts += outcome.addedFacts;
    const dated = outcome.documentDate !== undefined ? `; document date set to ${outcome.documentDate}` : '';
    io.out(`${where}: ${plural(outcome.addedAnnotations, 'annotation')} and ${plural(outcome.addedFacts, 'fact')} added${outcome.updated > 0 ? `, ${outcome.updated} updated` : ''}${dated}${outcome.written ? '' : ' (sidecar unchanged)'}\n`);
  }
  const missing = [...named].filter((n) => !taken.has(n));
  for (const n of missing) io.err(`${given}: not imported: annotations for ${n}, which is not among the documents given\n`);
  for (const f of source.unused()) io.err(`${f}: not imported: no document ${f.replace(/\.ann$/, '.txt')} among those given\n`);
  const absent = missing.length + source.unused().length;
  io.out(
    `Imported ${plural(addedAnnotations, 'annotation')} and ${plural(addedFacts, 'fact')} into ${plural(docs.length - failed, 'document')}` +
      `${lost ? `; ${lost} not imported (${topReasons(all)})` : ''}${absent ? `; annotations for ${plural(absent, 'document')} not given left out` : ''}${failed ? `; ${failed} failed` : ''}.\n`,
  );
  return failed > 0 || lost > 0 || absent > 0 ? 1 : 0;
}

interface DocumentOutcome {
  result: ImportResult;
  addedAnnotations: number;
  addedFacts: number;
  /** Entries already in the sidecar that the import completed. */
  updated: number;
  /** The document date the file gave and the import set (none was set). */
  documentDate?: string;
  written: boolean;
  /** Warnings of the entries the rewritten sidecar now stores where their quote is (offsets edited by hand). */
  relocated?: SidecarDiagnostic[];
  error?: string;
}

/**
 * Imports into one document's sidecar. The sidecar is read again just before it is replaced: if another
 * writer changed it meanwhile, the import is merged into the new content instead (a few times at most).
 */
async function importInto(doc: DocumentFile, format: ImportFormat, content: string, options: ImportOptions): Promise<DocumentOutcome> {
  const { text, bytes } = readDocument(doc.path);
  const result = format.import(content, text, { ...options, documentName: doc.name, documentUri: pathToFileURL(doc.path).href });
  // When the article changed since its sidecar was written, git may still hold the text the
  // sidecar was made on: asked once, then re-anchoring diffs instead of searching.
  const store = openTextStore();
  const oldTextOf = oldTextsOf(path.dirname(doc.path), store);
  for (let attempt = 0; attempt < 5; attempt++) {
    const read = readBase(doc.sidecar, doc.path, text, oldTextOf);
    if ('malformed' in read) return { result, addedAnnotations: 0, addedFacts: 0, updated: 0, written: false, error: `its sidecar is malformed (${read.malformed}); nothing imported` };
    const { original, orphans, relocated, document: base } = read;
    const merged = mergeImported(base, result);
    // What the file says otherwise than the sidecar's entry is not imported: listed with the rest.
    const withKept = merged.kept.length ? { ...result, problems: [...result.problems, ...merged.kept] } : result;
    if (merged.addedAnnotations === 0 && merged.addedFacts === 0 && merged.updated === 0 && merged.documentDate === undefined) return { result: withKept, addedAnnotations: 0, addedFacts: 0, updated: 0, written: false };
    const next = updateSidecar(original, orphans ? { document: merged.document, text, fileBytes: bytes, orphans } : { document: merged.document, text, fileBytes: bytes });
    try {
      // Compare-and-swap under the writers' lock, as annotate does: a check before waiting for the
      // lock let a change its holder made meanwhile be overwritten.
      await writeFileAtomic(doc.sidecar, next, { ifUnchanged: original ?? null, onWait: saysWaiting });
    } catch (e) {
      if (isChangedOnDisk(e)) continue; // changed by another writer: merge again
      throw e;
    }
    // The text the sidecar's offsets now refer to, kept for the next re-anchoring (textStore.ts).
    keepText(store, text, bytes);
    return { result: withKept, addedAnnotations: merged.addedAnnotations, addedFacts: merged.addedFacts, updated: merged.updated, ...(merged.documentDate !== undefined ? { documentDate: merged.documentDate } : {}), written: true, relocated };
  }
  return { result, addedAnnotations: 0, addedFacts: 0, updated: 0, written: false, error: 'its sidecar kept changing while importing; nothing imported, try again' };
}
