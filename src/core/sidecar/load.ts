/** From a parsed sidecar to the in-memory model, re-anchored on the document text as it is now. */

import type { AnnotatedDocument, Annotation, Fact } from '../model';
import { OffsetMap } from '../offsets';
import { reanchor, type Orphan, type Placement, type ReanchorOptions } from '../anchor/reanchor';
import { reanchorBySentences } from '../anchor/sentences';
import { fingerprintMatches } from './hash';
import { lineEndingVariant, reanchorThroughLineEndings } from './lineEndings';
import type { SidecarData, StoredAnchor } from './types';

/** Context agreement (0..1) a stored orphan needs to be re-attached to its returning text. */
const REATTACH_CONTEXT = 0.75;

/** Result of {@link loadAnnotations}. */
export interface LoadedAnnotations {
  /** The model, UTF-16 offsets into the current text. Orphans are included at their hint position. */
  document: AnnotatedDocument;
  /** Orphaned ids with their stored context: pass as `SidecarInput.orphans` when saving. */
  orphans: Map<string, { prefix?: string; suffix?: string }>;
  /** Why each orphan could not be placed, and its best candidate (for a quick fix). */
  orphanDetails: Orphan[];
  /** How each placed annotation was found. */
  placements: Placement[];
  /** True when the text is the one the offsets were made on (nothing needed re-anchoring). */
  unchanged: boolean;
  /**
   * Ids whose stored offsets do not hold their quote although the text is the one they were made on
   * (offsets edited by hand), placed by their quote instead: say so (`relocatedDiagnostics`).
   */
  relocated: string[];
}

/**
 * The list of `document.sentences` when it describes the text `gitBlob` names: it opens with the
 * first 8 digits of that fingerprint (build.ts). Another text's list, left by a writer that changed
 * `gitBlob` only, is not read.
 */
export function sentencesOf(data: SidecarData): string | undefined {
  const list = data.document.sentences;
  const blob = data.document.gitBlob;
  return list !== undefined && blob !== undefined && blob.length >= 8 && list.startsWith(`${blob.slice(0, 8)} `) ? list.slice(9) : undefined;
}

/**
 * Anchor a sidecar's annotations and facts on `text`. When the text's git blob hash equals the
 * stored fingerprint, offsets are used as they are; otherwise they are re-anchored, through a
 * diff when `oldText` (the text of that fingerprint, e.g. from git) is given.
 */
