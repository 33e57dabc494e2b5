/**
 * The in-place writer for a file the fast reader read (Factmark's own layout and the usual hand
 * edits of it): the same edits as `write.ts`'s `editInPlace`, found through the reader's light index
 * of where each key and value is (`Spans`) instead of yaml nodes. An entry whose fields already hold
 * the wanted values gives no edit, so its text (comments, quoting, unknown keys) is copied as it is.
 * Building the yaml nodes of 10,000 entries only to find them was the largest cost of a large write.
 */

import { STEP, runAll, type Steps } from '../slices';
import { ANNOTATION_ORDER, DOCUMENT_ORDER, FACT_ORDER, ROOT_ORDER, compareEntries, entryFields, type FieldValue } from './canonical';
import { entryLines } from './emit';
import type { Spans } from './fastread';
import { formatValue } from './scalar';
import { NeedsFallback, applyEdits, backOverBlankLines, insertionGroups, isLineBreak, itemGeometry, lineEndAfter, mergeRanges, type Edit } from './textEdits';
import type { InvalidEntry, SidecarData, StoredAnnotation, StoredFact } from './types';

type Rec = Record<string, unknown>;
type Entry = StoredAnnotation | StoredFact;

/** Offsets per key in a map's spans: line start, key start, value start, value end. */
const LINE = 0;
const KEY = 1;
const VALUE = 2;
const VALUE_END = 3;
const STRIDE = 4;

/** The sidecar text holding `data`, edited from `text` by the fast reader's index. Throws {@link NeedsFallback}. */
export function editLines(text: string, fast: { data: Rec; spans: Spans }, invalid: InvalidEntry[], data: SidecarData): string {
  return runAll(editLinesSteps(text, fast, invalid, data));
}

/** {@link editLines} in steps of a few hundred entries (a large import written into a sidecar that has some). */
export function* editLinesSteps(text: string, fast: { data: Rec; spans: Spans }, invalid: InvalidEntry[], data: SidecarData): Steps<string> {
  const { data: root, spans } = fast;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const map = new MapEditor(text, spans, eol, edits);

  const rootFields: [string, FieldValue][] = [['factmark', 1], ['offsets', 'codepoints']];
  if (data.labels) rootFields.push(['labels', data.labels]);
  map.patch(root, rootFields, ROOT_ORDER, new Set(['labels']));

  const doc = root.document;
  if (!isRec(doc)) throw new NeedsFallback();
  const docFields: [string, FieldValue][] = [['path', data.document.path]];
  if (data.document.date !== undefined) docFields.push(['date', data.document.date]);
  if (data.document.gitBlob !== undefined) docFields.push(['gitBlob', data.document.gitBlob]);
  if (data.document.sentences !== undefined) docFields.push(['sentences', data.document.sentences]);
  map.patch(doc, docFields, DOCUMENT_ORDER, new Set(['date', 'gitBlob', 'sentences']));

  for (const list of ['annotations', 'facts'] as const) {
    const invalidIdx = new Set(invalid.filter((e) => e.list === list).map((e) => e.index));
    yield* patchList(map, root, list, data[list], invalidIdx);
  }
  yield;
  return applyEdits(text, edits);
}

/** Edits of block maps located by their spans. */
class MapEditor {
  constructor(
    readonly text: string,
    private readonly spans: Spans,
    readonly eol: string,
    readonly edits: Edit[],
  ) {}

  at(map: Rec): number[] {
    const at = this.spans.get(map);
    if (!at) throw new NeedsFallback();
    return at;
  }

  /** Offset just after the last character of the content of key `i` of `map` (nested blocks included). */
  contentEnd(map: Rec, i: number): number {
    const at = this.at(map);
    if (at[i * STRIDE + VALUE_END] >= 0) return at[i * STRIDE + VALUE_END];
    const value = map[Object.keys(map)[i]];
    if (Array.isArray(value) && value.length && isRec(value[value.length - 1])) return this.mapEnd(value[value.length - 1] as Rec);
    if (isRec(value)) return this.mapEnd(value);
    // `key:` with nothing after it: a null that ends at the colon.
    return this.text.indexOf(':', at[i * STRIDE + KEY]) + 1;
  }

