/** Helpers shared by the importers: re-anchoring an imported span and collecting the result. */
import type { Annotation, AnnotationStatus, Fact } from '../model';
import { anchorQuote, type QuoteContext } from '../anchor/quote';
import { OffsetMap } from '../offsets';
import { detectDocumentDate } from '../dates/document-date';
import type { ImportProblem, ImportResult } from './types';

/** A span read from a file, before it is checked against the document text (UTF-16 offsets). */
export interface ImportedSpan {
  start: number;
  end: number;
  /** The text the file says is there; undefined when the format does not say (then only bounds are checked). */
  quote?: string;
  context?: QuoteContext;
  /** Where it came from, for problem reports. */
  ref: string;
  line?: number;
  /** False when the format gave only a quote: finding it anywhere is then no relocation. */
  hasOffsets?: boolean;
  /**
   * The offsets as the file wrote them and what they count (code points of the document, as brat and
   * W3C do, or UTF-16 units): messages speak in the file's own numbers. Without it, UTF-16.
   */
  file?: { start: number; end: number; unit: 'codepoints' | 'utf16' };
}

/** A document date as the sidecar stores it: a year, a month or a day. */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** An xsd:dateTime (seconds, fraction and time zone optional): its date part is group 1. */
const DATE_TIME = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Collects annotations, facts and problems, numbering imported items `a1`, `a2`, ... and `f1`, ... */
export class ImportCollector {
  readonly annotations: Annotation[] = [];
  readonly facts: Fact[] = [];
  readonly problems: ImportProblem[] = [];
  documents?: ImportResult['documents'];
  /** See {@link ImportResult.documentDate}: set through {@link documentDateFound}. */
  private documentDate: string | undefined;
  /** How far the last anchored span moved from its offsets (a hint for the next one). */
  private shift = 0;

  constructor(readonly text: string) {}

  /** Checks a span against the text; returns its final offsets, or undefined (and a problem) when it does not anchor. */
  anchor(span: ImportedSpan, what: string): { start: number; end: number } | undefined {
    const where = { ref: span.ref, ...(span.line !== undefined ? { line: span.line } : {}) };
    const given = `[${span.file?.start ?? span.start}, ${span.file?.end ?? span.end})`;
    if (span.quote === undefined) {
      if (span.start >= 0 && span.start < span.end && span.end <= this.text.length) return { start: span.start, end: span.end };
      this.problems.push({ kind: 'unanchored', reason: `${what} ${given} is outside the document`, imported: false, ...where });
      return undefined;
    }
    const found = anchorQuote(this.text, span.start, span.end, span.quote, span.context, this.shift);
    if (found) this.shift = found.start - span.start;
    if (!found) {
      // Found elsewhere only where it would cut a character (the "e" of a decomposed "é"): not placed, and said so.
      const why = this.text.includes(span.quote) ? 'is not at its offsets, and elsewhere only inside a character (a letter and its accent, an emoji sequence)' : 'is not in the document';
      this.problems.push({ kind: 'unanchored', reason: `${what} “${span.quote}” ${why}`, imported: false, ...where });
      return undefined;
    }
    if (found.moved && span.hasOffsets !== false) {
      this.problems.push({
        kind: 'relocated',
        reason: `${what} “${span.quote}” was not at ${given}; found at [${this.inFileUnits(span, found.start)}, ${this.inFileUnits(span, found.end)})`,
        imported: true,
        ...where,
      });
    }
    return { start: found.start, end: found.end };
  }

  private map: OffsetMap | undefined;

  /** A UTF-16 offset of the document in the unit the span's file counts. */
  private inFileUnits(span: ImportedSpan, utf16: number): number {
    if (span.file?.unit !== 'codepoints') return utf16;
    this.map ??= new OffsetMap(this.text);
    return this.map.toCodePoint(utf16);
  }

  /** Adds an annotation at an anchored span and returns it (for values, notes, links). */
  addAnnotation(span: { start: number; end: number }, type: string, status: AnnotationStatus): Annotation {
    const a: Annotation = { id: `a${this.annotations.length + 1}`, type, start: span.start, end: span.end, text: this.text.slice(span.start, span.end), status };
    this.annotations.push(a);
    return a;
  }

  /** Adds a fact at an anchored span. */
  addFact(span: { start: number; end: number }, label: string, entities: string[]): Fact {
    const f: Fact = { id: `f${this.facts.length + 1}`, label, start: span.start, end: span.end, text: this.text.slice(span.start, span.end), entities };
    this.facts.push(f);
    return f;
  }

  problem(p: ImportProblem): void {
    this.problems.push(p);
  }

  /**
   * The file gives the document's date: kept when it is a date (a year, a month or a day, as the
   * sidecar stores it) and not the one the dateline gives. A full date and time (xsd:dateTime, what
   * other tools write in `dcterms:date`) gives its date part, as written, and says so; any other
   * form is reported and not set, never dropped in silence.
   */
  documentDateFound(found: string, where: { ref?: string; line?: number } = {}): void {
    const given = found.trim();
    let date = given;
    const dateTime = DATE_TIME.exec(given);
    if (dateTime) {
      date = dateTime[1];
      this.problems.push({ kind: 'unsupported', reason: `the document date “${given}” is a date and time: its date ${date} was taken, the time left out`, imported: true, ...where });
    } else if (!DATE.test(given)) {
      this.problems.push({ kind: 'unsupported', reason: `the document date “${given}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD, or a date and time); not set`, imported: false, ...where });
      return;
    }
    if (date !== detectDocumentDate(this.text)) this.documentDate = date;
  }

  result(): ImportResult {
    return {
      annotations: this.annotations,
      facts: this.facts,
      problems: this.problems,
      ...(this.documents ? { documents: this.documents } : {}),
      ...(this.documentDate !== undefined ? { documentDate: this.documentDate } : {}),
    };
  }
}
