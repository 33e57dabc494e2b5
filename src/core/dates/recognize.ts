/** Runs the grammar over a text and keeps the best non-overlapping expressions. */
import type { Mention, RecognitionContext } from '../model';
import { parseYmd } from './calendar';
import { tenseAround, Tense } from './resolve';
import { RULES, RuleContext, Timex } from './rules';

interface Candidate extends Timex {
  start: number;
  end: number;
  rank: number;
}

/** Every expression the rules find, overlapping ones included. */
function candidates(text: string, context: RecognitionContext): Candidate[] {
  const anchor = parseYmd(context.documentDate);
  const found: Candidate[] = [];
  RULES.forEach((rule, rank) => {
    if (rule.guard && !rule.guard.some((word) => text.includes(word))) return;
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      let tense: Tense | null = null;
      const ctx: RuleContext = {
        text,
        anchor,
        tense: () => (tense === null ? (tense = tenseAround(text, start, end)) : tense),
      };
      const timex = rule.build(m, ctx);
      if (timex) found.push({ ...timex, start, end, rank });
      // a rejected match may hide a shorter one inside it ("the two-day" → "two-day")
      else re.lastIndex = start + 1;
    }
  });
  return found;
}

/**
 * Finds dates, times, durations and sets in `text`. Spans are UTF-16 offsets, sorted and
 * non-overlapping; relative expressions resolve against `context.documentDate` when given and keep
 * `X` placeholders otherwise.
 */
export function recognizeDates(text: string, context: RecognitionContext = {}): Mention[] {
  const all = candidates(text, context);
  // longest first; on equal length the earlier rule in RULES wins
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  // a mask of taken characters keeps the overlap test linear in the text length
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of all) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => ({
    start: c.start,
    end: c.end,
    type: 'DATE',
    text: text.slice(c.start, c.end),
    value: c.value,
    timexType: c.type,
    source: 'dates',
  }));
}
