import type { AnnotationStatus } from '../model';
import type { Entity } from '../entities/types';
import { PathKeys } from './pathKeys';
import type { EntitySummary, IndexedDocument, IndexedFact, IndexedMention, IndexQuery } from './types';

/** Results of {@link WorkspaceIndex.query}, in document-name then text order. */
export interface QueryResult {
  mentions: IndexedMention[];
  facts: IndexedFact[];
}

/** A Ctrl+T hit: an entity of an entities file, or a fact. */
export type SymbolHit = { kind: 'entity'; entity: Entity; scope: string } | { kind: 'fact'; fact: IndexedFact };

/**
 * All documents' annotations and facts, and every entities file's entities, with lookups by
 * entity, type, text and document kept up to date one document at a time: replacing a document
 * costs in proportion to its own annotations, never to the workspace's.
 */
export class WorkspaceIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  /** The documents' keys, for a deleted folder's lookup. */
  private readonly keys = new PathKeys();
  private readonly byEntity = new Map<string, Set<IndexedMention>>();
  private readonly byType = new Map<string, Set<IndexedMention>>();
  /** Mentions by their lower-cased text: a text search scans distinct spellings, not every mention. */
  private readonly byText = new Map<string, Set<IndexedMention>>();
  private readonly factsByEntity = new Map<string, Set<IndexedFact>>();
  /** Entities per scope (a workspace folder, or the CLI's root), and all of them by id. */
  private readonly entityScopes = new Map<string, Entity[]>();
  private readonly entityById = new Map<string, { entity: Entity; scope: string }>();
  /** Documents in name order, made again after a document is added or removed. */
  private sorted: IndexedDocument[] | undefined;
  private generationCount = 0;

  /** Goes up on every change: a cheap "has anything changed" for views and caches. */
  get generation(): number {
    return this.generationCount;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Adds a document, or replaces the entry of the same key. */
  setDocument(doc: IndexedDocument): void {
    const old = this.docs.get(doc.key);
    if (old) this.unlink(old);
    else this.sorted = undefined;
    if (old && old.name !== doc.name) this.sorted = undefined;
    this.docs.set(doc.key, doc);
    this.keys.add(doc.key);
    for (const m of doc.mentions) {
      if (m.entity !== undefined) add(this.byEntity, m.entity, m);
      add(this.byType, m.type, m);
      add(this.byText, m.text.toLowerCase(), m);
    }
    for (const f of doc.facts) for (const e of f.entities) add(this.factsByEntity, e, f);
    if (this.sorted && old) this.sorted[this.sorted.indexOf(old)] = doc;
    this.generationCount++;
  }

  removeDocument(key: string): boolean {
    const old = this.docs.get(key);
    if (!old) return false;
    this.unlink(old);
    this.docs.delete(key);
    this.keys.delete(key);
    this.sorted = undefined;
    this.generationCount++;
    return true;
  }

  /** Sets the entities of one scope (a folder's entities file); an empty list removes the scope. */
  setEntities(scope: string, entities: readonly Entity[]): void {
    for (const e of this.entityScopes.get(scope) ?? []) if (this.entityById.get(e.id)?.scope === scope) this.entityById.delete(e.id);
    if (entities.length) this.entityScopes.set(scope, [...entities]);
    else this.entityScopes.delete(scope);
    for (const e of entities) this.entityById.set(e.id, { entity: e, scope });
    this.generationCount++;
  }

  document(key: string): IndexedDocument | undefined {
    return this.docs.get(key);
  }

  /** The keys of the documents at or under `key` (a file's URI, or a folder's). */
  documentsUnder(key: string): string[] {
    return this.keys.under(key);
  }

  /** Every document, by name. */
  documents(): readonly IndexedDocument[] {
    this.sorted ??= [...this.docs.values()].sort((a, b) => compare(a.name, b.name));
    return this.sorted;
  }

  entity(id: string): Entity | undefined {
    return this.entityById.get(id)?.entity;
  }

  /** Every entity of every scope, with the scope it comes from. */
  entities(): Array<{ entity: Entity; scope: string }> {
    return [...this.entityById.values()];
  }

  /** The mentions linked to an entity (rejected ones left out), in document order. */
  mentionsOf(entity: string): IndexedMention[] {
    return this.sortMentions([...(this.byEntity.get(entity) ?? [])].filter((m) => m.status !== 'rejected'));
  }

  /** Entity ids that `text` names: an id itself, else entities whose name or an alias is it (case-insensitive). */
  resolveEntity(text: string): string[] {
    if (this.entityById.has(text)) return [text];
    const t = text.trim().toLowerCase();
    const out: string[] = [];
    for (const { entity } of this.entityById.values()) {
      if (entity.name.toLowerCase() === t || entity.aliases?.some((a) => a.toLowerCase() === t)) out.push(entity.id);
    }
    if (out.length) return out;
    // No exact name: every entity whose name or alias contains it.
    for (const { entity } of this.entityById.values()) {
      if (entity.name.toLowerCase().includes(t) || entity.aliases?.some((a) => a.toLowerCase().includes(t))) out.push(entity.id);
    }
    return out;
  }

  /** Mentions and facts matching every field of `q`. */
  query(q: IndexQuery): QueryResult {
    return { mentions: this.queryMentions(q), facts: this.queryFacts(q) };
  }

  queryMentions(q: IndexQuery): IndexedMention[] {
    const words = wordsOf(q.text);
    const types = q.types?.length ? new Set(q.types) : undefined;
    const statuses = q.statuses?.length ? new Set<AnnotationStatus>(q.statuses) : undefined;
    const entities = q.entity !== undefined ? new Set(this.resolveEntity(q.entity)) : undefined;
    const docs = this.docsNamed(q.document);
    const dated = q.from !== undefined || q.to !== undefined;
    const keep = (m: IndexedMention): boolean =>
      (!types || types.has(m.type)) &&
      (!statuses || statuses.has(m.status)) &&
      (!entities || (m.entity !== undefined && entities.has(m.entity))) &&
      (!docs || docs.has(m.doc)) &&
      (!words.length || words.every((w) => m.text.toLowerCase().includes(w))) &&
      (!dated || inRange(this.dateOfMention(m), q.from, q.to));
    // Start from the narrowest list there is, then check every field.
    let candidates: Iterable<IndexedMention>;
    if (entities) candidates = [...entities].flatMap((e) => [...(this.byEntity.get(e) ?? [])]);
    else if (docs) candidates = [...docs].flatMap((k) => this.docs.get(k)?.mentions ?? []);
    else if (types) candidates = [...types].flatMap((t) => [...(this.byType.get(t) ?? [])]);
    else if (words.length) candidates = [...this.byText].filter(([t]) => words.every((w) => t.includes(w))).flatMap(([, s]) => [...s]);
    else return this.documents().flatMap((d) => d.mentions.filter(keep));
    const out: IndexedMention[] = [];
    for (const m of candidates) if (keep(m)) out.push(m);
    return this.sortMentions(out);
  }

  /** Facts are decisions: a query for suggested or rejected mentions only has no facts. */
  queryFacts(q: IndexQuery): IndexedFact[] {
    if (q.statuses?.length && !q.statuses.includes('confirmed')) return [];
    const words = wordsOf(q.text);
    const types = q.types?.length ? new Set(q.types) : undefined;
    const entities = q.entity !== undefined ? new Set(this.resolveEntity(q.entity)) : undefined;
    const docs = this.docsNamed(q.document);
    const dated = q.from !== undefined || q.to !== undefined;
    const keep = (f: IndexedFact): boolean =>
      (!types || f.types.some((t) => types.has(t))) &&
      (!entities || f.entities.some((e) => entities.has(e))) &&
      (!docs || docs.has(f.doc)) &&
      (!words.length || words.every((w) => f.label.toLowerCase().includes(w) || f.text.toLowerCase().includes(w))) &&
      (!dated || inRange(f.date ?? this.docs.get(f.doc)?.date, q.from, q.to));
    if (entities) {
      const found = new Set<IndexedFact>();
      for (const e of entities) for (const f of this.factsByEntity.get(e) ?? []) if (keep(f)) found.add(f);
      return this.sortFacts([...found]);
    }
    return this.documents().flatMap((d) => (docs && !docs.has(d.key) ? [] : d.facts.filter(keep)));
  }

  /** Each entity with its counts and the dates of the documents that mention it, by name. */
  summaries(): EntitySummary[] {
    return this.entities()
      .map(({ entity }) => {
        const mentions = [...(this.byEntity.get(entity.id) ?? [])].filter((m) => m.status !== 'rejected');
        const docs = new Set(mentions.map((m) => m.doc));
        const dates = [...docs].map((k) => this.docs.get(k)?.date).filter((d): d is string => !!d && /^\d{4}/.test(d)).sort();
        const s: EntitySummary = {
          id: entity.id,
          name: entity.name,
          type: entity.type,
          aliases: [...(entity.aliases ?? [])],
          kb: [...(entity.kb ?? [])],
          mentions: mentions.length,
          documents: docs.size,
          facts: this.factsByEntity.get(entity.id)?.size ?? 0,
        };
        if (dates.length) {
          s.first = dates[0];
          s.last = dates[dates.length - 1];
        }
        return s;
      })
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  }

  /**
   * Go to Symbol in Workspace: entities whose name or an alias, and facts whose label or text, hold
   * the query's characters in order (VS Code ranks them again itself). At most `limit` hits.
   */
  symbols(query: string, limit = 1000): SymbolHit[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const out: SymbolHit[] = [];
    for (const { entity, scope } of this.entityById.values()) {
      if (out.length >= limit) return out;
      if (inOrder(q, entity.name) || entity.aliases?.some((a) => inOrder(q, a))) out.push({ kind: 'entity', entity, scope });
    }
    for (const d of this.documents()) {
      for (const f of d.facts) {
        if (out.length >= limit) return out;
        if (inOrder(q, f.label) || inOrder(q, f.text)) out.push({ kind: 'fact', fact: f });
      }
    }
    return out;
  }

  /** A mention's date: its value for a calendar date, else its document's date. */
  dateOfMention(m: IndexedMention): string | undefined {
    if (m.value !== undefined && /^\d{4}/.test(m.value)) return m.value;
    return this.docs.get(m.doc)?.date;
  }

  private docsNamed(part: string | undefined): Set<string> | undefined {
    if (part === undefined) return undefined;
    const p = part.toLowerCase();
    return new Set(this.documents().filter((d) => d.name.toLowerCase().includes(p) || d.key === part).map((d) => d.key));
  }

  private sortMentions(xs: IndexedMention[]): IndexedMention[] {
    const order = this.order();
    return xs.sort((a, b) => (order.get(a.doc) ?? 0) - (order.get(b.doc) ?? 0) || a.start - b.start || a.end - b.end);
  }

  private sortFacts(xs: IndexedFact[]): IndexedFact[] {
    const order = this.order();
    return xs.sort((a, b) => (order.get(a.doc) ?? 0) - (order.get(b.doc) ?? 0) || a.start - b.start);
  }

  private orderCache: { generation: number; order: Map<string, number> } | undefined;
  private order(): Map<string, number> {
    const docs = this.documents();
    if (this.orderCache?.generation !== this.generationCount || this.orderCache.order.size !== docs.length) {
      this.orderCache = { generation: this.generationCount, order: new Map(docs.map((d, i) => [d.key, i])) };
    }
    return this.orderCache.order;
  }

  private unlink(doc: IndexedDocument): void {
    for (const m of doc.mentions) {
      if (m.entity !== undefined) remove(this.byEntity, m.entity, m);
      remove(this.byType, m.type, m);
      remove(this.byText, m.text.toLowerCase(), m);
    }
    for (const f of doc.facts) for (const e of f.entities) remove(this.factsByEntity, e, f);
  }
}

function add<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function wordsOf(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether an ISO-like date lies in [from, to], each bound compared on as many characters as it has:
 * `2006` to `2006` holds every day of 2006. Values that are not calendar dates (`P7Y`) never do.
 */
export function inRange(date: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (date === undefined || !/^\d{4}/.test(date)) return false;
  if (from !== undefined && date.slice(0, from.length) < from) return false;
  if (to !== undefined && date.slice(0, to.length) > to) return false;
  return true;
}

function inOrder(q: string, text: string): boolean {
  if (!q) return true;
  let i = 0;
  for (const c of text.toLowerCase()) if (c === q[i] && ++i === q.length) return true;
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
