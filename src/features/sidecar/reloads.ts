/** External changes of a tracked document's sidecar (another editor, git, a CLI run): read, re-anchored, taken as the model. */
import * as vscode from 'vscode';
import { contentHash, fingerprintMatches, loadAnnotations, parseSidecar } from '../../core/sidecar';
import type { Entry } from './entry';
import { baseName } from './files';
import { invalidIds, type SidecarReader } from './reading';
import type { StoreCore } from './shared';

export class SidecarReloads {
  constructor(
    private readonly core: StoreCore,
    private readonly reader: SidecarReader,
  ) {}

  /** The sidecar changed, appeared or vanished on disk (run in the entry's queue, after its writes). */
  async reloadNow(entry: Entry): Promise<void> {
    // Edits are made on the model at once, outside this queue: one made while this awaits the disk
    // must not be replaced by the file's model (E1 in editing.test.ts: a sidecar written on a text
    // this machine never saw, annotated while the reload looked for that text, lost the annotation).
    const edits = entry.edits;
    // Unsaved annotation changes are merged with the file's on the next write.
    const mergeLater = () => {
      this.core.fire(entry, false);
      if (!entry.document.isDirty) this.core.schedule(entry);
    };
    const read = await this.reader.readFor(entry);
    if (read.kind === 'undecodable') {
      this.core.fire(entry, false);
      return;
    }
    if (read.kind === 'missing') {
      if (entry.diskText === undefined) return;
      // Deleted behind Factmark's back: keep everything in memory; the next save writes it again.
      entry.diskText = undefined;
      entry.pending = true;
      this.reader.problems.report(entry.sidecarUri, []);
      void vscode.window.showWarningMessage(`${baseName(entry.sidecarUri)} was deleted. Factmark keeps its annotations in memory and writes the file again when ${baseName(entry.uri)} is saved.`);
      return;
    }
    const text = read.text;
    // Our own write coming back through the watcher (compared by content, never by time or size).
    if (text === entry.diskText && entry.writable) return;
    const parsed = parseSidecar(text);
    entry.ids.reserve(invalidIds(parsed));
    this.reader.reportProblems(entry, parsed.diagnostics, contentHash(text), !parsed.writable);
    const wasWritable = entry.writable;
    entry.writable = parsed.writable;
    if (!parsed.writable || !parsed.doc) {
      this.core.fire(entry, false);
      return;
    }
    if (entry.pending && wasWritable) {
      mergeLater();
      return;
    }
    const doc = entry.document;
    const current = doc.getText();
    if (!doc.isDirty && !fingerprintMatches(parsed.doc.document.gitBlob, current)) {
      // The document may be changing on disk too (git pull): wait for its reload event.
      const onDisk = await this.reader.diskTextOf(doc);
      if (onDisk !== undefined && onDisk !== current && fingerprintMatches(parsed.doc.document.gitBlob, onDisk)) {
        entry.reloadAfterDocument = true;
        return;
      }
    }
    // With unsaved edits, the text last on disk is the old text only if the file was written on it.
    const saved = entry.savedText;
    const oldText = doc.isDirty ? (saved !== undefined && fingerprintMatches(parsed.doc.document.gitBlob, saved) ? saved : undefined) : await this.reader.oldTextFor(parsed.doc, doc);
    if (entry.edits !== edits) {
      mergeLater();
      return;
    }
    // Anchored on the text as it is now, in a worker when long; changes made meanwhile are followed after.
    const { text: now, clean, loaded, ranIn, recorded } = await this.core.anchoring.load(entry, parsed.doc, oldText);
    if (entry.edits !== edits) {
      mergeLater();
      return;
    }
    if (ranIn) entry.anchoredIn = ranIn;
    // A re-anchoring of the document begun before this is not wanted any more.
    entry.replaced++;
    for (const id of [...entry.orphans]) entry.unorphan(id);
    entry.install(loaded.document);
    for (const [id, ctx] of loaded.orphans) entry.orphan(id, ctx, loaded.orphanDetails.find((o) => o.id === id));
    entry.diskText = text;
    this.reader.reportRelocated(entry, parsed.doc, loaded, now);
    entry.base = parsed.doc;
    entry.pending = false;
    if (clean) entry.markSaved(now);
    // Not the offsets of the model before: a revert to the text on disk would re-anchor from those.
    else entry.savedModelIs(saved !== undefined && oldText === saved ? loadAnnotations(parsed.doc, saved) : undefined);
    this.core.replay(entry, now, recorded);
    const expectedPath = baseName(entry.uri);
    if (entry.model.path !== expectedPath) {
      entry.model.path = expectedPath;
      entry.pending = true;
      this.core.schedule(entry);
    } else if (!wasWritable) {
      // Fixed by hand: changes made meanwhile were kept in memory and were lost by this reload only
      // if the file holds none of them; the user fixed the file, so the file wins.
    }
    this.core.fire(entry, true);
  }
}
