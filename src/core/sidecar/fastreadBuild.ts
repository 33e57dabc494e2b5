/**
 * The two things the fast reader (fastread.ts) can build from what it reads: the yaml nodes the
 * yaml parser would make, ranges included (for the lossless writer), or plain data, optionally
 * with the light index of where each key and value is (for loading and the line writer).
 */

import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** What the reader makes of what it reads: yaml nodes, or plain data. */
export interface Builder<V> {
  /** `after`: where the node's trailing comment ends (the parser's third range offset), else `end`. */
  scalar(value: unknown, type: Scalar.Type, start: number, end: number, after?: number): V;
  flowList(items: V[], start: number, end: number): V;
  /** A block map from its `key: value` lines (keys unique) and their values. */
  map(lines: Line<V>[], values: V[]): V;
  /** A block list of its items (maps), the first item's `-` at `start`. */
  list(items: V[], start: number): V;
}

export interface Line<V> {
  /** Offset of the line start, and of its end (before any `\r\n`). */
  start: number;
  end: number;
  /** Offset just after its line break (the next line's start), or the text's length. */
  next: number;
  indent: number;
  /** Column of `- ` when the line starts a list item, else -1. */
  dash: number;
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Undefined when nothing follows the colon. */
  value?: V;
  colon: number;
  /** Where the value's own text starts and ends (no trailing spaces or comment); -1 without a value. */
  valueStart: number;
  valueEnd: number;
}

/** Signals that the text is outside the fast reader's layout. */
export class Unsupported extends Error {}

/**
 * Nodes of the yaml classes made without their constructors. Each constructor gives its node a
 * non-enumerable type tag with `Object.defineProperty`, which turns every one of the ~20 nodes of
 * an entry into a slow object: most of the time of a large write went there (and to collecting
 * them). The tag is put on a prototype instead, which the yaml guards (`isMap`, `isScalar`, …)
 * read just as well; the nodes keep the classes' methods (`get`, `has`, …).
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
function fastProto<T extends object>(cls: { prototype: T }, type: string): T {
  return Object.create(cls.prototype, { [NODE_TYPE]: { value: Symbol.for(type) } }) as T;
}
const SCALAR_PROTO = fastProto(Scalar, 'yaml.scalar');
const MAP_PROTO = fastProto(YAMLMap, 'yaml.map');
const SEQ_PROTO = fastProto(YAMLSeq, 'yaml.seq');
const PAIR_PROTO = fastProto(Pair, 'yaml.pair');

function newScalar(value: unknown, type: Scalar.Type, start: number, end: number, after = end): Scalar {
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  s.type = type;
  s.range = [start, end, after];
  return s;
}
function newCollection<T extends YAMLMap | YAMLSeq>(proto: T, items: unknown[]): T {
  const c = Object.create(proto) as T;
  (c as { items: unknown[] }).items = items;
  return c;
}

/** Builds the yaml nodes the yaml parser would, ranges included. */
export const NODES: Builder<unknown> = {
  scalar: newScalar,
  flowList(items, start, end) {
    const seq = newCollection(SEQ_PROTO, items);
    seq.flow = true;
    seq.range = [start, end, end];
    return seq;
  },
  map(lines, values) {
    if (!lines.length) throw new Unsupported();
    const map = newCollection(MAP_PROTO, lines.map((l, i) => pair(l, values[i])));
    // As the parser: from the first key to the end of the last value's line, its line break
    // included (where the range of an entry whose end is before its start ends); a last value
    // that is a nested block or empty (at the root only) ends where that value does.
    const last = lines[lines.length - 1];
    const end = last.value !== undefined ? last.next : rangeEnd(values[values.length - 1]);
    map.range = [lines[0].keyStart, end, end];
    return map;
  },
  list(items, start) {
    if (!items.length) throw new Unsupported();
    const seq = newCollection(SEQ_PROTO, items);
    // As the parser: from the first item's `-` to the end of the last item.
    seq.range = [start, rangeEnd(items[items.length - 1]), rangeEnd(items[items.length - 1])];
    return seq;
  },
};

function rangeEnd(node: unknown): number {
  return (node as { range: [number, number, number] }).range[2];
}

/**
 * Builds plain data, as the parser's own conversion of the nodes would. Records are ordinary
 * objects (those without a prototype are slow, dictionary-mode objects in V8), so the one key
 * that would not become an own property, `__proto__`, is left to the full parser.
 */
export const DATA: Builder<unknown> = {
  scalar: (value) => value,
  flowList: (items) => items,
  map(lines, values) {
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].key === '__proto__') throw new Unsupported();
      obj[lines[i].key] = values[i];
    }
    return obj;
  },
  list: (items) => items,
};

/**
 * Where each block map's lines are, by the map's data object: per key, in the object's key order,
 * four offsets: line start, key start, value start and value end (both -1 for a key whose value is
 * a nested block or missing). The light index the line writer (`lineWrite.ts`) edits by.
 */
export type Spans = Map<object, number[]>;

/** {@link DATA} that also records each map's {@link Spans}. */
export function indexed(spans: Spans): Builder<unknown> {
  return {
    ...DATA,
    map(lines, values) {
      const obj = DATA.map(lines, values) as object;
      const at: number[] = [];
      for (const l of lines) at.push(l.start, l.keyStart, l.valueStart, l.valueEnd);
      spans.set(obj, at);
      return obj;
    },
  };
}


function pair(l: Line<unknown>, value: unknown): Pair<Scalar, unknown> {
  const p = Object.create(PAIR_PROTO) as Pair<Scalar, unknown>;
  p.key = newScalar(l.key, 'PLAIN', l.keyStart, l.keyEnd);
  p.value = value;
  return p;
}
