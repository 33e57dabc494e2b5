/**
 * The lossless writer: edits the existing text in place, touching only what changed, so that
 * comments, key order, blank lines, unknown keys, quoting, BOM and CRLF survive. Every result is
 * parsed back and compared with what was asked for; when an in-place edit is not possible (flow
 * style, odd layouts) the yaml Document API does the edit instead, and is checked the same way.
 */

import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { runAll, type Steps } from '../slices';
import { ANNOTATION_ORDER, DOCUMENT_ORDER, FACT_ORDER, ROOT_ORDER, compareEntries, entryFields, sameDataSteps, type FieldValue } from './canonical';
import { emitSidecarSteps, entryLines } from './emit';
import { parseWithNodesSteps, YAML_OPTIONS } from './parse';
import { editLinesSteps } from './lineWrite';
import { escapingStringTags, formatString, formatValue } from './scalar';
import { lostComments } from './comments';
import { NeedsFallback, applyEdits, backOverBlankLines, columnOf, insertionGroups, isLineBreak, itemGeometry, lineEndAfter, lineStart, mergeRanges, type Edit } from './textEdits';
import type { InvalidEntry, SidecarData, StoredAnnotation, StoredFact } from './types';

/** Thrown when asked to write over a sidecar that did not parse or validate: it must be left alone. */
export class SidecarNotWritableError extends Error {}

type List = 'annotations' | 'facts';
type Entry = StoredAnnotation | StoredFact;

/**
 * The sidecar text that holds `data`, made by editing `original` as little as possible.
 * Returns `original` itself when it already holds the same data; writes the canonical layout
 * when there is no original. Throws {@link SidecarNotWritableError} when `original` is not writable.
 */
export function writeSidecar(original: string | undefined, data: SidecarData): string {
  return runAll(writeSidecarSteps(original, data));
}

/**
 * {@link writeSidecar} in steps: the usual path (the fast reader's file, edited by lines and read
 * back) hands over every few hundred entries, so that the extension host can write thousands of
 * imported annotations into a sidecar that already has some in slices. The yaml-node paths (other
 * layouts) are one step each.
 */
export function* writeSidecarSteps(original: string | undefined, data: SidecarData): Steps<string> {
  if (original === undefined || original.trim() === '' || original === '\uFEFF') {
    return yield* emitSidecarSteps(data, original?.includes('\r\n') ? '\r\n' : '\n');
  }
  const parsed = yield* parseWithNodesSteps(original);
  const doc = parsed.result.doc;
  if (!parsed.result.writable || !doc) {
    throw new SidecarNotWritableError('The sidecar has errors and is not overwritten; fix it first.');
  }
  if (yield* sameDataSteps(doc, data)) return original;
  // An entry the file holds only in an invalid form (hand-edited, reported in Problems) is kept
  // verbatim: data for the same id is not written over it, nor beside it as a second entry.
  const clash = doc.invalid.find((e) => e.id !== undefined && data[e.list].some((x) => x.id === e.id));
  if (clash) {
    throw new SidecarNotWritableError(`The entry ${clash.id} of the sidecar is not valid (see Problems) and is not overwritten; fix it by hand first.`);
  }

  // A file the fast reader read is edited through its index of lines (no yaml nodes); any other
  // file, or one the line edits cannot express, through the yaml nodes (built only then).
  const fast = parsed.fast;
  if (fast) {
    const text = yield* attempt(editLinesSteps(original, fast, doc.invalid, data));
    if (text !== undefined && (yield* holds(text, data))) return text;
  }
  yield;
  let inPlace: string | undefined;
  try {
    inPlace = editInPlace(original, parsed.yaml!, doc.invalid, data);
  } catch (e) {
    if (!(e instanceof NeedsFallback)) throw e;
  }
  if (inPlace !== undefined && (yield* holds(inPlace, data))) return inPlace;
  yield;
  const text = editWithDocumentApi(original, doc.invalid, data);
  if (yield* holds(text, data)) {
    // The yaml library's printer puts back the comments it attached to nodes, but not every one:
    // one a hand-edited flow list holds before its closing bracket goes with the entry it was
    // attached to. A comment is never dropped silently: the file is left alone, and told why.
    const lost = lostComments(original, text, data);
    if (lost) throw new SidecarNotWritableError(`Writing the sidecar would drop its comment "#${lost}" (its layout needs the general writer, which cannot keep it there); it is not overwritten: move the comment, or write its lists in block style.`);
    return text;
  }
  throw new Error('Internal error: the sidecar could not be written without changing other data.');
}

