import * as vscode from 'vscode';
import type { SidecarDiagnostic } from '../../core/sidecar';
import type { AnnotationStore, DocumentAnnotations, SidecarProblems } from './store';

/** Diagnostic code of an orphan; its `value` is `orphan:<id>` so quick fixes know which one. */
export const ORPHAN_CODE_PREFIX = 'orphan:';

const SEVERITY: Record<SidecarDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** A problem of a sidecar or entities file, as VS Code shows it. */
export function toDiagnostic(d: SidecarDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(new vscode.Range(d.line, d.column, d.endLine, d.endColumn), d.message, SEVERITY[d.severity]);
  out.source = 'Factmark';
  out.code = d.code;
  return out;
}

/** Problems of sidecar files (syntax, version, schema, refused input), at their line and column. */
export class SidecarProblemsPanel implements SidecarProblems, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('factmark-sidecar');

  report(sidecar: vscode.Uri, diagnostics: readonly SidecarDiagnostic[]): void {
    this.collection.set(
      sidecar,
      diagnostics.map(toDiagnostic),
    );
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/**
 * Orphans as warnings on the document, at the place their text was; the quick fixes
 * (quickFixes.ts) re-anchor, accept the best candidate or delete.
 */
export function registerOrphanDiagnostics(store: AnnotationStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('factmark-orphans');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = (entry: DocumentAnnotations) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
    if (!document || document.isClosed || entry.orphans.size === 0 || store.get(entry.uri) !== entry) {
      collection.delete(entry.uri);
      return;
    }
    collection.set(entry.uri, orphanDiagnostics(store, entry, document));
  };
  const later = (entry: DocumentAnnotations) => {
    const key = entry.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      update(entry);
    }, 250));
  };
  return vscode.Disposable.from(
    collection,
    store.onDidChangeOrphans(update),
    // The hints move with edits: refresh them once typing pauses.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const entry = store.get(e.document.uri);
      if (entry && entry.orphans.size > 0) later(entry);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

function orphanDiagnostics(store: AnnotationStore, entry: DocumentAnnotations, document: vscode.TextDocument): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  const all: Array<{ id: string; start: number; text: string; what: string }> = [
    ...entry.model.annotations.map((a) => ({ id: a.id, start: a.start, text: a.text, what: `${a.type} annotation` })),
    ...entry.model.facts.map((f) => ({ id: f.id, start: f.start, text: f.text, what: `fact "${f.label}"` })),
  ];
  for (const s of all) {
    if (!entry.orphans.has(s.id)) continue;
    const info = store.orphanInfo(entry.uri, s.id);
    const at = document.positionAt(s.start);
    // A zero-width range is hard to see and to hit with the cursor: cover the word there, if any.
    const range = document.getWordRangeAtPosition(at) ?? new vscode.Range(at, at);
    const why = info?.reason === 'ambiguous' ? 'its text occurs in several places' : info?.reason === 'not-found' ? 'its text was not found' : 'its text was deleted';
    const best = info?.best ? ` Best candidate: “${clip(info.best.text)}” on line ${document.positionAt(info.best.start).line + 1}.` : '';
    const d = new vscode.Diagnostic(range, `Orphaned ${s.what} ${s.id} “${clip(s.text)}”: ${why}. It is kept in the sidecar.${best}`, vscode.DiagnosticSeverity.Warning);
    d.source = 'Factmark';
    d.code = { value: ORPHAN_CODE_PREFIX + s.id, target: entry.sidecarUri };
    out.push(d);
  }
  return out;
}

export function clip(text: string, n = 40): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
