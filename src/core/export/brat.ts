/**
 * brat standoff export (`.ann` beside the document's `.txt`, plus the project's `annotation.conf`).
 *
 * Offsets count code points and CRLF counts as two, as brat reads a `.txt` in Python. Facts become events
 * with a trigger T line over the fact's span, as brat's own news tutorial does (`E1	Merge-org:T3 Org-Arg:T1
 * Org-Arg2:T2`): a fact links any number of entities, and brat relations are binary. Repeated roles are
 * numbered the brat way (Participant, Participant2, ...). Normalised values and KB ids are N lines
 * (`N1	Reference T1 Wikidata:Q423	Seoul`), notes are AnnotatorNotes lines (line breaks, tabs and `\`
 * escaped as `\n`, `\t`, `\\`), and a suggested annotation carries a `Suggested` attribute. Type and label
 * names keep every character: those brat cannot hold are percent-encoded (`Weapon%20system`).
 */
import type { Annotation, Fact } from '../model';
import { OffsetMap } from '../offsets';
import { bratName, encodeField, escapeNote, escapeUserNote, orderTypes } from './names';
import { documentDateOf, oneLine, selectAnnotations, selectFacts, sortInputs, stripExtension } from './select';
import type { ExportInput, ExportOptions, ExportResult } from './types';

/** Role name of a fact's entities in brat events. */
export const BRAT_ROLE = 'Participant';
/** Attribute marking suggested (not yet confirmed) annotations. */
export const BRAT_SUGGESTED = 'Suggested';
/**
 * The document's own date has no place in brat (no document-level annotation): it is an AnnotatorNotes
 * line with this prefix, on the DATE annotation that has that value (the dateline's, usually), else on
 * the document's first entity. The import reads it back as the document's date, not as a note.
 */
export const BRAT_DOCUMENT_DATE_NOTE = 'Factmark document date: ';

/** Normalisation database names for values: dates use TIMEX3, other values `Value`. */
export const BRAT_TIMEX_DB = 'TIMEX3';
export const BRAT_VALUE_DB = 'Value';
/** Normalisation database for KB ids that are not Wikidata QIDs and have no `db:` prefix. */
export const BRAT_KB_DB = 'KB';

