/**
 * What the parts of the annotation store share, implemented by the store itself (`store.ts`): its
 * events, the write queue and the reload of a sidecar. Parts call these instead of each other, so
 * that every import runs one way (store → parts → entry).
 */
import type * as vscode from 'vscode';
import type { Anchoring } from './anchoring';
import type { Entry, RecordedChange } from './entry';
import type { OldTexts } from './oldText';

export interface StoreCore {
  readonly oldTexts: OldTexts;
  /** Anchors on a changed text, off the extension host's thread when long. */
  readonly anchoring: Anchoring;
  /** The entry still tracks its document (it was not closed or replaced). */
  isCurrent(entry: Entry): boolean;
  /** Fires the store's events; `decided`: false when only the text moved under the annotations. */
  fire(entry: Entry, orphansMayHaveChanged: boolean, decided?: boolean): void;
  /** Fires `onDidChangeOrphans` only. */
  fireOrphans(entry: Entry): void;
  /** Queues a write of the entry's sidecar (serialized per document, coalesced). */
  schedule(entry: Entry): void;
  /** Follows changes recorded while a worker anchored the entry's spans on `from`, the text before them. */
  replay(entry: Entry, from: string, recorded: readonly RecordedChange[]): void;
  /** Reads the sidecar again after the entry's queued writes. */
  reloadSidecar(sidecarUri: vscode.Uri): Promise<void>;
}
