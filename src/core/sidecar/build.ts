/** From the in-memory model (UTF-16 offsets) to sidecar data (code points, quotes, context). */

import type { AnnotatedDocument } from '../model';
import { OffsetMap } from '../offsets';
import { prefixBefore, suffixAfter } from '../anchor/context';
import { sentenceFingerprints } from '../anchor/sentences';
import { documentFingerprint } from './hash';
import { SIDECAR_VERSION, type SidecarData, type StoredAnnotation, type StoredFact } from './types';
import { STEP, runAll, type Steps } from '../slices';

/** What the editor side hands over to be saved. */
export interface SidecarInput {
  /** The annotations, with UTF-16 offsets into `text`. */
  document: AnnotatedDocument;
  /** The document text the offsets refer to (as saved on disk). */
  text: string;
  /**
   * The document file's bytes, when `text` was read from them: the fingerprint is then their git
   * blob hash, byte-order mark and invalid UTF-8 included, as `git hash-object` prints it.
   */
  fileBytes?: Uint8Array;
  /** The label set in use, when not the default. */
  labels?: string[];
  /**
   * Ids of annotations and facts whose text is gone. Their start/end are kept as a hint, their
   * `text` as the last quote, with the context given here (from the sidecar they came from).
   */
  orphans?: ReadonlyMap<string, { prefix?: string; suffix?: string }>;
}

/** Sidecar data for a model: code-point offsets, quotes and context taken from the text itself. */
export function buildSidecarData(input: SidecarInput): SidecarData {
  return runAll(buildSidecarDataSteps(input));
}

/** {@link buildSidecarData} in steps (see `core/slices.ts`). */
export function* buildSidecarDataSteps(input: SidecarInput): Steps<SidecarData> {
  const { document: model, text } = input;
  const map = new OffsetMap(text);
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  // Each entry is one object built field by field (spreading a base object twice per entry made
  // building 10,000 entries a good part of a write, with its garbage).
  const anchor = <T extends StoredAnnotation | StoredFact>(id: string, start: number, end: number, quote: string): T => {
    // A span edge between the two halves of a surrogate pair is widened to the whole character:
    // half a pair is no text, and the stored quote would not be valid Unicode.
    const s = splitsPair(text, clamp(start)) ? clamp(start) - 1 : clamp(start);
    const e0 = Math.max(s, clamp(end));
    const e = splitsPair(text, e0) ? e0 + 1 : e0;
    const orphan = input.orphans?.get(id);
    const out = { id, start: map.toCodePoint(s), end: map.toCodePoint(e) } as T;
    if (orphan) {
      out.quote = quote;
      out.orphaned = true;
      if (orphan.prefix !== undefined) out.prefix = orphan.prefix;
      if (orphan.suffix !== undefined) out.suffix = orphan.suffix;
      return out;
    }
    // The quote is what the text says now, not what the model remembers.
    out.quote = text.slice(s, e);
    out.prefix = prefixBefore(text, s);
    out.suffix = suffixAfter(text, e);
    return out;
  };
  yield;
  const annotations: StoredAnnotation[] = [];
  for (const a of model.annotations) {
    const out = anchor<StoredAnnotation>(a.id, a.start, a.end, a.text);
    out.type = a.type;
    out.status = a.status;
    if (a.value !== undefined) out.value = a.value;
    if (a.kb !== undefined) out.kb = a.kb;
    if (a.entity !== undefined) out.entity = a.entity;
    if (a.note !== undefined) out.note = a.note;
    if (annotations.push(out) % STEP === 0) yield;
  }
  const facts: StoredFact[] = [];
  for (const f of model.facts) {
    const out = anchor<StoredFact>(f.id, f.start, f.end, f.text);
    out.label = f.label;
    out.entities = [...f.entities];
    if (f.date !== undefined) out.date = f.date;
    if (f.note !== undefined) out.note = f.note;
    if (facts.push(out) % STEP === 0) yield;
  }
  const data: SidecarData = {
    version: SIDECAR_VERSION,
    document: { path: model.path, gitBlob: documentFingerprint(text, input.fileBytes) },
    annotations,
    facts,
  };
  // Led by the first 8 digits of the text's fingerprint: a list left behind by a writer that
  // changed `gitBlob` and kept the line (an older Factmark keeps keys it does not know) is not read.
  const sentences = sentenceFingerprints(text);
  if (sentences !== undefined) data.document.sentences = `${data.document.gitBlob!.slice(0, 8)} ${sentences}`;
  if (model.documentDate !== undefined) data.document.date = model.documentDate;
  if (input.labels) data.labels = [...input.labels];
  return data;
}

/** True when offset `i` falls between a high and a low surrogate. */
function splitsPair(text: string, i: number): boolean {
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return i > 0 && hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
