/**
 * Shared types of the exporters and importers. Everything here is pure data: the command layer reads and
 * writes the files, the formatters only turn documents into strings and back.
 */
import type { AnnotatedDocument, Annotation, Fact } from '../model';

/** One document to export: its text, its annotations and the file name it is known by. */
export interface ExportInput {
  text: string;
  doc: AnnotatedDocument;
  /** Document file name (e.g. `news/korea.txt`), used in headers and to name per-document files. */
  name: string;
  /** Absolute IRI of the document (e.g. a `file://` URI), for W3C targets; a `urn:` is made from `name` when absent. */
  uri?: string;
}

/** Options common to every exporter. */
export interface ExportOptions {
  /** Also export `suggested` annotations (default false: only `confirmed`). `rejected` never are. */
  includeSuggested?: boolean;
  /** doccano only: offset unit of `label` spans (default `codepoints`, what doccano's Python backend counts). */
  offsetUnit?: OffsetUnit;
  /** CSV only: prefix cells starting with `=`, `+`, `-`, `@` with `'` so that spreadsheets do not run them (default false). */
  escapeFormulae?: boolean;
}

export type OffsetUnit = 'codepoints' | 'utf16';

/** A file an exporter produces; `name` is relative to the folder the user picked. */
export interface ExportFile {
  name: string;
  content: string;
}

/** What an exporter returns: the files, and what it had to leave out (never silently). */
export interface ExportResult {
  files: ExportFile[];
  warnings: string[];
}

/** An export format as listed by the VS Code command and the CLI. */
export interface ExportFormat {
  readonly id: string;
  readonly label: string;
  /** Extension of the main file, without the dot. */
  readonly extension: string;
  /** Set when the format has no place for facts (it warns instead): a summary does not count them as exported. */
  readonly dropsFacts?: true;
  export(docs: ExportInput[], options?: ExportOptions): ExportResult;
}

/** Why an imported annotation or line was not taken as it was. */
export interface ImportProblem {
  /** `unanchored`: quote not found, not imported. `relocated`: imported elsewhere than its offsets said. */
  kind: 'syntax' | 'unsupported' | 'unanchored' | 'relocated' | 'dangling' | 'ambiguous' | 'other-document' | 'duplicate';
  /** Human-readable reason. */
  reason: string;
  /** 1-based line of the input, when the format is line-based. */
  line?: number;
  /** Id of the item in the input (brat `T3`, W3C annotation id, doccano label index). */
  ref?: string;
  /** Was the item imported (true for `relocated`)? */
  imported: boolean;
}

/** What an importer returns for one document. Offsets are UTF-16, like the model. */
export interface ImportResult {
  annotations: Annotation[];
  facts: Fact[];
  problems: ImportProblem[];
  /**
   * For files holding several documents (W3C, doccano): every document the file names (source IRIs, line
   * names) and the one taken, so that a batch import can report the documents that are not there.
   */
  documents?: { named: string[]; taken?: string };
  /**
   * The document's own date the file gives (W3C `dcterms:date` of the target's source, brat's
   * `Factmark document date:` note), when it is not the one the document's dateline gives: a date
   * set by hand, which the import then sets where none is set. The dateline's own date needs no setting.
   */
  documentDate?: string;
}

/** Options common to importers. */
export interface ImportOptions {
  /** Status given to imported annotations the format does not mark (default `confirmed`). */
  status?: 'confirmed' | 'suggested';
  /** doccano only: offset unit of the input; default: what the line says (`meta.offsets`), else the unit its spans fit. */
  offsetUnit?: OffsetUnit;
  /** doccano only: the text and label columns when renamed (defaults `text` and `label`, as doccano's importer). */
  textColumn?: string;
  labelColumn?: string;
  /** For inputs holding several documents (W3C collection, doccano JSONL): which one to take, by name or IRI. */
  documentName?: string;
  documentUri?: string;
}

/** An import format: parses a file's content against the text of the document it annotates. */
export interface ImportFormat {
  readonly id: string;
  readonly label: string;
  readonly extension: string;
  import(content: string, text: string, options?: ImportOptions): ImportResult;
}
