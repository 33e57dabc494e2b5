/**
 * The sidecar file's data, as stored: offsets count Unicode code points of the document text
 * whose git blob hash is `document.gitBlob`. See FORMAT.md.
 */

import type { AnchorQuery } from '../anchor/reanchor';
import type { AnnotationStatus } from '../model';

/** The only format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/**
 * Where an annotation is anchored, as stored in the file: the anchor re-anchoring works on (offsets
 * in code points, a prefix and suffix of up to 32 code points), plus whether it is orphaned.
 */
export interface StoredAnchor extends AnchorQuery {
  /** True when the quoted text is gone from the document; start/end are then only a hint. */
  orphaned?: boolean;
}

/** An entity or date annotation as stored. */
export interface StoredAnnotation extends StoredAnchor {
  type: string;
  status: AnnotationStatus;
  value?: string;
  kb?: string;
  /** Id of the entity in the workspace's entities file (`factmark.entities.yaml`). */
  entity?: string;
  note?: string;
}

/** A fact as stored: a span of text linking annotation ids and a date. */
export interface StoredFact extends StoredAnchor {
  label: string;
  entities: string[];
  date?: string;
  note?: string;
}

/** Everything a sidecar holds that Factmark understands. */
export interface SidecarData {
  version: typeof SIDECAR_VERSION;
  document: {
    /** Document path relative to the sidecar, forward slashes. */
    path: string;
    /** The document's own date (ISO), when known. */
    date?: string;
    /** git blob hash (`git hash-object`) of the text the offsets refer to. */
    gitBlob?: string;
    /** Fingerprints of that text's sentences (anchor/sentences.ts): re-anchoring rebuilds the old text from them when it is gone. */
    sentences?: string;
  };
  /** Label set in use, when not the default one. */
  labels?: string[];
  annotations: StoredAnnotation[];
  facts: StoredFact[];
}

/** A problem found in a sidecar. Positions are 0-based lines and UTF-16 columns, as editors count them. */
export interface SidecarDiagnostic {
  message: string;
  severity: 'error' | 'warning' | 'information';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Machine-readable reason, e.g. `YAML_SYNTAX`, `SCHEMA`, `TOO_LARGE`, `ALIAS`, `TAG`. */
  code: string;
}

/** An annotation or fact entry that failed validation: it is left in the file untouched. */
export interface InvalidEntry {
  list: 'annotations' | 'facts';
  /** Position of the entry in its list in the file. */
  index: number;
  id?: string;
}

/** A sidecar that parsed well enough to be used. */
export interface ParsedSidecar extends SidecarData {
  /** Entries skipped because they are invalid (see diagnostics); they are kept verbatim on write. */
  invalid: InvalidEntry[];
}

/** Result of {@link parseSidecar}. */
export interface ParseResult {
  doc?: ParsedSidecar;
  diagnostics: SidecarDiagnostic[];
  /** False when the file must not be overwritten (syntax error, unknown version, hostile content...). */
  writable: boolean;
}
