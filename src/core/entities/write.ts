/**
 * Writing the entities file through the yaml Document API, so that comments, key order, blank
 * lines, unknown keys and entries that failed validation survive. Only entries that changed are
 * touched, and a new entry goes where the name order puts it, not at the end: two people who
 * each add an entity on their own branch then edit different lines, and git merges them.
 */

import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { escapingStringTags, formatString } from '../sidecar/scalar';
import { parseEntitiesWithNodes, VERSION_KEY } from './parse';
import { ENTITIES_VERSION, type EntitiesData, type Entity } from './types';

/** Thrown when asked to write over a file that did not parse or validate: it must be left alone. */
export class EntitiesNotWritableError extends Error {}

/** The keys of an entry, in the order Factmark writes them. */
export const ENTITY_ORDER = ['id', 'name', 'type', 'aliases', 'kb', 'note'] as const;

const HEADER =
  '# Factmark entities of this workspace: one entry per person, organisation or place, which\n' +
  '# mentions in the sidecars link to by id (key `entity`). Edit by hand or from Factmark.\n';

/** Order of a new file: by name (case-insensitive), then id. */
export function compareEntities(a: Entity, b: Entity): number {
  const an = a.name.toLocaleLowerCase('en');
  const bn = b.name.toLocaleLowerCase('en');
  return an < bn ? -1 : an > bn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The file text holding `data`, made by editing `original` (or a new file when there is none).
 * Returns `original` itself when it holds the same data. Throws {@link EntitiesNotWritableError}
 * when `original` has errors.
 */
export function writeEntities(original: string | undefined, data: EntitiesData): string {
  const fresh = original === undefined || original.trim() === '';
  const text = fresh ? `${HEADER}${VERSION_KEY}: ${ENTITIES_VERSION}\n` : original;
  const parsed = parseEntitiesWithNodes(text);
  const current = parsed.result.data;
  if (!parsed.result.writable || !current || !parsed.yaml) {
    throw new EntitiesNotWritableError('The entities file has errors and is not overwritten; fix it first.');
  }
  if (!fresh && fingerprint(current.entities) === fingerprint(data.entities)) return text;

  const yaml = parsed.yaml;
  const invalid = new Set(parsed.result.invalid);
  const wanted = new Map(data.entities.map((e) => [e.id, e]));
  const old = yaml.get('entities', true);
  const seq: YAMLSeq = isSeq(old) && !old.flow ? old : new YAMLSeq();
  const done = new Set<string>();
  const kept: unknown[] = [];
  seq.items.forEach((item, i) => {
    const id = isMap(item) ? item.get('id') : undefined;
    const e = typeof id === 'string' && !done.has(id) ? wanted.get(id) : undefined;
    if (e && isMap(item) && !invalid.has(i)) {
      done.add(e.id);
      patchEntry(item, e);
      kept.push(item);
    } else if (invalid.has(i)) kept.push(item);
  });
  // New entries go before the first existing entry that sorts after them by name.
  for (const e of data.entities.filter((x) => !done.has(x.id)).sort(compareEntities)) {
    const node = new YAMLMap();
    patchEntry(node, e);
    node.spaceBefore = kept.length > 0;
    let at = kept.findIndex((k) => isMap(k) && typeof k.get('id') === 'string' && wanted.has(k.get('id') as string) && compareEntities(e, wanted.get(k.get('id') as string)!) < 0);
    if (at < 0) at = kept.length;
    if (at === 0 && kept.length) {
      // The new first entry takes the old first one's place; the old one moves down a blank line.
      (kept[0] as Node).spaceBefore = true;
      node.spaceBefore = false;
    }
    kept.splice(at, 0, node);
  }
  // The first entry has no blank line above it (it would be written as a line of spaces), even when the old first was removed.
  if (kept.length) (kept[0] as Node).spaceBefore = false;
  seq.items = kept;
  if (seq !== old) yaml.set('entities', seq);
  const crlf = text.includes('\r\n');
  // NEL, U+2028/2029 and C1 controls escaped, which the yaml library's printer leaves raw (scalar.ts).
  yaml.schema.tags = escapingStringTags(yaml.schema.tags) as typeof yaml.schema.tags;
  let out = yaml.toString({ lineWidth: 0, blockQuote: false, flowCollectionPadding: false });
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  if (text.startsWith('\uFEFF') && !out.startsWith('\uFEFF')) out = '\uFEFF' + out;
  return out;
}

/** Set the fields of one entry, leaving unchanged values (their quoting, comments) as they are. */
function patchEntry(map: YAMLMap, e: Entity): void {
  const values: Record<string, string | string[] | undefined> = { id: e.id, name: e.name, type: e.type, aliases: e.aliases?.length ? e.aliases : undefined, kb: e.kb?.length ? e.kb : undefined, note: e.note };
  for (const key of ENTITY_ORDER) {
    const v = values[key];
    if (v === undefined) {
      map.delete(key);
      continue;
    }
    const node = map.get(key, true);
    if (same(node, v)) continue;
    let value: Node;
    if (Array.isArray(v)) {
      const list = new YAMLSeq();
      list.flow = true;
      list.items = v.map(scalar);
      value = list;
    } else value = scalar(v);
    if (map.has(key)) map.set(key, value);
    else insertInOrder(map, key, value);
  }
}

/** Adds a key where Factmark's order puts it (before the first later key), not at the end: `aliases` before `note`. */
function insertInOrder(map: YAMLMap, key: (typeof ENTITY_ORDER)[number], value: Node): void {
  const rank = (k: unknown) => ENTITY_ORDER.indexOf((isScalar(k) ? k.value : k) as (typeof ENTITY_ORDER)[number]);
  const at = map.items.findIndex((pair) => rank(pair.key) > ENTITY_ORDER.indexOf(key));
  map.set(key, value);
  if (at < 0) return;
  const pair = map.items.pop()!;
  map.items.splice(at, 0, pair);
}

/** A string scalar quoted the way the sidecars are: plain only when every YAML reader reads it back the same. */
function scalar(value: string): Scalar {
  const s = new Scalar(value);
  s.type = formatString(value) === value ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return s;
}

function same(node: unknown, v: string | string[]): boolean {
  if (Array.isArray(v)) return isSeq(node) && node.items.length === v.length && node.items.every((n, i) => isScalar(n) && n.value === v[i]);
  return isScalar(node) && node.value === v;
}

/** Equal for two lists exactly when they hold the same entities (order ignored). */
function fingerprint(list: Entity[]): string {
  return JSON.stringify([...list].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => ENTITY_ORDER.map((k) => e[k] ?? null)));
}