/** The edit's text, or undefined when it needs the next way of editing. */
function* attempt(edit: Steps<string>): Steps<string | undefined> {
  try {
    return yield* edit;
  } catch (e) {
    if (!(e instanceof NeedsFallback)) throw e;
    return undefined;
  }
}

/** The round-trip check: `text` reads back, writable, to exactly `data`. */
function* holds(text: string, data: SidecarData): Steps<boolean> {
  const back = (yield* parseWithNodesSteps(text)).result;
  // (`document.sentences` too, which sameData leaves out: a sidecar is not rewritten for it alone,
  // but a writer must not leave another text's list behind.)
  return !!back.doc && back.writable && back.doc.document.sentences === data.document.sentences && (yield* sameDataSteps(back.doc, data));
}

// ---------- in-place edits ----------

/** The in-place edit by yaml nodes (exported for the differential test of `lineWrite.ts`). */
export function editInPlace(text: string, yaml: Document.Parsed, invalid: InvalidEntry[], data: SidecarData): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const root = yaml.contents;
  if (!isMap(root) || root.flow) throw new NeedsFallback();

  const rootFields: [string, FieldValue][] = [['factmark', 1], ['offsets', 'codepoints']];
  if (data.labels) rootFields.push(['labels', data.labels]);
  patchMap(text, root, rootFields, ROOT_ORDER, new Set(['labels']), eol, edits);

  const docMap = root.get('document', true);
  if (!isMap(docMap) || docMap.flow) throw new NeedsFallback();
  const docFields: [string, FieldValue][] = [['path', data.document.path]];
  if (data.document.date !== undefined) docFields.push(['date', data.document.date]);
  if (data.document.gitBlob !== undefined) docFields.push(['gitBlob', data.document.gitBlob]);
  if (data.document.sentences !== undefined) docFields.push(['sentences', data.document.sentences]);
  patchMap(text, docMap, docFields, DOCUMENT_ORDER, new Set(['date', 'gitBlob', 'sentences']), eol, edits);

  for (const list of ['annotations', 'facts'] as const) {
    const invalidIdx = new Set(invalid.filter((e) => e.list === list).map((e) => e.index));
    patchList(text, root, list, data[list], invalidIdx, eol, edits);
  }
  return applyEdits(text, edits);
}

