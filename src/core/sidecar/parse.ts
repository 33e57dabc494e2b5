/**
 * Reading a sidecar safely. Hostile input (alias bombs, tags, deep nesting, huge files, YAML 1.1
 * directives) is refused before or while parsing; nothing in the file is ever executed or expanded.
 */

import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
} from 'yaml';
import { rangeOf, validate, type At, type Locator } from './check';
import { runAll, type Steps } from '../slices';
import { fastRead, fastReadIndexedSteps, type Spans } from './fastread';
import { LineIndex } from './lines';
import type { ParseResult, SidecarDiagnostic } from './types';

/** Sidecars larger than this (UTF-16 units, about bytes) are refused without parsing. */
export const MAX_SIDECAR_LENGTH = 20 * 1024 * 1024;
/** Deepest flow nesting accepted; the format itself needs 1. */
const MAX_FLOW_DEPTH = 64;
/** Deepest node nesting accepted; the format itself needs 4. */
const MAX_NODE_DEPTH = 32;

/**
 * Options that pin YAML 1.2 core, keep `!!binary` and other known tags unresolved, turn merge keys
 * off and refuse every alias, so that reading can neither coerce nor expand anything.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  maxAliasCount: 0,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
};

/**
 * A parse plus the YAML document it came from (for the lossless writer). A file in Factmark's
 * own layout is read without yaml nodes; its document is built on first use of `yaml`.
 */
export interface ParsedWithNodes {
  result: ParseResult;
  readonly yaml?: Document.Parsed;
  /** For a file the fast reader read: its raw data and where each key and value is (the line writer's index). */
  readonly fast?: { data: Record<string, unknown>; spans: Spans };
}

let cache: { text: string; parsed: ParsedWithNodes } | undefined;

/**
 * Parse and validate a sidecar. Never throws. `writable` is false when the file must be left
 * alone: then fix it by hand (the diagnostics say where) before Factmark writes to it again.
 */
export function parseSidecar(text: string): ParseResult {
  return parseWithNodes(text).result;
}

/** {@link parseSidecar} plus the YAML nodes; the last result is cached (saves re-parse their output). */
export function parseWithNodes(text: string): ParsedWithNodes {
  return runAll(parseWithNodesSteps(text));
}

/**
 * {@link parseWithNodes} in steps: a file in Factmark's layout is read a few hundred entries at a
 * time (a large sidecar's write reads its output back in slices); the rest (validation, and the full
 * parser for other files) is one step.
 */
export function* parseWithNodesSteps(text: string): Steps<ParsedWithNodes> {
  if (cache && cache.text === text) return cache.parsed;
  let parsed: ParsedWithNodes;
  try {
    parsed = yield* parseUncached(text);
  } catch (e) {
    // The promise "never throws" kept even for a case nobody foresaw (a fast-reader escape once
    // threw): the file is reported unreadable and left alone.
    const { diagnostics, at } = reporter(text);
    at('INTERNAL', `Factmark could not read this file (${e instanceof Error ? e.message : String(e)}): it is not read and not rewritten.`, 0, 0);
    parsed = { result: { diagnostics, writable: false } };
  }
  cache = { text, parsed };
  return parsed;
}

