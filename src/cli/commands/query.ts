/** `factmark query`: mentions and facts of the sidecars found, by entity, type, date range, status, document or text. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENTITIES_FILE, parseEntities } from '../../core/entities';
import { describeQuery, indexSidecar, isDate, parseSearch, typeName, WorkspaceIndex, type IndexedFact, type IndexedMention, type IndexQuery } from '../../core/index';
import type { AnnotationStatus } from '../../core/model';
import { parseSidecar } from '../../core/sidecar';
import { clause } from '../../core/documents';
import { collect, readIfExists, readText, shown, statGiven, UsageError } from '../files';
import { plural } from '../load';
import { defineCommand, type Io, type Values } from '../command';

export const queryCommand = defineCommand({
  name: 'query',
  summary: 'Find mentions and facts by entity, type, date range, status or document (JSON or CSV)',
  usage: 'query [options] [files or folders...]',
  description: `Lists the mentions (annotations) and facts of the sidecars found that match every option given,
from the same index as the extension's search. A mention's date is its value for a calendar date,
else its document's date; a fact's date is its own, else its document's.
`,
  options: {
    entity: { type: 'string', short: 'e', value: '<id|name>', help: 'Linked to this entity of factmark.entities.yaml (id, name or alias)' },
    type: { type: 'string', short: 't', value: '<types>', help: 'Of these types, comma-separated (PERSON,PLACE; a fact: one of its entities)' },
    from: { type: 'string', value: '<date>', help: 'Dated on or after (2006, 2006-03, 2006-03-02)' },
    to: { type: 'string', value: '<date>', help: 'Dated on or before (2006 includes all of 2006)' },
    status: { type: 'string', short: 's', value: '<statuses>', help: 'Mentions with these statuses, comma-separated (confirmed,suggested,rejected)' },
    document: { type: 'string', short: 'd', value: '<text>', help: 'In documents whose name contains this' },
    text: { type: 'string', value: '<words>', help: "Whose text (a fact's label or text) contains every word" },
    search: { type: 'string', value: '<query>', help: "The search box's language: type:PERSON entity:Roh after:2006 ..." },
    only: { type: 'string', value: '<what>', help: 'mentions or facts (default: both)' },
    entities: { type: 'string', value: '<file>', help: 'The entities file (default: factmark.entities.yaml in the folder given\nor a folder above it)' },
    format: { type: 'string', value: '<format>', help: 'json (default) or csv' },
  },
  epilogue: 'Exit code 1 when a sidecar could not be read (the others are still searched).\n',
  run: runQuery,
});

/** The index of the sidecars found under `paths` and of their entities file; problems as messages. */
export function loadIndex(paths: readonly string[], cwd: string, entitiesFile?: string): { index: WorkspaceIndex; problems: string[]; entitiesPath?: string } {
  const index = new WorkspaceIndex();
  const problems: string[] = [];
  for (const doc of collect(paths, 'sidecars', cwd)) {
    const where = shown(doc.sidecar, cwd);
    try {
      const sidecar = readIfExists(doc.sidecar);
      if (sidecar === undefined) continue;
      const parsed = parseSidecar(sidecar);
      if (!parsed.doc) {
        const first = parsed.diagnostics.find((d) => d.severity === 'error');
        problems.push(`${where}: error: malformed sidecar${first ? ` (line ${first.line + 1}: ${first.message})` : ''}`);
        continue;
      }
      // An entry that fails validation is not in the index: say so, or the answer is short unsaid.
      for (const d of parsed.diagnostics) if (d.severity === 'error') problems.push(`${where}:${d.line + 1}:${d.column + 1}: error: ${clause(d.message)}; left out`);
      index.setDocument(indexSidecar(doc.path, doc.name, parsed.doc, readText(doc.path)));
    } catch (err) {
      problems.push(`${where}: error: ${(err as Error).message}`);
    }
  }
  const entitiesPath = entitiesFile !== undefined ? path.resolve(cwd, entitiesFile) : findEntitiesFile(paths, cwd);
  if (entitiesPath !== undefined) {
    let text: string | undefined;
    try {
      text = fs.readFileSync(entitiesPath, 'utf8');
    } catch {
      if (entitiesFile !== undefined) throw new UsageError(`no such entities file: ${entitiesFile}`);
    }
    if (text !== undefined) {
      const parsed = parseEntities(text);
      for (const d of parsed.diagnostics.filter((x) => x.severity === 'error')) problems.push(`${shown(entitiesPath, cwd)}:${d.line + 1}:${d.column + 1}: error: ${d.message}`);
      index.setEntities(entitiesPath, parsed.data?.entities ?? []);
    }
  }
  return { index, problems, entitiesPath };
}

