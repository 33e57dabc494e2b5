/**
 * Writing a tracked document's sidecar: serialized per document and coalesced, merged three-way with a
 * file changed on disk meanwhile, a conflict put to the user, a sidecar that cannot be read left alone
 * (changes go to a copy beside it). Large models are copied, built and written in slices.
 */
import * as vscode from 'vscode';
import {
  buildSidecarData,
  buildSidecarDataSteps,
  emitSidecarSteps,
  fingerprintDataSteps,
  fingerprintMatches,
  loadAnnotations,
  mergeSidecarsSteps,
  parseSidecar,
  parseWithNodesSteps,
  writeSidecar,
  writeSidecarSteps,
  contentHash,
  type MergeConflict,
  type SidecarData,
  type SidecarInput,
} from '../../core/sidecar';
import { isChangedOnDisk } from '../../core/sidecar/atomicWrite';
import { decideSidecarWrite } from '../../core/sidecar/writeDecision';
import { runInSlices, type Steps } from '../../core/slices';
import { writeConflictCopy } from './conflictCopy';
import type { Entry } from './entry';
import { baseName, writeTextAtomic } from './files';
import type { SidecarReader } from './reading';
import type { StoreCore } from './shared';

export class SidecarWriter {
  constructor(
    private readonly core: StoreCore,
    private readonly reader: SidecarReader,
  ) {}

  /** Queues a write of the entry's sidecar; writes are serialized per document and coalesced. */
  schedule(entry: Entry): void {
    if (entry.queued) return;
    entry.queued = true;
    entry.queue = entry.queue.then(async () => {
      // A reload check's re-anchoring (maybe in a worker) first: meanwhile the spans are the tracker's guess.
      await entry.settled();
      entry.queued = false;
      try {
        // Another writer (a CLI run, a second window) replaced the file between our read and our
        // write: read it again and merge, a few times, rather than overwrite its change.
        for (let attempt = 0; ; attempt++) {
          try {
            await this.flush(entry);
            break;
          } catch (e) {
            if (!isChangedOnDisk(e) || attempt >= 4) throw e;
          }
        }
      } catch (e) {
        entry.pending = true;
        void vscode.window.showErrorMessage(`Factmark could not write ${baseName(entry.sidecarUri)}: ${e instanceof Error ? e.message : String(e)}. The annotations are kept in memory and written on the next save.`);
      }
    });
  }

