/**
 * Proposed links from mentions to entities, and proposed new entities from mentions no entity
 * covers, each with its evidence in words. Nothing here links anything: the user confirms. A
 * spelling that fits two entities ("Bush": George Bush, George W. Bush) is proposed only when the
 * same document names one of them in full; otherwise it stays ambiguous, so two people with one
 * name are never merged behind the user's back.
 */

import { looksLikeInitials, matchName, nameWords, normalizeName, stripTitles } from './names';
import type { Entity } from './types';

/** A mention as the proposals see it. */
export interface MentionRef {
  /** Identifies the mention for the caller (e.g. `doc.txt#a-7kq2mxp4`). */
  ref: string;
  /** The document it is in: mentions in one document help each other. */
  document: string;
  text: string;
  type: string;
  /** The entity it already links to, if any. */
  entity?: string;
}

/** An entity a mention may refer to, with why. */
export interface Candidate {
  entity: string;
  score: number;
  evidence: string[];
}

/** What Factmark proposes for one unlinked mention. */
export interface LinkProposal {
  ref: string;
  text: string;
  /** Every entity it may refer to, best first. */
  candidates: Candidate[];
  /** The entity proposed, when one stands out; absent when it is ambiguous. */
  proposed?: string;
  /** Set when two or more entities fit equally and nothing in the document tells them apart. */
  ambiguous?: boolean;
}

/** Scores at or above this are "the same name" (exact, alias, title); below, "part of it". */
const STRONG = 0.9;

/** The best way `text` can refer to `entity`, or undefined. Types must agree. */
export function candidateFor(text: string, type: string, entity: Entity): Candidate | undefined {
  if (entity.type !== type) return undefined;
  let best: Candidate | undefined;
  for (const [i, name] of [entity.name, ...(entity.aliases ?? [])].entries()) {
    const m = matchName(text, name, type);
    if (!m) continue;
    // A listed alias is the user's own word, a little less than the canonical name.
    const score = i === 0 ? m.score : Math.min(m.score, 0.95);
    const evidence = i === 0 ? m.evidence : `${m.evidence}, an alias of "${entity.name}"`;
    if (!best || score > best.score) best = { entity: entity.id, score, evidence: [evidence] };
  }
  return best;
}

/** Proposed links for every mention that links to no entity yet. */
export function proposeLinks(entities: readonly Entity[], mentions: readonly MentionRef[]): LinkProposal[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const candidatesOf = new Map<MentionRef, Candidate[]>();
  for (const m of mentions) {
    if (m.entity !== undefined) continue;
    const list = entities.map((e) => candidateFor(m.text, m.type, e)).filter((c): c is Candidate => !!c);
    candidatesOf.set(m, list.sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : 1)));
  }
  // What each document names for sure: its linked mentions and its unambiguous strong matches.
  const named = new Map<string, Set<string>>();
  const note = (doc: string, id: string) => (named.get(doc) ?? named.set(doc, new Set()).get(doc)!).add(id);
  for (const m of mentions) {
    if (m.entity !== undefined) note(m.document, m.entity);
    const c = candidatesOf.get(m);
    const sure = c && standsOut(m, c);
    if (sure && sure.score >= STRONG && nameWords(m.text).length > 1) note(m.document, sure.entity);
  }

  const out: LinkProposal[] = [];
  for (const [m, candidates] of candidatesOf) {
    if (!candidates.length) continue;
    const p: LinkProposal = { ref: m.ref, text: m.text, candidates };
    const top = standsOut(m, candidates);
    if (top) p.proposed = top.entity;
    else {
      const inDoc = candidates.filter((c) => named.get(m.document)?.has(c.entity));
      if (inDoc.length === 1) {
        p.proposed = inDoc[0].entity;
        inDoc[0].evidence.push(`"${byId.get(inDoc[0].entity)!.name}" is named in the same document (${m.document})`);
      } else p.ambiguous = true;
    }
    out.push(p);
  }
  return out;
}

/**
 * The candidate that stands out, if one does: the only one, or a full name written exactly as one
 * entity's name (or alias) while it is only part of the others' ("George Bush" is not "George W.
 * Bush"). A single word that fits two entities never stands out by itself.
 */
