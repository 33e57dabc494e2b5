import type { EntityType, Mention, Recognizer } from '../model';

/** A user pattern from the settings: a regular expression whose matches are suggested as a type. */
export interface PatternSpec {
  pattern: string;
  type: EntityType;
  /** Extra flags: only `i` (ignore case) and `u`/`v` are honoured; `g` is always on. */
  flags?: string;
}

/** Patterns longer than this are refused: a settings file is no place for a program. */
const MAX_PATTERN_LENGTH = 500;

/**
 * Compiles user patterns into a recogniser. Invalid ones are reported with the reason and skipped,
 * never thrown, so one typo does not turn suggestions off. A pattern that matches the empty string
 * is refused (it would match everywhere).
 */
export function patternRecognizer(specs: readonly PatternSpec[]): { recognizer: Recognizer; errors: string[] } {
  const errors: string[] = [];
  const compiled: Array<{ re: RegExp; type: EntityType }> = [];
  specs.forEach((spec, i) => {
    const where = `factmark.patterns[${i}]`;
    if (!spec || typeof spec.pattern !== 'string' || typeof spec.type !== 'string' || !spec.type) {
      errors.push(`${where}: needs "pattern" and "type"`);
      return;
    }
    if (spec.pattern.length > MAX_PATTERN_LENGTH) {
      errors.push(`${where}: longer than ${MAX_PATTERN_LENGTH} characters`);
      return;
    }
    const flags = 'g' + [...new Set((spec.flags ?? '').replace(/[^iuv]/g, ''))].join('');
    try {
      const re = new RegExp(spec.pattern, flags.includes('v') ? flags.replace('u', '') : flags);
      if (re.test('')) {
        errors.push(`${where}: matches the empty string`);
        return;
      }
      compiled.push({ re, type: spec.type });
    } catch (err) {
      errors.push(`${where}: ${(err as Error).message}`);
    }
  });
  return {
    errors,
    recognizer: {
      name: 'patterns',
      recognize(text: string): Mention[] {
        const found: Mention[] = [];
        for (const { re, type } of compiled) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            found.push({ start: m.index, end: m.index + m[0].length, text: m[0], type, source: 'patterns' });
          }
        }
        return found;
      },
    },
  };
}