/** Set, add or remove the scalar (or flow-list) fields of a block map, leaving other keys alone. */
function patchMap(
  text: string,
  map: YAMLMap,
  fields: [string, FieldValue][],
  order: string[],
  removable: Set<string>,
  eol: string,
  edits: Edit[],
): void {
  if (map.flow) throw new NeedsFallback();
  const pairs = map.items as Pair<Node, Node | null>[];
  const byKey = new Map<string, Pair<Node, Node | null>>();
  for (const p of pairs) if (isPair(p) && isScalar(p.key)) byKey.set(String(p.key.value), p);
  const wanted = new Map(fields);
  const indent = pairs.length ? columnOf(text, pairs[0].key!.range![0]) : 2;

  for (const [key, value] of fields) {
    const pair = byKey.get(key);
    if (pair) {
      const node = pair.value;
      if (sameValue(node, value)) continue;
      if (!node || (isScalar(node) && node.value === null)) throw new NeedsFallback();
      edits.push({ from: node.range![0], to: node.range![1], text: formatValue(value) + keepBlockEnd(text, node) });
      continue;
    }
    // New key: right after the nearest earlier key of the canonical order, or after the last key.
    let after: Pair<Node, Node | null> | undefined;
    for (const k of order.slice(0, order.indexOf(key)).reverse()) if ((after = byKey.get(k))) break;
    after ??= pairs[pairs.length - 1];
    const at = after ? lineEndAfter(text, contentEnd(after)) : map.range![1];
    const sep = at > 0 && !isLineBreak(text.charCodeAt(at - 1)) ? eol : '';
    edits.push({ from: at, to: at, text: `${sep}${' '.repeat(indent)}${key}: ${formatValue(value)}${eol}` });
  }
  for (const [key, pair] of byKey) {
    if (wanted.has(key) || !removable.has(key)) continue;
    const start = pair.key!.range![0];
    const ls = lineStart(text, start);
    if (text.slice(ls, start).trim() !== '') throw new NeedsFallback();
    edits.push({ from: ls, to: lineEndAfter(text, contentEnd(pair)), text: '' });
  }
}

/** Add, change and remove entries of `annotations` or `facts`; invalid entries are never touched. */
function patchList(text: string, root: YAMLMap, list: List, entries: Entry[], invalidIdx: Set<number>, eol: string, edits: Edit[]): void {
  const order = list === 'annotations' ? ANNOTATION_ORDER : FACT_ORDER;
  const removable = new Set(order.filter((k) => !['id', 'start', 'end', 'quote', 'type', 'status', 'label', 'entities'].includes(k)));
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === list) as Pair<Node, Node | null> | undefined;
  const seq = pair?.value;
  const wanted = new Map(entries.map((e) => [e.id, e]));

  if (!isSeq(seq) || seq.items.length === 0) {
    if (!entries.length) return;
    const sorted = [...entries].sort(compareEntries);
    const block = sorted.map((e) => entryLines(e, list, 2, 4).join(eol)).join(eol + eol);
    if (!pair) {
      // No such key yet: add it at its canonical place among the root keys.
      const prev = ROOT_ORDER.slice(0, ROOT_ORDER.indexOf(list)).reverse().map((k) => root.items.find((p) => isScalar(p.key) && p.key.value === k)).find(Boolean);
      const last = prev ?? root.items[root.items.length - 1];
      const at = lineEndAfter(text, contentEnd(last as Pair<Node, Node | null>));
      const sep = at > 0 && !isLineBreak(text.charCodeAt(at - 1)) ? eol : '';
      edits.push({ from: at, to: at, text: `${sep}${list}:${eol}${block}${eol}` });
      return;
    }
    // `annotations:` or `annotations: []`: replace the empty value by the block.
    if (seq && !isScalar(seq) && !(isSeq(seq) && seq.flow)) throw new NeedsFallback();
    const colon = text.indexOf(':', pair.key!.range![1]);
    const valueEnd = seq ? Math.max(seq.range![1], colon + 1) : colon + 1;
    edits.push({ from: colon, to: valueEnd, text: `:${eol}${block}` });
    return;
  }
  if (seq.flow) throw new NeedsFallback();

  const items = seq.items as Node[];
  const geo = items.map((item) => itemGeometry(text, item.range![0]));
  const blank = items.length < 2 || /\n[ \t]*\r?\n/.test(text.slice(contentEnd(items[0]), geo[1].lead));
  const dashIndent = geo[0].dashColumn;
  const keyIndent = geo[0].keyColumn;
  const present = new Set<string>();
  const deletions: [number, number][] = [];

  items.forEach((item, i) => {
    const id = isMap(item) ? item.get('id') : undefined;
    const entry = typeof id === 'string' ? wanted.get(id) : undefined;
    if (entry && !present.has(entry.id)) {
      present.add(entry.id);
      if (!isMap(item)) throw new NeedsFallback();
      patchMap(text, item, entryFields(entry, order), order, removable, eol, edits);
    } else if (!invalidIdx.has(i)) {
      // Removed: the entry with the comment lines right above it.
      // (Up to the next entry's own comments; a comment standing apart between them, a section
      // header, is not this entry's and stays, the blank lines with it.)
      const end = lineEndAfter(text, contentEnd(item));
      const to = i + 1 < items.length && !text.slice(end, geo[i + 1].lead).includes('#') ? geo[i + 1].lead : end;
      deletions.push([geo[i].lead, to]);
    }
  });
  const merged = mergeRanges(deletions);
  // When the list's last entries go (one or several in a row), the blank lines before the first of
  // them go too, so that no gap is left behind.
  const tail = merged[merged.length - 1];
  if (tail && tail[1] === lineEndAfter(text, contentEnd(items[items.length - 1]))) tail[0] = backOverBlankLines(text, tail[0]);
  for (const [from, to] of merged) edits.push({ from, to, text: '' });

  // New entries go before the first existing entry that sorts after them, else at the end.
  const sortKeyOf = (item: Node, i: number) => {
    const id = isMap(item) ? item.get('id') : undefined;
    const e = typeof id === 'string' ? wanted.get(id) : undefined;
    if (e) return e;
    const m = item as YAMLMap;
    return { id: String(id ?? ''), start: Number(m.get?.('start') ?? 0), end: Number(m.get?.('end') ?? 0), i };
  };
  const keys = items.map(sortKeyOf);
  const fresh = entries.filter((e) => !present.has(e.id)).sort(compareEntries);
  // Every entry gone and none new: the list is written `[]`, as a new sidecar has it; a bare
  // `facts:` would read as null in other tools, and undo of the first fact would not give the bytes back.
  if (fresh.length === 0 && present.size === 0 && !items.some((_, i) => invalidIdx.has(i))) {
    const colon = text.indexOf(':', pair!.key!.range![1]);
    edits.push({ from: colon + 1, to: colon + 1, text: ' []' });
  }
  const sep = blank ? eol : '';
  for (const [j, group] of insertionGroups(fresh, keys)) {
    const lines = group.map((e) => entryLines(e, list, dashIndent, keyIndent).join(eol));
    if (j < items.length) {
      edits.push({ from: geo[j].lead, to: geo[j].lead, text: lines.map((l) => l + eol + sep).join('') });
    } else {
      const at = lineEndAfter(text, contentEnd(items[items.length - 1]));
      const lead = at > 0 && !isLineBreak(text.charCodeAt(at - 1)) ? eol : '';
      edits.push({ from: at, to: at, text: lead + lines.map((l) => sep + l + eol).join('') });
    }
  }
}

