/**
 * A tracked document's text changes: spans follow the edits (the tracker), are orphaned when their text
 * goes and restored by undo; a reload from disk is told apart and re-anchored from the last disk text.
 */
import * as vscode from 'vscode';
import { placeInReplacements, prefixBefore, reanchor, suffixAfter, type AnchorQuery, type TextChange } from '../../core/anchor';
import { trackId, type Entry, type Kind, type Span } from './entry';
import type { StoreCore } from './shared';

export class LiveEdits {
  constructor(private readonly core: StoreCore) {}

  /** Feeds one change event to the document's tracker (or re-anchors, when it was a reload from disk). */
  onDidChangeDocument(entry: Entry, e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) {
      // A dirty-state change: a revert shows up here, after its content change.
      if (!e.document.isDirty && entry.editedSinceSave && entry.reloadCheck === undefined) this.checkForReload(entry);
      return;
    }
    entry.document = e.document;
    entry.editedSinceSave = true;
    if (e.reason === undefined) this.checkForReload(entry);
    const reason = e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
    const summary = entry.tracker.applyChanges(e.contentChanges as readonly TextChange[], reason);
    if (summary.changed.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0) return;
    const doc = e.document;
    // A coarse change (a formatter, a moved line, a merged Replace All) swallows spans whose text
    // it puts back: those are placed on it again instead of being orphaned.
    const back = placeInReplacements(
      doc.getText(),
      e.contentChanges as readonly TextChange[],
      summary.orphaned.flatMap((key) => {
        const s = entry.byKey(key);
        return s ? [{ id: key, quote: s.text, at: s.start }] : [];
      }),
    );
    if (back.size > 0) this.replace(entry, back);
    summary.orphaned = summary.orphaned.filter((key) => !back.has(key));
    for (const key of summary.changed) {
      const s = entry.byKey(key);
      if (s && !entry.orphans.has(s.id)) s.text = doc.getText(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    for (const key of summary.orphaned) {
      const s = entry.byKey(key);
      if (!s) continue;
      const around = (from: number, to: number) => doc.getText(new vscode.Range(doc.positionAt(from), doc.positionAt(to)));
      const before = around(Math.max(0, s.start - 80), s.start);
      const after = around(s.start, s.start + 80);
      entry.orphan(s.id, { prefix: prefixBefore(before, before.length), suffix: suffixAfter(after, 0) }, { id: s.id, reason: 'deleted', at: s.start });
    }
    for (const key of summary.restored) {
      const s = entry.byKey(key);
      if (s) entry.unorphan(s.id);
    }
    // Typing on inside an already modified span changes only its text: listeners (decorations, the
    // view) are told when a span is first modified, orphaned or restored, not on every keystroke.
    if (summary.modified.length === 0 && summary.orphaned.length === 0 && summary.restored.length === 0 && back.size === 0) return;
    // While a reload check is pending the coarse change may be undone by re-anchoring: tell then.
    const orphansChanged = summary.orphaned.length > 0 || summary.restored.length > 0;
    this.core.fire(entry, orphansChanged && entry.reloadCheck === undefined, false);
    if (orphansChanged && entry.reloadCheck !== undefined) entry.orphansUntold = true;
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
    entry.checkLater(150, () => {
      const doc = entry.document;
      if (doc.isClosed || !this.core.isCurrent(entry)) return;
      if (!doc.isDirty && entry.editedSinceSave) this.reloaded(entry);
      else if (entry.orphansUntold) this.core.fireOrphans(entry);
      entry.orphansUntold = false;
    });
  }

  /** The document was reloaded from disk: re-anchor every span from the last known disk text. */
  private reloaded(entry: Entry): void {
    const text = entry.document.getText();
    const old = entry.savedText;
    if (old !== undefined) this.core.oldTexts.remember(old);
    const known: AnchorQuery[] = [];
    const unknown: AnchorQuery[] = [];
    const plain = entry.plain();
    const all = [...plain.annotations.map((a) => ['annotation', a] as const), ...plain.facts.map((f) => ['fact', f] as const)];
    for (const [kind, s] of all) {
      const key = trackId(kind, s.id);
      if (entry.savedOrphans.has(s.id)) continue;
      const at = entry.savedSpans.get(key);
      if (old !== undefined && at) known.push({ id: key, start: at.start, end: at.end, quote: old.slice(at.start, at.end), prefix: prefixBefore(old, at.start), suffix: suffixAfter(old, at.end) });
      else unknown.push({ id: key, start: s.start, end: s.end, quote: s.text });
    }
    const a = reanchor(old, text, known, { units: 'utf16' });
    const b = reanchor(undefined, text, unknown, { units: 'utf16' });
    const placed = new Map([...a.placed, ...b.placed].map((p) => [p.id, p]));
    const orphaned = new Map([...a.orphans, ...b.orphans].map((o) => [o.id, o]));
    const apply = (kind: Kind, s: Span) => {
      const key = trackId(kind, s.id);
      if (entry.savedOrphans.has(s.id)) {
        // Already an orphan before: its hint stays inside the text.
        s.start = s.end = Math.min(entry.savedSpans.get(key)?.start ?? s.start, text.length);
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
      const was = entry.savedSpans.get(key);
      entry.orphanContext.delete(s.id);
      const ctx = old !== undefined && was ? { prefix: prefixBefore(old, was.start), suffix: suffixAfter(old, was.end) } : {};
      entry.orphan(s.id, ctx, o);
    };
    plain.annotations.forEach((s) => apply('annotation', s));
    plain.facts.forEach((s) => apply('fact', s));
    entry.install(plain);
    entry.markSaved(text);
    this.core.oldTexts.remember(text);
    this.core.fire(entry, true, false);
    // The sidecar is not rewritten for an external change: that happens on the next save or edit.
    if (entry.reloadAfterDocument) {
      entry.reloadAfterDocument = false;
      void this.core.reloadSidecar(entry.sidecarUri);
    }
  }
}
