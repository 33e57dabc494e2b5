import * as vscode from 'vscode';
import type { Annotation } from '../core/model';
import type { EntityModel } from '../core/ner';
import {
  EMPTY_LEXICON,
  LEXICON_FILE,
  Learned,
  addDecisions,
  parseLexicon,
  sameLexicon,
  serializeLexicon,
  type Lexicon,
  type LexiconEntry,
  type PatternSpec,
} from '../core/learning';
import { SerialQueue } from '../core/serialQueue';
import { writeTextAtomic } from './sidecar/files';
import { Disposable } from './dispose';
import { ModelCorrections } from './modelCorrections';

/**
 * What Factmark learns from the user, per workspace folder: the lexicon file
 * (`factmark.lexicon.yaml` at the folder's root, which a team can commit) and the user's patterns
 * (`factmark.patterns`). Workspace values of `factmark.patterns` are ignored in Restricted Mode
 * (declared in `capabilities.untrustedWorkspaces.restrictedConfigurations`), so nothing from an
 * untrusted workspace is run.
 */
export class LexiconService extends Disposable {
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private learnedCache = new Map<string, Learned>();
  private reportedPatternErrors = '';
  // Corrections of the entity model learnt from this workspace's decisions.
  private readonly corrections: ModelCorrections;
  // Folders whose lexicon file could not be read: it is never overwritten until it reads again.
  private readonly broken = new Set<string>();
  // The lexicon file's text as Factmark last read or wrote it, per folder (absent: no file).
  private readonly known = new Map<string, string>();
  // Folders whose lexicon changed in Restricted Mode and is not written yet (folder URI strings).
  private readonly unwritten = new Set<string>();
  /**
   * Lexicon changes, one at a time, in the order asked. Two at once (the names a decision teaches,
   * and its rule) would each read the file and write their own lexicon, and the later write could
   * carry the earlier lexicon: a decision lost on disk, and an undo snapshot taken between them.
   */
  private readonly turns = new SerialQueue();

  /** Fires when the lexicon or the patterns change: suggestions must be recomputed. */
  readonly onDidChange = this.changed.event;