function sameValue(node: Node | null, value: FieldValue): boolean {
  if (Array.isArray(value)) {
    return isSeq(node) && node.items.length === value.length && node.items.every((n, i) => isScalar(n) && n.value === value[i]);
  }
  return isScalar(node) && node.value === value;
}

/** A replaced block scalar (`|`, `>`) took its final line break with it: give it back. */
function keepBlockEnd(text: string, node: Node): string {
  if (!isScalar(node) || !String(node.type).startsWith('BLOCK')) return '';
  const end = node.range![1];
  if (text.charCodeAt(end - 1) !== 10) return '';
  return text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
}

/** Offset just after the last character of a node's own content (not its trailing comments). */
function contentEnd(node: Node | Pair<Node, Node | null>): number {
  if (isPair(node)) return contentEnd((node.value ?? node.key) as Node);
  if (isMap(node) && !node.flow && node.items.length) return contentEnd(node.items[node.items.length - 1] as Pair<Node, Node | null>);
  if (isSeq(node) && !node.flow && node.items.length) return contentEnd(node.items[node.items.length - 1] as Node);
  return node.range![1];
}

// ---------- fallback through the yaml Document API ----------

/**
 * Double-quotes the string values of `keys` (and of their lists) that Factmark's own writer would
 * quote: the yaml library quotes only what a YAML 1.2 reader misreads, and wrote `value: 2006-03-02`
 * or `quote: yes` plain, which a YAML 1.1 reader (PyYAML) takes for a date or a boolean.
 */
