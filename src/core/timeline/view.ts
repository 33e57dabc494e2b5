/**
 * What the timeline's page is sent (see ./lists): every item on the axis, which it filters, packs
 * and zooms through itself, and one page of the entries not on the axis.
 */
import { entryFilter } from './filter';
import type { Timeline, TimelineItem, UnplacedEntry } from './items';
import { LIST_LIMIT, pageOf, type ListPage, type ListQuery } from './lists';

export interface TimelineView {
  items: TimelineItem[];
  /** A page of the entries not on the axis that pass the page's filter. */
  unplaced: ListPage<UnplacedEntry>;
}

/** The page of the entries not on the axis for `query` (a `unplaced` query). */
export function timelineList(timeline: Timeline, query: ListQuery): ListPage<UnplacedEntry> | undefined {
  return query.list === 'unplaced' ? pageOf(timeline.unplaced, entryFilter(query.filter), query) : undefined;
}

/** The page's data: the items, and the list of entries not on the axis as `queries` ask (else its first page with no filter). */
export function timelineView(timeline: Timeline, queries: ReadonlyMap<string, ListQuery>): TimelineView {
  const query = queries.get('unplaced') ?? { list: 'unplaced', filter: {}, offset: 0, limit: LIST_LIMIT };
  return { items: timeline.items, unplaced: timelineList(timeline, { ...query, offset: 0 })! };
}
