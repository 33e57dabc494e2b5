import type { AnnotatedDocument } from '../model';

/**
 * How a sidecar write goes, decided from the file on disk now (`undefined`: there is none), the text
 * the writer last read from it or wrote to it, and the annotations to write. The writer
 * (features/sidecar/writer.ts) reads the file, asks here, and does what the answer says.
 */
export type SidecarWrite =
  /** No file, and nothing worth one: no file is made for a document nobody annotated. */
  | { kind: 'nothing' }
  /** No file yet: a new one in the canonical layout. */
  | { kind: 'create' }
  /** The file is the one last read or written: updated in place, its comments and layout kept. */
  | { kind: 'update'; disk: string }
  /** The file changed on disk since (another editor, git, a colleague's commit): merged three-way with it, never overwritten. */
  | { kind: 'merge'; disk: string };

export function decideSidecarWrite(disk: string | undefined, lastKnown: string | undefined, document: Pick<AnnotatedDocument, 'annotations' | 'facts' | 'documentDate'>): SidecarWrite {
  if (disk === undefined) {
    // A document date set by hand is worth a sidecar of its own; nothing at all is not. An existing
    // file whose entries were all deleted is still written (its lists emptied).
    const empty = document.annotations.length === 0 && document.facts.length === 0 && document.documentDate === undefined;
    return empty ? { kind: 'nothing' } : { kind: 'create' };
  }
  return disk === lastKnown ? { kind: 'update', disk } : { kind: 'merge', disk };
}