/** A diagnostics list and the function that adds to it, locating offsets in `text`. */
function reporter(text: string): { diagnostics: SidecarDiagnostic[]; at: At } {
  // Built on first use: a refused 20 MB file should not be scanned for lines.
  let lines: LineIndex | undefined;
  const diagnostics: SidecarDiagnostic[] = [];
  const at: At = (code, message, from, to, severity = 'error') => {
    const start = { line: 0, column: 0 };
    if (to > 0) lines ??= new LineIndex(text);
    const a = lines ? lines.position(from) : start;
    const b = lines ? lines.position(Math.max(from, to)) : start;
    diagnostics.push({ message, severity, code, line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  };
  return { diagnostics, at };
}

function* parseUncached(text: string): Steps<ParsedWithNodes> {
  const { diagnostics, at } = reporter(text);
  const refuse = () => ({ result: { diagnostics, writable: false } });

  if (text.length > MAX_SIDECAR_LENGTH) {
    at('TOO_LARGE', `Sidecar is larger than ${MAX_SIDECAR_LENGTH / 1024 / 1024} MB: not read.`, 0, 0);
    return refuse();
  }

  // Files in Factmark's own layout are read by the fast reader, straight to data (its layout
  // has no aliases, tags or nesting to refuse); a file it cannot read, or one with anything to
  // report, goes through the yaml parser for exact diagnostics. The yaml nodes the writer needs
  // are built only when it asks for them.
  const read = yield* fastReadIndexedSteps(text);
  if (read) {
    const fast = reporter(text);
    const result = validate(read.data, NO_NODES, fast);
    if (fast.diagnostics.length === 0) return withLazyYaml(result, () => nodesOf(text), read);
    // Something to report: located on the fast reader's nodes, the parser's own nodes and ranges
    // for this layout, at a fraction of the parser's time and memory (80,000 entries without a
    // status, 7.5 MB: 8.5 s of CPU and 855 MB through the parser).
    const nodes = fastNodes(text);
    if (nodes) return { ...analyse(nodes, { diagnostics, at }), fast: read };
  }

  // The yaml parser checks each key against the keys before it in its mapping: 40,000 keys in one
  // mapping (390 KB) took a minute. No Factmark mapping has more than a few dozen. (The fast
  // reader above gives up past the same number of keys, so the file comes here.)
  const crowded = findCrowdedMap(text);
  if (crowded >= 0) {
    at('TOO_MANY_KEYS', `A mapping with more than ${MAX_KEYS_PER_MAP} keys: not read.`, crowded, crowded + 1);
    return refuse();
  }
  const deep = findDeepFlow(text);
  if (deep >= 0) {
    at('TOO_DEEP', `Nesting deeper than ${MAX_FLOW_DEPTH} levels: not read.`, deep, deep + 1);
    return refuse();
  }

  let yaml: Document.Parsed;
  try {
    yaml = parseDocument(text, YAML_OPTIONS);
  } catch (e) {
    at('YAML_SYNTAX', `Could not read YAML: ${(e as Error).message}`, 0, 0);
    return refuse();
  }
  for (const e of yaml.errors) {
    const code = e.code === 'ALIAS_PROPS' || e.code === 'BAD_ALIAS' ? 'ALIAS' : 'YAML_SYNTAX';
    at(code, `${e.code}: ${firstLine(e.message)}`, e.pos[0], e.pos[1]);
  }
  if (yaml.errors.length) return refuse();
  const directive = yaml.directives?.yaml;
  if (directive?.explicit && directive.version !== '1.2') {
    at('YAML_VERSION', `%YAML ${directive.version} is not supported: sidecars are YAML 1.2.`, 0, 0);
    return refuse();
  }
  // A file the fast reader read but with something to report (an unknown key kept, say) still
  // gets its index: the line writer edits it as well (both readers give the same data).
  return read ? { ...analyse(yaml, { diagnostics, at }), fast: read } : analyse(yaml, { diagnostics, at });
}

/** `result` with a `yaml` document built by `build` on first use. */
function withLazyYaml(result: ParseResult, build: () => Document.Parsed, fast: ParsedWithNodes['fast']): ParsedWithNodes {
  let yaml: Document.Parsed | undefined;
  return {
    result,
    fast,
    get yaml() {
      return (yaml ??= build());
    },
  };
}

/** The yaml document of a file the fast reader read: the same nodes and ranges the parser gives. */
function nodesOf(text: string): Document.Parsed {
  return fastNodes(text) ?? parseDocument(text, YAML_OPTIONS);
}

/** The fast reader's yaml document of a file in Factmark's layout, or undefined for other layouts. */
function fastNodes(text: string): Document.Parsed | undefined {
  const root = fastRead(text);
  if (!root) return undefined;
  const doc = new Document(null, YAML_OPTIONS);
  doc.contents = root;
  return doc as Document.Parsed;
}

/** For data read without nodes: nothing is located (any diagnostic sends the file to the parser). */
const NO_NODES: Locator = { root: undefined, node: () => undefined, key: () => undefined };

function locatorOf(yaml: Document.Parsed): Locator {
  const node = (path: (string | number)[]): unknown => (path.length ? yaml.getIn(path, true) : yaml.contents);
  return {
    root: yaml.contents,
    node,
    key(path) {
      const parent = node(path.slice(0, -1));
      if (!isMap(parent)) return undefined;
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === path[path.length - 1]);
      return pair?.key;
    },
  };
}

/** From YAML nodes to validated sidecar data: refuses aliases and tags, validates against the schema. */
function analyse(yaml: Document.Parsed, { diagnostics, at }: { diagnostics: SidecarDiagnostic[]; at: At }): ParsedWithNodes {

  // Build plain data by hand instead of toJS(): aliases and tags are refused, not expanded,
  // and objects have no prototype, so keys like __proto__ are ordinary keys.
  let hostile = false;
  const toData = (node: unknown, depth: number): unknown => {
    if (hostile) return undefined;
    if (depth > MAX_NODE_DEPTH) {
      hostile = true;
      const r = rangeOf(node);
      at('TOO_DEEP', `Nesting deeper than ${MAX_NODE_DEPTH} levels: not read.`, r[0], r[1]);
      return undefined;
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      hostile = true;
      const r = rangeOf(node);
      at('ALIAS', 'YAML aliases (*name) are not allowed in a sidecar.', r[0], r[1]);
      return undefined;
    }
    const tag = (node as Node).tag;
    if (tag && tag !== 'tag:yaml.org,2002:str') {
      hostile = true;
      const r = rangeOf(node);
      at('TAG', `Tag ${tag} is not allowed in a sidecar (nothing was evaluated).`, r[0], r[1]);
      return undefined;
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => toData(item, depth + 1));
    if (isMap(node)) {
      const obj: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        if (!isScalar(pair.key) || (pair.key as Node).tag) {
          hostile = true;
          const r = rangeOf(pair.key);
          at('SCHEMA', 'Keys must be plain text.', r[0], r[1]);
          return undefined;
        }
        obj[String(pair.key.value)] = toData(pair.value, depth + 1);
      }
      return obj;
    }
    hostile = true;
    at('SCHEMA', 'Unsupported YAML node.', 0, 0);
    return undefined;
  };
  const data = toData(yaml.contents, 0);
  if (hostile) return { result: { diagnostics, writable: false }, yaml };
  return { result: validate(data, locatorOf(yaml), { diagnostics, at }), yaml };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return i < 0 ? message : message.slice(0, i);
}

