/**
 * The Factmark view's tree, as plain data: documents' facts and entities grouped by type, by entity,
 * by date or by document, filtered by text and type, with counts. The VS Code tree provider is a thin
 * adapter over it (src/features/tree). Every node knows its parent, so the view can reveal any node.
 */

import { isCalendarValue, preview } from '../facts';
import { kbKey } from '../kb';
import type { AnnotatedDocument, Annotation, Fact, Mention } from '../model';

export type Grouping = 'type' | 'entity' | 'date' | 'document';
export const GROUPINGS: readonly Grouping[] = ['type', 'entity', 'date', 'document'];

/** The pseudo-type that stands for facts in a type filter. */
export const FACT_TYPE = 'FACT';

/** One document in the tree. */
export interface TreeDocument {
  /** Unique key (the document URI as a string). */
  readonly key: string;
  /** What the user sees: the workspace-relative path. */
  readonly name: string;
  readonly model: AnnotatedDocument;
}

export interface TreeFilter {
  /** Case-insensitive text every shown item must contain (in its text, type, value, note, kb id or label). */
  readonly text?: string;
  /** Types to show (entity type names, or FACT_TYPE for facts); empty or absent = all. */
  readonly types?: readonly string[];
}

export interface TreeOptions {
  readonly grouping: Grouping;
  readonly filter?: TreeFilter;
  /** Human-readable name of an entity type. */
  readonly title?: (type: string) => string;
  /** Order of type groups: these first, in this order, then the rest alphabetically. */
  readonly typeOrder?: readonly string[];
  /**
   * The entities file's entry of an entity id: mentions linked to one entity make one group by
   * entity under its canonical name, whatever their spelling ("Roh", "President Roh").
   */
  readonly entity?: (id: string) => { readonly name: string; readonly type: string } | undefined;
}

interface NodeBase {
  /** Stable id, unique in the tree: VS Code keeps expansion state by it. */
  readonly id: string;
  readonly parent?: GroupNode;
}

/** A group row: `Person (12)`, `North Korea (3)`, `2006-03-02 (2)`, `article.txt (40)`. */
export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  /** What the group gathers (for icons and menus). */
  readonly group: 'facts' | 'type' | 'entity' | 'date' | 'document' | 'suggestions';
  /** The label without its count. */
  readonly name: string;
  /** Number of facts and annotations below (not counting groups). */
  readonly count: number;
  /** The entity type of a type or entity group. */
  readonly type?: string;
  readonly children: TreeNode[];
}

export interface AnnotationNode extends NodeBase {
  readonly kind: 'annotation';
  readonly doc: TreeDocument;
  readonly annotation: Annotation;
}

export interface FactNode extends NodeBase {
  readonly kind: 'fact';
  readonly doc: TreeDocument;
  readonly fact: Fact;
}

export type TreeNode = GroupNode | AnnotationNode | FactNode;

/** A group's label with its count, as the view shows it. */
export function groupLabel(node: GroupNode): string {
  return `${node.name} (${node.count})`;
}

/** A leaf's label. */
export function leafLabel(node: AnnotationNode | FactNode): string {
  return node.kind === 'fact' ? `${node.fact.label}: ${preview(node.fact.text, 60)}` : preview(node.annotation.text, 60);
}

/** The built tree: root nodes and totals. Groups build their children when first asked (lazily). */
export class TreeModel {
  constructor(
    readonly roots: readonly TreeNode[],
    /** Facts and (non-rejected) annotations shown, distinct entities, and documents contributing. */
    readonly totals: { readonly facts: number; readonly annotations: number; readonly entities: number; readonly documents: number },
  ) {}

  /** The first node showing the annotation or fact `id` of document `docKey` (building only the groups on its path). */
  nodeFor(docKey: string, id: string): AnnotationNode | FactNode | undefined {
    const search = (nodes: readonly TreeNode[]): AnnotationNode | FactNode | undefined => {
      for (const n of nodes) {
        if (n.kind !== 'group') {
          if (n.doc.key === docKey && (n.kind === 'fact' ? n.fact.id : n.annotation.id) === id) return n;
          continue;
        }
        if (n instanceof LazyGroup && !n.mayHold(docKey, id)) continue;
        const found = search(n.children);
        if (found) return found;
      }
      return undefined;
    };
    return search(this.roots);
  }
}

