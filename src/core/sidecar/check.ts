/**
 * From the data of a parsed sidecar to the sidecar: the schema, ids, references and unknown keys are
 * checked, each finding located in the file through a {@link Locator} (the YAML nodes, when there are any).
 */

import { isMap, isPair } from 'yaml';
import { validateShape } from './validate';
import { SIDECAR_VERSION, type InvalidEntry, type ParseResult, type ParsedSidecar, type SidecarDiagnostic, type StoredAnnotation, type StoredFact } from './types';

const ROOT_KEYS = new Set(['factmark', 'document', 'offsets', 'labels', 'annotations', 'facts']);
const DOCUMENT_KEYS = new Set(['path', 'date', 'gitBlob', 'sentences']);
const ANCHOR_KEYS = ['id', 'start', 'end', 'quote', 'prefix', 'suffix', 'orphaned', 'note'];
const ANNOTATION_KEYS = new Set([...ANCHOR_KEYS, 'type', 'status', 'value', 'kb', 'entity']);
const FACT_KEYS = new Set([...ANCHOR_KEYS, 'label', 'entities', 'date']);

/** Reports a finding at [from, to) of the file. */
export type At = (code: string, message: string, from: number, to: number, severity?: SidecarDiagnostic['severity']) => void;

/** Where the nodes of a path are, for locating diagnostics. */
export interface Locator {
  root: unknown;
  node(path: (string | number)[]): unknown;
  key(path: (string | number)[]): unknown;
}

/** Validated sidecar data: schema, ids, unknown keys; diagnostics located through `loc`. */
export function validate(data: unknown, loc: Locator, { diagnostics, at }: { diagnostics: SidecarDiagnostic[]; at: At }): ParseResult {
  const root = isRecord(data) ? data : undefined;
  const rootRange = rangeOf(loc.root);
  if (!root || !('factmark' in root)) {
    at('NOT_SIDECAR', 'Not a Factmark sidecar: `factmark: 1` is missing.', rootRange[0], rootRange[0]);
    return { diagnostics, writable: false };
  }
  if (root.factmark !== SIDECAR_VERSION) {
    const r = rangeOf(loc.node(['factmark']));
    const newer = typeof root.factmark === 'number' && root.factmark > SIDECAR_VERSION;
    at(
      'VERSION',
      newer
        ? `Format version ${root.factmark} was written by a newer Factmark: read-only here.`
        : `Unknown format version ${String(root.factmark)}: expected 1.`,
      r[0],
      r[1],
    );
    return { diagnostics, writable: false };
  }
  const nodeAt = loc.node;
  const keyAt = loc.key;

  // Schema: errors inside one annotation or fact make only that entry invalid.
  const invalidAt = new Map<string, Set<number>>([
    ['annotations', new Set()],
    ['facts', new Set()],
  ]);
  let fileInvalid = false;
  for (const err of validateShape(root)) {
    const path = err.path;
    const entry = (path[0] === 'annotations' || path[0] === 'facts') && typeof path[1] === 'number';
    if (entry) invalidAt.get(path[0] as string)!.add(path[1] as number);
    else fileInvalid = true;
    const target = err.missing ? firstKeyOrSelf(nodeAt(path)) : nodeAt(path);
    const r = rangeOf(target ?? loc.root);
    at('SCHEMA', `${describePath(path, root)}: ${err.message}`, r[0], r[1]);
  }

  warnUnknownKeys(root, ROOT_KEYS, [], keyAt, at);
  if (isRecord(root.document)) warnUnknownKeys(root.document, DOCUMENT_KEYS, ['document'], keyAt, at);

  const lists = { annotations: [] as StoredAnnotation[], facts: [] as StoredFact[] };
  const invalid: InvalidEntry[] = [];
  const seen = new Set<string>();
  for (const list of ['annotations', 'facts'] as const) {
    const items = Array.isArray(root[list]) ? (root[list] as unknown[]) : [];
    items.forEach((item, index) => {
      const rec = isRecord(item) ? item : undefined;
      const id = rec && typeof rec.id === 'string' ? rec.id : undefined;
      let bad = invalidAt.get(list)!.has(index);
      if (!bad && rec) {
        if ((rec.end as number) < (rec.start as number)) {
          bad = true;
          // (Located only when reported: looking up every valid entry cost a share of each parse.)
          const r = rangeOf(nodeAt([list, index]));
          at('SCHEMA', `${list}[${index}] (${id}): end is before start.`, r[0], r[1]);
        } else if (id !== undefined && seen.has(id)) {
          bad = true;
          const k = rangeOf(nodeAt([list, index, 'id']));
          at('DUPLICATE_ID', `Id ${id} is used twice: this entry is ignored and kept as is.`, k[0], k[1]);
        }
      }
      if (id !== undefined) seen.add(id);
      if (bad || !rec) {
        invalid.push(id === undefined ? { list, index } : { list, index, id });
        return;
      }
      warnUnknownKeys(rec, list === 'annotations' ? ANNOTATION_KEYS : FACT_KEYS, [list, index], keyAt, at);
      if (list === 'annotations') lists.annotations.push(toAnnotation(rec));
      else lists.facts.push(toFact(rec));
    });
  }
  if (fileInvalid) return { diagnostics, writable: false };

  const document = root.document as Record<string, unknown>;
  const doc: ParsedSidecar = {
    version: SIDECAR_VERSION,
    document: { path: document.path as string },
    annotations: lists.annotations,
    facts: lists.facts,
    invalid,
  };
  if (typeof document.date === 'string') doc.document.date = document.date;
  if (typeof document.gitBlob === 'string') doc.document.gitBlob = document.gitBlob;
  if (typeof document.sentences === 'string') doc.document.sentences = document.sentences;
  if (Array.isArray(root.labels)) doc.labels = [...(root.labels as string[])];
  return { doc, diagnostics, writable: true };
}