/**
 * Offset where flow collections (`[`, `{`) nest deeper than the limit, or -1. A cheap scan run
 * before the parser, whose composer is recursive and slow on such input; double-quoted strings
 * and comments are skipped so brackets in quotes do not count.
 */
function findDeepFlow(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x23 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

/** Most keys in one block mapping of a sidecar (Factmark writes about a dozen). */
const MAX_KEYS_PER_MAP = 1000;

/**
 * Offset of the line where a block mapping gets more than {@link MAX_KEYS_PER_MAP} keys, or -1.
 * A line scan: keys are counted per indentation, and a line less indented, or a list item at
 * that indentation, starts a new mapping.
 */
function findCrowdedMap(text: string): number {
  const counts: number[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let i = at;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (i < end && c !== 35 /* # */ && c !== 13) {
      let indent = i - at;
      counts.length = Math.min(counts.length, indent + 1);
      if (c === 45 /* - */ && (text.charCodeAt(i + 1) === 32 || i + 1 === end)) {
        // "- key: value": the item's mapping is at the indentation after the dash.
        counts.length = indent + 1;
        indent += 2;
        counts.length = indent;
        counts[indent] = 0;
      }
      if (/^[^\s#][^\n]*?:(?:\s|$)/.test(text.slice(indent === i - at ? i : i + 2, Math.min(end, i + 200)))) {
        counts[indent] = (counts[indent] ?? 0) + 1;
        if (counts[indent] > MAX_KEYS_PER_MAP) return at;
      }
    }
    at = end + 1;
  }
  return -1;
}