  mapEnd(map: Rec): number {
    return this.contentEnd(map, Object.keys(map).length - 1);
  }

  /** Set, add or remove the scalar (or flow-list) fields of a block map, leaving other keys alone. */
  patch(map: Rec, fields: [string, FieldValue][], order: string[], removable: Set<string>): void {
    const { text, eol, edits } = this;
    const at = this.at(map);
    const keys = Object.keys(map);
    const indent = at[KEY] - at[LINE];
    for (const [key, value] of fields) {
      const i = keys.indexOf(key);
      if (i >= 0) {
        if (sameValue(map[key], value)) continue;
        if (at[i * STRIDE + VALUE_END] < 0) throw new NeedsFallback();
        edits.push({ from: at[i * STRIDE + VALUE], to: at[i * STRIDE + VALUE_END], text: formatValue(value) });
        continue;
      }
      // New key: right after the nearest earlier key of the canonical order, or after the last key.
      let after = -1;
      for (let k = order.indexOf(key) - 1; k >= 0 && after < 0; k--) after = keys.indexOf(order[k]);
      if (after < 0) after = keys.length - 1;
      const pos = lineEndAfter(text, this.contentEnd(map, after));
      const sep = pos > 0 && !isLineBreak(text.charCodeAt(pos - 1)) ? eol : '';
      edits.push({ from: pos, to: pos, text: `${sep}${' '.repeat(indent)}${key}: ${formatValue(value)}${eol}` });
    }
    for (let i = 0; i < keys.length; i++) {
      if (!removable.has(keys[i]) || fields.some(([k]) => k === keys[i])) continue;
      const ls = at[i * STRIDE + LINE];
      // A key on a `- ` line starts its entry: it cannot go alone.
      if (text.slice(ls, at[i * STRIDE + KEY]).trim() !== '') throw new NeedsFallback();
      edits.push({ from: ls, to: lineEndAfter(text, this.contentEnd(map, i)), text: '' });
    }
  }
}

