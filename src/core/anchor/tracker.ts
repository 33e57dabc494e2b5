/**
 * Keeps annotation spans on their text while the document is edited, from VS Code-style change
 * events, in time proportional to the edit (O(log² n) per change plus the spans it touches), not
 * to the number of annotations.
 *
 * Edge rule (VS Code's `DecorationRangeBehavior.ClosedClosed`): text inserted exactly at a span's
 * start or end is not part of it, so typing right after a name does not extend it. Text inserted
 * or replaced inside a span is part of it: the span grows or shrinks and is marked `modified`.
 * A span whose whole text is deleted (or replaced) becomes an orphan: it is kept, flagged, with
 * its position collapsed to where its text was. Undo of the edit that changed it (reported with
 * reason `undo`) puts it back exactly where it was.
 */

import { ShiftableOffsets } from './fenwick';

/** One change of a VS Code `TextDocumentChangeEvent.contentChanges` (UTF-16 offsets). */
export interface TextChange {
  /** Offset of the replaced range, in the document before the event. */
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** `text` with `changes` made (one event's: offsets into `text`, none overlapping), as the editor makes them. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

/** A span to track: UTF-16 offsets. */
export interface TrackedSpan {
  id: string;
  start: number;
  end: number;
}

/** The tracked state of one span. */
export interface TrackedState extends TrackedSpan {
  /** Its text was edited from inside (the quote must be refreshed on save). */
  modified: boolean;
  /** Its whole text was deleted; start/end show where it was. */
  orphaned: boolean;
}

/** What one event did to the spans. */
export interface ChangeSummary {
  /** Spans this event marked modified for the first time since the flags were last cleared. */
  modified: string[];
  /** Spans whose text this event changed (modified ones included, and undone changes): their text needs refreshing. */
  changed: string[];
  orphaned: string[];
  /** Orphans brought back by an undo. */
  restored: string[];
}

interface Journal {
  /** Offsets that an edit moved other than by a plain shift: [list, index, value before]. */
  collapsed: [ShiftableOffsets, number, number][];
  orphaned: number[];
  /** Spans whose modified flag this edit set. */
  modified: number[];
  /** Spans whose text this edit changed, flagged before or not. */
  touched: number[];
}

/** How many events can be undone exactly (older undos still apply, as plain edits). */
const MAX_JOURNAL = 1000;

/** Tracks spans through edits. Spans are added up front; add or remove later with `reset`. */
export class AnchorTracker {
  private ids: string[] = [];
  private starts = new ShiftableOffsets([]);
  private ends = new ShiftableOffsets([]);
  /** span → its index in `starts` / `ends`, and back. */
  private startIndex: Int32Array = new Int32Array(0);
  private endIndex: Int32Array = new Int32Array(0);
  private startOwner: Int32Array = new Int32Array(0);
  private modifiedFlags: Uint8Array = new Uint8Array(0);
  private orphanFlags: Uint8Array = new Uint8Array(0);
  private byId = new Map<string, number>();
  /** Longest span length seen: bounds the window searched for spans an edit touches. */
  private maxLength = 0;
  private undoStack: Journal[] = [];
  private redoStack: Journal[] = [];

  constructor(spans: Iterable<TrackedSpan> = []) {
    this.reset(spans);
  }

  /** Replace all tracked spans (O(n log n)); flags and undo history are cleared. */
  reset(spans: Iterable<TrackedSpan>): void {
    const list = [...spans];
    const n = list.length;
    this.ids = list.map((s) => s.id);
    this.byId = new Map(this.ids.map((id, i) => [id, i]));
    const byStart = [...list.keys()].sort((a, b) => list[a].start - list[b].start || a - b);
    const byEnd = [...list.keys()].sort((a, b) => list[a].end - list[b].end || a - b);
    this.starts = new ShiftableOffsets(byStart.map((i) => list[i].start));
    this.ends = new ShiftableOffsets(byEnd.map((i) => list[i].end));
    this.startIndex = new Int32Array(n);
    this.endIndex = new Int32Array(n);
    this.startOwner = new Int32Array(n);
    byStart.forEach((span, k) => {
      this.startIndex[span] = k;
      this.startOwner[k] = span;
    });
    byEnd.forEach((span, k) => (this.endIndex[span] = k));
    this.modifiedFlags = new Uint8Array(n);
    this.orphanFlags = new Uint8Array(n);
    this.maxLength = list.reduce((m, s) => Math.max(m, s.end - s.start), 0);
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Number of tracked spans, orphans included. */
  get size(): number {
    return this.ids.length;
  }

  /** Current state of one span. */
  get(id: string): TrackedState | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.state(i);
  }

  /** All spans, in the order they were given. O(n log n): for saving, not for every keystroke. */
  all(): TrackedState[] {
    return this.ids.map((_, i) => this.state(i));
  }

  /** Forget the modified flags (after the quotes were refreshed on save). */
  clearModified(): void {
    this.modifiedFlags.fill(0);
  }

  /**
   * Apply one event's changes. Ranges refer to the document before the event, as VS Code reports
   * them; the array is not modified. `reason` is the event's undo/redo reason, if any.
   */
  applyChanges(changes: readonly TextChange[], reason?: 'undo' | 'redo'): ChangeSummary {
    const journal: Journal = { collapsed: [], orphaned: [], modified: [], touched: [] };
    const summary: ChangeSummary = { modified: [], changed: [], orphaned: [], restored: [] };
    // Highest offset first: each change then leaves the offsets of the ones still to come intact.
    const sorted = [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const c of sorted) this.applyOne(c, journal, reason === 'undo');

    if (reason === 'undo') {
      const entry = this.undoStack.pop();
      if (entry) {
        // The undo put the old text back: put back what the undone edit collapsed. Latest first,
        // so that an offset collapsed twice in one event gets its value from before the event.
        for (let k = entry.collapsed.length - 1; k >= 0; k--) {
          const [list, index, value] = entry.collapsed[k];
          list.set(index, value);
        }
        for (const i of entry.orphaned) {
          this.orphanFlags[i] = 0;
          summary.restored.push(this.ids[i]);
        }
        for (const i of entry.modified) this.modifiedFlags[i] = 0;
        this.redoStack.push(entry);
      }
    } else {
      if (reason !== 'redo') this.redoStack = [];
      else this.redoStack.pop();
      this.undoStack.push(journal);
      if (this.undoStack.length > MAX_JOURNAL) this.undoStack.shift();
    }
    summary.modified = journal.modified.map((i) => this.ids[i]);
    summary.changed = [...new Set(journal.touched)].map((i) => this.ids[i]);
    summary.orphaned = journal.orphaned.map((i) => this.ids[i]);
    return summary;
  }

  private state(i: number): TrackedState {
    return {
      id: this.ids[i],
      start: this.starts.get(this.startIndex[i]),
      end: this.ends.get(this.endIndex[i]),
      modified: this.modifiedFlags[i] === 1,
      orphaned: this.orphanFlags[i] === 1,
    };
  }

  private applyOne(c: TextChange, journal: Journal, undoing: boolean): void {
    const a = c.rangeOffset;
    const b = a + c.rangeLength;
    const len = c.text.length;
    const delta = len - (b - a);

    // Spans the change touches: their start lies within maxLength before the range, or in it.
    // (An undo only puts back what its edit changed: flags are restored by applyChanges.)
    const from = this.starts.lowerBound(a - this.maxLength);
    const to = this.starts.lowerBound(b, true);
    for (let k = from; k < to; k++) {
      const span = this.startOwner[k];
      if (this.orphanFlags[span]) continue;
      const s = this.starts.get(k);
      const e = this.ends.get(this.endIndex[span]);
      if (s === e) continue;
      if (b > a && a <= s && e <= b) {
        if (undoing) continue;
        this.orphanFlags[span] = 1;
        journal.orphaned.push(span);
      } else if ((b > a && s < b && e > a) || (b === a && s < a && a < e)) {
        journal.touched.push(span);
        if (undoing) continue;
        if (!this.modifiedFlags[span]) journal.modified.push(span);
        this.modifiedFlags[span] = 1;
        this.maxLength = Math.max(this.maxLength, e - s + len);
      }
    }

    if (b === a) {
      // Insertion: starts at or after it move, ends exactly at it stay (no growth at edges).
      this.starts.shiftFrom(this.starts.lowerBound(a), len);
      this.ends.shiftFrom(this.ends.lowerBound(a, true), len);
      return;
    }
    // Replacement of [a, b): starts inside collapse to a, ends inside (or at b) to a + len.
    const s0 = this.starts.lowerBound(a);
    const s1 = this.starts.lowerBound(b);
    for (let k = s0; k < s1; k++) {
      journal.collapsed.push([this.starts, k, this.starts.get(k)]);
      this.starts.set(k, a);
    }
    this.starts.shiftFrom(s1, delta);
    const e0 = this.ends.lowerBound(a, true);
    const e1 = this.ends.lowerBound(b, true);
    for (let k = e0; k < e1; k++) {
      journal.collapsed.push([this.ends, k, this.ends.get(k)]);
      this.ends.set(k, a + len);
    }
    this.ends.shiftFrom(e1, delta);
  }
}
