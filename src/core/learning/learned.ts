import type { Mention, RecognitionContext, Recognizer } from '../model';
import { resolveOverlaps } from '../recognition/pipeline';
import { entriesFor, lexiconRecognizer, withoutRejected, type Lexicon } from './lexicon';
import { patternRecognizer, type PatternSpec } from './patterns';

/**
 * Applies what the user taught to the recognisers' suggestions: texts confirmed in the workspace
 * are suggested at their other mentions, the user's patterns are suggested, and texts rejected
 * (everywhere, or in this document) are dropped. Cheap (regular expressions over the text), so it
 * runs on every result while the model's own results stay cached per paragraph.
 *
 * A confirmed text is a hint, not a rule: it wins over a model suggestion it covers ("Bank of
 * England" over "England") but never retypes one of its span nor cuts a longer or crossing one
 * ("North" confirmed as a place leaves "North Korea" whole). A text the user accepted everywhere is
 * a rule for its type: it also retypes the model's suggestion of its span. A pattern is a rule the
 * user wrote: it wins over every overlapping model suggestion.
 */
export class Learned {
  private readonly lexiconRecs = new Map<string, Recognizer>();
  private readonly patternRec;
  readonly errors: string[];

  constructor(
    readonly lexicon: Lexicon,
    patterns: readonly PatternSpec[],
    private readonly hints: HintReach = DEFAULT_HINTS,
  ) {
    const compiled = patternRecognizer(patterns);
    this.patternRec = compiled.recognizer;
    this.errors = compiled.errors;
  }

  /**
   * The suggestions of a document after what was learnt. `document` is its path relative to its
   * workspace folder (how lexicon entries of one document name it); undefined: entries that hold
   * everywhere only.
   */
  apply(text: string, base: Mention[], context: RecognitionContext, document?: string): Mention[] {
    const names = this.lexiconFor(document).recognize(text, context);
    const patterns = this.patternRec.recognize(text, context);
    let kept = base;
    if (patterns.length) {
      const rules = resolveOverlaps(patterns);
      kept = [...kept.filter((m) => !rules.some((t) => t.start < m.end && m.start < t.end)), ...rules];
    }
    if (names.length) {
      const { retype, cover } = this.hints;
      // A rule (Accept Everywhere) retypes the model's suggestion of its span: the user chose so.
      const allowed = (h: Mention, m: Mention) => !overlaps(m, h) || (same(h, m) ? retype || h.source === 'rule' : cover && covers(h, m));
      const hints = resolveOverlaps(names).filter((h) => kept.every((m) => allowed(h, m)) && (kept.some((m) => overlaps(m, h)) || standsAlone(text, h)));
      kept = [...kept.filter((m) => !hints.some((h) => overlaps(m, h))), ...hints];
    }
    return withoutRejected(kept.sort((a, b) => a.start - b.start || a.end - b.end), this.lexicon, document);
  }

  private lexiconFor(document: string | undefined): Recognizer {
    // Entries of other documents change nothing here: one recogniser per set that applies.
    const scoped = entriesFor(this.lexicon.confirmed, document).some((e) => e.document) ? (document ?? '') : '';
    let rec = this.lexiconRecs.get(scoped);
    if (!rec) this.lexiconRecs.set(scoped, (rec = lexiconRecognizer(this.lexicon, scoped || undefined)));
    return rec;
  }
}

/** Where a confirmed name is suggested beyond the gaps the model leaves (see `Learned`). */
export interface HintReach {
  /** Over a model suggestion of the same span, with the confirmed type. */
  retype: boolean;
  /** Over model suggestions it covers ("Bank of England" over "England"). */
  cover: boolean;
}

export const DEFAULT_HINTS: HintReach = { retype: false, cover: true };

/**
 * Whether a name stands alone where the model saw no name: not joined by a hyphen to a word and
 * not followed by another capitalised word. "U.S." confirmed as a place is no hint inside "U.S.
 * Open", "Gulf War" or "London-based", names of another kind (MISC) that the model leaves unshown.
 */
function standsAlone(text: string, h: Mention): boolean {
  const before = text.slice(Math.max(0, h.start - 2), h.start);
  const after = text.slice(h.end, h.end + 40);
  return !/[\p{L}\p{N}]-$/u.test(before) && !/^-[\p{L}\p{N}]/u.test(after) && !/^[ \t]+\p{Lu}/u.test(after);
}

const same = (a: Mention, b: Mention) => a.start === b.start && a.end === b.end;
const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end;
const covers = (outer: Mention, inner: Mention) => outer.start <= inner.start && inner.end <= outer.end;
