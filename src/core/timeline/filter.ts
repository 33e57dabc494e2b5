/**
 * Filtering and grouping a timeline: what the panel's controls do, kept pure so the extension, the
 * webview and tests agree on it.
 */
import { extentOf, isPlaced } from './extent';
import type { Timeline, TimelineEntry, TimelineItem } from './items';

/** What the user narrows the timeline to; every field is optional. */
export interface TimelineFilter {
  /** Keep entries about an entity whose name contains this (case-insensitive). */
  entity?: string;
  /** Keep entries of these types (fact labels, `DATE`). */
  types?: readonly string[];
  /** Keep placed entries overlapping [from, to] (TIMEX3 calendar values, e.g. `1950`, `2006-03`). */
  from?: string;
  to?: string;
  /** Hide undecided suggestions. */
  confirmedOnly?: boolean;
}

/** How lanes are made. */
export type TimelineGrouping = 'entity' | 'document' | 'type';

/** The entity label used for entries about no entity. */
export const NO_ENTITY = '(no entity)';

function keeps(filter: TimelineFilter, e: TimelineEntry): boolean {
  if (filter.types?.length && !filter.types.includes(e.type)) return false;
  if (filter.confirmedOnly && e.suggested) return false;
  const needle = filter.entity?.trim().toLowerCase();
  if (needle && !e.entities.some((n) => n.toLowerCase().includes(needle))) return false;
  return true;
}

/** The entries that pass `filter`; the date range applies to placed items only. */
export function filterTimeline(timeline: Timeline, filter: TimelineFilter): Timeline {
  const from = filter.from ? extentOf(filter.from) : undefined;
  const to = filter.to ? extentOf(filter.to) : undefined;
  const lo = from && isPlaced(from) ? from.start : -Infinity;
  const hi = to && isPlaced(to) ? to.end : Infinity;
  return {
    items: timeline.items.filter((i) => keeps(filter, i) && i.to > lo && i.from < hi),
    unplaced: timeline.unplaced.filter((u) => keeps(filter, u)),
  };
}

/** One lane of the drawing: a group name and the items in it, in time order. */
export interface Lane {
  name: string;
  items: TimelineItem[];
}

/**
 * Lanes by entity, document or type. With `entity`, an item about two people is in both lanes
 * (that is what "what happened to X" asks for); an item about nobody is in `(no entity)`. Lanes are
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