/** The entities file of the first folder given (or the current one), or of the nearest folder above it. */
function findEntitiesFile(paths: readonly string[], cwd: string): string | undefined {
  const { abs, stat } = statGiven(paths[0] ?? '.', cwd);
  for (let dir = stat.isDirectory() ? abs : path.dirname(abs); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ENTITIES_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The query the options ask for; a UsageError for a value that is not understood. */
export function queryOf(values: Values): IndexQuery {
  const q: IndexQuery = {};
  if (typeof values.search === 'string') {
    const parsed = parseSearch(values.search);
    if (parsed.problems.length) throw new UsageError(`--search: ${parsed.problems.join('; ')}`);
    Object.assign(q, parsed.query);
  }
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (s('entity') !== undefined) q.entity = s('entity');
  if (s('type') !== undefined) q.types = s('type')!.split(',').filter(Boolean).map(typeName);
  for (const k of ['from', 'to'] as const) {
    const v = s(k);
    if (v === undefined) continue;
    if (!isDate(v)) throw new UsageError(`--${k} needs a date such as 2006, 2006-03 or 2006-03-02, not "${v}"`);
    q[k] = v;
  }
  if (s('status') !== undefined) {
    const statuses = s('status')!.split(',').filter(Boolean);
    const bad = statuses.filter((x) => !['confirmed', 'suggested', 'rejected'].includes(x));
    if (bad.length) throw new UsageError(`--status takes confirmed, suggested or rejected, not "${bad.join(',')}"`);
    q.statuses = statuses as AnnotationStatus[];
  }
  if (s('document') !== undefined) q.document = s('document');
  if (s('text') !== undefined) q.text = s('text');
  return q;
}

export function formatOf(values: Values): 'json' | 'csv' {
  const f = (values.format as string | undefined) ?? 'json';
  if (f !== 'json' && f !== 'csv') throw new UsageError(`--format is json or csv, not "${f}"`);
  return f;
}

function runQuery(values: Values, paths: string[], io: Io): number {
  const format = formatOf(values);
  const only = values.only as string | undefined;
  if (only !== undefined && only !== 'mentions' && only !== 'facts') throw new UsageError(`--only is mentions or facts, not "${only}"`);
  const query = queryOf(values);
  const { index, problems } = loadIndex(paths, io.cwd, values.entities as string | undefined);
  for (const p of problems) io.err(`${p}\n`);
  if (query.entity !== undefined && index.resolveEntity(query.entity).length === 0) io.err(`warning: no entity is named "${query.entity}"\n`);
  const mentions = only === 'facts' ? [] : index.queryMentions(query);
  const facts = only === 'mentions' ? [] : index.queryFacts(query);
  const name = (key: string) => index.document(key)?.name ?? key;
  const entityName = (id: string | undefined) => (id === undefined ? undefined : index.entity(id)?.name);
  if (format === 'json') {
    const out = {
      query,
      mentions: mentions.map((m) => mentionRow(m, name(m.doc), entityName(m.entity), index.dateOfMention(m))),
      facts: facts.map((f) => factRow(f, name(f.doc), f.date ?? index.document(f.doc)?.date, f.entities.map((e) => ({ id: e, name: entityName(e) })))),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const rows: unknown[][] = [['kind', 'document', 'id', 'type', 'status', 'text', 'start', 'end', 'line', 'entity', 'entity_name', 'value', 'date', 'label', 'entities']];
    for (const m of mentions) rows.push(['mention', name(m.doc), m.id, m.type, m.status, m.text, m.start, m.end, m.line + 1, m.entity, entityName(m.entity), m.value, index.dateOfMention(m), '', '']);
    for (const f of facts) rows.push(['fact', name(f.doc), f.id, f.types.join(';'), '', f.text, f.start, f.end, f.line + 1, '', '', '', f.date ?? index.document(f.doc)?.date, f.label, f.entities.join(';')]);
    io.out(toCsv(rows));
  }
  const what = describeQuery(query);
  io.err(`${plural(mentions.length, 'mention')} and ${plural(facts.length, 'fact')} in ${plural(index.size, 'document')}${what ? ` (${what})` : ''}.\n`);
  return problems.length ? 1 : 0;
}

function mentionRow(m: IndexedMention, document: string, entityName: string | undefined, date: string | undefined) {
  return { document, id: m.id, type: m.type, status: m.status, text: m.text, start: m.start, end: m.end, line: m.line + 1, entity: m.entity, entityName, value: m.value, kb: m.kb, date, context: `${m.before}${m.text}${m.after}` };
}

function factRow(f: IndexedFact, document: string, date: string | undefined, entities: Array<{ id: string; name?: string }>) {
  return { document, id: f.id, label: f.label, text: f.text, start: f.start, end: f.end, line: f.line + 1, date, types: f.types, entities };
}

/** RFC 4180 CSV: every cell quoted when it needs to be, CRLF line ends. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
