import * as vscode from 'vscode';
import { LEXICON_FILE, lexiconEntriesOf } from '../core/learning';
import type { Annotation } from '../core/model';
import type { LexiconService } from './lexicon';

/** The part of the annotation store learning needs (src/features/sidecar/store.ts). */
interface AnnotationSource {
  readonly onDidChangeDecisions: vscode.Event<{ readonly uri: vscode.Uri; readonly model: { readonly annotations: readonly Annotation[] }; readonly orphans: ReadonlySet<string> }>;
}

/**
 * Feeds the user's decisions into the workspace lexicon (every confirmed annotation teaches its text
 * and type, suggested at its other mentions) and into the entity model (see LexiconService.learnModel).
 * Rejecting a text in a document or everywhere is an explicit command (src/features/annotate/scope.ts).
 */
export function learnFromAnnotations(store: AnnotationSource, lexicon: LexiconService): vscode.Disposable {
  // Decisions only: typing inside a confirmed name changes its text keystroke by keystroke, and each
  // half-typed text would be learnt as a name (and the lexicon rewritten each time).
  return store.onDidChangeDecisions((entry) => {
    const live = entry.model.annotations.filter((a) => !entry.orphans.has(a.id) && a.text.trim().length > 0);
    // A rejection of one mention stays with that mention (the sidecar); only confirmed names reach
    // their other mentions (core/learning/learner.ts).
    const { confirmed, rejected } = lexiconEntriesOf(live);
    lexicon.record(entry.uri, confirmed, rejected).catch((err) => {
      void vscode.window.showWarningMessage(`Factmark: could not update ${LEXICON_FILE}: ${err instanceof Error ? err.message : String(err)}`);
    });
    lexicon.learnModel(entry.uri, live);
  });
}