function standsOut(m: MentionRef, candidates: Candidate[]): Candidate | undefined {
  const [top, ...rest] = candidates;
  if (!top) return undefined;
  const fullName = stripTitles(m.text).rest.split(' ').length > 1;
  const floor = fullName && top.score >= STRONG ? STRONG : 0.6;
  return rest.some((c) => c.score >= floor) ? undefined : top;
}

/** A new entity Factmark proposes from mentions no entity covers. */
export interface EntityProposal {
  name: string;
  type: string;
  /** Other spellings among its mentions. */
  aliases: string[];
  /** The mentions it would gather (their refs). */
  mentions: string[];
  evidence: string[];
  /** Names of other proposals this one's spelling also fits: the user decides. */
  ambiguousWith?: string[];
}

/**
 * New entities for the mentions that fit no existing entity: one per full name (identical full
 * names across documents are proposed as one, which the user can split); a title form, a part of a
 * person's name or initials join the one full name they fit, in their own document when the
 * workspace has several; when several fit there too, they stay a proposal of their own, marked.
 */
export function proposeEntities(mentions: readonly MentionRef[], existing: readonly Entity[] = []): EntityProposal[] {
  const open = mentions.filter((m) => m.entity === undefined && !existing.some((e) => candidateFor(m.text, m.type, e)));
  const proposals: EntityProposal[] = [];
  const docsOf = new Map<EntityProposal, Set<string>>();
  const keyed = new Map<string, EntityProposal>();
  const add = (p: EntityProposal, m: MentionRef) => {
    p.mentions.push(m.ref);
    docsOf.get(p)!.add(m.document);
    if (normalizeName(m.text) !== normalizeName(p.name) && !p.aliases.includes(m.text)) p.aliases.push(m.text);
  };
  const head = (m: MentionRef, key: string, evidence: string[]): EntityProposal => {
    let p = keyed.get(key);
    if (!p) {
      p = { name: m.text, type: m.type, aliases: [], mentions: [], evidence };
      proposals.push(p);
      docsOf.set(p, new Set());
      keyed.set(key, p);
    }
    add(p, m);
    return p;
  };
  const core = (m: MentionRef) => stripTitles(m.text).rest;
  // Full names first (the longest spellings), then short forms and initials join them.
  const full = open.filter((m) => core(m).split(' ').length > 1 && !looksLikeInitials(m.text));
  const short = open.filter((m) => !full.includes(m));
  for (const m of full.sort((a, b) => core(b).length - core(a).length)) {
    const key = `${m.type}\u0000${core(m)}`;
    const existingHead = keyed.get(key);
    if (existingHead) add(existingHead, m);
    else head(m, key, [`"${m.text}" is a full name`]);
  }
  for (const p of proposals) {
    const docs = docsOf.get(p)!.size;
    if (docs > 1) p.evidence.push(`the same name in ${docs} documents`);
  }
  const heads = [...proposals];
  for (const m of short) {
    const fits = heads
      .filter((p) => p.type === m.type)
      .map((p) => ({ p, match: matchName(m.text, p.name, m.type) }))
      .filter((x) => x.match);
    let chosen = fits.length === 1 ? fits[0] : undefined;
    let why = chosen ? ` (the only ${m.type} it fits)` : '';
    if (fits.length > 1) {
      const here = fits.filter((x) => docsOf.get(x.p)!.has(m.document));
      if (here.length === 1) {
        chosen = here[0];
        why = ` (named in full in ${m.document})`;
      }
    }
    if (chosen) {
      add(chosen.p, m);
      const line = `${chosen.match!.evidence}${why}`;
      if (!chosen.p.evidence.includes(line)) chosen.p.evidence.push(line);
      continue;
    }
    const key = `${m.type}\u0000${normalizeName(m.text)}${fits.length > 1 ? `\u0000${m.document}` : ''}`;
    const p = head(m, key, [fits.length > 1 ? `"${m.text}" fits several names and its document names none of them in full` : `"${m.text}" fits no other name`]);
    if (fits.length > 1) p.ambiguousWith = fits.map((x) => x.p.name);
  }
  return proposals;
}