/**
 * Identity of an entity across mentions: its type and knowledge-base id (`Q42` however written: an
 * import keeps the file's `Wikidata:Q42` or IRI), or its type and text.
 */
export function entityKey(a: Annotation): string {
  if (a.kb) return `${a.type}\u0000kb:${kbKey(a.kb)}`;
  const text = /\s\s|[\t\n\r]/.test(a.text) ? a.text.replace(/\s+/g, ' ') : a.text;
  return `${a.type}\u0000${text.trim().toLowerCase()}`;
}

interface Item {
  readonly doc: TreeDocument;
  readonly annotation?: Annotation;
  readonly fact?: Fact;
  readonly docIndex: number;
  /** The annotation's entity key. */
  readonly key?: string;
}

/** Builds the tree for `docs`. Linear in the number of items plus the sorting of each group. */
export function buildTree(docs: readonly TreeDocument[], options: TreeOptions): TreeModel {
  const title = options.title ?? ((t: string) => t);
  const filter = compileFilter(options.filter);
  const sortedDocs = [...docs].sort((a, b) => a.name.localeCompare(b.name));
  const facts: Item[] = [];
  const annotations: Item[] = [];
  let entityCount = 0;
  let documents = 0;
  sortedDocs.forEach((doc, docIndex) => {
    const before = facts.length + annotations.length;
    for (const fact of doc.model.facts) if (filter.fact(fact)) facts.push({ doc, fact, docIndex });
    const entities = new Set<string>();
    for (const annotation of doc.model.annotations) {
      if (annotation.status !== 'rejected' && filter.annotation(annotation)) {
        const linked = annotation.entity !== undefined ? options.entity?.(annotation.entity) : undefined;
        const key = linked ? `${ENTITY_PREFIX}${annotation.entity}` : entityKey(annotation);
        annotations.push({ doc, annotation, docIndex, key });
        entities.add(key);
      }
    }
    entityCount += entities.size;
    if (facts.length + annotations.length > before) documents++;
  });
  const totals = { facts: facts.length, annotations: annotations.length, entities: entityCount, documents };
  const ctx: Ctx = { title, typeOrder: options.typeOrder ?? [], entity: options.entity ?? (() => undefined) };
  let roots: TreeNode[];
  switch (options.grouping) {
    case 'type':
      roots = byType(ctx, 'type', undefined, facts, annotations);
      break;
    case 'entity':
      roots = byEntity(ctx, facts, annotations);
      break;
    case 'date':
      roots = byDate(facts, annotations);
      break;
    case 'document':
      roots = byDocument(ctx, sortedDocs, facts, annotations);
      break;
  }
  return new TreeModel(roots, totals);
}

interface Ctx {
  readonly title: (type: string) => string;
  readonly typeOrder: readonly string[];
  readonly entity: NonNullable<TreeOptions['entity']>;
}

/** Group keys of mentions linked to an entity of the entities file. */
const ENTITY_PREFIX = 'entity:';

function compileFilter(filter: TreeFilter | undefined) {
  const text = filter?.text?.trim().toLowerCase() ?? '';
  const types = filter?.types?.length ? new Set(filter.types) : undefined;
  const has = (...fields: Array<string | undefined>) => !text || fields.some((f) => f?.toLowerCase().includes(text));
  return {
    fact: (f: Fact) => (!types || types.has(FACT_TYPE)) && has(f.text, f.label, f.note, f.date),
    annotation: (a: Annotation) => (!types || types.has(a.type)) && has(a.text, a.type, a.value, a.note, a.kb),
  };
}

function byPosition(a: Item, b: Item): number {
  const x = (a.fact ?? a.annotation)!;
  const y = (b.fact ?? b.annotation)!;
  return a.docIndex - b.docIndex || x.start - y.start || y.end - x.end;
}

/**
 * Makes a group whose children are created, with the group as their parent, when first read: the
 * first level of a 10,000-item tree costs counting, not 10,000 nodes. `items` (for groups of
 * leaves) or `docKey` (for document groups) tell `nodeFor` which groups to open.
 */
