/**
 * The Outline of one article (VS Code's Outline view and breadcrumbs): its facts, each with the
 * entities inside its sentence beneath it, and the other entities, in text order. Rejected
 * suggestions and orphans (their text is gone) are left out; suggestions only when asked.
 */

import { preview } from '../facts';
import type { AnnotatedDocument, Annotation, Fact } from '../model';

/** One row of the Outline. */
export interface OutlineItem {
  kind: 'fact' | 'entity';
  /** The annotation's or fact's id. */
  id: string;
  name: string;
  /** Shown after the name, dimmed: the fact's date, the entity's type and value. */
  detail: string;
  /** The annotation type (entities) or fact label (facts). */
  type: string;
  start: number;
  end: number;
  children: OutlineItem[];
}

/**
 * The article's outline. An entity is a child of the fact whose span holds it (VS Code needs a
 * child's range inside its parent's); an entity a fact links from outside its sentence is listed
 * at the top level, where its position puts it.
 */
export function outlineOf(doc: AnnotatedDocument, orphans: ReadonlySet<string> = new Set(), options: { suggestions?: boolean } = {}): OutlineItem[] {
  const shown = (a: Annotation) => !orphans.has(a.id) && (a.status === 'confirmed' || (options.suggestions === true && a.status === 'suggested'));
  const byPosition = <T extends { start: number; end: number; id: string }>(a: T, b: T) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1);
  const facts = doc.facts.filter((f) => !orphans.has(f.id)).sort(byPosition).map(factItem);
  const top: OutlineItem[] = [...facts];
  for (const a of doc.annotations.filter(shown).sort(byPosition)) {
    const item = entityItem(a);
    const parent = facts.find((f) => f.start <= a.start && a.end <= f.end);
    (parent ? parent.children : top).push(item);
  }
  return top.sort(byPosition);
}

function factItem(f: Fact): OutlineItem {
  return { kind: 'fact', id: f.id, name: `${f.label}: ${preview(f.text, 80)}`, detail: f.date ?? '', type: f.label, start: f.start, end: f.end, children: [] };
}

function entityItem(a: Annotation): OutlineItem {
  const detail = [a.type, a.value, a.status === 'suggested' ? 'suggested' : undefined].filter((x) => x).join(' · ');
  return { kind: 'entity', id: a.id, name: preview(a.text, 60), detail, type: a.type, start: a.start, end: a.end, children: [] };
}
