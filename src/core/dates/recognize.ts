/** Runs the grammar over a text and keeps the best non-overlapping expressions. */
import type { Mention, RecognitionContext, Recognizer } from '../model';
import { formatYmd, pad, parseYmd } from './calendar';
import { resolveWeekday, shiftReference, tenseAround, Tense, unresolved } from './resolve';
import { RULES, RuleContext, Timex } from './rules';

interface Candidate extends Timex {
  start: number;
  end: number;
  rank: number;
}

/** How far a match may reach before and after the guard fragment it contains (characters). */
const REACH_BEFORE = 80;
const REACH_AFTER = 100;

/** For each trigger word, the indices (in RULES) of the rules it wakes. */
const RULES_BY_TRIGGER = new Map<string, number[]>();
RULES.forEach((rule, i) => {
  for (const word of rule.triggers) {
    const list = RULES_BY_TRIGGER.get(word) ?? [];
    list.push(i);
    RULES_BY_TRIGGER.set(word, list);
  }
});

// Trigger words are looked up only when some trigger starts with their first two letters (or, for one
// letter, that letter) and has their length: most words of a text are no trigger, and this spares them a
// lower-cased copy and a map lookup ("the" starts like "third" and "thursday", but no trigger is "th" and three letters long).
const MAX_TRIGGER_LENGTH = Math.max(...[...RULES_BY_TRIGGER.keys()].filter((k) => /^[a-z]+$/.test(k)).map((k) => k.length));
if (MAX_TRIGGER_LENGTH > 31) throw new Error('a trigger word is longer than the length bits of TRIGGER_STARTS');
// Per start, a bit per length of the triggers with that start.
const TRIGGER_STARTS = new Uint32Array(27 * 26);
for (const key of RULES_BY_TRIGGER.keys()) {
  if (!/^[a-z]+$/.test(key)) continue;
  const a = key.charCodeAt(0) - 97;
  TRIGGER_STARTS[key.length === 1 ? 26 * 26 + a : a * 26 + key.charCodeAt(1) - 97] |= 1 << key.length;
}
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Positions of each rule's trigger words, from one pass over the words of the text: the runs of ASCII
 * letters and of digits (what /[A-Za-z]+|\d+/g finds), read by character code without a copy of each.
 */
function triggerHits(text: string): number[][] {
  const hits: number[][] = RULES.map(() => []);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      const length = j - i;
      const a = (c | 32) - 97;
      const start = length === 1 ? 26 * 26 + a : a * 26 + (text.charCodeAt(i + 1) | 32) - 97;
      if (length <= MAX_TRIGGER_LENGTH && (TRIGGER_STARTS[start] >>> length) & 1) {
        const rules = RULES_BY_TRIGGER.get(text.slice(i, j).toLowerCase());
        if (rules) for (const r of rules) hits[r].push(i);
      }
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const rules = RULES_BY_TRIGGER.get(NUMBER_KEYS[Math.min(j - i, 5)]);
      if (rules) for (const r of rules) hits[r].push(i);
      // a number before a colon or a dash ("3:07:35", "1957-58") wakes the rules for clocks and ranges only
      const next = text.charCodeAt(j);
      const joined = next === 58 ? RULES_BY_TRIGGER.get('#:') : next === 45 || next === 0x2013 ? RULES_BY_TRIGGER.get('#-') : undefined;
      if (joined) for (const r of joined) hits[r].push(i);
      i = j;
    } else i++;
  }
  return hits;
}

// The trigger keys of numbers by their count of digits (5 for five or more).
const NUMBER_KEYS = ['', '#1', '#2', '#3', '#4', '#5'];

/**
 * The parts of `text` where a rule can match: windows around its trigger words, widened to
 * whitespace so that word-boundary assertions see what they would see in the whole text, and merged.
 */
function windows(text: string, hits: readonly number[], [before, after] = [REACH_BEFORE, REACH_AFTER]): [number, number][] {
  const out: [number, number][] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    if (last && hit - before <= last[1]) last[1] = hit + after;
    else out.push([Math.max(0, hit - before), hit + after]);
  }
  for (const w of out) {
    while (w[0] > 0 && text.charCodeAt(w[0] - 1) > 32) w[0]--;
    w[1] = Math.min(text.length, w[1]);
    while (w[1] < text.length && text.charCodeAt(w[1]) > 32) w[1]++;
  }
  return out;
}

