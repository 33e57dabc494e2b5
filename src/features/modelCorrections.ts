import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import { correctionsModel, type AdjustmentsData, type EntityModel } from '../core/ner';
import { LEXICON_FILE, ModelLearner } from '../core/learning';
import { exists, writeTextAtomic } from './sidecar/files';

/**
 * The corrections of the entity model learnt from this workspace's decisions (core/learning/learner.ts),
 * kept in the extension's workspace storage (`ner-adjustments.json`, not shared: they follow one user's
 * decisions). Loaded once; decisions made before that wait. Saved once decisions settle. A file that
 * cannot be read, or that changed outside Factmark into something unreadable, is never overwritten.
 * Corrections learnt on an earlier model (Factmark's model was retrained since) are kept, with a copy of
 * the file as it was and a message offering to reset them (`adoptEarlier`), once learning is on.
 * The user resets them from the Command Palette too (`reset`), with a copy kept and an Undo.
 * `LexiconService` owns it and decides where learning is on.
 */
export class ModelCorrections implements vscode.Disposable {
  private learner = new ModelLearner();
  /** False until the saved corrections were read (load); decisions made before wait in `early`. */
  private loaded = false;
  private readonly early: Array<[string, string, readonly Annotation[]]> = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  // The corrections file could not be read: it is never overwritten (the user may repair or delete it).
  private keepFile = false;
  // The corrections file's text as Factmark last read or wrote it (absent: none yet).
  private adjustmentsText: string | undefined;
  // A file of corrections learnt on an earlier model, read while learning was off: not copied aside nor
  // saved again yet (see adoptEarlier).
  private earlier: { file: vscode.Uri; bytes: Uint8Array; model: unknown } | undefined;