/** A document's `.ann` content. */
export function toBratAnn(input: ExportInput, options: ExportOptions = {}, warnings: string[] = []): string {
  const map = new OffsetMap(input.text);
  const annotations = selectAnnotations(input, options);
  const facts = selectFacts(input, annotations, warnings);
  const lines: string[] = [];
  const next = { T: 0, E: 0, N: 0, A: 0, '#': 0 };
  const tOf = new Map<string, string>();
  const date = documentDateOf(input);
  const dateline = date ? (annotations.find((a) => a.type === 'DATE' && a.value === date) ?? annotations[0]) : undefined;

  for (const a of annotations) {
    const t = textBound(input, map, a, bratName(a.type), ++next.T);
    if (!t) {
      next.T--;
      warnings.push(`${input.name}: annotation ${a.id} covers only line breaks; left out`);
      continue;
    }
    lines.push(t.line);
    tOf.set(a.id, t.id);
    if (a.status === 'suggested') lines.push(`A${++next.A}\t${BRAT_SUGGESTED} ${t.id}`);
    if (a.value !== undefined && a.value !== '') {
      const db = a.type === 'DATE' ? BRAT_TIMEX_DB : BRAT_VALUE_DB;
      lines.push(`N${++next.N}\tReference ${t.id} ${db}:${encodeField(a.value)}\t${t.quote}`);
    }
    if (a.kb !== undefined && a.kb !== '') lines.push(`N${++next.N}\tReference ${t.id} ${kbRef(a.kb)}\t${t.quote}`);
    if (a.note) lines.push(`#${++next['#']}\tAnnotatorNotes ${t.id}\t${escapeUserNote(a.note, BRAT_DOCUMENT_DATE_NOTE)}`);
    if (a === dateline) lines.push(`#${++next['#']}\tAnnotatorNotes ${t.id}\t${BRAT_DOCUMENT_DATE_NOTE}${escapeNote(date!)}`);
  }
  // Whenever no T line carries the note (no entity exported, or the one chosen was left out), the
  // date is not in the file: said, as FORMATS.md promises.
  if (date && !tOf.has(dateline?.id ?? '')) warnings.push(`${input.name}: its document date ${date} is not in the brat export (brat has no place for it without an entity to note it on)`);

  for (const f of facts) {
    const type = bratName(f.label);
    const t = textBound(input, map, f, type, ++next.T);
    if (!t) {
      next.T--;
      warnings.push(`${input.name}: fact ${f.id} covers only line breaks; left out`);
      continue;
    }
    lines.push(t.line);
    const e = `E${++next.E}`;
    lines.push(`${e}\t${type}:${t.id}${eventArguments(f, tOf)}`);
    if (f.date) lines.push(`N${++next.N}\tReference ${e} ${BRAT_TIMEX_DB}:${encodeField(f.date)}\t${oneLine(f.date)}`);
    if (f.note) lines.push(`#${++next['#']}\tAnnotatorNotes ${e}\t${escapeUserNote(f.note, BRAT_DOCUMENT_DATE_NOTE)}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** `annotation.conf` declaring every entity type, fact label and attribute used in the documents. */
export function toBratConf(docs: ExportInput[], options: ExportOptions = {}): string {
  const types = new Set<string>(['PERSON', 'ORGANIZATION', 'PLACE', 'DATE']);
  const labels = new Set<string>();
  for (const d of docs) {
    for (const a of selectAnnotations(d, options)) types.add(bratName(a.type));
    for (const f of d.doc.facts) labels.add(bratName(f.label));
  }
  const entityTypes = orderTypes(types);
  const argument = `${BRAT_ROLE}*:${entityTypes.join('|')}`;
  return [
    '# Factmark label set for brat (https://brat.nlplab.org/configuration.html)',
    '[entities]',
    ...entityTypes,
    '',
    '[relations]',
    '',
    '[events]',
    ...[...labels].sort().map((l) => `${l}\t${argument}`),
    '',
    '[attributes]',
    `${BRAT_SUGGESTED}\tArg:<ENTITY>`,
    '',
  ].join('\n');
}

/**
 * All documents: for each a `.ann` and the `.txt` its offsets count (brat opens a document only as the
 * pair), and one `annotation.conf`. The `.txt` is exactly the text the offsets count: the document as
 * Factmark reads it, without the byte-order mark of the file on disk (editors hide it, so the offsets never
 * count it) and with its line breaks as they are (CRLF counts two).
 */
export function exportBrat(docs: ExportInput[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const files = sortInputs(docs).flatMap((d) => [
    { name: `${stripExtension(d.name)}.ann`, content: toBratAnn(d, options, warnings) },
    { name: `${stripExtension(d.name)}.txt`, content: d.text },
  ]);
  files.push({ name: 'annotation.conf', content: toBratConf(docs, options) });
  return { files, warnings };
}

interface TextBound {
  id: string;
  line: string;
  quote: string;
}

/**
 * The T line of a span. brat keeps one annotation per line, so a span that crosses line breaks is written
 * as fragments (`0 5;7 12`) around them, and its text joins the fragments with a space, as brat does.
 */
function textBound(input: ExportInput, map: OffsetMap, span: Annotation | Fact, type: string, n: number): TextBound | undefined {
  const fragments: [number, number][] = [];
  let from = -1;
  for (let i = span.start; i <= span.end; i++) {
    const c = i < span.end ? input.text.charCodeAt(i) : 10;
    const isBreak = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
    if (isBreak && from >= 0) {
      fragments.push([from, i]);
      from = -1;
    } else if (!isBreak && from < 0) {
      from = i;
    }
  }
  if (fragments.length === 0) return undefined;
  const offsets = fragments.map(([s, e]) => `${map.toCodePoint(s)} ${map.toCodePoint(e)}`).join(';');
  const quote = fragments.map(([s, e]) => input.text.slice(s, e)).join(' ');
  const id = `T${n}`;
  return { id, line: `${id}\t${type} ${offsets}\t${quote}`, quote };
}

function eventArguments(fact: Fact, tOf: Map<string, string>): string {
  let out = '';
  let k = 0;
  for (const id of fact.entities) {
    const t = tOf.get(id);
    if (!t) continue;
    k++;
    out += ` ${BRAT_ROLE}${k === 1 ? '' : k}:${t}`;
  }
  return out;
}

function kbRef(kb: string): string {
  // `Q5` and `Wikidata:Q5` are the same id to the import (names.ts kbKey): both as brat writes it
  if (/^Q[1-9]\d*$/.test(kb)) return `Wikidata:${kb}`;
  if (/^Wikidata:Q[1-9]\d*$/.test(kb)) return kb;
  // an id that already names its database (`GeoNames:1835848`) keeps it, unless the import reads
  // that database otherwise (a value, a bare QID, a KB: prefix): `KB:x` came back as `x`
  const db = /^([^\s:]+):\S+$/.exec(kb)?.[1];
  if (db !== undefined && ![BRAT_KB_DB, BRAT_VALUE_DB, BRAT_TIMEX_DB, 'Wikidata'].includes(db)) return kb;
  return `${BRAT_KB_DB}:${encodeField(kb)}`;
}