/** Every expression the rules find, overlapping ones included. */
function candidates(text: string, context: RecognitionContext): Candidate[] {
  const anchor = parseYmd(context.documentDate);
  const found: Candidate[] = [];
  const hits = triggerHits(text);
  RULES.forEach((rule, rank) => {
    const re = rule.pattern;
    for (const [from, to] of windows(text, hits[rank], rule.reach)) {
      const part = from === 0 && to === text.length ? text : text.slice(from, to);
      re.lastIndex = 0;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const local = m.index;
        const start = from + local;
        const end = start + m[0].length;
        m.index = start; // rules read their context from the whole text
        let tense: Tense | null = null;
        const ctx: RuleContext = {
          text,
          anchor,
          tense: () => (tense === null ? (tense = tenseAround(text, start, end)) : tense),
        };
        const timex = rule.build(m, ctx);
        // built field by field: a spread of the rules' differently shaped results is slow
        if (timex) found.push({ type: timex.type, value: timex.value, anaphor: timex.anaphor, start, end, rank });
        // a rejected match may hide a shorter one inside it ("the two-day" → "two-day")
        else re.lastIndex = local + 1;
      }
    }
  });
  return found;
}

/**
 * Gives anaphoric expressions ("that day", "the following year") their value: a shift from the
 * date mentioned last before them, or from the document date when none was.
 */
function resolveAnaphors(kept: Candidate[], context: RecognitionContext): void {
  const anchor = parseYmd(context.documentDate);
  let ref: string | undefined = anchor ? formatYmd(anchor) : undefined;
  // the decade told of last: that of the last date, or a decade named as such ("the 1940s" → `194`)
  let decade = ref?.slice(0, 3);
  // The last date the story tells of, leaving out the days of the report itself ("papers reported on
  // Friday", "yesterday"): "the following year", "March of that year" count from a time of the story,
  // since of the report's own time a writer says "next year", "this March". A day-level anaphor
  // ("later that day") keeps the date just told of, whatever it is.
  let told: string | undefined;
  const nearReport = (value: string): boolean => {
    const d = parseYmd(value);
    return d !== undefined && anchor !== undefined && Math.abs(Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(anchor.year, anchor.month - 1, anchor.day)) <= 7 * 86_400_000;
  };
  for (const c of kept) {
    const a = c.anaphor;
    const refDay = ref && /^\d{4}-\d\d-\d\d/.test(ref) ? ref.slice(0, 10) : undefined;
    const storyRef = told ?? ref;
    if (a?.time) {
      // a clock time without its day belongs to the day the text is telling of
      c.value = `${refDay ?? (anchor ? formatYmd(anchor) : 'XXXX-XX-XX')}T${a.time}`;
    } else if (a?.weekday) {
      const base = parseYmd(refDay ?? context.documentDate);
      c.value = base ? formatYmd(resolveWeekday(base, a.weekday, a.shift > 0 ? 'future' : 'past', true)) : `XXXX-WXX-${a.weekday}`;
    } else if (a?.month) {
      const year = storyRef === undefined ? undefined : shiftReference(storyRef, 'Y', a.shift);
      c.value = `${year ?? 'XXXX'}-${pad(a.month)}`;
    } else if (a?.unit === 'DE') {
      c.value = decade ? String(Number(decade) + a.shift) : 'XXX';
    } else if (a) {
      const from = a.unit === 'Y' || a.unit === 'Q' || a.unit === 'M' ? storyRef : ref;
      const day = from === undefined ? undefined : shiftReference(from, a.unit, a.shift);
      const base = day ?? unresolved(a.unit);
      c.value = a.part ? `${base}T${a.part}` : base;
    }
    if ((c.type === 'DATE' || c.type === 'TIME') && c.value && /^\d{4}/.test(c.value)) {
      ref = c.value;
      decade = ref.slice(0, 3);
      if (!nearReport(ref)) told = ref;
    }
    else if (c.type === 'DATE' && c.value && /^\d{3}$/.test(c.value)) decade = c.value;
  }
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
  resolveAnaphors(kept, context);
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

/** The date recogniser for the recogniser registry. */
export const dateRecognizer: Recognizer = {
  name: 'dates',
  recognize: (text, context) => recognizeDates(text, context),
};
