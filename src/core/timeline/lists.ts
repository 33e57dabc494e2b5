/**
 * The lists under a picture (the timeline's entries not on the axis, the map's mentions apart and a
 * dot's mentions), sent a page at a time. The extension keeps the picture's whole data; the page
 * draws what it is sent whole (the axis's items, the map's dots) and asks for one page of a list
 * with its filter. Tens of thousands of entries that cannot be placed (a workspace's "Friday"s and
 * "last year"s) were otherwise sent and parsed, some 20 MB, to list 300 of them. Nothing is cut
 * silently: each page carries how many entries pass the filter.
 */
import type { TimelineFilter } from './filter';

/** How many entries a list shows at first, and how many more each "Show more" asks for. */
export const LIST_LIMIT = 300;

/** What the page asks for: a list (and the dot it is of), its filter and which entries. */
export interface ListQuery {
  /** `unplaced` (timeline), `apart` or `point` (map). */
  list: string;
  /** The dot a `point` list is of (its place id). */
  key?: string;
  filter: TimelineFilter;
  offset: number;
  limit: number;
}

/** One page of a list: its entries from `offset`, and how many pass the filter in all. */
export interface ListPage<E> {
  query: ListQuery;
  total: number;
  entries: E[];
  /** How many of those that pass are of each status or kind (the map's "ambiguous: 3"). */
  counts?: Record<string, number>;
}

/** The entries of `all` that `keep` keeps, from `query.offset`, at most `query.limit` of them, and their number. */
export function pageOf<E>(all: readonly E[], keep: (e: E) => boolean, query: ListQuery, countBy?: (e: E) => string): ListPage<E> {
  const entries: E[] = [];
  const counts: Record<string, number> = {};
  let total = 0;
  for (const e of all) {
    if (!keep(e)) continue;
    if (total >= query.offset && entries.length < query.limit) entries.push(e);
    total++;
    if (countBy) {
      const k = countBy(e);
      counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  return countBy ? { query, total, entries, counts } : { query, total, entries };
}

/** Whether two queries ask for the same list with the same filter (whatever the page). */
export function sameList(a: ListQuery | undefined, b: ListQuery | undefined): boolean {
  return !!a && !!b && a.list === b.list && a.key === b.key && JSON.stringify(a.filter) === JSON.stringify(b.filter);
}

/** A query from the page, checked: strings, numbers and a list of strings only, within bounds; else undefined. */
export function listQueryOf(value: unknown): ListQuery | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const f = (v.filter && typeof v.filter === 'object' ? v.filter : {}) as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' && x ? x.slice(0, 500) : undefined);
  const whole = (x: unknown, max: number) => (Number.isInteger(x) && (x as number) >= 0 ? Math.min(x as number, max) : 0);
  if (typeof v.list !== 'string') return undefined;
  const filter: TimelineFilter = {};
  if (text(f.text)) filter.text = text(f.text);
  if (Array.isArray(f.types)) {
    const types = f.types.filter((t): t is string => typeof t === 'string');
    if (types.length) filter.types = types;
  }
  if (text(f.from)) filter.from = text(f.from);
  if (text(f.to)) filter.to = text(f.to);
  if (f.confirmedOnly === true) filter.confirmedOnly = true;
  const query: ListQuery = { list: v.list.slice(0, 20), filter, offset: whole(v.offset, 1e9), limit: whole(v.limit, 5 * LIST_LIMIT) || LIST_LIMIT };
  if (typeof v.key === 'string') query.key = v.key.slice(0, 200);
  return query;
}
