import * as vscode from 'vscode';
import { escapeRegExp } from '../../core/text';
import { Disposable } from '../dispose';
import { toDiagnostic } from '../sidecar/diagnostics';
import { ENTITIES_FILE, parseEntities, type EntitiesParseResult, type Entity } from '../../core/entities';

/** One folder's entities file, as last read. */
export interface EntitiesFile {
  uri: vscode.Uri;
  /** Undefined when there is no such file yet. */
  text?: string;
  result: EntitiesParseResult;
}

const EMPTY: EntitiesParseResult = { data: { version: 1, entities: [] }, invalid: [], diagnostics: [], writable: true };

/**
 * The `factmark.entities.yaml` of each workspace folder: read (from its editor when it has unsaved edits, so
 * unsaved edits count), re-read when it changes, and its problems shown in the Problems view with
 * their line and column. A malformed file is reported and never written (see `writable`).
 */
export class EntitiesFiles extends Disposable {
  private readonly cache = new Map<string, Promise<EntitiesFile>>();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('factmark-entities'));
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Pending re-reads per file, and a count per file so an overtaken re-read is dropped. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /** Fires when an entities file was read again after a change. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${ENTITIES_FILE}`));
    const later = (uri: vscode.Uri) => this.later(uri);
    this._registerAll(
      watcher.onDidChange(later),
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.path.endsWith(`/${ENTITIES_FILE}`)) later(e.document.uri);
      }),
    );
  }

  override dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    super.dispose();
  }

  /** Typing in the entities file re-reads it once the typing pauses, not on every keystroke. */
  private later(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(uri);
      }, 300),
    );
  }

  /** Reads the file again; parses, reports and fires `onDidChange` only when its text changed. */
  private async refresh(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const cached = this.cache.get(key);
    const before = cached ? await cached : undefined;
    const text = await this.readText(uri);
    if (this.isDisposed || this.generations.get(key) !== generation) return;
    if (before && before.text === text) return;
    this.cache.set(key, Promise.resolve(this.parse(uri, text)));
    this.changed.fire();
  }

  /** Reads every folder's file again now (file events can come late); fires `onDidChange` when one changed. */
  async reread(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.refresh(vscode.Uri.joinPath(f.uri, ENTITIES_FILE))));
  }

  /** The entities files of every workspace folder (a folder without one gives an empty list). */
  all(): Promise<EntitiesFile[]> {
    return Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.read(vscode.Uri.joinPath(f.uri, ENTITIES_FILE))));
  }

  /** The entities file that governs a document: the one of its workspace folder. */
  async forDocument(uri: vscode.Uri): Promise<EntitiesFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.read(vscode.Uri.joinPath(folder.uri, ENTITIES_FILE)) : undefined;
  }

  /**
   * The entities file that governs a document, read from disk now: file events come late (seconds,
   * under load), so right after a checkout the cache may still hold a file that is gone, or no file
   * where there is one. The cache catches up in the background, as after a file event.
   */
  async forDocumentNow(uri: vscode.Uri): Promise<EntitiesFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const file = vscode.Uri.joinPath(folder.uri, ENTITIES_FILE);
    void this.refresh(file);
    // (Its problems are reported by that re-read, which alone may tell whether a newer one overtook it.)
    return this.parse(file, await this.readText(file), false);
  }

  /** An entity by id, with the file that holds it. */
  async find(id: string, near?: vscode.Uri): Promise<{ entity: Entity; file: EntitiesFile } | undefined> {
    const files = near ? [await this.forDocument(near)].filter((f): f is EntitiesFile => !!f) : await this.all();
    for (const file of files) {
      const entity = file.result.data?.entities.find((e) => e.id === id);
      if (entity) return { entity, file };
    }
    return undefined;
  }

  private read(uri: vscode.Uri): Promise<EntitiesFile> {
    const key = uri.toString();
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(uri);
      this.cache.set(key, p);
    }
    return p;
  }

  private async load(uri: vscode.Uri): Promise<EntitiesFile> {
    return this.parse(uri, await this.readText(uri));
  }

  /**
   * The file's text: from its editor when it has unsaved edits, so they count; else from disk (a
   * document outlives its file: one deleted on disk has no problems left to show). Undefined when
   * there is no file.
   */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return open.getText();
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private parse(uri: vscode.Uri, text: string | undefined, report = true): EntitiesFile {
    if (text === undefined) {
      if (report) this.diagnostics.delete(uri);
      return { uri, result: EMPTY };
    }
    const result = parseEntities(text);
    if (report) this.diagnostics.set(uri, result.diagnostics.map(toDiagnostic));
    return { uri, text, result };
  }
}

/** The line of an entity's entry (`- id: e-…`) in its file, for locations; 0 when not found. */
export function entryLine(text: string | undefined, id: string): number {
  if (!text) return 0;
  const lines = text.split(/\r?\n/);
  const re = new RegExp(`^\\s*(?:-\\s+)?id:\\s*["']?${escapeRegExp(id)}["']?\\s*(?:#.*)?$`);
  const at = lines.findIndex((l) => re.test(l));
  return Math.max(0, at);
}
