import type { Mention, RecognitionContext } from '../model';
import { resolveOverlaps } from '../recognition/pipeline';
import { lexiconRecognizer, withoutRejected, type Lexicon } from './lexicon';
import { patternRecognizer, type PatternSpec } from './patterns';

export * from './lexicon';
export * from './patterns';

/**
 * Applies what the user taught to the recognisers' suggestions: texts confirmed anywhere in the
 * workspace and the user's patterns are suggested, and win over an overlapping model suggestion;
 * rejected texts are dropped. Cheap (regular expressions over the text), so it runs on every result
 * while the model's own results stay cached per paragraph.
 */
export class Learned {
  private readonly lexiconRec;
  private readonly patternRec;
  readonly errors: string[];

  constructor(
    readonly lexicon: Lexicon,
    patterns: readonly PatternSpec[],
  ) {
    this.lexiconRec = lexiconRecognizer(lexicon);
    const compiled = patternRecognizer(patterns);
    this.patternRec = compiled.recognizer;
    this.errors = compiled.errors;
  }

  apply(text: string, base: Mention[], context: RecognitionContext): Mention[] {
    const learned = [...this.lexiconRec.recognize(text, context), ...this.patternRec.recognize(text, context)];
    if (learned.length === 0) return withoutRejected(base, this.lexicon);
    const taught = resolveOverlaps(learned);
    const kept = base.filter((m) => !taught.some((t) => t.start < m.end && m.start < t.end));
    return withoutRejected([...kept, ...taught].sort((a, b) => a.start - b.start || a.end - b.end), this.lexicon);
  }
}