  private async flush(entry: Entry): Promise<void> {
    const doc = entry.document;
    if (entry.untitled || entry.conflict) return;
    if (!entry.writable) {
      await this.flushToConflictCopy(entry);
      return;
    }
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode is read-only: changes wait in memory until the folder is trusted.
      this.reader.tellOnce('untrusted', 'Factmark does not write annotation files in Restricted Mode; your changes are kept in memory and written once you trust this folder.');
      return;
    }
    // Offsets must describe the text on disk: with unsaved edits, wait for the save.
    if (!doc.isClosed && doc.isDirty) return;
    const text = doc.isClosed ? entry.savedText : doc.getText();
    if (text === undefined) return;
    // What is written is taken now, with the text it describes: annotating or typing during the
    // awaits below must not slip into this write with offsets for another text (a later write
    // carries it), nor be undone by adopting a merge made without it. Thousands of annotations (a
    // large import) are copied in slices, so the extension host keeps answering; if the text or the
    // model changed between two slices, the copy is not one moment's and is taken again later.
    const edits = entry.edits;
    const stale = () => entry.edits !== edits || (!doc.isClosed && doc.getText() !== text);
    const orphans = new Map(entry.orphanContext);
    // Every long piece below runs in slices, counted per document (an import reports its share).
    const sliced = <T>(steps: Steps<T>) => runInSlices(steps, { count: entry.writeSlices });
    const model = await sliced(entry.plainSteps());
    if (stale()) {
      this.schedule(entry);
      return;
    }
    // Never write behind a sidecar the user is editing by hand.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.sidecarUri.toString());
    if (open?.isDirty) {
      this.reader.tellOnce(`dirty:${entry.sidecarUri}`, `Factmark did not update ${baseName(entry.sidecarUri)} because it has unsaved edits in an editor; save or revert it first.`);
      return;
    }
    const read = await this.reader.readFor(entry);
    if (read.kind === 'undecodable') return;
    const disk = read.kind === 'text' ? read.text : undefined;
    const decision = decideSidecarWrite(disk, entry.diskText, model);
    if (decision.kind === 'nothing') {
      entry.pending = false;
      return;
    }
    // The file's bytes give the fingerprint git has for it (with a byte-order mark or invalid UTF-8
    // the text alone would not): used only if they still read as `text`.
    const fileBytes = entry.untitled ? undefined : await vscode.workspace.fs.readFile(entry.uri).then((b) => b, () => undefined);
    const input: SidecarInput = fileBytes ? { document: model, text, orphans, fileBytes } : { document: model, text, orphans };
    let output: string;
    // What `output` holds, when known without parsing it again; `unchanged`: the file, already `base`.
    let holds: SidecarData | undefined;
    let unchanged = false;
    if (decision.kind === 'create') {
      // A new file in the canonical layout, built and written in slices (a large import's first write).
      holds = withLabels(await sliced(buildSidecarDataSteps(input)), entry.base);
      output = await sliced(emitSidecarSteps(holds));
    } else if (decision.kind === 'update') {
      const data = withLabels(await sliced(buildSidecarDataSteps(input)), entry.base);
      // The file is the one last read or written (`base` is its parse): when it already holds the
      // same data (a re-import that adds nothing) there is nothing to write, found out in slices
      // rather than by the writer's parse of the whole file in one piece.
      const same = entry.base !== undefined && (await sliced(fingerprintDataSteps(data))) === (await sliced(fingerprintDataSteps(entry.base)));
      unchanged = same;
      // Otherwise (new entries beside those the file has) edited by lines and read back, in slices.
      output = same ? decision.disk : await sliced(writeSidecarSteps(decision.disk, data));
    } else {
      // Changed on disk since Factmark read it (another editor, git): merge, never overwrite blindly.
      const theirs = (await sliced(parseWithNodesSteps(decision.disk))).result;
      if (!theirs.writable || !theirs.doc) {
        entry.writable = false;
        this.reader.reportProblems(entry, theirs.diagnostics, contentHash(decision.disk), true);
        return;
      }
      // All three on the current text, so that offsets compare.
      const norm = async (data: SidecarData) => {
        const hash = data.document.gitBlob;
        const old = fingerprintMatches(hash, text) ? undefined : await this.reader.oldTexts.find(hash, entry.uri);
        const loaded = await this.core.anchoring.loadText(data, text, old, false);
        return withLabels(await sliced(buildSidecarDataSteps({ document: loaded.document, text, orphans: loaded.orphans })), data);
      };
      const theirsData = await norm(theirs.doc);
      const base = entry.base ? await norm(entry.base) : { ...theirsData, annotations: [], facts: [] };
      const result = await sliced(mergeSidecarsSteps(base, withLabels(await sliced(buildSidecarDataSteps(input)), entry.base), theirsData));
      if (result.conflicts.length > 0) {
        entry.conflict = result.conflicts;
        void this.askAboutConflict(entry, decision.disk, result.merged, result.conflicts);
        return;
      }
      output = await sliced(writeSidecarSteps(decision.disk, result.merged));
      if (stale()) return; // merged again, with the newer changes, by the write that follows them
      this.adopt(entry, result.merged, text);
    }
    // The snapshot is consistent with `text`, the text on disk: written even if the editor moved on.
    // What the file will hold, read first (usually the write's own read-back, cached), so that `base`
    // and `diskText` change together once it is written.
    const base = unchanged ? entry.base : (holds ?? (await sliced(parseWithNodesSteps(output))).result.doc);
    if (output !== disk) await writeTextAtomic(entry.sidecarUri, output, { ifUnchanged: disk ?? null });
    // The text its offsets now refer to, kept for re-anchoring after an edit made while it is closed.
    void this.reader.oldTexts.keep(base?.document.gitBlob, text, fileBytes);
    entry.base = base;
    entry.diskText = output;
    this.reader.wrote(entry);
    if (stale()) return; // changed during the write: still pending, for the next write
    entry.pending = false;
    entry.markSaved(text);
  }

  /** The sidecar cannot be read: the changes go to a `.conflict-*` copy beside it (D10), never over it. */
  private async flushToConflictCopy(entry: Entry): Promise<void> {
    const doc = entry.document;
    if (!entry.pending || !vscode.workspace.isTrusted || (!doc.isClosed && doc.isDirty)) return;
    const text = doc.isClosed ? entry.savedText : doc.getText();
    const model = entry.plain();
    if (text === undefined || (model.annotations.length === 0 && model.facts.length === 0)) return;
    const output = writeSidecar(undefined, buildSidecarData({ document: model, text, orphans: new Map(entry.orphanContext) }));
    entry.conflictCopy = await writeConflictCopy(entry.sidecarUri, entry.conflictCopy, output);
    entry.pending = false;
    this.reader.tellOnce(
      `conflict-copy:${entry.sidecarUri}`,
      `${baseName(entry.sidecarUri)} cannot be read, so it is left as it is; your annotation changes were written to ${baseName(entry.conflictCopy)} beside it. Fix the file, then take what you need from the copy.`,
    );
  }

  /** Takes merged data (on `text`) as the model. */
  private adopt(entry: Entry, data: SidecarData, text: string): void {
    const loaded = loadAnnotations(data, text);
    entry.replaced++;
    for (const id of [...entry.orphans]) entry.unorphan(id);
    entry.install(loaded.document);
    for (const [id, ctx] of loaded.orphans) entry.orphan(id, ctx, loaded.orphanDetails.find((o) => o.id === id));
    this.core.fire(entry, true);
  }

  private async askAboutConflict(entry: Entry, disk: string, merged: SidecarData, conflicts: MergeConflict[]): Promise<void> {
    const what = conflicts.map((c) => `${c.id} (${c.fields.join(', ')})`).join('; ');
    const mine = 'Keep My Changes';
    const theirs = 'Use the File on Disk';
    const answer = await vscode.window.showWarningMessage(
      `${baseName(entry.sidecarUri)} was changed on disk while you changed the same annotations: ${what}. Nothing is written until you choose.`,
      mine,
      theirs,
    );
    entry.conflict = undefined;
    if (answer === theirs) {
      entry.pending = false;
      entry.diskText = undefined;
      await this.core.reloadSidecar(entry.sidecarUri);
    } else if (answer === mine) {
      const text = entry.document.getText();
      const resolved = preferMine(merged, conflicts);
      entry.queue = entry.queue.then(async () => {
        const output = writeSidecar(disk, resolved);
        if (output !== disk) {
          try {
            await writeTextAtomic(entry.sidecarUri, output, { ifUnchanged: disk });
          } catch (e) {
            // Changed again meanwhile (or not writable): my side becomes the model, and the next
            // write merges it with the newer file (asking again if the same annotations changed).
            this.adopt(entry, resolved, text);
            entry.pending = true;
            if (isChangedOnDisk(e)) this.schedule(entry);
            else void vscode.window.showErrorMessage(`Factmark could not write ${baseName(entry.sidecarUri)}: ${e instanceof Error ? e.message : String(e)}.`);
            return;
          }
        }
        entry.diskText = output;
        this.reader.wrote(entry);
        entry.base = parseSidecar(output).doc;
        entry.pending = false;
        this.adopt(entry, resolved, text);
        entry.markSaved(text);
      });
    } else {
      entry.conflict = conflicts;
    }
  }
}