export function loadAnnotations(data: SidecarData, text: string, oldText?: string, options?: ReanchorOptions): LoadedAnnotations {
  const unchanged = fingerprintMatches(data.document.gitBlob, text);
  const prior = unchanged ? text : oldText;
  // A text converted only in its line endings (unix2dos, dos2unix, git's autocrlf) has its old text
  // in itself: the fingerprint says so, and every offset maps exactly, repeated sentences too.
  const variant = prior === undefined ? lineEndingVariant(data.document.gitBlob, text) : undefined;
  // Stored orphans are not anchored with the others: their offsets are only a hint.
  const live = (list: StoredAnchor[]) => list.filter((a) => !a.orphaned);
  const anchors = [...live(data.annotations), ...live(data.facts)];
  // Without the old text, the fingerprints of its sentences rebuild most of it (anchor/sentences.ts):
  // of two copies of a sentence, the diff then tells which one the annotation was on.
  const list = sentencesOf(data);
  const bySentences = () => (prior === undefined && !unchanged && list !== undefined ? reanchorBySentences(list, text, anchors, options) : undefined);
  const result = variant !== undefined ? reanchorThroughLineEndings(variant, text, anchors, options) : (bySentences() ?? reanchor(prior, text, anchors, options));
  const placed = new Map(result.placed.map((p) => [p.id, p]));
  // On the very text they were made on, an anchor is placed 'unchanged' exactly when its offsets hold its quote.
  const relocated = unchanged ? result.placed.filter((p) => p.method !== 'unchanged').map((p) => p.id) : [];
  // A stored orphan whose exact quote is back with its own context (a text that was shorter for a
  // while: a torn read, another branch) is re-attached there; otherwise a rejected suggestion would
  // stay detached forever and come back as new. Strict: exact quote, context agreeing, no fuzzy.
  const stored = [...data.annotations, ...data.facts].filter((a) => a.orphaned && a.quote);
  if (stored.length > 0) {
    const again = reanchor(undefined, text, stored, { ...options, minFuzzyQuoteLength: Infinity });
    const back = again.placed.filter((p) => (p.method === 'position' || p.method === 'context') && !p.modified && p.score >= REATTACH_CONTEXT);
    // A live annotation found by search on the very span that a stored orphan's own context claims
    // better (re-attached there, or left ambiguous with its whole context agreeing there) is the
    // other mention's place: a name stored from a wrong place on a shorter text (another branch),
    // placed by its neighbours on the passage that came back with its own annotation. It becomes an
    // ambiguous orphan. (Not entries of one mention, stored with one context: those share a span.)
    const claims = new Map<string, { id: string; score: number }>();
    for (const o of again.orphans) if (o.best && o.best.score >= 1) claims.set(`${o.best.start}:${o.best.end}`, { id: o.id, score: o.best.score });
    // So does one placed by order, which is not re-attached (its neighbours chose among copies:
    // order.ts, bridge.ts, between.ts), on the place chosen: left ambiguous, it claimed a copy;
    // placed by between.ts, it lost that claim, and a live annotation that its own neighbours put
    // on the orphan's place, with a weaker context, stayed there (bridge.test.ts).
    for (const p of again.placed) if (p.method === 'order' && p.score >= 1) claims.set(`${p.start}:${p.end}`, { id: p.id, score: p.score });
    for (const p of back) claims.set(`${p.start}:${p.end}`, { id: p.id, score: p.score });
    const searched = new Set<Placement['method']>(['position', 'context', 'order', 'fuzzy']);
    const byId = new Map([...data.annotations, ...data.facts].map((a) => [a.id, a]));
    const oneMention = (x: StoredAnchor | undefined, y: StoredAnchor | undefined) => !!x && !!y && x.prefix === y.prefix && x.suffix === y.suffix;
    result.placed = result.placed.filter((p) => {
      const claim = claims.get(`${p.start}:${p.end}`);
      if (!claim || !searched.has(p.method) || p.score >= claim.score || oneMention(byId.get(p.id), byId.get(claim.id))) return true;
      placed.delete(p.id);
      result.orphans.push({ id: p.id, reason: 'ambiguous', at: p.start, best: { start: p.start, end: p.end, text: text.slice(p.start, p.end), score: p.score } });
      return false;
    });
    for (const p of back) {
      placed.set(p.id, p);
      result.placed.push(p);
    }
  }
  const lost = new Map(result.orphans.map((o) => [o.id, o]));
  const orphans = new Map<string, { prefix?: string; suffix?: string }>();
  let map: OffsetMap | undefined;

  const position = (a: StoredAnchor) => {
    const p = placed.get(a.id);
    if (p) return { start: p.start, end: p.end, text: text.slice(p.start, p.end) };
    orphans.set(a.id, { prefix: a.prefix, suffix: a.suffix });
    // A stored orphan's offset is a code-point hint into the current text.
    map ??= new OffsetMap(text);
    const at = lost.get(a.id)?.at ?? Math.min(text.length, map.toUtf16(Math.max(0, a.start)));
    return { start: at, end: at, text: a.quote };
  };
  const annotations: Annotation[] = data.annotations.map((a) => {
    const out: Annotation = { id: a.id, type: a.type, status: a.status, ...position(a) };
    if (a.value !== undefined) out.value = a.value;
    if (a.kb !== undefined) out.kb = a.kb;
    if (a.entity !== undefined) out.entity = a.entity;
    if (a.note !== undefined) out.note = a.note;
    return out;
  });
  const facts: Fact[] = data.facts.map((f) => {
    const out: Fact = { id: f.id, label: f.label, entities: [...f.entities], ...position(f) };
    if (f.date !== undefined) out.date = f.date;
    if (f.note !== undefined) out.note = f.note;
    return out;
  });
  const document: AnnotatedDocument = { path: data.document.path, annotations, facts };
  if (data.document.date !== undefined) document.documentDate = data.document.date;
  return { document, orphans, orphanDetails: result.orphans, placements: result.placed, unchanged, relocated };
}
