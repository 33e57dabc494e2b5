/**
 * Reading a tracked document's sidecar and saying what is wrong with it: the read every part of the
 * store goes through, the old texts a sidecar may describe, and the messages shown once.
 */
import * as vscode from 'vscode';
import { stripBom } from '../../core/documents';
import { contentHash, fingerprintMatches, parseSidecar, relocatedDiagnostics, type LoadedAnnotations, type SidecarData, type SidecarDiagnostic } from '../../core/sidecar';
import type { Entry, SidecarProblems } from './entry';
import { baseName, readSidecarFile, type ReadResult } from './files';
import type { OldTexts } from './oldText';

export class SidecarReader {
  /** Sidecars already complained about (by content hash), so a message shows once. */
  private readonly told = new Set<string>();
  /** Sidecars whose problems name entries placed by their quote: a write that stores them clears that. */
  private readonly relocated = new Set<string>();

  constructor(
    readonly problems: SidecarProblems,
    readonly oldTexts: OldTexts,
  ) {}

  async oldTextFor(data: SidecarData, document: vscode.TextDocument): Promise<string | undefined> {
    const hash = data.document.gitBlob;
    if (!hash) return undefined;
    if (fingerprintMatches(hash, document.getText())) {
      // The text it was made on: kept (a sidecar written before the store, or by git) for later.
      void this.oldTexts.keep(hash, document.getText());
      return undefined;
    }
    return this.oldTexts.find(hash, document.uri);
  }

  /**
   * Reads an entry's sidecar, notes what was found (`lastRead`) and, when its bytes are not UTF-8,
   * makes the entry read-only and says so in Problems.
   */
  async readFor(entry: Entry): Promise<ReadResult> {
    const read = await readSidecarFile(entry.sidecarUri);
    entry.lastRead = read.kind === 'text' ? contentHash(read.text) : read.kind;
    if (read.kind === 'undecodable') {
      entry.writable = false;
      this.reportProblems(entry, [{ message: read.message, severity: 'error', line: 0, column: 0, endLine: 0, endColumn: 0, code: 'ENCODING' }], 'undecodable');
    }
    return read;
  }

  /** The document's text on disk, when it has unsaved edits (the sidecar describes the disk text). */
  async diskTextOf(document: vscode.TextDocument): Promise<string | undefined> {
    if (document.isUntitled) return undefined;
    const read = await readSidecarFile(document.uri).catch(() => undefined);
    return read?.kind === 'text' ? stripBom(read.text) : undefined;
  }

  reportProblems(entry: Entry, diagnostics: readonly SidecarDiagnostic[], hash: string, refused = false): void {
    this.problems.report(entry.sidecarUri, diagnostics);
    this.relocated.delete(entry.sidecarUri.toString());
    if (!refused) return;
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    this.tellOnce(
      `bad:${entry.sidecarUri}:${hash}`,
      `Factmark will not write ${baseName(entry.sidecarUri)} until it is fixed${first ? ` (line ${first.line + 1}: ${first.message})` : ''}. Until then, annotation changes are not saved.`,
    );
  }

  /**
   * Adds to the sidecar's problems, as `factmark check` does, a warning for each entry placed by its
   * quote because its offsets did not hold it in the text they were made on (edited by hand).
   */
  reportRelocated(entry: Entry, data: SidecarData, loaded: LoadedAnnotations, text: string): void {
    if (loaded.relocated.length === 0 || entry.diskText === undefined) return;
    // The parse of this text is cached (parse.ts): only its diagnostics are wanted here.
    const parsed = parseSidecar(entry.diskText);
    this.problems.report(entry.sidecarUri, [...parsed.diagnostics, ...relocatedDiagnostics(entry.diskText, data, loaded, text)]);
    this.relocated.add(entry.sidecarUri.toString());
  }

  /** After Factmark wrote the sidecar: entries it placed by their quote are now stored there, warned of no more. */
  wrote(entry: Entry): void {
    if (entry.diskText === undefined || !this.relocated.delete(entry.sidecarUri.toString())) return;
    this.problems.report(entry.sidecarUri, parseSidecar(entry.diskText).diagnostics);
  }

  tellOnce(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    void vscode.window.showWarningMessage(message);
  }
}

/** Ids of the entries a parse left out as invalid: they stay in the file, so new ids must not repeat them. */
export function invalidIds(parsed: { doc?: { invalid: readonly { id?: string }[] } }): string[] {
  return (parsed.doc?.invalid ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id]));
}
