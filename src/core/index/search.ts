/**
 * The search box's language, shared by the quick pick and the CLI: words to look for, and typed
 * filters: `type:PERSON`, `entity:"Roh Moo-hyun"`, `after:2006`, `before:2006-06`, `status:confirmed`,
 * `doc:korea`. A value with spaces goes in quotes; several types or statuses are separated by commas.
 */

import type { AnnotationStatus } from '../model';
import type { IndexQuery } from './types';

/** The filters the search box understands, for its help line. */
export const SEARCH_FILTERS = ['type:', 'entity:', 'after:', 'before:', 'status:', 'doc:'] as const;

const STATUSES: readonly AnnotationStatus[] = ['confirmed', 'suggested', 'rejected'];
const TYPE_NAMES: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', GPE: 'PLACE', LOCATION: 'PLACE' };

/** A parsed search: the query, and what in the input was not understood. */
export interface ParsedSearch {
  query: IndexQuery;
  problems: string[];
}

export function parseSearch(input: string): ParsedSearch {
  const query: IndexQuery = {};
  const problems: string[] = [];
  const words: string[] = [];
  const re = /(\w+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] === undefined) {
      words.push(m[4] ?? m[5]);
      continue;
    }
    const key = m[1].toLowerCase();
    const value = (m[2] ?? m[3] ?? '').trim();
    if (!value) continue; // still being typed
    switch (key) {
      case 'type':
      case 't':
        query.types = [...(query.types ?? []), ...value.split(',').filter(Boolean).map(typeName)];
        break;
      case 'entity':
      case 'e':
        query.entity = value;
        break;
      case 'after':
      case 'from':
      case 'since':
        if (isDate(value)) query.from = value;
        else problems.push(`${key}: needs a date such as 2006 or 2006-03-02`);
        break;
      case 'before':
      case 'to':
      case 'until':
        if (isDate(value)) query.to = value;
        else problems.push(`${key}: needs a date such as 2006 or 2006-03-02`);
        break;
      case 'status':
      case 's': {
        const statuses = value.toLowerCase().split(',').filter(Boolean);
        const bad = statuses.filter((s) => !STATUSES.some((x) => x.startsWith(s)));
        if (bad.length) problems.push(`status: is confirmed, suggested or rejected, not ${bad.join(', ')}`);
        query.statuses = [...(query.statuses ?? []), ...statuses.map((s) => STATUSES.find((x) => x.startsWith(s))).filter((s): s is AnnotationStatus => !!s)];
        break;
      }
      case 'doc':
      case 'document':
      case 'd':
        query.document = value;
        break;
      default:
        // Not a filter (a word with a colon in it, "10:30"): looked for as text.
        words.push(m[0]);
    }
  }
  if (words.length) query.text = words.join(' ');
  return { query, problems };
}

/** A type as the user typed it: upper-cased, common short forms expanded. */
export function typeName(s: string): string {
  const t = s.toUpperCase();
  return TYPE_NAMES[t] ?? t;
}

/** `2006`, `2006-03`, `2006-03-02`. */
export function isDate(s: string): boolean {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(s);
}

/** The query in words, for titles and descriptions ("type PERSON · after 2006 · “roh”"). */
export function describeQuery(q: IndexQuery): string {
  const parts: string[] = [];
  if (q.text) parts.push(`“${q.text}”`);
  if (q.types?.length) parts.push(`type ${q.types.join(', ')}`);
  if (q.entity) parts.push(`entity ${q.entity}`);
  if (q.from && q.to) parts.push(`${q.from} to ${q.to}`);
  else if (q.from) parts.push(`from ${q.from}`);
  else if (q.to) parts.push(`until ${q.to}`);
  if (q.statuses?.length) parts.push(q.statuses.join(', '));
  if (q.document) parts.push(`in ${q.document}`);
  return parts.join(' · ');
}
