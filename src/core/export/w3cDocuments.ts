/**
 * Which annotations of a W3C file belong to the document being imported into. A multi-document export
 * names each document by its `source` IRI: a `file://` URI of another machine, a `--base-uri` IRI or a
 * Factmark URN of the relative name. The document is picked by path: the source sharing the longest run of
 * trailing path segments with the document (at least its file name), never "the first one". Annotations
 * of other documents are reported, not imported; a tie is reported as ambiguous and nothing is imported.
 */
import { URN_DOC } from './w3c';

/** The path segments an IRI names, decoded (`file:///a/b/c.txt` → a, b, c.txt). */
export function pathSegments(iri: string): string[] {
  let p = iri;
  if (p.startsWith(URN_DOC)) p = p.slice(URN_DOC.length);
  else {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/.exec(p);
    if (m) p = m[1];
  }
  return p
    .split(/[\\/]/)
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export type DocumentChoice = { source: string | undefined } | { ambiguous: string[] } | { none: string[] };

/**
 * The source to import from, given the document's IRI and/or its name relative to a base. With neither,
 * the only source there is (or the file's annotations without a source).
 */
export function chooseSource(sources: readonly string[], wanted: { uri?: string; name?: string }): DocumentChoice {
  if (sources.length === 0) return { source: undefined };
  if (wanted.uri !== undefined && sources.includes(wanted.uri)) return { source: wanted.uri };
  const paths = [wanted.uri, wanted.name].filter((x): x is string => x !== undefined).map((x) => (x === wanted.name ? x.split(/[\\/]/).filter(Boolean) : pathSegments(x)));
  if (paths.length === 0) return sources.length === 1 ? { source: sources[0] } : { ambiguous: [...sources] };
  let best = 0;
  let chosen: string[] = [];
  for (const s of sources) {
    const segs = pathSegments(s);
    const score = Math.max(...paths.map((p) => sharedTail(segs, p)));
    if (score > best) {
      best = score;
      chosen = [s];
    } else if (score === best && score > 0) chosen.push(s);
  }
  if (best === 0) return { none: [...sources] };
  return chosen.length === 1 ? { source: chosen[0] } : { ambiguous: chosen };
}
