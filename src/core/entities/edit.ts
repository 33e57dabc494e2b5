/**
 * Changes to the entities list that the user asks for: add, rename, merge, split. Each returns a
 * new list (the input is not changed) and, for a merge, which ids the mentions must now link to.
 * The file is then written with {@link writeEntities}, which touches only the changed entries.
 */

import type { IdMaker } from '../ids';
import { normalizeName } from './names';
import type { EntitiesData, Entity } from './types';

/** Adds an entity with a fresh id; returns the new data and the entity. */
export function addEntity(data: EntitiesData, fields: Omit<Entity, 'id'>, ids: IdMaker): { data: EntitiesData; entity: Entity } {
  ids.reserve(data.entities.map((e) => e.id));
  const entity: Entity = { id: ids.next('entity'), ...clean(fields) };
  return { data: { ...data, entities: [...data.entities, entity] }, entity };
}

/** A new canonical name; the old one becomes an alias, so mentions spelt the old way still fit. */
export function renameEntity(data: EntitiesData, id: string, name: string): EntitiesData {
  return update(data, id, (e) => {
    const aliases = withAlias((e.aliases ?? []).filter((a) => normalizeName(a) !== normalizeName(name)), e.name, name);
    return clean({ ...e, name, aliases });
  });
}

/** Adds a spelling to an entity's aliases (nothing when it is its name or already listed). */
export function addAlias(data: EntitiesData, id: string, alias: string): EntitiesData {
  return update(data, id, (e) => clean({ ...e, aliases: withAlias(e.aliases ?? [], alias, e.name) }));
}

/** Result of {@link mergeEntities}. */
export interface MergeOutcome {
  data: EntitiesData;
  /** Mentions linked to a key must now link to its value. */
  relink: Map<string, string>;
}

/**
 * Merges `from` into `into`: its name and aliases become aliases, its kb ids and note are kept;
 * `from` is removed. Refused (an Error) for two different types or a missing id.
 */
export function mergeEntities(data: EntitiesData, from: string, into: string): MergeOutcome {
  const a = find(data, from);
  const b = find(data, into);
  if (from === into) throw new Error('An entity cannot be merged into itself.');
  if (a.type !== b.type) throw new Error(`"${a.name}" is a ${a.type} and "${b.name}" a ${b.type}: not merged.`);
  let aliases = b.aliases ?? [];
  for (const s of [a.name, ...(a.aliases ?? [])]) aliases = withAlias(aliases, s, b.name);
  const kb = [...new Set([...(b.kb ?? []), ...(a.kb ?? [])])];
  const note = [b.note, a.note].filter((n) => n).join(' / ') || undefined;
  const merged = clean({ ...b, aliases, kb, note });
  const entities = data.entities.filter((e) => e.id !== from).map((e) => (e.id === into ? merged : e));
  return { data: { ...data, entities }, relink: new Map([[from, into]]) };
}

/**
 * Splits the spellings `aliases` off entity `id` into a new entity named `name` (same type): for
 * two people who were one entry. Mentions stay linked where they were until the user relinks them.
 */
export function splitEntity(data: EntitiesData, id: string, name: string, aliases: readonly string[], ids: IdMaker): { data: EntitiesData; entity: Entity } {
  const e = find(data, id);
  const moving = new Set(aliases.map(normalizeName));
  const kept = clean({ ...e, aliases: (e.aliases ?? []).filter((a) => !moving.has(normalizeName(a))) });
  const rest = data.entities.map((x) => (x.id === id ? kept : x));
  return addEntity({ ...data, entities: rest }, { name, type: e.type, aliases: aliases.filter((a) => normalizeName(a) !== normalizeName(name)) }, ids);
}

/** A mention whose `entity` names no entity of the file: reported, never dropped. */
export interface UnknownLink {
  /** The mention's id in its sidecar. */
  mention: string;
  entity: string;
  /** An entity the mention's text fits, for a quick fix. */
  suggestion?: string;
}

/** Mentions linking to ids the entities file does not hold. */
export function unknownLinks(entities: readonly Entity[], mentions: readonly { id: string; entity?: string; text: string; type: string }[]): UnknownLink[] {
  const ids = new Set(entities.map((e) => e.id));
  const out: UnknownLink[] = [];
  for (const m of mentions) {
    if (m.entity === undefined || ids.has(m.entity)) continue;
    const fit = entities.find((e) => e.type === m.type && [e.name, ...(e.aliases ?? [])].some((n) => normalizeName(n) === normalizeName(m.text)));
    out.push(fit ? { mention: m.id, entity: m.entity, suggestion: fit.id } : { mention: m.id, entity: m.entity });
  }
  return out;
}

function find(data: EntitiesData, id: string): Entity {
  const e = data.entities.find((x) => x.id === id);
  if (!e) throw new Error(`No entity ${id} in the entities file.`);
  return e;
}

function update(data: EntitiesData, id: string, f: (e: Entity) => Entity): EntitiesData {
  find(data, id);
  return { ...data, entities: data.entities.map((e) => (e.id === id ? f(e) : e)) };
}

/** `list` plus `alias`, unless it is already there or is `name` itself (compared as names). */
function withAlias(list: readonly string[], alias: string, name: string): string[] {
  const n = normalizeName(alias);
  if (n === normalizeName(name) || list.some((a) => normalizeName(a) === n)) return [...list];
  return [...list, alias];
}

/** Drops empty optional fields, so they are not written. */
function clean<T extends Omit<Entity, 'id'>>(e: T): T {
  const out = { ...e };
  if (!out.aliases?.length) delete out.aliases;
  if (!out.kb?.length) delete out.kb;
  if (out.note === undefined || out.note === '') delete out.note;
  return out;
}