function group(
  id: string,
  kind: GroupNode['group'],
  name: string,
  count: number,
  parent: GroupNode | undefined,
  children: (self: GroupNode) => TreeNode[],
  type?: string,
  holds?: { items?: readonly Item[]; docKey?: string },
): GroupNode {
  return new LazyGroup(id, kind, name, count, parent, children, type, holds);
}

/** A group node (a class, so thousands of them share one prototype getter). */
class LazyGroup implements GroupNode {
  readonly kind = 'group' as const;
  private built: TreeNode[] | undefined;
  constructor(
    readonly id: string,
    readonly group: GroupNode['group'],
    readonly name: string,
    readonly count: number,
    readonly parent: GroupNode | undefined,
    private readonly build: (self: GroupNode) => TreeNode[],
    readonly type?: string,
    private readonly holds?: { items?: readonly Item[]; docKey?: string },
  ) {}

  /** Whether the item may be below this group (cheap: no children are built). */
  mayHold(docKey: string, id: string): boolean {
    if (this.holds?.items) return this.holds.items.some((i) => i.doc.key === docKey && (i.fact ?? i.annotation)!.id === id);
    if (this.holds?.docKey) return this.holds.docKey === docKey;
    return true;
  }

  get children(): TreeNode[] {
    return (this.built ??= this.build(this));
  }
}

function leaves(items: Item[], parent: GroupNode): TreeNode[] {
  return items.sort(byPosition).map((i) =>
    i.fact
      ? { kind: 'fact' as const, id: `${parent.id}/f:${i.doc.key}#${i.fact.id}`, parent, doc: i.doc, fact: i.fact }
      : { kind: 'annotation' as const, id: `${parent.id}/a:${i.doc.key}#${i.annotation!.id}`, parent, doc: i.doc, annotation: i.annotation! },
  );
}