/** Add, change and remove entries of `annotations` or `facts`; invalid entries are never touched. */
function* patchList(map: MapEditor, root: Rec, list: 'annotations' | 'facts', entries: Entry[], invalidIdx: Set<number>): Steps<void> {
  const { text, eol, edits } = map;
  const order = list === 'annotations' ? ANNOTATION_ORDER : FACT_ORDER;
  const removable = new Set(order.filter((k) => !['id', 'start', 'end', 'quote', 'type', 'status', 'label', 'entities'].includes(k)));
  const rootKeys = Object.keys(root);
  const rootAt = map.at(root);
  const k = rootKeys.indexOf(list);
  const seq = k >= 0 ? root[list] : undefined;
  const inline = k >= 0 && rootAt[k * STRIDE + VALUE_END] >= 0;
  const wanted = new Map(entries.map((e) => [e.id, e]));

  if (!Array.isArray(seq) || seq.length === 0) {
    if (!entries.length) return;
    const sorted = [...entries].sort(compareEntries);
    const blocks: string[] = [];
    for (const e of sorted) if (blocks.push(entryLines(e, list, 2, 4).join(eol)) % STEP === 0) yield;
    const block = blocks.join(eol + eol);
    if (k < 0) {
      // No such key yet: add it at its canonical place among the root keys.
      const prev = ROOT_ORDER.slice(0, ROOT_ORDER.indexOf(list)).reverse().map((key) => rootKeys.indexOf(key)).find((i) => i >= 0);
      const pos = lineEndAfter(text, map.contentEnd(root, prev ?? rootKeys.length - 1));
      const sep = pos > 0 && !isLineBreak(text.charCodeAt(pos - 1)) ? eol : '';
      edits.push({ from: pos, to: pos, text: `${sep}${list}:${eol}${block}${eol}` });
      return;
    }
    // `annotations:` or `annotations: []`: replace the empty value by the block.
    if (seq !== null && !Array.isArray(seq)) throw new NeedsFallback();
    const colon = text.indexOf(':', rootAt[k * STRIDE + KEY]);
    const valueEnd = inline ? Math.max(rootAt[k * STRIDE + VALUE_END], colon + 1) : colon + 1;
    edits.push({ from: colon, to: valueEnd, text: `:${eol}${block}` });
    return;
  }
  if (inline) throw new NeedsFallback();

  const items = seq as Rec[];
  const leads: number[] = [];
  // Where each entry's block starts (comment lines above it included), found only where needed.
  const lead = (i: number) => (leads[i] ??= itemGeometry(text, map.at(items[i])[KEY]).lead);
  const first = itemGeometry(text, map.at(items[0])[KEY]);
  const blank = items.length < 2 || /\n[ \t]*\r?\n/.test(text.slice(map.mapEnd(items[0]), lead(1)));
  const present = new Set<string>();
  const deletions: [number, number][] = [];

  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % STEP === 0) yield;
    const item = items[i];
    const id = item.id;
    const entry = typeof id === 'string' ? wanted.get(id) : undefined;
    if (entry && !present.has(entry.id)) {
      present.add(entry.id);
      map.patch(item, entryFields(entry, order), order, removable);
    } else if (!invalidIdx.has(i)) {
      // Removed: the entry with the comment lines right above it.
      // (Up to the next entry's own comments; a comment standing apart between them, a section
      // header, is not this entry's and stays, the blank lines with it.)
      const end = lineEndAfter(text, map.mapEnd(item));
      const to = i + 1 < items.length && !text.slice(end, lead(i + 1)).includes('#') ? lead(i + 1) : end;
      deletions.push([lead(i), to]);
    }
  }
  const merged = mergeRanges(deletions);
  // When the list's last entries go (one or several in a row), the blank lines before the first of
  // them go too, so that no gap is left behind.
  const tail = merged[merged.length - 1];
  if (tail && tail[1] === lineEndAfter(text, map.mapEnd(items[items.length - 1]))) tail[0] = backOverBlankLines(text, tail[0]);
  for (const [from, to] of merged) edits.push({ from, to, text: '' });

  // New entries go before the first existing entry that sorts after them, else at the end.
  const keys = items.map((item, i) => {
    const id = item.id;
    const e = typeof id === 'string' ? wanted.get(id) : undefined;
    return e ?? { id: String(id ?? ''), start: Number(item.start ?? 0), end: Number(item.end ?? 0), i };
  });
  const fresh = entries.filter((e) => !present.has(e.id)).sort(compareEntries);
  // Every entry gone and none new: the list is written `[]`, as a new sidecar has it.
  if (fresh.length === 0 && present.size === 0 && !items.some((_, i) => invalidIdx.has(i))) {
    const colon = text.indexOf(':', rootAt[k * STRIDE + KEY]);
    edits.push({ from: colon + 1, to: colon + 1, text: ' []' });
  }
  const sep = blank ? eol : '';
  yield;
  let made = 0;
  for (const [j, group] of insertionGroups(fresh, keys)) {
    const lines: string[] = [];
    for (const e of group) {
      lines.push(entryLines(e, list, first.dashColumn, first.keyColumn).join(eol));
      if (++made % STEP === 0) yield;
    }
    if (j < items.length) {
      edits.push({ from: lead(j), to: lead(j), text: lines.map((l) => l + eol + sep).join('') });
    } else {
      const pos = lineEndAfter(text, map.mapEnd(items[items.length - 1]));
      const before = pos > 0 && !isLineBreak(text.charCodeAt(pos - 1)) ? eol : '';
      edits.push({ from: pos, to: pos, text: before + lines.map((l) => sep + l + eol).join('') });
    }
  }
}

function sameValue(stored: unknown, value: FieldValue): boolean {
  if (Array.isArray(value)) return Array.isArray(stored) && stored.length === value.length && stored.every((s, i) => s === value[i]);
  return stored === value;
}

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
