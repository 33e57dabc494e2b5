/**
 * Filtering and grouping a timeline: what the panel's controls do, kept pure so the extension, the
 * webview and tests agree on it.
 */
import { extentOf, isPlaced } from './extent';
import type { Timeline, TimelineEntry, TimelineItem } from './items';

/** What the user narrows the timeline to; every field is optional. */
export interface TimelineFilter {
  /**
   * The Factmark view's text filter (shared with it and the map): keep entries about an entity whose
   * name contains this, or whose label, type or value does (case-insensitive).
   */
  text?: string;
  /**
   * The Factmark view's type filter (shared): `FACT` keeps facts, `DATE` dated mentions, an entity
   * type (`PERSON`) the entries about an entity of that type. Empty or absent: everything.
   */
  types?: readonly string[];
  /** Keep placed entries overlapping [from, to] (TIMEX3 calendar values, e.g. `1950`, `2006-03`). */
  from?: string;
  to?: string;
  /** Hide undecided suggestions. */
  confirmedOnly?: boolean;
}

/** How lanes are made. */
export type TimelineGrouping = 'entity' | 'document' | 'type';

/** The lane of entries about no entity: dates whose sentence names nobody, facts that link nobody. */
export const NO_ENTITY = 'no entity named';

/** The pseudo-type that stands for facts in the Factmark view's type filter (as in src/core/tree). */
const FACT = 'FACT';

/** Whether an entry passes the shared text filter (already lower-cased). */
export function matchesText(needle: string, e: Pick<TimelineEntry, 'entities' | 'label' | 'type' | 'value'>): boolean {
  return !needle || [e.label, e.type, e.value, ...e.entities].some((f) => f.toLowerCase().includes(needle));
}

function keeps(filter: TimelineFilter, needle: string, e: TimelineEntry): boolean {
  if (filter.types?.length) {
    const own = e.kind === 'fact' ? FACT : 'DATE';
    if (!filter.types.includes(own) && !e.entityTypes.some((t) => filter.types!.includes(t))) return false;
  }
  if (filter.confirmedOnly && e.suggested) return false;
  return matchesText(needle, e);
}

/** Whether an entry passes `filter`'s text, type and confirmed-only parts (not its date range, which applies to placed items only). */
export function entryFilter(filter: TimelineFilter): (e: TimelineEntry) => boolean {
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return (e) => keeps(filter, needle, e);
}

/** The entries that pass `filter`; the date range applies to placed items only. */
export function filterTimeline(timeline: Timeline, filter: TimelineFilter): Timeline {
  const { lo, hi } = dateRange(filter);
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return {
    items: timeline.items.filter((i) => keeps(filter, needle, i) && i.to > lo && i.from < hi),
    unplaced: timeline.unplaced.filter((u) => keeps(filter, needle, u)),
  };
}

/** A filter's date range in ms, open where a bound is absent or not a calendar value. */
export function dateRange(filter: { from?: string; to?: string }): { lo: number; hi: number } {
  const from = filter.from ? extentOf(filter.from) : undefined;
  const to = filter.to ? extentOf(filter.to) : undefined;
  return { lo: from && isPlaced(from) ? from.start : -Infinity, hi: to && isPlaced(to) ? to.end : Infinity };
}

/** One lane of the drawing: a group name and the items in it, in time order. */
export interface Lane {
  name: string;
  items: TimelineItem[];
}

/**
 * Lanes by entity, document or type. With `entity`, an item about two people is in both lanes
 * (that is what "what happened to X" asks for); an item about nobody is in `NO_ENTITY`. Lanes are
 * ordered by their first item, so the picture reads from the top left.
 */
export function groupTimeline(items: readonly TimelineItem[], by: TimelineGrouping): Lane[] {
  const lanes = new Map<string, TimelineItem[]>();
  for (const item of items) {
    const names = by === 'document' ? [item.document] : by === 'type' ? [item.type] : item.entities.length ? item.entities : [NO_ENTITY];
    for (const name of names) {
      const lane = lanes.get(name);
      if (lane) lane.push(item);
      else lanes.set(name, [item]);
    }
  }
  return [...lanes.entries()]
    .map(([name, laneItems]) => ({ name, items: laneItems }))
    .sort((a, b) => a.items[0].from - b.items[0].from || a.name.localeCompare(b.name));
}

/** Every type and entity in a timeline, sorted: the choices the filter offers. */
export function facets(timeline: Timeline): { types: string[]; entities: string[] } {
  const all = [...timeline.items, ...timeline.unplaced];
  return {
    types: [...new Set(all.map((e) => e.type))].sort(),
    entities: [...new Set(all.flatMap((e) => e.entities))].sort((a, b) => a.localeCompare(b)),
  };
}
