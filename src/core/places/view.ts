/**
 * What the map's page is sent (see ../timeline/lists): each dot with its mentions summed up by what
 * the filter judges them by (their text, their article's date and how they were linked), so the
 * page counts a dot's mentions under any filter without holding thousands of them; and one page
 * of the mentions apart and of the selected dot's mentions, which the extension filters.
 */
import { LIST_LIMIT, pageOf, type ListPage, type ListQuery } from '../timeline/lists';
import type { Place } from './gazetteer';
import { placeFilter, type MapPoint, type PlaceFilter, type PlaceMap, type PlaceMention } from './mentions';

/** The mentions of a dot with the same text, article date and status, counted. */
export interface MentionCount {
  text: string;
  documentDate?: string;
  status: PlaceMention['status'];
  count: number;
}

/** A dot as the page gets it. */
export interface MapViewPoint {
  place: Place;
  mentions: MentionCount[];
}

export interface MapView {
  points: MapViewPoint[];
  /** Mentions not on the map that pass the page's filter (with their counts by status). */
  apart: ListPage<PlaceMention>;
  /** The mentions of the dot the page has selected, if any. */
  point?: ListPage<PlaceMention>;
}

const byStatus = (m: PlaceMention) => m.status;

/** A page of the mentions apart (`apart`) or of one dot (`point`, its place id in `key`). */
export function mapList(map: PlaceMap, query: ListQuery): ListPage<PlaceMention> | undefined {
  const keep = placeFilter(query.filter);
  if (query.list === 'apart') return pageOf(map.apart, keep, query, byStatus);
  if (query.list !== 'point') return undefined;
  const point = map.points.find((p) => p.place.id === query.key);
  return pageOf(point?.mentions ?? [], keep, query, byStatus);
}

function summed(point: MapPoint): MapViewPoint {
  const counts = new Map<string, MentionCount>();
  for (const m of point.mentions) {
    const k = `${m.status}\u0000${m.documentDate ?? ''}\u0000${m.text}`;
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, m.documentDate === undefined ? { text: m.text, status: m.status, count: 1 } : { text: m.text, documentDate: m.documentDate, status: m.status, count: 1 });
  }
  return { place: point.place, mentions: [...counts.values()] };
}

/** The page's data: the dots summed up, and the lists `queries` ask for (else the first page of the mentions apart). */
export function mapView(map: PlaceMap, queries: ReadonlyMap<string, ListQuery>): MapView {
  const apart = queries.get('apart') ?? { list: 'apart', filter: {}, offset: 0, limit: LIST_LIMIT };
  const view: MapView = { points: map.points.map(summed), apart: mapList(map, { ...apart, offset: 0 })! };
  const point = queries.get('point');
  if (point) view.point = mapList(map, { ...point, offset: 0 });
  return view;
}

/** A dot with the number of its mentions that pass the filter. */
export interface CountedPoint {
  place: Place;
  count: number;
}

/** On the page: the dots with mentions that pass `filter` (most first), and how many of those were linked by the user or automatically. */
export function filterMapView(points: readonly MapViewPoint[], filter: PlaceFilter): { points: CountedPoint[]; stored: number; linked: number } {
  const keeps = placeFilter(filter);
  const out: CountedPoint[] = [];
  let stored = 0;
  let linked = 0;
  for (const p of points) {
    let count = 0;
    for (const m of p.mentions) {
      if (!keeps({ text: m.text, documentDate: m.documentDate, place: p.place })) continue;
      count += m.count;
      if (m.status === 'stored') stored += m.count;
      else linked += m.count;
    }
    if (count) out.push({ place: p.place, count });
  }
  out.sort((a, b) => b.count - a.count || a.place.name.localeCompare(b.place.name));
  return { points: out, stored, linked };
}