function quoteAsFactmark(map: unknown, keys: readonly string[]): void {
  if (!isMap(map)) return;
  // A value set as a plain JS string has no node (and no style) yet: give it one.
  const quoted = (value: unknown): unknown => {
    if (typeof value === 'string') return formatString(value) === value ? value : Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });
    if (isScalar(value) && typeof value.value === 'string' && (value.type === undefined || value.type === Scalar.PLAIN) && formatString(value.value) !== value.value) {
      value.type = Scalar.QUOTE_DOUBLE;
    }
    return value;
  };
  for (const k of keys) {
    const node = map.get(k, true);
    if (isSeq(node)) node.items = node.items.map(quoted);
    else if (node !== undefined) map.set(k, quoted(node));
  }
}

function editWithDocumentApi(original: string, invalid: InvalidEntry[], data: SidecarData): string {
  const bom = original.startsWith('\uFEFF');
  const crlf = original.includes('\r\n');
  const yaml = parseDocument(original, { ...YAML_OPTIONS, customTags: escapingStringTags });
  yaml.set('factmark', 1);
  yaml.set('offsets', 'codepoints');
  if (data.labels) yaml.set('labels', yaml.createNode([...data.labels], { flow: true }));
  else yaml.delete('labels');
  const d = data.document;
  yaml.setIn(['document', 'path'], d.path);
  for (const k of ['date', 'gitBlob', 'sentences'] as const) {
    if (d[k] !== undefined) yaml.setIn(['document', k], d[k]);
    else yaml.deleteIn(['document', k]);
  }
  quoteAsFactmark(yaml.get('document', true), ['path', 'date', 'gitBlob', 'sentences']);
  for (const list of ['annotations', 'facts'] as const) {
    const order = list === 'annotations' ? ANNOTATION_ORDER : FACT_ORDER;
    const invalidIdx = new Set(invalid.filter((e) => e.list === list).map((e) => e.index));
    const wanted = new Map(data[list].map((e) => [e.id, e]));
    const old = yaml.get(list, true);
    const oldItems = isSeq(old) ? (old as YAMLSeq).items : [];
    const kept: unknown[] = [];
    const done = new Set<string>();
    oldItems.forEach((item, i) => {
      const id = isMap(item) ? item.get('id') : undefined;
      const e = typeof id === 'string' && !done.has(id) ? wanted.get(id) : undefined;
      if (e && isMap(item)) {
        done.add(e.id);
        const fields = new Map(entryFields(e, order));
        for (const [k, v] of fields) item.set(k, Array.isArray(v) ? yaml.createNode([...v], { flow: true }) : v);
        for (const k of order) if (!fields.has(k)) item.delete(k);
        quoteAsFactmark(item, [...fields.keys()]);
        kept.push(item);
      } else if (invalidIdx.has(i)) kept.push(item);
    });
    for (const e of data[list].filter((x) => !done.has(x.id)).sort(compareEntries)) {
      const node = yaml.createNode(Object.fromEntries(entryFields(e, order).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])));
      for (const p of (node as YAMLMap).items) if (isSeq(p.value)) (p.value as YAMLSeq).flow = true;
      quoteAsFactmark(node, order);
      kept.push(node);
    }
    // The list node itself is kept when there is one, with its comments and style.
    if (isSeq(old)) (old as YAMLSeq).items = kept;
    else {
      const seq = yaml.createNode([]) as YAMLSeq;
      seq.items = kept;
      yaml.set(list, seq);
    }
  }
  // No block scalars (`|`, `>`): the format writes every string on one line, quoted when needed.
  let out = yaml.toString({ lineWidth: 0, blockQuote: false });
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + out;
}
