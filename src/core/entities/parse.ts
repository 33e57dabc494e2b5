/**
 * Reading the entities file safely: the same YAML 1.2 core rules as a sidecar (no aliases, no tags,
 * no duplicate keys, size and depth limits). Never throws; problems come back located, and a file
 * that cannot be read is marked not writable so that Factmark never overwrites a hand edit it
 * did not understand.
 */

import Ajv, { type ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex } from '../sidecar/lines';
import { MAX_SIDECAR_LENGTH, YAML_OPTIONS } from '../sidecar/parse';
import schema from './schema.json';
import type { SidecarDiagnostic } from '../sidecar/types';
import { ENTITIES_VERSION, type EntitiesParseResult, type Entity } from './types';

/** The published schema, as an object (for tests and tooling). */
export const ENTITIES_SCHEMA: object = schema;

/** The version key: it tells an entities file from a sidecar or any other YAML. */
export const VERSION_KEY = 'factmark-entities';

const ROOT_KEYS = new Set([VERSION_KEY, 'entities']);
const ENTITY_KEYS = new Set(['id', 'name', 'type', 'aliases', 'kb', 'note']);
const MAX_DEPTH = 16;

let validator: ValidateFunction | undefined;

/** A parse plus the yaml document it came from, for the writer. */
export interface ParsedEntitiesWithNodes {
  result: EntitiesParseResult;
  yaml?: Document.Parsed;
}

/** Parse and validate an entities file. Never throws. */
export function parseEntities(text: string): EntitiesParseResult {
  return parseEntitiesWithNodes(text).result;
}

