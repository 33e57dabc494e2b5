import type { Mention, RecognitionContext, Recognizer } from '../model';
import { groupIntoChunks, splitParagraphs } from './paragraphs';

/** Sizes of the chunks recognition works on (UTF-16 units); see groupIntoChunks. */
export interface ChunkSizes {
  min: number;
  max: number;
}

/**
 * Runs recognisers over a text chunk by chunk (groups of whole paragraphs, see groupIntoChunks),
 * remembering each chunk's result so that after an edit only the changed chunks are recognised
 * again. `steps()` yields after every chunk, so a caller can spread a large document over many short
 * slices of time and never block its thread.
 */
export class RecognitionPipeline {
  private readonly cache = new Map<string, Mention[]>();

  constructor(
    private readonly recognizers: readonly Recognizer[],
    private readonly cacheLimit = 2000,
    private readonly chunkSizes: ChunkSizes = { min: 4000, max: 16000 },
  ) {}

  /** Recognises the whole text at once. */
  recognize(text: string, context: RecognitionContext): Mention[] {
    const steps = this.steps(text, context);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /**
   * A generator that recognises one chunk per step and returns all mentions, sorted by position. It
   * yields between chunks, not after the last: a caller that hands its thread back at each yield
   * would otherwise let other work run between the finished result and its publication (on a first
   * open, most articles are one chunk).
   */
  *steps(text: string, context: RecognitionContext): Generator<void, Mention[], void> {
    const all: Mention[] = [];
    const { min, max } = this.chunkSizes;
    const chunks = groupIntoChunks(text, splitParagraphs(text), min, max);
    for (let c = 0; c < chunks.length; c++) {
      if (c > 0) yield;
      const p = chunks[c];
      const found = this.recognizeParagraph(text.slice(p.start, p.end), context);
      // copies: the cached mentions must not be shared with callers, who may change theirs
      for (const m of found) all.push({ ...m, start: m.start + p.start, end: m.end + p.start });
    }
    return all;
  }

  /**
   * The mentions of the chunks that overlap `from`–`to` only (what an editor shows of a large
   * document), so that they can be drawn before the rest is recognised. The chunks are those of the
   * whole text, and their results are cached: the whole-text run that follows does not redo them.
   */
  recognizeRange(text: string, context: RecognitionContext, from: number, to: number): Mention[] {
    const { min, max } = this.chunkSizes;
    const out: Mention[] = [];
    for (const p of groupIntoChunks(text, splitParagraphs(text), min, max)) {
      if (p.end < from) continue;
      if (p.start > to) break;
      for (const m of this.recognizeParagraph(text.slice(p.start, p.end), context)) {
        out.push({ ...m, start: m.start + p.start, end: m.end + p.start });
      }
    }
    return out;
  }

  private recognizeParagraph(paragraph: string, context: RecognitionContext): Mention[] {
    const key = `${context.documentDate ?? ''}\u0000${paragraph}`;
    const hit = this.cache.get(key);
    if (hit) {
      // refresh its place in the least-recently-used order
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const found = resolveOverlaps(this.recognizers.flatMap((r) => r.recognize(paragraph, context)));
    this.cache.set(key, found);
    if (this.cache.size > this.cacheLimit) this.cache.delete(this.cache.keys().next().value as string);
    return found;
  }
}

/**
 * Keeps one mention where recognisers disagree on overlapping text. A date wins over an entity (date
 * recognition is more precise on spans like "Thursday"), and the entity keeps whatever part of it lies
 * outside the date ("Panmunjeom Thursday" → "Panmunjeom"); between entities the longer span wins.
 */
export function resolveOverlaps(mentions: Mention[]): Mention[] {
  const dates = mentions.filter((m) => m.type === 'DATE');
  const others: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'DATE') continue;
    const rest = outsideDates(m, dates);
    if (rest) others.push(rest);
  }
  // Most often nothing overlaps any more (the tagger's names never overlap, nor do the dates, and a name
  // is cut clear of the dates above): then every mention is kept, in text order, and the ranking and its
  // pairwise tests are not needed. In text order, a mention overlaps an earlier one exactly when it starts
  // before the furthest end so far (empty mentions, which overlap nothing, take the general way).
  const all = [...dates, ...others].sort(byPosition);
  let reach = -Infinity;
  let disjoint = true;
  for (const m of all) {
    if (m.start >= m.end || m.start < reach) {
      disjoint = false;
      break;
    }
    reach = m.end;
  }
  if (disjoint) return all;
  const ranked = [...dates.sort(longestFirst), ...others.sort(longestFirst)];
  const kept: Mention[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort(byPosition);
}

function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end;
}

function longestFirst(a: Mention, b: Mention): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * The part of an entity mention before (or else after) the dates it overlaps, trimmed to word characters.
 * Most mentions overlap no date: that test alone is here, and the cutting in a function of its own, so
 * that what the engine compiles for the test run on every mention is small (with the rare cutting in it,
 * regular expressions and spreads, it was first compiled during the first reading of an article, 10-50 ms
 * of compiler thread; issue 14).
 */
function outsideDates(m: Mention, dates: Mention[]): Mention | undefined {
  for (let i = 0; i < dates.length; i++) if (dates[i].start < m.end && m.start < dates[i].end) return cutOutDates(m, dates);
  return m;
}

/** outsideDates for a mention that overlaps a date. */
function cutOutDates(m: Mention, dates: Mention[]): Mention | undefined {
  const overlapping = dates.filter((d) => d.start < m.end && m.start < d.end);
  const firstDate = Math.min(...overlapping.map((d) => d.start));
  const lastDate = Math.max(...overlapping.map((d) => d.end));
  const pieces: Array<[number, number]> = [
    [m.start, firstDate],
    [lastDate, m.end],
  ];
  for (const [from, to] of pieces) {
    let start = from;
    let end = to;
    while (start < end && !/[\p{L}\p{N}]/u.test(m.text[start - m.start])) start++;
    while (end > start && !/[\p{L}\p{N}]/u.test(m.text[end - 1 - m.start])) end--;
    if (end > start) return { ...m, start, end, text: m.text.slice(start - m.start, end - m.start) };
  }
  return undefined;
}