function orderTypes(types: Iterable<string>, order: readonly string[]): string[] {
  const rank = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Facts first, then one group per entity type. */
function byType(ctx: Ctx, prefix: string, parent: GroupNode | undefined, facts: Item[], annotations: Item[]): TreeNode[] {
  const roots: TreeNode[] = [];
  if (facts.length) roots.push(group(`${prefix}/facts`, 'facts', 'Facts', facts.length, parent, (g) => leaves(facts, g), undefined, { items: facts }));
  const byTypeName = new Map<string, Item[]>();
  for (const i of annotations) {
    const list = byTypeName.get(i.annotation!.type);
    if (list) list.push(i);
    else byTypeName.set(i.annotation!.type, [i]);
  }
  for (const type of orderTypes(byTypeName.keys(), ctx.typeOrder)) {
    const items = byTypeName.get(type)!;
    roots.push(group(`${prefix}/t:${type}`, 'type', ctx.title(type), items.length, parent, (g) => leaves(items, g), type, { items }));
  }
  return roots;
}

/** Facts first, then one group per entity (type + kb id or text) with its mentions, most mentioned first. */
function byEntity(ctx: Ctx, facts: Item[], annotations: Item[]): TreeNode[] {
  const roots: TreeNode[] = [];
  if (facts.length) roots.push(group('entity/facts', 'facts', 'Facts', facts.length, undefined, (g) => leaves(facts, g), undefined, { items: facts }));
  const groups = new Map<string, Item[]>();
  for (const i of annotations) {
    const key = i.key!;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const entries = [...groups.entries()].map(([key, items]) => {
    const linked = key.startsWith(ENTITY_PREFIX) ? ctx.entity(key.slice(ENTITY_PREFIX.length)) : undefined;
    if (linked) return { key, items, name: linked.name, type: linked.type };
    const first = items.reduce((a, b) => (byPosition(b, a) < 0 ? b : a));
    return { key, items, name: first.annotation!.text.replace(/\s+/g, ' ').trim(), type: first.annotation!.type };
  });
  entries.sort((a, b) => b.items.length - a.items.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  for (const e of entries) {
    const name = `${e.name} · ${ctx.title(e.type)}`;
    roots.push(group(`entity/e:${e.key}`, 'entity', name, e.items.length, undefined, (g) => leaves(e.items, g), e.type, { items: e.items }));
  }
  return roots;
}

/** One group per calendar value (facts by their date, DATE annotations by their value), oldest first. */
function byDate(facts: Item[], annotations: Item[]): TreeNode[] {
  const groups = new Map<string, Item[]>();
  const undated: Item[] = [];
  const add = (value: string | undefined, item: Item) => {
    if (!isCalendarValue(value)) return undated.push(item);
    const list = groups.get(value);
    if (list) list.push(item);
    else groups.set(value, [item]);
  };
  for (const i of facts) add(i.fact!.date, i);
  for (const i of annotations) if (i.annotation!.type === 'DATE') add(i.annotation!.value, i);
  // ISO values sort chronologically as strings; a coarser value ("2006") comes before the finer ones it contains.
  const roots: TreeNode[] = [...groups.keys()]
    .sort(compareDateValues)
    .map((value) => group(`date/d:${value}`, 'date', value, groups.get(value)!.length, undefined, (g) => leaves(groups.get(value)!, g), undefined, { items: groups.get(value)! }));
  if (undated.length) roots.push(group('date/none', 'date', 'No calendar date', undated.length, undefined, (g) => leaves(undated, g), undefined, { items: undated }));
  return roots;
}

/** Chronological order of TimeML calendar values (`1953`, `2006-03`, `2006-03-02`, `2006-W10`, `2006-Q1`). */
export function compareDateValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One group per document, each grouped by type inside. */
function byDocument(ctx: Ctx, docs: readonly TreeDocument[], facts: Item[], annotations: Item[]): TreeNode[] {
  const factsOf = new Map<string, Item[]>();
  const annotationsOf = new Map<string, Item[]>();
  const bucket = (map: Map<string, Item[]>, i: Item) => {
    const list = map.get(i.doc.key);
    if (list) list.push(i);
    else map.set(i.doc.key, [i]);
  };
  facts.forEach((i) => bucket(factsOf, i));
  annotations.forEach((i) => bucket(annotationsOf, i));
  const roots: TreeNode[] = [];
  for (const doc of docs) {
    const f = factsOf.get(doc.key) ?? [];
    const a = annotationsOf.get(doc.key) ?? [];
    if (!f.length && !a.length) continue;
    roots.push(group(`document/${doc.key}`, 'document', doc.name, f.length + a.length, undefined, (g) => byType(ctx, g.id, g, f, a), undefined, { docKey: doc.key }));
  }
  return roots;
}

/** The id of a suggestion's leaf: suggestions have no annotation id of their own. */
const suggestionId = (m: Mention) => `s:${m.start}:${m.end}:${m.type}`;

/**
 * The "Open suggestions" group of the view (off by default): the recognisers' undecided suggestions of
 * the documents shown, in text order, under the view's text and type filter. Undefined when none.
 */
export function suggestionsGroup(docs: ReadonlyArray<{ doc: TreeDocument; mentions: readonly Mention[] }>, filter: TreeFilter = {}): GroupNode | undefined {
  const text = filter.text?.toLowerCase() ?? '';
  const types = filter.types ?? [];
  const group: { -readonly [K in keyof GroupNode]: GroupNode[K] } = { kind: 'group', id: 'suggestions', group: 'suggestions', name: 'Open suggestions', count: 0, children: [] };
  for (const { doc, mentions } of docs) {
    for (const m of mentions) {
      if (types.length && !types.includes(m.type)) continue;
      if (text && !m.text.toLowerCase().includes(text) && !m.type.toLowerCase().includes(text)) continue;
      const annotation: Annotation = { id: suggestionId(m), type: m.type, start: m.start, end: m.end, text: m.text, status: 'suggested', ...(m.value ? { value: m.value } : {}) };
      group.children.push({ kind: 'annotation', id: `suggestions/${doc.key}#${annotation.id}`, parent: group as GroupNode, doc, annotation });
    }
  }
  group.count = group.children.length;
  return group.count ? (group as GroupNode) : undefined;
}