/** {@link parseEntities} plus the yaml nodes. */
export function parseEntitiesWithNodes(text: string): ParsedEntitiesWithNodes {
  const lines = new LineIndex(text);
  const diagnostics: SidecarDiagnostic[] = [];
  const at = (code: string, message: string, range: [number, number], severity: SidecarDiagnostic['severity'] = 'error') => {
    const a = lines.position(range[0]);
    const b = lines.position(Math.max(range[0], range[1]));
    diagnostics.push({ message, severity, code, line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  };
  const refuse = (yaml?: Document.Parsed): ParsedEntitiesWithNodes => ({ result: { diagnostics, invalid: [], writable: false }, yaml });
  try {
    if (text.length > MAX_SIDECAR_LENGTH) {
      at('TOO_LARGE', `The entities file is larger than ${MAX_SIDECAR_LENGTH / 1024 / 1024} MB: not read.`, [0, 0]);
      return refuse();
    }
    const yaml = parseDocument(text, YAML_OPTIONS);
    for (const e of yaml.errors) at('YAML_SYNTAX', `${e.code}: ${e.message.split('\n')[0]}`, [e.pos[0], e.pos[1]]);
    if (yaml.errors.length) return refuse(yaml);

    let hostile = false;
    // Aliases, tags and deep nesting are refused, not expanded: the whole file is then left alone.
    const hostileAt = (code: string, message: string, r: [number, number]): undefined => {
      hostile = true;
      at(code, message, r);
      return undefined;
    };
    const toData = (node: unknown, depth: number): unknown => {
      if (hostile) return undefined;
      if (node === null || node === undefined) return null;
      const r = rangeOf(node);
      if (depth > MAX_DEPTH) return hostileAt('TOO_DEEP', `Nesting deeper than ${MAX_DEPTH} levels: not read.`, r);
      if (isAlias(node)) return hostileAt('ALIAS', 'YAML aliases (*name) are not allowed in the entities file.', r);
      const tag = (node as Node).tag;
      if (tag && tag !== 'tag:yaml.org,2002:str') return hostileAt('TAG', `Tag ${tag} is not allowed (nothing was evaluated).`, r);
      if (isScalar(node)) return node.value;
      if (isSeq(node)) return node.items.map((item) => toData(item, depth + 1));
      if (isMap(node)) {
        const obj: Record<string, unknown> = Object.create(null);
        for (const pair of node.items) {
          if (!isScalar(pair.key)) return hostileAt('SCHEMA', 'Keys must be plain text.', rangeOf(pair.key));
          obj[String(pair.key.value)] = toData(pair.value, depth + 1);
        }
        return obj;
      }
      return hostileAt('SCHEMA', 'Unsupported YAML node.', r);
    };
    const root = toData(yaml.contents, 0);
    if (hostile) return refuse(yaml);
    const nodeAt = (path: (string | number)[]): unknown => (path.length ? yaml.getIn(path, true) : yaml.contents);

    if (!isRecord(root) || !(VERSION_KEY in root)) {
      at('NOT_ENTITIES', `Not a Factmark entities file: \`${VERSION_KEY}: 1\` is missing.`, rangeOf(yaml.contents));
      return refuse(yaml);
    }
    if (root[VERSION_KEY] !== ENTITIES_VERSION) {
      at('VERSION', `Unknown format version ${String(root[VERSION_KEY])}: expected ${ENTITIES_VERSION}; read-only.`, rangeOf(nodeAt([VERSION_KEY])));
      return refuse(yaml);
    }

    // Schema: an error inside one entry makes only that entry invalid (kept verbatim, reported).
    validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
    const badEntries = new Set<number>();
    let fileInvalid = false;
    if (!validator(root)) {
      for (const e of validator.errors ?? []) {
        const path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
        if (path[0] === 'entities' && typeof path[1] === 'number') badEntries.add(path[1]);
        else fileInvalid = true;
        const missing = e.keyword === 'required' ? ` "${(e.params as { missingProperty: string }).missingProperty}"` : '';
        at('SCHEMA', `${describe(path)}: ${e.message ?? 'invalid'}${missing}`, rangeOf(nodeAt(path) ?? yaml.contents));
      }
    }
    for (const k of Object.keys(root)) {
      if (!ROOT_KEYS.has(k)) at('UNKNOWN_KEY', `Unknown key "${k}": kept as is.`, keyRange(yaml, [], k), 'warning');
    }
    if (fileInvalid) return refuse(yaml);

    const entities: Entity[] = [];
    const invalid: number[] = [];
    const seen = new Set<string>();
    const items = Array.isArray(root.entities) ? (root.entities as unknown[]) : [];
    items.forEach((item, index) => {
      const rec = item as Record<string, unknown>;
      const id = isRecord(item) && typeof rec.id === 'string' ? rec.id : undefined;
      let bad = badEntries.has(index) || !isRecord(item);
      if (!bad && id !== undefined && seen.has(id)) {
        bad = true;
        at('DUPLICATE_ID', `Id ${id} is used twice: this entry is ignored and kept as is.`, rangeOf(nodeAt(['entities', index, 'id'])));
      }
      if (id !== undefined) seen.add(id);
      if (bad) return void invalid.push(index);
      for (const k of Object.keys(rec)) {
        if (!ENTITY_KEYS.has(k)) at('UNKNOWN_KEY', `Unknown key "${k}": kept as is.`, keyRange(yaml, ['entities', index], k), 'warning');
      }
      entities.push(toEntity(rec));
    });
    return { result: { data: { version: ENTITIES_VERSION, entities }, invalid, diagnostics, writable: true }, yaml };
  } catch (e) {
    // "Never throws" kept for the case nobody foresaw: the file is reported and left alone.
    at('INTERNAL', `Factmark could not read this file (${e instanceof Error ? e.message : String(e)}): it is not rewritten.`, [0, 0]);
    return refuse();
  }
}

function toEntity(rec: Record<string, unknown>): Entity {
  const e: Entity = { id: rec.id as string, name: rec.name as string, type: rec.type as string };
  if (Array.isArray(rec.aliases) && rec.aliases.length) e.aliases = [...(rec.aliases as string[])];
  if (Array.isArray(rec.kb) && rec.kb.length) e.kb = [...(rec.kb as string[])];
  if (typeof rec.note === 'string') e.note = rec.note;
  return e;
}

function describe(path: (string | number)[]): string {
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const rest = path.slice(2).join('.');
    return `entities[${path[1]}]${rest ? '.' + rest : ''}`;
  }
  return path.length ? path.join('.') : 'file';
}

function keyRange(yaml: Document.Parsed, path: (string | number)[], key: string): [number, number] {
  const parent = path.length ? yaml.getIn(path, true) : yaml.contents;
  if (!isMap(parent)) return [0, 0];
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return rangeOf(pair?.key);
}

function rangeOf(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
