/**
 * The places of some documents, for the map: every PLACE mention (annotation or undecided
 * suggestion) with its gazetteer link — the one stored in the annotation's `kb` field, else the
 * automatic one when it is clear — and the places as dots with their mentions. Mentions that are
 * ambiguous or unknown to the gazetteer are kept apart, never placed by a guess.
 */
import { sentenceAt, visibleAnnotations } from '../facts';
import type { Annotation, Mention } from '../model';
import type { Gazetteer, Place } from './gazetteer';
import { countriesIn, isPlaceId, linkPlace, type LinkStatus } from './link';

/** One document as the map sees it. */
export interface PlaceDocument {
  uri: string;
  name: string;
  text: string;
  annotations: readonly Annotation[];
  suggestions?: readonly Mention[];
  orphans?: ReadonlySet<string>;
}

/** A PLACE mention and where it links. */
export interface PlaceMention {
  uri: string;
  document: string;
  /** The annotation's id; undefined for a suggestion. */
  id?: string;
  start: number;
  end: number;
  text: string;
  /** Its sentence. */
  quote: string;
  suggested: boolean;
  /** `stored`: linked by the user (kb); `linked`: clear automatic link; else why it is not on the map. */
  status: 'stored' | LinkStatus;
  place?: Place;
  /** How many candidates the gazetteer has for the name. */
  candidates: number;
}

/** A dot on the map: a place and its mentions. */
export interface MapPoint {
  place: Place;
  mentions: PlaceMention[];
}

export interface PlaceMap {
  points: MapPoint[];
  /** Mentions not on the map: ambiguous names and names the gazetteer does not know. */
  apart: PlaceMention[];
  /** Counts by status, over all mentions. */
  counts: Record<PlaceMention['status'], number>;
}

/** The PLACE mentions of one document with their links. */
export function placeMentions(doc: PlaceDocument, gazetteer: Gazetteer): PlaceMention[] {
  const context = { countries: countriesIn(doc.text, gazetteer) };
  const orphans = doc.orphans ?? new Set<string>();
  const found: Array<{ id?: string; start: number; end: number; text: string; kb?: string; suggested: boolean }> = [
    ...visibleAnnotations(doc.annotations)
      .filter((a) => a.type === 'PLACE' && !orphans.has(a.id))
      .map((a) => ({ id: a.id, start: a.start, end: a.end, text: a.text, kb: a.kb, suggested: a.status === 'suggested' })),
    ...(doc.suggestions ?? []).filter((m) => m.type === 'PLACE').map((m) => ({ start: m.start, end: m.end, text: m.text, suggested: true })),
  ];
  return found
    .sort((a, b) => a.start - b.start)
    .map((m) => {
      const s = sentenceAt(doc.text, m.start);
      const base = { uri: doc.uri, document: doc.name, id: m.id, start: m.start, end: m.end, text: m.text, quote: doc.text.slice(s.start, s.end).replace(/\s+/g, ' '), suggested: m.suggested };
      const stored = isPlaceId(m.kb) ? gazetteer.get(m.kb) : undefined;
      const link = linkPlace(m.text, gazetteer, context);
      if (stored) return { ...base, status: 'stored' as const, place: stored, candidates: link.candidates.length };
      return { ...base, status: link.status, place: link.place, candidates: link.candidates.length };
    });
}

/** The map of some documents: dots by place (most mentioned first), and the mentions kept apart. */
export function placeMap(docs: readonly PlaceDocument[], gazetteer: Gazetteer): PlaceMap {
  const byPlace = new Map<string, MapPoint>();
  const apart: PlaceMention[] = [];
  const counts = { stored: 0, linked: 0, ambiguous: 0, unmatched: 0 };
  for (const doc of docs) {
    for (const m of placeMentions(doc, gazetteer)) {
      counts[m.status]++;
      if (!m.place) {
        apart.push(m);
        continue;
      }
      const point = byPlace.get(m.place.id) ?? { place: m.place, mentions: [] };
      point.mentions.push(m);
      byPlace.set(m.place.id, point);
    }
  }
  const points = [...byPlace.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.place.name.localeCompare(b.place.name));
  return { points, apart, counts };
}
