/**
 * The workspace's entities file (`factmark.entities.yaml`, ENTITIES.md): one entry per real-world
 * person, organisation or place, which mentions in every article link to by its stable id.
 */

import type { SidecarDiagnostic } from '../sidecar/types';

/** The only format version this code reads and writes. */
export const ENTITIES_VERSION = 1;

/** The file's name, at the root of a workspace folder. */
export const ENTITIES_FILE = 'factmark.entities.yaml';

/** One entity: what every mention linked to it refers to. */
export interface Entity {
  /** Stable id (`e-7kq2mxp4`), unique in the file; sidecars link mentions to it. Never changes. */
  id: string;
  /** The canonical name ("Roh Moo-hyun"). */
  name: string;
  /** The label of its mentions: PERSON, ORGANIZATION, PLACE or a custom one. */
  type: string;
  /** Other spellings that refer to it ("Roh", "President Roh"). */
  aliases?: string[];
  /** Knowledge-base ids: a Wikidata QID (`Q4286`), `geonames:1835848`, ... */
  kb?: string[];
  /** Free text; the place to say what tells two namesakes apart. */
  note?: string;
}

/** What the file holds that Factmark understands. */
export interface EntitiesData {
  version: typeof ENTITIES_VERSION;
  entities: Entity[];
}

/** Result of {@link parseEntities}. */
export interface EntitiesParseResult {
  /** The valid entries; undefined when the file could not be read at all. */
  data?: EntitiesData;
  /** Positions (in the file's list) of entries that failed validation: reported, kept verbatim on write. */
  invalid: number[];
  /** Problems, in the same shape as a sidecar's (codes such as `DUPLICATE_ID` are the entities file's own). */
  diagnostics: SidecarDiagnostic[];
  /** False when the file must not be overwritten until it is fixed by hand. */
  writable: boolean;
}