function toAnnotation(rec: Record<string, unknown>): StoredAnnotation {
  const a: StoredAnnotation = {
    id: rec.id as string,
    type: rec.type as string,
    start: rec.start as number,
    end: rec.end as number,
    quote: rec.quote as string,
    status: rec.status as StoredAnnotation['status'],
  };
  copyOptional(rec, a, ['prefix', 'suffix', 'value', 'kb', 'entity', 'note', 'orphaned']);
  return a;
}

function toFact(rec: Record<string, unknown>): StoredFact {
  const f: StoredFact = {
    id: rec.id as string,
    label: rec.label as string,
    start: rec.start as number,
    end: rec.end as number,
    quote: rec.quote as string,
    entities: [...(rec.entities as string[])],
  };
  copyOptional(rec, f, ['prefix', 'suffix', 'date', 'note', 'orphaned']);
  return f;
}

function copyOptional(from: Record<string, unknown>, to: object, keys: string[]): void {
  for (const k of keys) {
    const v = from[k];
    // `orphaned: false` means the same as no key, so it is not carried.
    if (v !== undefined && v !== null && v !== false) (to as Record<string, unknown>)[k] = v;
  }
}

function warnUnknownKeys(
  rec: Record<string, unknown>,
  known: Set<string>,
  path: (string | number)[],
  keyAt: (p: (string | number)[]) => unknown,
  at: At,
): void {
  for (const k of Object.keys(rec)) {
    if (known.has(k)) continue;
    const r = rangeOf(keyAt([...path, k]));
    at('UNKNOWN_KEY', `Unknown key "${k}": kept as is.`, r[0], r[1], 'warning');
  }
}

function describePath(path: (string | number)[], root: Record<string, unknown>): string {
  if ((path[0] === 'annotations' || path[0] === 'facts') && typeof path[1] === 'number') {
    const item = (root[path[0]] as unknown[])[path[1]];
    const id = isRecord(item) && typeof item.id === 'string' ? ` (${item.id})` : '';
    const rest = path.slice(2).join('.');
    return `${path[0]}[${path[1]}]${id}${rest ? '.' + rest : ''}`;
  }
  return path.length ? path.join('.') : 'sidecar';
}

function firstKeyOrSelf(node: unknown): unknown {
  if (isMap(node) && node.items.length && isPair(node.items[0])) return node.items[0].key;
  return node;
}

export function rangeOf(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
