/**
 * brat standoff import: T, E, N, A and AnnotatorNotes lines of a `.ann`, checked against the document text.
 * Relations, equivalences and other attributes have no place in Factmark's model: they are reported.
 */
import type { Annotation, Fact } from '../model';
import { OffsetMap } from '../offsets';
import { BRAT_DOCUMENT_DATE_NOTE, BRAT_KB_DB, BRAT_SUGGESTED, BRAT_TIMEX_DB, BRAT_VALUE_DB } from './brat';
import { ImportCollector } from './importing';
import { MAX_IMPORT_CHARS, tooLarge } from './limits';
import { decodeField, fromBratName, unescapeNote } from './names';
import type { ImportOptions, ImportResult } from './types';

interface TLine {
  id: string;
  type: string;
  fragments: [number, number][];
  text: string;
  line: number;
}

interface ELine {
  id: string;
  type: string;
  trigger: string;
  args: [string, string][];
  line: number;
}

interface TargetedLine {
  kind: 'N' | 'A' | '#';
  id: string;
  type: string;
  target: string;
  db?: string;
  ref?: string;
  tail: string;
  line: number;
}

/** Parses a `.ann` file against the text of its `.txt`. */
export function importBrat(content: string, text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector(text);
  if (content.length > MAX_IMPORT_CHARS) return tooLarge(out, content.length);
  const map = new OffsetMap(text);
  const ts = new Map<string, TLine>();
  const es: ELine[] = [];
  const targeted: TargetedLine[] = [];

  content.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const n = i + 1;
    const [id, data = '', ...rest] = line.split('\t');
    const tail = rest.join('\t');
    const syntax = (why: string) => out.problem({ kind: 'syntax', reason: `${why}: ${line}`, line: n, ref: id, imported: false });
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*$/.exec(data);
        if (!m) return syntax('malformed text-bound line');
        const fragments = m[2].split(';').map((p) => p.split(' ').map(Number) as [number, number]);
        const first = ts.get(id);
        if (first) return void out.problem({ kind: 'duplicate', reason: `${id} is already defined on line ${first.line}; this one is not imported: ${line}`, line: n, ref: id, imported: false });
        ts.set(id, { id, type: fromBratName(m[1]), fragments, text: tail, line: n });
        return;
      }
      case 'E': {
        const [head, ...argv] = data.trim().split(/\s+/);
        const [type, trigger] = head.split(':');
        if (!type || !trigger) return syntax('malformed event line');
        const first = es.find((e) => e.id === id);
        if (first) return void out.problem({ kind: 'duplicate', reason: `${id} is already defined on line ${first.line}; this one is not imported: ${line}`, line: n, ref: id, imported: false });
        es.push({ id, type: fromBratName(type), trigger, args: argv.map((a) => a.split(':') as [string, string]), line: n });
        return;
      }
      case 'N': {
        const m = /^(\S+) (\S+) (\S+?):(\S+)/.exec(data);
        if (!m) return syntax('malformed normalisation line');
        targeted.push({ kind: 'N', id, type: m[1], target: m[2], db: m[3], ref: m[4], tail, line: n });
        return;
      }
      case 'A':
      case 'M': {
        const [type, target, value] = data.trim().split(/\s+/);
        if (!type || !target) return syntax('malformed attribute line');
        targeted.push({ kind: 'A', id, type, target, ref: value, tail, line: n });
        return;
      }
      case '#': {
        const [type, target] = data.trim().split(/\s+/);
        if (!type || !target) return syntax('malformed note line');
        targeted.push({ kind: '#', id, type, target, tail, line: n });
        return;
      }
      default:
        out.problem({ kind: 'unsupported', reason: `brat ${id[0] === 'R' ? 'relation' : id === '*' ? 'equivalence' : 'line'} not imported (Factmark has no such annotation): ${line}`, line: n, ref: id, imported: false });
    }
  });

  const triggers = new Set(es.map((e) => e.trigger));
  const byT = new Map<string, Annotation>();
  for (const t of ts.values()) {
    if (triggers.has(t.id)) continue;
    const span = anchorT(out, map, text, t);
    if (span) byT.set(t.id, out.addAnnotation(span, t.type, options.status ?? 'confirmed'));
  }

  const byE = new Map<string, Fact>();
  for (const e of es) {
    const t = ts.get(e.trigger);
    if (!t) {
      out.problem({ kind: 'dangling', reason: `event ${e.id} has no trigger ${e.trigger}`, line: e.line, ref: e.id, imported: false });
      continue;
    }
    const span = anchorT(out, map, text, t);
    if (!span) continue;
    const entities: string[] = [];
    for (const [role, arg] of e.args) {
      const a = arg === undefined ? undefined : byT.get(arg);
      if (a) entities.push(a.id);
      else out.problem({ kind: 'dangling', reason: `event ${e.id} argument ${role}:${arg} is not an imported entity; link left out`, line: e.line, ref: e.id, imported: false });
    }
    byE.set(e.id, out.addFact(span, e.type, entities));
  }

  for (const l of targeted) applyTargeted(out, l, byT, byE);
  return out.result();
}

