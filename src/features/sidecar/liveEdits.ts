/**
 * A tracked document's text changes: spans follow the edits (the tracker), are orphaned when their text
 * goes and restored by undo; a reload from disk is told apart and re-anchored from the last disk text.
 */
import * as vscode from 'vscode';
import { applyTextChanges, placeInReplacements, prefixBefore, suffixAfter, type AnchorQuery, type ReanchorResult } from '../../core/anchor';
import type { ReanchorRun } from '../../core/jobs';
import type { AnnotatedDocument } from '../../core/model';
import { recordOf, trackId, type AnchoredIn, type Entry, type Kind, type RecordedChange, type Span } from './entry';
import type { StoreCore } from './shared';

export class LiveEdits {
  constructor(private readonly core: StoreCore) {}

  /** Feeds one change event to the document's tracker (or re-anchors, when it was a reload from disk). */
  onDidChangeDocument(entry: Entry, e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) {
      // A dirty-state change: a revert shows up here, after its content change.
      if (!e.document.isDirty && entry.editedSinceSave && !entry.checkPending) this.checkForReload(entry);
      return;
    }
    entry.document = e.document;
    entry.editedSinceSave = true;
    if (e.reason === undefined) this.checkForReload(entry);
    // Kept while the spans are being anchored in a worker on the text before it: followed again then.
    entry.record(e);
    this.follow(entry, recordOf(e), () => e.document.getText(), true);
  }

  /**
   * Replays changes recorded while a worker anchored the spans on `from`, the text before them (the
   * spans were installed on it); then, if the document is back in step with the disk (saved, or
   * undone), re-anchors from that text, as after a reload.
   */
  replay(entry: Entry, from: string, recorded: readonly RecordedChange[]): void {
    if (recorded.length === 0) return;
    let text = from;
    for (const change of recorded) {
      const after = (text = applyTextChanges(text, change.changes));
      this.follow(entry, change, () => after, false);
    }
    entry.editedSinceSave = true;
    if (text !== entry.document.getText()) console.warn(`Factmark: the changes recorded while ${entry.uri.toString()} was anchored do not rebuild its text.`);
    if (!entry.document.isDirty) this.checkForReload(entry);
  }

  /** One change of the text: spans follow it; `text()` is the text after it. `tell`: fire the store's events. */
  private follow(entry: Entry, change: RecordedChange, text: () => string, tell: boolean): void {
    const summary = entry.tracker.applyChanges(change.changes, change.reason);
    if (summary.changed.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0) return;
    const now = text();
    // A coarse change (a formatter, a moved line, a merged Replace All) swallows spans whose text
    // it puts back: those are placed on it again instead of being orphaned.
    const back = placeInReplacements(
      now,
      change.changes,
      summary.orphaned.flatMap((key) => {
        const s = entry.byKey(key);
        return s ? [{ id: key, quote: s.text, at: s.start }] : [];
      }),
    );
    if (back.size > 0) this.replace(entry, back);
    summary.orphaned = summary.orphaned.filter((key) => !back.has(key));
    for (const key of summary.changed) {
      const s = entry.byKey(key);
      if (s && !entry.orphans.has(s.id)) s.text = now.slice(s.start, s.end);
    }
    for (const key of summary.orphaned) {
      const s = entry.byKey(key);
      if (!s) continue;
      const before = now.slice(Math.max(0, s.start - 80), s.start);
      const after = now.slice(s.start, s.start + 80);
      entry.orphan(s.id, { prefix: prefixBefore(before, before.length), suffix: suffixAfter(after, 0) }, { id: s.id, reason: 'deleted', at: s.start });
    }
    for (const key of summary.restored) {
      const s = entry.byKey(key);
      if (s) entry.unorphan(s.id);
    }
    // Typing on inside an already modified span changes only its text: listeners (decorations, the
    // view) are told when a span is first modified, orphaned or restored, not on every keystroke.
    if (!tell || (summary.modified.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0 && back.size === 0)) return;
    // While a reload check is pending the coarse change may be undone by re-anchoring: tell then.
    const orphansChanged = summary.orphaned.length > 0 || summary.restored.length > 0;
    this.core.fire(entry, orphansChanged && !entry.checkPending, false);
    if (orphansChanged && entry.checkPending) entry.orphansUntold = true;
  }

  /** Puts spans (by tracker key) at new places of the current text; the tracker starts afresh. */
  private replace(entry: Entry, places: ReadonlyMap<string, { start: number; end: number }>): void {
    const plain = entry.plain();
    const move = (kind: Kind, s: Span) => {
      const p = places.get(trackId(kind, s.id));
      if (!p) return;
      s.start = p.start;
      s.end = p.end;
    };
    plain.annotations.forEach((s) => move('annotation', s));
    plain.facts.forEach((s) => move('fact', s));
    entry.install(plain);
  }

  /**
   * VS Code reports a reload from disk (an external change, a revert) as an ordinary change event,
   * one coarse replacement, and the event's dirty flag is the state from before it. So once the
   * changes settle: if the document has no unsaved edits yet its text changed since it was last in
   * sync with the disk, it was reloaded; re-anchor from the last known disk text by diff instead of
   * trusting the coarse event.
   */
  checkForReload(entry: Entry): void {
    entry.checkLater(150, async () => {
      const doc = entry.document;
      if (doc.isClosed || !this.core.isCurrent(entry)) return;
      if (!doc.isDirty && entry.editedSinceSave) await this.reloaded(entry);
      else if (entry.orphansUntold) this.core.fireOrphans(entry);
      entry.orphansUntold = false;
    });
  }

  /**
   * The document was reloaded from disk: re-anchor every span from the last known disk text (in a
   * worker when long, anchoring.ts). Changes made meanwhile (typing, a save, an undo, another reload)
   * are recorded and followed again once the spans are placed on the text the worker saw. If the
   * sidecar was read again meanwhile (its model replaced on the text as it was then), the answer is
   * not wanted.
   */
  private async reloaded(entry: Entry): Promise<void> {
    const doc = entry.document;
    const text = doc.getText();
    const saved = { text: entry.savedText, spans: entry.savedSpans, orphans: entry.savedOrphans };
    if (saved.text !== undefined) this.core.oldTexts.remember(saved.text);
    const plain = entry.plain();
    const replaced = entry.replaced;
    const recorded: RecordedChange[] = [];
    entry.anchorings++;
    entry.recorders.add(recorded);
    let anchored: { results: ReanchorResult[]; ranIn: AnchoredIn };
    try {
      anchored = await this.core.anchoring.reanchor(doc, this.queries(plain, saved, text));
    } finally {
      entry.recorders.delete(recorded);
    }
    if (doc.isClosed || !this.core.isCurrent(entry) || entry.replaced !== replaced) return;
    this.apply(entry, plain, text, saved, anchored);
    this.replay(entry, text, recorded);
    this.core.fire(entry, true, false);
    // The sidecar is not rewritten for an external change: that happens on the next save or edit.
    if (entry.reloadAfterDocument) {
      entry.reloadAfterDocument = false;
      void this.core.reloadSidecar(entry.sidecarUri);
    }
  }

  /** The queries of every span that was not an orphan on disk: from the old text when known, else by its text now. */
  private queries(plain: AnnotatedDocument, saved: SavedState, text: string): ReanchorRun[] {
    const old = saved.text;
    const known: AnchorQuery[] = [];
    const unknown: AnchorQuery[] = [];
    const all = [...plain.annotations.map((a) => ['annotation', a] as const), ...plain.facts.map((f) => ['fact', f] as const)];
    for (const [kind, s] of all) {
      const key = trackId(kind, s.id);
      if (saved.orphans.has(s.id)) continue;
      const at = saved.spans.get(key);
      if (old !== undefined && at) known.push({ id: key, start: at.start, end: at.end, quote: old.slice(at.start, at.end), prefix: prefixBefore(old, at.start), suffix: suffixAfter(old, at.end) });
      else unknown.push({ id: key, start: s.start, end: s.end, quote: s.text });
    }
    const options = { units: 'utf16' } as const;
    return [
      { old, text, queries: known, options },
      { text, queries: unknown, options },
    ];
  }

  /** Puts the re-anchored spans on `text`, the text the worker saw, which was the text on disk. */
  private apply(entry: Entry, plain: AnnotatedDocument, text: string, saved: SavedState, anchored: { results: ReanchorResult[]; ranIn: AnchoredIn }): void {
    const old = saved.text;
    entry.anchoredIn = anchored.ranIn;
    const [a, b] = anchored.results;
    const placed = new Map([...a.placed, ...b.placed].map((p) => [p.id, p]));
    const orphaned = new Map([...a.orphans, ...b.orphans].map((o) => [o.id, o]));
    const apply = (kind: Kind, s: Span) => {
      const key = trackId(kind, s.id);
      if (saved.orphans.has(s.id)) {
        // Already an orphan before: its hint stays inside the text.
        s.start = s.end = Math.min(saved.spans.get(key)?.start ?? s.start, text.length);
        return;
      }
      const p = placed.get(key);
      if (p) {
        entry.unorphan(s.id);
        s.start = p.start;
        s.end = p.end;
        s.text = text.slice(p.start, p.end);
        return;
      }
      const o = orphaned.get(key);
      if (!o) return;
      s.start = s.end = o.at;
      // Its context as it was in the old text, where the quote still stood.
      const was = saved.spans.get(key);
      entry.orphanContext.delete(s.id);
      const ctx = old !== undefined && was ? { prefix: prefixBefore(old, was.start), suffix: suffixAfter(old, was.end) } : {};
      entry.orphan(s.id, ctx, o);
    };
    plain.annotations.forEach((s) => apply('annotation', s));
    plain.facts.forEach((s) => apply('fact', s));
    entry.install(plain);
    entry.markSaved(text);
    this.core.oldTexts.remember(text);
  }
}

/** The text on disk and the spans on it, as the last sync with the disk left them. */
interface SavedState {
  text: string | undefined;
  spans: ReadonlyMap<string, { start: number; end: number }>;
  orphans: ReadonlySet<string>;
}
