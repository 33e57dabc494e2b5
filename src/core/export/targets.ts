/**
 * The files an export may never write, whatever the user says (`--force` in the CLI, "Replace" in VS
 * Code): one decision for both hosts, each of which finds the facts on its own file system.
 */

/** What a host knows of one planned export file. */
export interface TargetFacts {
  /** A document being exported, or its sidecar (by any of its paths). */
  input: boolean;
  /** A Factmark sidecar, by its name or its real path's. */
  sidecar: boolean;
  /** A document with a sidecar beside it (an annotated article). */
  annotated: boolean;
  /** Whether the file already holds exactly what would be written; asked only of an annotated one. */
  sameContent: () => boolean;
  /** An earlier file of the same export goes to the same place. */
  twice: boolean;
}

/**
 * Why the export file `name` may never be written, with how to go on, or undefined. `elsewhere` is the
 * host's words for choosing another place ("choose another --out").
 */
export function neverWritten(name: string, t: TargetFacts, elsewhere: string): string | undefined {
  if (t.input) return `${name} is a document being exported (or its sidecar): refusing to write over it; ${elsewhere}`;
  if (t.sidecar) return `${name} is a Factmark sidecar: refusing to write an export over it; ${elsewhere}`;
  // Another article's annotations would be left on a text they were not made on (brat writes <doc>.txt).
  // The same text written again changes nothing: an earlier brat export whose copies were annotated
  // can still be refreshed.
  if (t.annotated && !t.sameContent()) return `${name} is an annotated document (it has a sidecar) with another text: an export never replaces it; ${elsewhere}`;
  // Two documents whose files would have one name (brat's `notes` and `notes.txt`): the second would replace the first.
  if (t.twice) return `two exported files would both be written to ${name}; export those documents apart`;
  return undefined;
}
