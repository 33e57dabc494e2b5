/**
 * Knowledge-base ids as Factmark compares them. Shared by the importers (a twin's id), the Factmark
 * view (mentions of one entity) and the hover (its Wikidata link): it belongs to none of them.
 */

/** A Wikidata item IRI or page address, the QID captured. */
export const WIKIDATA_IRI = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/(Q[1-9]\d*)$/;

/**
 * A knowledge-base id as the importers read it, for comparing: a Wikidata item written `Q42`,
 * `Wikidata:Q42` (brat's database prefix) or as any of its Wikidata IRIs (W3C) is the same id `Q42`.
 */
export function kbKey(kb: string): string {
  const prefixed = /^Wikidata:(Q[1-9]\d*)$/.exec(kb) ?? WIKIDATA_IRI.exec(kb);
  return prefixed ? prefixed[1] : kb;
}
