import * as vscode from 'vscode';
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
 * The `factmark.entities.yaml` of each workspace folder: read (from its editor when it is open, so
 * unsaved edits count), re-read when it changes, and its problems shown in the Problems view with
 * their line and column. A malformed file is reported and never written (see `writable`).
 */
export class EntitiesFiles implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<EntitiesFile>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('factmark-entities');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an entities file was read again after a change. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ENTITIES_FILE}`);
    const forget = (uri: vscode.Uri) => {
      this.cache.delete(uri.toString());
      void this.read(uri).then(() => this.changed.fire());
    };
    this.subscriptions.push(
      this.diagnostics,
      this.changed,
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.path.endsWith(`/${ENTITIES_FILE}`)) forget(e.document.uri);
      }),
    );
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
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
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      try {
        text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.diagnostics.delete(uri);
        return { uri, result: EMPTY };
      }
    }
    const result = parseEntities(text);
    this.diagnostics.set(
      uri,
      result.diagnostics.map((d) => {
        const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(d.line, d.column, d.endLine, d.endColumn), d.message, severity);
        diagnostic.source = 'Factmark';
        diagnostic.code = d.code;
        return diagnostic;
      }),
    );
    return { uri, text, result };
  }
}

/** The line of an entity's entry (`- id: e-…`) in its file, for locations; 0 when not found. */
export function entryLine(text: string | undefined, id: string): number {
  if (!text) return 0;
  const lines = text.split(/\r?\n/);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*(?:-\\s+)?id:\\s*["']?${escaped}["']?\\s*(?:#.*)?$`);
  const at = lines.findIndex((l) => re.test(l));
  return Math.max(0, at);
}