/** buildSidecarData leaves the label set out; keep the one the file had. */
function withLabels(data: SidecarData, from: SidecarData | undefined): SidecarData {
  if (from?.labels && !data.labels) data.labels = [...from.labels];
  return data;
}

/** The merged data with every conflicting field taken from my side. */
function preferMine(merged: SidecarData, conflicts: MergeConflict[]): SidecarData {
  const out: SidecarData = JSON.parse(JSON.stringify(merged));
  for (const c of conflicts) {
    if (c.list === 'document') {
      if (c.id === 'labels') out.labels = c.mine as string[] | undefined;
      else if (c.mine) out.document = c.mine as SidecarData['document'];
      continue;
    }
    const list = out[c.list] as { id: string }[];
    const i = list.findIndex((e) => e.id === c.id);
    if (c.mine === undefined) {
      if (i >= 0) list.splice(i, 1);
    } else if (i >= 0) list[i] = JSON.parse(JSON.stringify(c.mine));
    else list.push(JSON.parse(JSON.stringify(c.mine)));
  }
  return out;
}

/**
 * Waits until the entry's write queue stops growing: a sliced write that finds the model changed
 * between its slices schedules itself again, after callers began waiting on the old queue.
 */
export async function queueDrained(entry: { queue: Promise<unknown> }): Promise<void> {
  let q: Promise<unknown>;
  do {
    q = entry.queue;
    await q;
  } while (q !== entry.queue);
}