  /**
   * @param storage where the corrections are kept (`context.storageUri`); without it they last for the session only
   * @param changed called when the corrections change: suggestions must be recomputed
   * @param learning whether learning is on anywhere in the workspace (`factmark.suggestions.learn`)
   */
  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly changed: () => void,
    private readonly learning: () => boolean,
  ) {}

  /** The shipped model with the corrections, or undefined when nothing was learnt. */
  model(): EntityModel | undefined {
    return this.learner.model();
  }

  /**
   * Teaches the model the decisions on a document's names (`key`: its URI; `text`: the text the
   * offsets count on), once per session each; a decision the model already agrees with changes nothing.
   */
  learn(key: string, text: string, annotations: readonly Annotation[]): void {
    // Decisions made before the saved corrections are read would be overwritten by them: they wait.
    if (!this.loaded) {
      this.early.push([key, text, annotations]);
      return;
    }
    if (!this.learner.learn(key, text, annotations)) return;
    this.changed();
    this.scheduleSave();
  }

  /** A copy of the corrections, to go back to (the Undo of a decision's notice). */
  snapshot(): ReadonlyMap<number, Float64Array> {
    return this.learner.adjustments.snapshot();
  }

  /** Goes back to corrections taken by `snapshot`. */
  restore(snapshot: ReadonlyMap<number, Float64Array>): void {
    this.learner.adjustments.restore(snapshot);
    // The restored corrections may lack decisions learnt since: let them be learnt again when made again.
    this.learner.forgetSeen();
    this.changed();
    this.scheduleSave();
  }

  /** Where the corrections are saved (undefined without workspace storage). */
  file(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, ADJUSTMENTS_FILE);
  }

  /** Reads the saved corrections, then learns the decisions that waited for them. */
  async load(): Promise<void> {
    try {
      await this.read();
    } finally {
      this.loaded = true;
      let learnt = false;
      for (const [key, text, annotations] of this.early.splice(0)) learnt = this.learner.learn(key, text, annotations) || learnt;
      if (learnt) {
        this.changed();
        this.scheduleSave();
      }
    }
  }

  private async read(): Promise<void> {
    const file = this.file();
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return;
      void vscode.window.showWarningMessage(`Factmark: could not read the learnt entity-model corrections: ${(err as Error).message}`);
      this.keepFile = true;
      return;
    }
    try {
      const text = new TextDecoder().decode(bytes);
      this.adjustmentsText = text;
      const data = JSON.parse(text) as AdjustmentsData;
      this.learner.adjustments.load(data);
      if (this.learner.adjustments.size === 0) return;
      this.changed();
      if (correctionsModel(data, this.learner.adjustments.base) !== 'same') {
        this.earlier = { file, bytes, model: data.model };
        await this.learningChanged();
      }
    } catch (err) {
      // A damaged file, or corrections for another model (after an update): learning goes on from the
      // shipped model in memory, and the file is kept as it is (never overwritten) so nothing is lost
      // that could be repaired by hand; say where it is.
      this.keepFile = true;
      void vscode.window.showWarningMessage(
        `Factmark: the learnt entity-model corrections in ${file.fsPath} could not be read (${(err as Error).message}); ` +
          'learning goes on in memory from the shipped model and that file is left untouched.',
      );
    }
  }

  /**
   * Tells of corrections learnt on an earlier model once learning is on (at start, or when the user
   * turns it on). While it is off the corrections are not used, so an update of the model is no news to
   * the user, and the file is left as it was (not copied aside nor saved again): that loses nothing, and
   * the message still comes when the corrections start to matter, in this session or a later one (a file
   * saved again with this model's identity would never be told about). A save needed meanwhile (an undo,
   * a reset) copies the file aside first (save).
   */
  async learningChanged(): Promise<void> {
    if (this.earlier && this.learning()) await this.adoptEarlier();
  }

  /**
   * Corrections learnt on an earlier model (another model's identity, or none: saved before Factmark
   * recorded it) are kept: measured on the learning benchmark, the corrections the analyst's decisions
   * taught the model before the word clusters still help the model after them, a little more than
   * learning the same decisions again (README, "Learning from you"). The user is told once: the file as
   * it was is copied beside it (never deleted), the corrections are saved again with this model's
   * identity, and the message offers to reset them.
   */
  private async adoptEarlier(): Promise<void> {
    const backup = await this.copyEarlier();
    if (!backup) return;
    await this.save();
    void vscode.window
      .showInformationMessage(
        `Factmark: the entity model was updated. The corrections it learnt from your decisions in this workspace were made on the previous model; they are kept, since measured they still help on the new one (the file as it was is copied to ${nameOf(backup)}). ` +
          'Reset them if names you decided are suggested oddly: the model then learns your decisions again as it meets them.',
        RESET,
      )
      .then((choice) => {
        // The user chose Reset in a message that says what it does: asked no second time.
        if (choice === RESET) void this.reset(false);
      });
  }

  /** Copies the file of corrections learnt on an earlier model aside (once); undefined when it could not be (the file is then never replaced). */
  private async copyEarlier(): Promise<vscode.Uri | undefined> {
    const earlier = this.earlier;
    if (!earlier) return undefined;
    this.earlier = undefined;
    const { file, bytes, model } = earlier;
    const backup = await this.freeBackup(model);
    try {
      await vscode.workspace.fs.writeFile(backup, bytes);
      return backup;
    } catch (err) {
      // Without a copy, the file as it was is not replaced: the corrections are used, kept in memory only.
      this.keepFile = true;
      void vscode.window.showWarningMessage(`Factmark: could not copy the entity-model corrections learnt on an earlier model to ${backup.fsPath} (${(err as Error).message}); they are used, and ${file.fsPath} is left untouched.`);
      return undefined;
    }
  }

  /**
   * The first free name for a copy of the corrections learnt on `model` (`ner-adjustments.<model>.json`,
   * then `-2`, …; `earlier` for a file that names no model, or names it in a way unfit for a file name).
   */
  private async freeBackup(model: unknown): Promise<vscode.Uri> {
    const tag = typeof model === 'string' && /^[0-9a-f]{1,16}$/.test(model) ? model : 'earlier';
    for (let n = 1; ; n++) {
      const uri = vscode.Uri.joinPath(this.storage!, `ner-adjustments.${tag}${n > 1 ? `-${n}` : ''}.json`);
      if (!(await exists(uri))) return uri;
    }
  }

  /**
   * Forgets every correction on the user's request (Reset Learnt Entity-Model Corrections, or the
   * update message's button): asks first when `ask` (a modal question saying what is reset and what
   * is not), keeps a copy of the corrections beside the file (the convention of adoptEarlier: never
   * deleted), saves, and offers Undo. The decisions stay, and so do the annotations and the lexicon: the
   * learner meets the decisions again (an article's at its next change) and learns them afresh. Returns
   * whether the corrections were reset.
   */
  async reset(ask = true): Promise<boolean> {
    if (this.learner.adjustments.size === 0) {
      void vscode.window.showInformationMessage('Factmark: no entity-model corrections were learnt from your decisions in this workspace; there is nothing to reset.');
      return false;
    }
    if (ask) {
      const choice = await vscode.window.showWarningMessage(
        'Reset the entity-model corrections Factmark learnt from your decisions in this workspace?',
        {
          modal: true,
          detail:
            'Names are then suggested by the shipped model again, and it learns your decisions again as it meets them (an article\'s, at its next change). ' +
            `Your annotations and the lexicon (${LEXICON_FILE}) are not changed.` +
            (this.storage ? " A copy of them is kept in Factmark's storage for this workspace, and Undo brings them back." : ' Undo brings them back.'),
        },
        RESET_CONFIRM,
      );
      if (choice !== RESET_CONFIRM) return false;
    }
    const before = this.snapshot();
    const backup = await this.keepCopy();
    if (backup === null) return false;
    const file = this.file();
    // A file left untouched because it could not be read, deleted since by the user: written afresh.
    if (this.keepFile && file && !(await exists(file))) this.keepFile = false;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.learner.adjustments.clear();
    this.learner.forgetSeen();
    this.changed();
    await this.save();
    void vscode.window
      .showInformationMessage(`Factmark: the entity-model corrections learnt from your decisions were reset${backup ? ` (a copy is kept as ${nameOf(backup)})` : ''}.`, 'Undo')
      .then((choice) => {
        if (choice === 'Undo') this.restore(before);
      });
    return true;
  }

  /**
   * Writes the corrections in use (those a reset forgets, whatever the file on disk holds) to a free
   * copy beside the file. Undefined without workspace storage (they last for the session only); null
   * when the copy could not be written (then nothing is reset: the user is told).
   */
  private async keepCopy(): Promise<vscode.Uri | undefined | null> {
    if (!this.storage) return undefined;
    const data = this.learner.adjustments.toJSON();
    const backup = await this.freeBackup(data.model);
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(backup, new TextEncoder().encode(JSON.stringify(data)));
      return backup;
    } catch (err) {
      void vscode.window.showWarningMessage(`Factmark: could not keep a copy of the learnt entity-model corrections in ${backup.fsPath} (${(err as Error).message}); nothing was reset.`);
      return null;
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    const file = this.file();
    if (!file || !this.storage || this.keepFile) return;
    // A file of corrections learnt on an earlier model, not told about yet (learning off): copied aside first.
    if (this.earlier && !(await this.copyEarlier())) return;
    try {
      // Changed on disk since Factmark read or wrote it (by hand, a script, a broken copy): a file that
      // is no longer corrections Factmark can read is kept as it is, and learning goes on in memory
      // from the last good corrections (the ones in use).
      const problem = await this.damagedSince(file);
      if (problem) {
        this.keepFile = true;
        void vscode.window.showWarningMessage(
          `Factmark: the learnt entity-model corrections in ${file.fsPath} were changed outside Factmark and cannot be read (${problem}); ` +
            'that file is left untouched, and learning goes on in memory from the last good corrections.',
        );
        return;
      }
      await vscode.workspace.fs.createDirectory(this.storage);
      const text = JSON.stringify(this.learner.adjustments.toJSON());
      await writeTextAtomic(file, text);
      this.adjustmentsText = text;
    } catch (err) {
      void vscode.window.showWarningMessage(`Factmark: could not save the learnt entity-model corrections: ${(err as Error).message}`);
    }
  }

  /** Why the corrections file, changed on disk since Factmark last read or wrote it, cannot be read; undefined when it can or did not change. */
  private async damagedSince(file: vscode.Uri): Promise<string | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined; // absent (deleted: written afresh)
    }
    if (text === this.adjustmentsText) return undefined;
    try {
      const data = JSON.parse(text) as Partial<AdjustmentsData> | null;
      const bits = this.learner.adjustments.toJSON().bits;
      if (data?.format !== 'factmark-ner-adjustments' || data.version !== 1 || !Array.isArray(data.rows)) return 'not Factmark entity-model corrections';
      if (data.bits !== bits) return `corrections for a ${data.bits}-bit model, this one has ${bits}`;
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  /** Saves at once what waits for its save. */
  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.save();
    }
  }
}

const RESET = 'Reset Learnt Corrections';
// The modal question's button (its Cancel is the dialog's own).
const RESET_CONFIRM = 'Reset';
/** The corrections' file in the extension's workspace storage. */
const ADJUSTMENTS_FILE = 'ner-adjustments.json';
// Decisions come in bursts (accept all of a type): save once they settle.
const SAVE_DELAY_MS = 1000;

/** A file's name (the last part of its path). */
function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