/**
 * Anchors a T line: the fragments must hold its text; if not, the text is looked for nearby and elsewhere.
 * Fragments split only by line breaks (how Factmark and brat write a span that crosses lines) make one
 * span; a span with other text in a gap is discontinuous, which Factmark cannot hold: it is reported, not
 * widened over the gap.
 */
function anchorT(out: ImportCollector, map: OffsetMap, text: string, t: TLine): { start: number; end: number } | undefined {
  const units = t.fragments.map(([s, e]) => [map.toUtf16(s), map.toUtf16(e)] as const);
  const start = units[0][0];
  const end = units[units.length - 1][1];
  const inside = units.every(([s, e]) => s >= 0 && s <= e && e <= text.length);
  if (inside && units.length > 1) {
    const gaps = units.slice(1).map(([s], i) => text.slice(units[i][1], s));
    if (gaps.some((g) => !/^\s*$/u.test(g))) {
      out.problem({ kind: 'unsupported', reason: `${t.id} ${t.type} is discontinuous (${t.fragments.map((f) => f.join(' ')).join(';')}: “${t.text}”); Factmark spans are continuous, not imported`, line: t.line, ref: t.id, imported: false });
      return undefined;
    }
  }
  if (inside && units.map(([s, e]) => text.slice(s, e)).join(' ') === t.text) return { start, end };
  const file = { start: t.fragments[0][0], end: t.fragments[t.fragments.length - 1][1], unit: 'codepoints' as const };
  return out.anchor({ start, end, quote: t.text, ref: t.id, line: t.line, file }, `${t.id} ${t.type}`);
}

function applyTargeted(out: ImportCollector, l: TargetedLine, byT: Map<string, Annotation>, byE: Map<string, Fact>): void {
  const a = byT.get(l.target);
  const f = byE.get(l.target);
  const lost = (why: string) => out.problem({ kind: 'unsupported', reason: why, line: l.line, ref: l.id, imported: false });
  if (!a && !f) return void out.problem({ kind: 'dangling', reason: `${l.id} refers to ${l.target}, which was not imported`, line: l.line, ref: l.id, imported: false });
  if (l.kind === '#') {
    if (l.type !== 'AnnotatorNotes') return lost(`comment type ${l.type} not imported`);
    const target = (a ?? f) as { note?: string };
    const note = unescapeNote(l.tail);
    // The document's date, which Factmark's export notes on one entity (brat has no other place for it).
    // Told by the line as written: a user's note worded so has its first letter escaped.
    if (l.tail.startsWith(BRAT_DOCUMENT_DATE_NOTE)) return void out.documentDateFound(note.slice(BRAT_DOCUMENT_DATE_NOTE.length), { ref: l.id, line: l.line });
    // An empty note line (brat writes one when a note is cleared in its UI) is no note.
    if (note === '') return;
    target.note = target.note ? `${target.note}\n${note}` : note;
    return;
  }
  if (l.kind === 'A') {
    if (a && l.type === BRAT_SUGGESTED) a.status = 'suggested';
    else lost(`attribute ${l.type} of ${l.target} not imported (Factmark has no attributes)`);
    return;
  }
  const ref = decodeField(l.ref ?? '');
  if (f) {
    if (l.db === BRAT_TIMEX_DB) f.date = ref;
    else lost(`normalisation ${l.db}:${l.ref} of event ${l.target} not imported (facts only carry a date)`);
    return;
  }
  if (!a) return;
  const isValue = l.db === BRAT_TIMEX_DB || l.db === BRAT_VALUE_DB;
  const value = isValue ? ref : l.db === 'Wikidata' || l.db === BRAT_KB_DB ? ref : `${l.db}:${l.ref}`;
  // Factmark keeps one value and one KB id per annotation: a second one is reported, not lost silently
  const had = isValue ? a.value : a.kb;
  if (had !== undefined && had !== value) return lost(`${isValue ? 'value' : 'KB id'} ${l.db}:${l.ref} of ${l.target} not imported: it already has ${had} (Factmark keeps one)`);
  if (isValue) a.value = value;
  else a.kb = value;
}
