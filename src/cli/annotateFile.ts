/** One file of `factmark annotate`: recognise, merge with the existing sidecar, write it back. */
import { detectDocumentDate } from '../core/dates';
import type { Mention } from '../core/model';
import { defaultRecognizers, RecognitionPipeline } from '../core/recognition';
import { updateSidecar, type SidecarDiagnostic } from '../core/sidecar';
import { unsuitableReason } from '../core/text';
import { addSuggestions } from '../core/documents';
import { isChangedOnDisk } from '../core/sidecar/atomicWrite';
import { writeFileAtomic } from '../node/fs';
import { oldTextsOf } from '../node/gitText';
import { keepText, openTextStore } from '../node/textStore';
import { readDocument, saysWaiting } from './files';
import { readBase } from './load';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Largest document recognised, as the extension's default `factmark.suggestions.maxFileSizeKB`. */
export const MAX_DOCUMENT_LENGTH = 5120 * 1024;

/** What happened to one file. */
export interface AnnotateOutcome {
  file: string;
  /** Suggestions added to the sidecar. */
  added: number;
  /** `created`, `updated`, `unchanged`, `skipped` (not a text article) or `failed`. */
  status: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
  /** Worth telling even when it went well (a sidecar that is a symlink was written through). */
  note?: string;
  /** Warnings of the entries the rewritten sidecar now stores where their quote is (offsets edited by hand). */
  relocated?: SidecarDiagnostic[];
}

let pipeline: RecognitionPipeline | undefined;

/** Times `annotate` re-reads a sidecar that another writer changed under it before it gives up. */
const ATTEMPTS = 8;

/**
 * Annotates one document: its sidecar gets the recognisers' mentions as suggestions (existing entries
 * are kept). The sidecar is replaced only if it is still the one read (compare-and-swap under the
 * writers' lock); if another writer (the extension, another run) changed it meanwhile, the
 * suggestions are merged into the newer file instead, so that its change is never dropped.
 */
export async function annotateFile(file: string, sidecarFile: string): Promise<AnnotateOutcome> {
  try {
    const { text, bytes } = readDocument(file);
    const unsuitable = unsuitableReason(text, MAX_DOCUMENT_LENGTH);
    if (unsuitable) return { file, added: 0, status: 'skipped', reason: unsuitable.replace(/ \(factmark\.[^)]*\)/, '') };
    // Nothing to annotate: no sidecar is created for an empty article (one that exists is left alone).
    if (text.trim() === '') return { file, added: 0, status: 'skipped', reason: 'an empty article' };
    // Recognition is the slow part: done once per document date, not once per attempt.
    const recognised = new Map<string | undefined, Mention[]>();
    // When the article changed since its sidecar was written, git may still hold the text the
    // sidecar was made on: asked once, then re-anchoring diffs instead of searching.
    const store = openTextStore();
    const oldTextOf = oldTextsOf(path.dirname(file), store);
    for (let attempt = 1; ; attempt++) {
      const read = readBase(sidecarFile, file, text, oldTextOf);
      if ('malformed' in read) return { file, added: 0, status: 'failed', reason: `its sidecar is malformed (${read.malformed}); fix it or run "factmark check"` };
      const { original, orphans, relocated } = read;
      let base = read.document;
      const documentDate = base.documentDate ?? detectDocumentDate(text);
      if (documentDate !== undefined) base = { ...base, documentDate };
      let mentions = recognised.get(documentDate);
      if (!mentions) {
        // No paragraph cache: a batch of distinct articles would only fill it (the editor needs it, the CLI does not).
        pipeline ??= new RecognitionPipeline(defaultRecognizers(), 0);
        mentions = pipeline.recognize(text, documentDate !== undefined ? { documentDate } : {});
        recognised.set(documentDate, mentions);
      }
      const { document, added } = addSuggestions(base, mentions);
      const next = updateSidecar(original, orphans ? { document, text, fileBytes: bytes, orphans } : { document, text, fileBytes: bytes });
      if (next === original) {
        keepText(store, text, bytes);
        return { file, added, status: 'unchanged' };
      }
      try {
        // The same atomic sequence as the extension: a killed run never leaves an empty or partial sidecar.
        await writeFileAtomic(sidecarFile, next, { ifUnchanged: original ?? null, onWait: saysWaiting });
      } catch (e) {
        if (isChangedOnDisk(e) && attempt < ATTEMPTS) continue;
        throw e;
      }
      // The text the sidecar's offsets now refer to, kept for the next re-anchoring (textStore.ts).
      keepText(store, text, bytes);
      const outcome: AnnotateOutcome = { file, added, status: original === undefined ? 'created' : 'updated' };
      const through = symlinkTarget(sidecarFile);
      if (relocated.length > 0) outcome.relocated = relocated;
      if (through) outcome.note = `the sidecar is a symlink: the file it points to (${through}) was updated, the link kept`;
      return outcome;
    }
  } catch (err) {
    return { file, added: 0, status: 'failed', reason: (err as Error).message };
  }
}

/** Where a symlink finally points, or undefined for a plain file. */
function symlinkTarget(file: string): string | undefined {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : undefined;
  } catch {
    return undefined;
  }
}