  /**
   * @param storage where the entity-model corrections are kept (the extension's workspace storage,
   * `context.storageUri`); without it they last for the session only
   */
  constructor(storage?: vscode.Uri) {
    super();
    this.corrections = this._register(new ModelCorrections(storage, () => this.changed.fire(), () => this.learnsAnywhere()));
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`);
    const reload = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // In turn with the decisions: a reload between a decision's commit and its write would put the older file back.
      if (folder && uri.path === vscode.Uri.joinPath(folder.uri, LEXICON_FILE).path) void this.turns.run(() => this.load(folder));
    };
    this._registerAll(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => e.added.forEach((f) => void this.turns.run(() => this.load(f)))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factmark.patterns') || e.affectsConfiguration('factmark.suggestions.learn')) this.invalidate();
        if (e.affectsConfiguration('factmark.suggestions.learn')) void this.corrections.learningChanged();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.invalidate();
        void this.turns.run(() => this.writeUnwritten());
      }),
    );
  }

  /** Loads the lexicon of every workspace folder and the entity-model corrections. */
  async loadAll(): Promise<void> {
    await Promise.all([...(vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)), this.corrections.load()]);
  }

  /**
   * The entity model for a document: the shipped one with the corrections learnt in this workspace,
   * where learning is on (`factmark.suggestions.learn`) and something was learnt; otherwise undefined
   * (the shipped model).
   */
  entityModelFor(uri: vscode.Uri): EntityModel | undefined {
    if (!learningEnabled(this.folderOf(uri))) return undefined;
    return this.corrections.model();
  }

  /**
   * Teaches the entity model the user's decisions on a document's names (confirmed and rejected
   * people, organisations, places and MISC names) through the core decision path
   * (core/learning/learner.ts: a small correction of the decided words' own features, undone when it
   * would break an earlier decision in the document). Each decision is learnt once per session; a
   * decision the model already agrees with changes nothing. The corrections are saved in the
   * workspace storage.
   */
  learnModel(uri: vscode.Uri, annotations: readonly Annotation[]): void {
    if (!learningEnabled(this.folderOf(uri))) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) return; // decisions are made in an open editor; the text on disk may differ from the offsets
    this.corrections.learn(uri.toString(), document.getText(), annotations);
  }

  /** Whether decisions on this document are learnt (`factmark.suggestions.learn`). */
  learns(uri: vscode.Uri): boolean {
    return learningEnabled(this.folderOf(uri));
  }

  /** A copy of the entity-model corrections, to go back to (the Undo of a decision's notice). */
  snapshotModel(): ReadonlyMap<number, Float64Array> {
    return this.corrections.snapshot();
  }

  /** Goes back to corrections taken by `snapshotModel`. */
  restoreModel(snapshot: ReadonlyMap<number, Float64Array>): void {
    this.corrections.restore(snapshot);
  }

  /**
   * Resets the entity-model corrections learnt from the user's decisions, after asking unless `ask` is
   * false (the Command Palette's Reset Learnt Entity-Model Corrections); a copy is kept and the message
   * offers Undo. Whether they were reset.
   */
  resetModel(ask = true): Promise<boolean> {
    return this.corrections.reset(ask);
  }

  /** Whether decisions are learnt in some folder of the workspace (the entity-model corrections are the workspace's). */
  private learnsAnywhere(): boolean {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length ? folders.some((f) => learningEnabled(f)) : learningEnabled(undefined);
  }

  /** Where the entity-model corrections are saved (undefined without workspace storage). */
  adjustmentsFile(): vscode.Uri | undefined {
    return this.corrections.file();
  }

  /** What applies to a document: its folder's lexicon and the patterns in effect there. */
  learnedFor(uri: vscode.Uri): Learned {
    const folder = this.folderOf(uri);
    const learning = learningEnabled(folder);
    const key = `${learning}|${folder?.uri.toString() ?? ''}`;
    let learned = this.learnedCache.get(key);
    if (!learned) {
      const patterns = vscode.workspace.getConfiguration('factmark', folder?.uri).get<PatternSpec[]>('patterns', []);
      const lexicon = learning ? this.lexicons.get(folder?.uri.toString() ?? '') : undefined;
      learned = new Learned(lexicon ?? EMPTY_LEXICON, Array.isArray(patterns) ? patterns : []);
      this.learnedCache.set(key, learned);
      this.reportPatternErrors(learned.errors);
    }
    return learned;
  }

  /**
   * Records decisions on texts in the lexicon of a document's folder and saves it when it changed.
   * With `scope` 'document' the entries hold in that document only (its path in the folder).
   */
  record(uri: vscode.Uri, confirmed: LexiconEntry[], rejected: LexiconEntry[], scope: 'document' | 'everywhere' = 'everywhere'): Promise<void> {
    return this.turns.run(async () => {
      const folder = this.folderOf(uri);
      if (!folder) return; // untitled outside a workspace: nowhere a team could share it
      if (!learningEnabled(folder)) return;
      const key = folder.uri.toString();
      const document = scope === 'document' ? this.documentKey(uri) : undefined;
      const scoped = (entries: LexiconEntry[]) => entries.map((e) => ({ text: e.text, type: e.type, ...(document ? { document } : {}), ...(e.rule ? { rule: true } : {}) }));
      await this.syncWithDisk(folder);
      const before = this.lexicons.get(key) ?? EMPTY_LEXICON;
      const after = addDecisions(before, scoped(confirmed), scoped(rejected));
      if (sameLexicon(before, after)) return;
      await this.commit(folder, after);
    });
  }

  /** Resolves once every lexicon change asked for so far has been made (undo snapshots wait for it). */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  /** Uses a folder's new lexicon at once, and writes it where it may be written. */
  private async commit(folder: vscode.WorkspaceFolder, lexicon: Lexicon): Promise<void> {
    const key = folder.uri.toString();
    this.lexicons.set(key, lexicon);
    this.invalidate();
    // A lexicon file that could not be read is never overwritten: the decisions are used in memory
    // and written once the file reads again (see load).
    if (this.broken.has(key)) return;
    // Restricted Mode writes nothing into the workspace (as the sidecars): the lexicon is used in
    // memory and written once the folder is trusted.
    if (!vscode.workspace.isTrusted) {
      this.unwritten.add(key);
      return;
    }
    await this.writeLexicon(folder, lexicon);
  }

  /**
   * Forgets decisions on texts (the user takes back "reject everywhere" or "in this document"):
   * entries of the document's folder lexicon equal to `entries` (scope included) are removed.
   */
  forget(uri: vscode.Uri, entries: readonly LexiconEntry[], status: 'confirmed' | 'rejected'): Promise<void> {
    return this.turns.run(async () => {
      const folder = this.folderOf(uri);
      if (!folder) return;
      const key = folder.uri.toString();
      await this.syncWithDisk(folder);
      const before = this.lexicons.get(key) ?? EMPTY_LEXICON;
      const same = (a: LexiconEntry, b: LexiconEntry) => a.text === b.text && a.type === b.type && (a.document ?? '') === (b.document ?? '');
      const after = { ...before, [status]: before[status].filter((e) => !entries.some((x) => same(e, x))) };
      if (sameLexicon(before, after)) return;
      await this.commit(folder, after);
    });
  }

  /** Puts a folder's lexicon back as it was (undo and redo of annotation actions). */
  restoreLexicon(uri: vscode.Uri, lexicon: Lexicon): Promise<void> {
    return this.turns.run(async () => {
      const folder = this.folderOf(uri);
      if (!folder) return;
      const key = folder.uri.toString();
      if (sameLexicon(this.lexicons.get(key) ?? EMPTY_LEXICON, lexicon)) return;
      await this.syncWithDisk(folder);
      await this.commit(folder, lexicon);
    });
  }

  /** The lexicon of a document's folder (what the user decided on texts there). */
  lexiconFor(uri: vscode.Uri): Lexicon {
    return this.lexicons.get(this.folderOf(uri)?.uri.toString() ?? '') ?? EMPTY_LEXICON;
  }

  /** How lexicon entries of one document name it: its path relative to its workspace folder. */
  documentKey(uri: vscode.Uri): string {
    const folder = this.folderOf(uri);
    if (!folder || uri.scheme === 'untitled') return uri.toString();
    return uri.path.startsWith(`${folder.uri.path}/`) ? uri.path.slice(folder.uri.path.length + 1) : uri.path;
  }

  /** Writes the lexicons changed while the workspace was not trusted. */
  private async writeUnwritten(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      const lexicon = this.lexicons.get(key);
      if (!this.unwritten.delete(key) || !lexicon || this.broken.has(key)) continue;
      try {
        await this.syncWithDisk(folder);
        if (!this.broken.has(key)) await this.writeLexicon(folder, this.lexicons.get(key) ?? lexicon);
      } catch (err) {
        void vscode.window.showWarningMessage(`Factmark: could not write ${LEXICON_FILE} in ${folder.name}: ${(err as Error).message}`);
      }
    }
  }

  private folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
  }

  /**
   * Reads the lexicon file again when it changed on disk since Factmark last read or wrote it (a
   * hand edit the file watcher has not reported yet), so a write never replaces what is there unseen.
   */
  private async syncWithDisk(folder: vscode.WorkspaceFolder): Promise<void> {
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, LEXICON_FILE)));
    } catch {
      text = undefined; // absent (or unreadable: load says so)
    }
    if (text !== this.known.get(folder.uri.toString())) await this.load(folder);
  }

  private async writeLexicon(folder: vscode.WorkspaceFolder, lexicon: Lexicon): Promise<void> {
    const text = serializeLexicon(lexicon);
    await writeTextAtomic(vscode.Uri.joinPath(folder.uri, LEXICON_FILE), text);
    this.known.set(folder.uri.toString(), text);
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const file = vscode.Uri.joinPath(folder.uri, LEXICON_FILE);
    const key = folder.uri.toString();
    let lexicon = EMPTY_LEXICON;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      this.known.set(key, text);
      const parsed = parseLexicon(text);
      if (parsed.errors.length) {
        // Hand-broken: never overwritten (writing would drop the lines it could not read). A file that
        // does not parse at all keeps the last good lexicon; a bad entry is skipped, the rest applies.
        this.broken.add(key);
        const unreadable = parsed.lexicon.confirmed.length + parsed.lexicon.rejected.length === 0 && /\S/.test(text.replace(/^\s*#.*$/gm, ''));
        lexicon = unreadable ? (this.lexicons.get(key) ?? EMPTY_LEXICON) : parsed.lexicon;
        void vscode.window.showWarningMessage(
          `Factmark: ${LEXICON_FILE} in ${folder.name} has problems: ${parsed.errors.slice(0, 3).join('; ')}. ` +
            `${unreadable ? 'The last good lexicon is used' : 'The readable entries are used'}; Factmark will not write the file until it is fixed, and keeps new decisions in memory meanwhile.`,
        );
      } else if (this.broken.delete(key)) {
        // Fixed by hand: decisions made meanwhile are kept and the file is written with them.
        lexicon = addDecisions(parsed.lexicon, this.lexicons.get(key)?.confirmed ?? [], this.lexicons.get(key)?.rejected ?? []);
        if (!sameLexicon(lexicon, parsed.lexicon) && vscode.workspace.isTrusted) await this.writeLexicon(folder, lexicon);
      } else lexicon = parsed.lexicon;
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) {
        this.broken.add(key);
        lexicon = this.lexicons.get(key) ?? EMPTY_LEXICON;
        void vscode.window.showWarningMessage(`Factmark: could not read ${LEXICON_FILE} in ${folder.name}: ${(err as Error).message}`);
      } else {
        this.broken.delete(key);
        this.known.delete(key);
      }
    }
    if (sameLexicon(this.lexicons.get(key) ?? EMPTY_LEXICON, lexicon)) return;
    this.lexicons.set(key, lexicon);
    this.invalidate();
  }

  private invalidate(): void {
    this.learnedCache = new Map();
    this.changed.fire();
  }

  private reportPatternErrors(errors: string[]): void {
    const summary = errors.join('; ');
    if (!summary || summary === this.reportedPatternErrors) return;
    this.reportedPatternErrors = summary;
    void vscode.window.showWarningMessage(`Factmark: some patterns in factmark.patterns were skipped: ${summary}`);
  }
}

/** Whether the workspace lexicon is used and kept up to date (`factmark.suggestions.learn`). */
function learningEnabled(folder: vscode.WorkspaceFolder | undefined): boolean {
  return vscode.workspace.getConfiguration('factmark', folder?.uri).get<boolean>('suggestions.learn', true);
}

export { learnFromAnnotations } from './learnFromDecisions';
